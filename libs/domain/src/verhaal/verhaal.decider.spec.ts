import { NotAllowed, NotFound, RuleViolation, fold } from '../decider';
import { GezinEvent } from '../gezin/gezin.events';
import { deciderSpecification } from '../testing/decider-specification';
import { GEEN_GEZINSLID, GEZIN_NIET_GEVONDEN } from '../toegang';
import { GezinFeiten, gezinFeiten, gezinFeitenFold } from './gezin-feiten';
import {
  ChangeVerhaalToestemming,
  RecordVerhaal,
  ReleaseVerhaal,
  VERHAAL_NIET_GEVONDEN,
  verhaalDecider,
} from './verhaal.decider';
import { ToewijzingOpname, VerhaalEvent } from './verhaal.events';

const spec = deciderSpecification(verhaalDecider);
/** Dates every story and judgement refuses (now is 2026-03-01), and why. */
const ONGELDIGE_DATUMS: [string, RegExp][] = [
  ['2026-03-02', /toekomst/],
  ['1899-12-31', /voor 1900/],
];
const anna = { userId: 'u-anna', teamleider: false };
const bram = { userId: 'u-bram', teamleider: false };
const lead = { userId: 'u-lead', teamleider: true };

/** Anna is the contact person of a family with Sanne (youth) and Mark (parent). */
const gezin: GezinFeiten = {
  toegang: 'schrijven',
  contactpersoon: 'u-anna',
  leden: [
    { persoonId: 'p-sanne', rol: 'jeugdige' },
    { persoonId: 'p-mark', rol: 'ouder' },
  ],
  planDoelen: {},
};
const geen: GezinFeiten = { ...gezin, toegang: 'geen' };
const lezen: GezinFeiten = { ...gezin, toegang: 'lezen' };

const toewijzing: ToewijzingOpname = {
  toewijzingId: 't-1',
  persoonId: 'p-sanne',
  wettelijkKader: 'jeugdwet',
  aanbiederId: '12345678',
  productcode: '45A48',
  productcategorie: '45',
  woonvorm: null,
};

const record = (overrides: Partial<RecordVerhaal> = {}): RecordVerhaal => ({
  type: 'RecordVerhaal',
  door: anna,
  gezin,
  gezinId: 'g-1',
  verhaalId: 'v-1',
  persoonId: null,
  toewijzingId: null,
  toewijzing: null,
  verteller: { soort: 'ouder', organisatie: null },
  datum: '2026-02-20',
  tekst: 'Eindelijk één plan, en iemand die het overzicht houdt.',
  themaIds: ['th-regie'],
  actieveThemas: ['th-regie', 'th-overgang-18'],
  toestemming: 'gepseudonimiseerd',
  ...overrides,
});

const recorded = (overrides: Partial<RecordVerhaal> = {}): VerhaalEvent[] =>
  verhaalDecider.decide(record(overrides), verhaalDecider.initialState(), new Date('2026-03-01'));

const change = (overrides: Partial<ChangeVerhaalToestemming> = {}): ChangeVerhaalToestemming => ({
  type: 'ChangeVerhaalToestemming',
  door: anna,
  gezin,
  gezinId: 'g-1',
  verhaalId: 'v-1',
  toestemming: 'dossier',
  datum: '2026-02-25',
  ...overrides,
});

const release = (overrides: Partial<ReleaseVerhaal> = {}): ReleaseVerhaal => ({
  type: 'ReleaseVerhaal',
  door: lead,
  gezin: geen,
  gezinId: 'g-1',
  verhaalId: 'v-1',
  tekst: 'Eindelijk één plan, en iemand die het overzicht houdt.',
  ...overrides,
});

/** No story, and a story of family g-1 asked for under family g-2. */
const NIET_GEVONDEN = (): [VerhaalEvent[], string][] => [
  [[], 'g-1'],
  [recorded(), 'g-2'],
];

const released: VerhaalEvent = {
  type: 'VerhaalReleased',
  data: {
    verhaalId: 'v-1',
    gezinId: 'g-1',
    tekst: 'Eindelijk één plan, en iemand die het overzicht houdt.',
    door: 'u-lead',
    op: '2026-03-01',
  },
};

