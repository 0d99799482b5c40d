import { NotAllowed, NotFound, RuleViolation } from '../decider';
import { GEEN_GEZINSLID } from '../toegang';
import { deciderSpecification } from '../testing/decider-specification';
import {
  CorrectPersoonsgegevens,
  PersoonStreamEvent,
  Persoonsgegevens,
  herkenPersoon,
  persoonDecider,
} from './persoon';

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
/** Corrected by the contact person of the family, in which the person is a youth. */
const alsJeugdige: CorrectPersoonsgegevens['gezin'] = { toegang: 'schrijven', rol: 'jeugdige' };
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
          gezin: alsJeugdige,
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
          gezin: { toegang: 'schrijven', rol: 'ouder' },
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
          gezin: alsJeugdige,
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
          gezin: alsJeugdige,
        },
        now,
      )
      .thenThrows(RuleViolation, /bestaat niet/);
  });

  describe('need-to-know: the data of a family member is corrected in that family', () => {
    const correct = (gezin: CorrectPersoonsgegevens['gezin']): CorrectPersoonsgegevens => ({
      type: 'CorrectPersoonsgegevens',
      gegevens: { ...sanne, voornaam: 'Sanne Marie' },
      reden: 'Tweede voornaam',
      gezin,
    });

    it('lets whoever may change the family correct a member', () => {
      spec
        .given([registered])
        .when(correct({ toegang: 'schrijven', rol: 'jeugdige' }), now)
        .then([
          {
            type: 'PersoonsgegevensCorrected',
            data: { persoonId: 'p-1', reden: 'Tweede voornaam', ...sanne, voornaam: 'Sanne Marie' },
          },
        ]);
    });
    it('answers NotFound to someone who does not work with the family, even for a member', () => {
      spec
        .given([registered])
        .when(correct({ toegang: 'geen', rol: 'jeugdige' }), now)
        .thenThrows(NotFound, 'Dit gezin bestaat niet of u werkt er niet mee.');
    });
    it('leaves an earlier contact person read-only (NotAllowed)', () => {
      spec
        .given([registered])
        .when(correct({ toegang: 'lezen', rol: 'jeugdige' }), now)
        .thenThrows(NotAllowed, /niet meer wijzigen/);
    });
    it('answers NotFound for a person who is not a member of the family', () => {
      spec
        .given([registered])
        .when(correct({ toegang: 'schrijven', rol: null }), now)
        .thenThrows(NotFound, 'Deze persoon hoort niet bij het gezin.');
    });
    it('checks access before the data: a stranger learns nothing from a refused BSN', () => {
      spec
        .given([registered])
        .when(
          { ...correct({ toegang: 'geen', rol: null }), gegevens: { ...sanne, bsn: '123456789' } },
          now,
        )
        .thenThrows(NotFound, /werkt er niet mee/);
    });
    it('authorize refuses before anything else, as the command path calls it', () => {
      const state = persoonDecider.evolve(persoonDecider.initialState(), registered);
      expect(() =>
        persoonDecider.authorize!(correct({ toegang: 'geen', rol: 'ouder' }), state),
      ).toThrow(NotFound);
      expect(() =>
        persoonDecider.authorize!(correct({ toegang: 'schrijven', rol: null }), state),
      ).toThrow(GEEN_GEZINSLID);
      expect(() =>
        persoonDecider.authorize!(correct({ toegang: 'schrijven', rol: 'ouder' }), state),
      ).not.toThrow();
    });
  });
});

describe('one person per BSN (ADR 0016)', () => {
  const bekend = [{ persoonId: 'p-1', gegevens: sanne }];

  it('recognises a known person only by the same BSN, first name, last name and birth date', () => {
    expect(herkenPersoon({ ...sanne }, bekend)).toBe('p-1');
    for (const anders of [
      { voornaam: 'Sana' },
      { voornaam: 'sanne' },
      { achternaam: 'Janssen' },
      { geboortedatum: '2012-05-05' },
      { bsn: '123456782' },
    ]) {
      expect(herkenPersoon({ ...sanne, ...anders }, bekend)).toBeNull();
    }
  });

  it('never recognises without a BSN or a birth date, nor an erased person', () => {
    expect(herkenPersoon({ ...sanne, bsn: null }, bekend)).toBeNull();
    const zonderDatum = { ...sanne, geboortedatum: null };
    expect(herkenPersoon(zonderDatum, [{ persoonId: 'p-1', gegevens: zonderDatum }])).toBeNull();
    expect(herkenPersoon(sanne, [{ persoonId: 'p-1', gegevens: null }])).toBeNull();
    expect(herkenPersoon(sanne, [])).toBeNull();
  });

  it('picks the first of two known persons alike (split before this rule)', () => {
    expect(herkenPersoon(sanne, [...bekend, { persoonId: 'p-2', gegevens: sanne }])).toBe('p-1');
  });

  it("records in the known person's stream that a family found them; nothing for an unknown person", () => {
    spec
      .given([registered, keyAssigned])
      .when({ type: 'RecognisePersoon', gezinId: 'g-2' }, now)
      .then([{ type: 'PersoonRecognised', data: { persoonId: 'p-1', gezinId: 'g-2' } }]);
    spec
      .given([])
      .when({ type: 'RecognisePersoon', gezinId: 'g-2' }, now)
      .thenThrows(RuleViolation, /bestaat niet/);
  });
});
