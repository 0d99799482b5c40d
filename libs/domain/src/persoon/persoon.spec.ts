import { RuleViolation } from '../decider';
import { deciderSpecification } from '../testing/decider-specification';
import { PersoonStreamEvent, Persoonsgegevens, persoonDecider } from './persoon';

const spec = deciderSpecification(persoonDecider);
const now = new Date('2026-03-01T10:00:00Z');
const sanne: Persoonsgegevens = {
  voornaam: 'Sanne',
  achternaam: 'Jansen',
  geboortedatum: '2012-05-04',
  bsn: '111222333',
};
const registered: PersoonStreamEvent = {
  type: 'PersoonRegistered',
  data: { persoonId: 'p-1', ...sanne },
};
const recordKey = 3_000_000_123;
const keyAssigned: PersoonStreamEvent = {
  type: 'PersoonRecordKeyAssigned',
  data: { persoonId: 'p-1', recordKey },
};

describe('persoon decider', () => {
  it('registers a person with the record key drawn for them', () => {
    spec
      .given([])
      .when({ type: 'RegisterPersoon', persoonId: 'p-1', gegevens: sanne, recordKey }, now)
      .then([registered, keyAssigned]);
  });
  it('refuses a record key that is not an unsigned 32-bit integer', () => {
    for (const wrong of [-1, 2 ** 32, 1.5]) {
      spec
        .given([])
        .when({ type: 'RegisterPersoon', persoonId: 'p-1', gegevens: sanne, recordKey: wrong })
        .thenThrows(RangeError);
    }
  });
  it('assigns a record key to a person registered before record keys, once', () => {
    spec
      .given([registered])
      .when({ type: 'AssignPersoonRecordKey', recordKey })
      .then([keyAssigned]);
    spec
      .given([registered, keyAssigned])
      .when({ type: 'AssignPersoonRecordKey', recordKey: 7 })
      .then([]);
    spec
      .given([])
      .when({ type: 'AssignPersoonRecordKey', recordKey })
      .thenThrows(RuleViolation, /bestaat niet/);
  });
  it('refuses an invalid BSN and a birth date in the future', () => {
    spec
      .given([])
      .when(
        {
          type: 'RegisterPersoon',
          persoonId: 'p-1',
          gegevens: { ...sanne, bsn: '123456789' },
          recordKey,
        },
        now,
      )
      .thenThrows(RuleViolation, /elfproef/);
    spec
      .given([])
      .when(
        {
          type: 'RegisterPersoon',
          persoonId: 'p-1',
          gegevens: { ...sanne, geboortedatum: '2027-01-01' },
          recordKey,
        },
        now,
      )
      .thenThrows(RuleViolation, /toekomst/);
  });
  it('refuses registering twice', () => {
    spec
      .given([registered])
      .when({ type: 'RegisterPersoon', persoonId: 'p-1', gegevens: sanne, recordKey }, now)
      .thenThrows(RuleViolation, /al geregistreerd/);
  });
  it('keeps the birth date of a youth', () => {
    spec
      .given([registered])
      .when(
        {
          type: 'CorrectPersoonsgegevens',
          gegevens: { ...sanne, geboortedatum: null },
          reden: 'x',
          isJeugdige: true,
        },
        now,
      )
      .thenThrows(RuleViolation, /nodig voor een jeugdige/);
    spec
      .given([registered])
      .when(
        {
          type: 'CorrectPersoonsgegevens',
          gegevens: { ...sanne, geboortedatum: null },
          reden: 'x',
          isJeugdige: false,
        },
        now,
      )
      .then([
        {
          type: 'PersoonsgegevensCorrected',
          data: { persoonId: 'p-1', reden: 'x', ...sanne, geboortedatum: null },
        },
      ]);
  });

  it('corrects data with a reason', () => {
    const corrected = { ...sanne, geboortedatum: '2012-05-14' };
    spec
      .given([registered])
      .when(
        {
          type: 'CorrectPersoonsgegevens',
          gegevens: corrected,
          reden: 'Typefout',
          isJeugdige: true,
        },
        now,
      )
      .then([
        {
          type: 'PersoonsgegevensCorrected',
          data: { persoonId: 'p-1', reden: 'Typefout', ...corrected },
        },
      ]);
    spec
      .given([])
      .when(
        {
          type: 'CorrectPersoonsgegevens',
          gegevens: corrected,
          reden: 'Typefout',
          isJeugdige: true,
        },
        now,
      )
      .thenThrows(RuleViolation, /bestaat niet/);
  });
});