describe('verhaalDecider: recording a story', () => {
  it('the family’s contact person records a story, in the teller’s own words, with its consent', () => {
    spec
      .given([])
      .when(record())
      .then([
        {
          type: 'VerhaalRecorded',
          data: {
            verhaalId: 'v-1',
            gezinId: 'g-1',
            persoonId: null,
            toewijzing: null,
            verteller: { soort: 'ouder', organisatie: null },
            datum: '2026-02-20',
            tekst: 'Eindelijk één plan, en iemand die het overzicht houdt.',
            themaIds: ['th-regie'],
            toestemming: 'gepseudonimiseerd',
            door: 'u-anna',
          },
        },
      ]);
  });

  it('someone who does not work with the family learns nothing (404)', () => {
    spec
      .given([])
      .when(record({ gezin: geen }))
      .thenThrows(NotFound, GEZIN_NIET_GEVONDEN);
    expect(() =>
      verhaalDecider.authorize!(record({ gezin: geen }), verhaalDecider.initialState()),
    ).toThrow(NotFound);
  });

  it('a former contact person who still reads, or the registrant before the first contact person, may not (403)', () => {
    spec
      .given([])
      .when(record({ gezin: lezen }))
      .thenThrows(NotAllowed);
    spec
      .given([])
      .when(record({ gezin: { ...gezin, contactpersoon: null } }))
      .thenThrows(NotAllowed, /Alleen de contactpersoon/);
  });

  it('a team lead is no contact person of the family: 404 like anyone not involved', () => {
    spec
      .given([])
      .when(record({ door: lead, gezin: geen }))
      .thenThrows(NotFound);
  });

  it('about a member, and an assignment of that member: its provider and product are kept', () => {
    const [event] = recorded({ persoonId: 'p-sanne', toewijzingId: 't-1', toewijzing });
    expect(event!.data).toMatchObject({ persoonId: 'p-sanne', toewijzing });
  });

  it('an assignment alone names the member it is of', () => {
    const [event] = recorded({ toewijzingId: 't-1', toewijzing });
    expect(event!.data).toMatchObject({ persoonId: 'p-sanne' });
  });

  it('the member must belong to the family', () => {
    spec
      .given([])
      .when(record({ persoonId: 'p-other' }))
      .thenThrows(RuleViolation, GEEN_GEZINSLID);
  });

  it('the assignment must be known and of a member, and of the member named', () => {
    for (const command of [
      record({ toewijzingId: 't-x', toewijzing: null }),
      record({ toewijzingId: 't-1', toewijzing: { ...toewijzing, persoonId: 'p-other' } }),
    ]) {
      spec
        .given([])
        .when(command)
        .thenThrows(RuleViolation, /niet bekend bij een lid/);
    }
    spec
      .given([])
      .when(record({ persoonId: 'p-mark', toewijzingId: 't-1', toewijzing }))
      .thenThrows(RuleViolation, /ander gezinslid/);
  });

  it('a professional tells with their organisation; a youth or parent without one', () => {
    const [event] = recorded({ verteller: { soort: 'professional', organisatie: 'Kwadraad' } });
    expect(event!.data).toMatchObject({
      verteller: { soort: 'professional', organisatie: 'Kwadraad' },
    });
    spec
      .given([])
      .when(record({ verteller: { soort: 'professional', organisatie: null } }))
      .thenThrows(RuleViolation, /organisatie/);
    spec
      .given([])
      .when(record({ verteller: { soort: 'jeugdige', organisatie: 'Kwadraad' } }))
      .thenThrows(RuleViolation, /Alleen bij een professional/);
  });

  it('its themes: at least one, each once, each known and active in the programme', () => {
    const [event] = recorded({ themaIds: ['th-regie', 'th-overgang-18'] });
    expect(event!.data).toMatchObject({ themaIds: ['th-regie', 'th-overgang-18'] });
    spec
      .given([])
      .when(record({ themaIds: [] }))
      .thenThrows(RuleViolation, /ten minste één thema/);
    spec
      .given([])
      .when(record({ themaIds: ['th-regie', 'th-regie'] }))
      .thenThrows(RuleViolation, /twee keer/);
    spec
      .given([])
      .when(record({ themaIds: ['th-regie', 'th-oud'] }))
      .thenThrows(RuleViolation, 'Geen bekend, actief thema van het programma: th-oud.');
  });

  it('its date: not in the future, not before 1900', () => {
    for (const [datum, message] of ONGELDIGE_DATUMS) {
      spec.given([]).when(record({ datum })).thenThrows(RuleViolation, message);
    }
    expect(recorded({ datum: '1900-01-01' })).toHaveLength(1);
    expect(recorded({ datum: '2026-03-01' })).toHaveLength(1);
  });

  it('a story is recorded once', () => {
    spec
      .given(recorded())
      .when(record())
      .thenThrows(RuleViolation, /al vastgelegd/);
  });
});

