import { RuleViolation } from '../decider';
import { deciderSpecification } from '../testing/decider-specification';
import { PersoonEvent, Persoonsgegevens, persoonDecider } from './persoon';

const spec = deciderSpecification(persoonDecider);
const now = new Date('2026-03-01T10:00:00Z');
const sanne: Persoonsgegevens = {
  voornaam: 'Sanne',
  achternaam: 'Jansen',
  geboortedatum: '2012-05-04',
  bsn: '111222333',
};
const registered: PersoonEvent = {
  type: 'PersoonRegistered',
  data: { persoonId: 'p-1', ...sanne },
};

describe('persoon decider', () => {
  it('registers a person', () => {
    spec
      .given([])
      .when({ type: 'RegisterPersoon', persoonId: 'p-1', gegevens: sanne }, now)
      .then([registered]);
  });
  it('refuses an invalid BSN and a birth date in the future', () => {
    spec
      .given([])
      .when(
        { type: 'RegisterPersoon', persoonId: 'p-1', gegevens: { ...sanne, bsn: '123456789' } },
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
        },
        now,
      )
      .thenThrows(RuleViolation, /toekomst/);
  });
  it('refuses registering twice', () => {
    spec
      .given([registered])
      .when({ type: 'RegisterPersoon', persoonId: 'p-1', gegevens: sanne }, now)
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
