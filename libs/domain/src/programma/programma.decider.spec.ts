import { NotFound, RuleViolation } from '../decider';
import { deciderSpecification } from '../testing/decider-specification';
import { programmaDecider } from './programma.decider';
import { ProgrammaEvent } from './programma.events';

const spec = deciderSpecification(programmaDecider);
const now = new Date('2026-03-01T10:00:00Z');

const knop10: ProgrammaEvent = {
  type: 'KnopSet',
  data: {
    knop: 10,
    titel: 'Sturen op het beperken van verlengingen jeugdhulp',
    acties: [
      {
        actieId: 'k10-1a',
        titel:
          'We monitoren per aanbieder en per product hoe vaak zorg langer duurt dan afgesproken.',
      },
      { actieId: 'k10-1b', titel: 'We gaan aan de voorkant verlengingen scherper toetsen.' },
    ],
  },
};
const groen: ProgrammaEvent = {
  type: 'ActieStatusRecorded',
  data: {
    actieId: 'k10-1a',
    status: 'groen',
    toelichting: 'Loopt',
    datum: '2026-02-01',
    door: 'u-beleid',
  },
};

describe('programma decider', () => {
  it('sets a knop with its actions; the same again records nothing; an action of another knop is refused', () => {
    const data = knop10.data;
    spec
      .given([])
      .when({ type: 'SetKnop', ...data }, now)
      .then([knop10]);
    spec
      .given([knop10])
      .when({ type: 'SetKnop', ...data }, now)
      .then([]);
    spec
      .given([knop10])
      .when(
        {
          type: 'SetKnop',
          knop: 9,
          titel: 'Nee, tenzij',
          acties: [{ actieId: 'k10-1a', titel: 'x' }],
        },
        now,
      )
      .thenThrows(RuleViolation, /andere knop/);
  });

  it('sets a theme, linked to a knop that exists', () => {
    spec
      .given([knop10])
      .when(
        { type: 'SetThema', themaId: 'verlengingen', naam: 'Verlengingen', knop: 10, actief: true },
        now,
      )
      .then([
        {
          type: 'ThemaSet',
          data: { themaId: 'verlengingen', naam: 'Verlengingen', knop: 10, actief: true },
        },
      ]);
    spec
      .given([])
      .when({ type: 'SetThema', themaId: 'x', naam: 'X', knop: 3, actief: true }, now)
      .thenThrows(RuleViolation, /Knop 3 bestaat niet/);
  });

  it('records the status of an action that exists, not in the future, not before the last one', () => {
    const status = { type: 'RecordActieStatus' as const, ...groen.data };
    spec.given([knop10]).when(status, now).then([groen]);
    spec
      .given([])
      .when(status, now)
      .thenThrows(NotFound, /bestaat niet/);
    spec
      .given([knop10])
      .when({ ...status, datum: '2026-03-02' }, now)
      .thenThrows(RuleViolation, /toekomst/);
    spec
      .given([knop10, groen])
      .when({ ...status, status: 'oranje', datum: '2026-01-15' }, now)
      .thenThrows(RuleViolation, /latere datum/);
  });
});