describe('verhaalDecider: consent', () => {
  it('the contact person changes the scope, e.g. to quotable', () => {
    spec
      .given(recorded())
      .when(change({ toestemming: 'citeerbaar' }))
      .then([
        {
          type: 'VerhaalConsentChanged',
          data: {
            verhaalId: 'v-1',
            gezinId: 'g-1',
            toestemming: 'citeerbaar',
            datum: '2026-02-25',
            door: 'u-anna',
          },
        },
      ]);
  });

  it('a withdrawal is a change to the family’s file only', () => {
    spec
      .given(recorded())
      .when(change())
      .then([
        {
          type: 'VerhaalConsentChanged',
          data: {
            verhaalId: 'v-1',
            gezinId: 'g-1',
            toestemming: 'dossier',
            datum: '2026-02-25',
            door: 'u-anna',
          },
        },
      ]);
  });

  it('the same scope again changes nothing', () => {
    spec
      .given(recorded())
      .when(change({ toestemming: 'gepseudonimiseerd' }))
      .then([]);
  });

  it('only the family’s contact person (404 for others, 403 for a reader)', () => {
    spec
      .given(recorded())
      .when(change({ gezin: geen, door: bram }))
      .thenThrows(NotFound);
    spec
      .given(recorded())
      .when(change({ gezin: lezen }))
      .thenThrows(NotAllowed);
  });

  it('a story that does not exist, or of another family, is not found', () => {
    for (const [given, gezinId] of NIET_GEVONDEN()) {
      spec.given(given).when(change({ gezinId })).thenThrows(NotFound, VERHAAL_NIET_GEVONDEN);
    }
  });

  it('its date: not in the future, not before 1900, not before the story was told', () => {
    const dates: [string, RegExp][] = [
      ...ONGELDIGE_DATUMS,
      ['2026-02-19', /voor het verhaal verteld is/],
    ];
    for (const [datum, message] of dates) {
      spec.given(recorded()).when(change({ datum })).thenThrows(RuleViolation, message);
    }
  });
});

describe('verhaalDecider: release for the monitoring by a second person', () => {
  it('a team lead releases a story with consent for the monitoring, with the text as checked', () => {
    spec
      .given(recorded())
      .when(release({ tekst: 'Eindelijk één plan.' }))
      .then([{ ...released, data: { ...released.data, tekst: 'Eindelijk één plan.' } }]);
  });

  it('another contact person who works with the family releases it too', () => {
    spec
      .given(recorded())
      .when(release({ door: bram, gezin: { ...gezin, contactpersoon: 'u-bram' } }))
      .then([{ ...released, data: { ...released.data, door: 'u-bram' } }]);
  });

  it('never the one who recorded it, even as team lead (403)', () => {
    spec
      .given(recorded())
      .when(release({ door: anna, gezin }))
      .thenThrows(NotAllowed, /zelf vastgelegd/);
    spec
      .given(recorded())
      .when(release({ door: { userId: 'u-anna', teamleider: true }, gezin }))
      .thenThrows(NotAllowed);
  });

  it('a contact person who does not work with the family learns nothing (404)', () => {
    spec
      .given(recorded())
      .when(release({ door: bram, gezin: geen }))
      .thenThrows(NotFound, GEZIN_NIET_GEVONDEN);
  });

  it('a story that does not exist, or of another family, is not found', () => {
    for (const [given, gezinId] of NIET_GEVONDEN()) {
      spec.given(given).when(release({ gezinId })).thenThrows(NotFound, VERHAAL_NIET_GEVONDEN);
    }
  });

  it('only a story whose consent allows the monitoring', () => {
    spec
      .given(recorded({ toestemming: 'dossier' }))
      .when(release())
      .thenThrows(RuleViolation, /dossier van het gezin alleen/);
  });

  it('once; after a withdrawal the story can be consented again, and needs a new release', () => {
    spec
      .given([...recorded(), released])
      .when(release())
      .thenThrows(RuleViolation, /al vrijgegeven/);
    const withdrawn: VerhaalEvent = {
      type: 'VerhaalConsentChanged',
      data: {
        verhaalId: 'v-1',
        gezinId: 'g-1',
        toestemming: 'dossier',
        datum: '2026-02-25',
        door: 'u-anna',
      },
    };
    const again: VerhaalEvent = {
      type: 'VerhaalConsentChanged',
      data: {
        verhaalId: 'v-1',
        gezinId: 'g-1',
        toestemming: 'citeerbaar',
        datum: '2026-02-26',
        door: 'u-anna',
      },
    };
    spec
      .given([...recorded(), released, withdrawn])
      .when(release())
      .thenThrows(RuleViolation, /alleen/);
    spec
      .given([...recorded(), released, withdrawn, again])
      .when(release())
      .then([released]);
    const state = fold(verhaalDecider, [...recorded(), released, withdrawn, again]);
    expect(state).toMatchObject({ toestemming: 'citeerbaar', vrijgegeven: false });
  });

  it('a narrower consent keeps the release', () => {
    const narrower: VerhaalEvent = {
      type: 'VerhaalConsentChanged',
      data: {
        verhaalId: 'v-1',
        gezinId: 'g-1',
        toestemming: 'gepseudonimiseerd',
        datum: '2026-02-26',
        door: 'u-anna',
      },
    };
    const state = fold(verhaalDecider, [
      ...recorded({ toestemming: 'citeerbaar' }),
      released,
      narrower,
    ]);
    expect(state).toMatchObject({ toestemming: 'gepseudonimiseerd', vrijgegeven: true });
  });
});

describe('gezinFeiten: the family’s facts from its stream', () => {
  it('access, contact person, members and the goals of every plan version', () => {
    const plan = (doelIds: string[]) => ({
      hulpvraag: 'Rust in huis',
      doelen: doelIds.map((doelId) => ({
        doelId,
        leefgebied: 'opvoeding' as const,
        persoonId: null,
        omschrijving: 'Een doel',
      })),
      afspraken: [],
      evaluatiedatum: '2026-06-01',
      toestemming: { delen: true, vastgelegdOp: '2026-02-01', toelichting: null },
    });
    const events: GezinEvent[] = [
      { type: 'GezinRegistered', data: { gezinId: 'g-1', naam: 'Jansen', registeredBy: 'u-anna' } },
      {
        type: 'GezinslidAdded',
        data: { gezinId: 'g-1', persoonId: 'p-sanne', rol: 'jeugdige', vanaf: '2026-01-01' },
      },
      {
        type: 'ContactpersoonAssigned',
        data: {
          gezinId: 'g-1',
          contactpersoon: { userId: 'u-anna', naam: 'Anna', organisatie: 'Wijkteam' },
          vanaf: '2026-01-01',
        },
      },
      {
        type: 'GezinsplanWritten',
        data: { gezinId: 'g-1', versie: 1, plan: plan(['d-1']), reden: null },
      },
      {
        type: 'GezinsplanWritten',
        data: { gezinId: 'g-1', versie: 2, plan: plan(['d-1', 'd-2']), reden: 'Nieuw doel' },
      },
    ];
    const state = fold(gezinFeitenFold, events);
    expect(gezinFeiten(state, 'u-anna', new Date('2026-03-01'))).toEqual({
      toegang: 'schrijven',
      contactpersoon: 'u-anna',
      leden: [{ persoonId: 'p-sanne', rol: 'jeugdige' }],
      planDoelen: { 1: ['d-1'], 2: ['d-1', 'd-2'] },
    });
    expect(gezinFeiten(state, 'u-bram', new Date('2026-03-01')).toegang).toBe('geen');
  });
});
