/**
 * Acceptance test of the policy figures (beleid/zorg, 002:2179-2491) on a hand-made data set.
 *
 * The data set is a log of domain events in the shapes the deciders emit. The events go through
 * the real `monitoringProjection` into a SQLite file and are read back by the API's
 * `MonitoringQueries` as known at a moment. Every figure is then checked against a hand
 * computation written next to it: first the raw counts (`tel*`, each a `Telling`: its count and
 * the cell key of the records it counts), then what is published (`*Cijfers`, under the cell-key
 * method): a count is withheld under 10 and listed in `onderdrukt`, else it is the p-table's
 * answer for its count and cell key (off by at most 2, rounded to 5); a share comes from the
 * published counts and is withheld with either of them; a mean, percentile or Kaplan-Meier figure
 * is checked within its noise bound around the hand computation.
 *
 * Every person gets a record key right after their registration, as RegisterPersoon emits one:
 * from a fixed series (`sleutelreeks`), so every run gives the same published figures.
 *
 * THE QUESTION (Q): 2025, van 2025-01-01 tot 2025-12-31, as known on 2026-06-30 (bekendTot the
 * last millisecond of that day). The peildatum is the earlier of tot and bekendOp: 2025-12-31. Care
 * that goes on after it is running (censored) there. Day counts include both ends.
 *
 * THE DATA SET (J = youth, O = parent; providers K = Kompas Jeugdhulp, R = De Rading,
 * T = Triade Vitree, Z = Zorgcollectief Flevoland; every date is 2025 unless a year is given;
 * "start"/"stop" are JW305/JW307 messages, without them the assignment's own dates count):
 *
 * G1  Atolwijk   J1 (2008-07-12) 45A48 K 01-06..04-30, extension V1 granted: 45A48 K 05-01..08-31,
 *                   stopped 08-15: one episode 01-06..08-15 = 222 days. Conversation 01-10.
 *                O1 Wmo WMO01 Z from 03-01, running.
 * G2  Atolwijk   J2 (2008-08-03) 45A48 K 2024-03-01..2024-08-31; again 45A48 K, start 01-13,
 *                   stop 05-31 = 139 days (a new episode: months apart). Conversation 03-14 (late).
 *                O2 (no birth date) Participatiewet PW001 Z 2024-06-01..05-31, no messages.
 * G3  Boswijk    J3 (2008-08-20) 45A48 T, start 01-03 corrected to 01-02, stop 03-31 = 89 days.
 *                   Conversation 02-18. O3 schuldhulp SHV01 Z from 06-02, running.
 * G4  Boswijk    J4 (2008-09-05) 45A48 T 01-15..07-14 (exactly 6 months: the contracted
 *                   maximum, not longer) = 181 days. No conversation.
 * G5  Waterwijk  J5 (2008-09-25) 45A48 K 01-20..03-31, extension V5 asked 04-03 (late), granted:
 *                   45A48 K 04-01..09-30: one episode 01-20..09-30 = 254 days. Conversation 04-02
 *                   (late). Verlengde jeugdhulp asked 11-05, open.
 *                O4 overig OV001 Z 02-01..04-30 (no messages); Wmo WMO01 Z 05-01..12-31.
 * G6  Waterwijk  J6 (2008-07-01: 16.5 on 01-01) 45A48 R, start 01-27 (after 16.5: conversation
 *                   due at intake, held 01-27), stop 04-30 = 94 days.
 *                O5 Wmo WMO01 Z 2024-01-01..2024-12-31 (none in 2025).
 * G7  Atolwijk   J7 (2008-07-20) 45A48 R 01-01..06-30 without messages = 181 days. Conv. 01-20.
 * G8  Boswijk    J8 (2008-08-28) 45A48 K, start 01-10, stop 05-15 corrected (recorded 2026-02-10)
 *                   to 04-15 = 96 days. Conversation 2026-01-15 (after the peildatum).
 * G9  Waterwijk  J9 (2008-09-12) 45A48 T, start 01-06, stop 02-28 = 54 days; then 45A49 T (another
 *                   product, 1 day later: a switch), start 03-01, stop 10-31 (stop recorded
 *                   2026-01-12) = 245 days. Conversation 03-10.
 * G10 (no wijk)  J10 (2008-08-10) 45A48 K 01-01..06-30, start 01-02, no stop = 180 days;
 *                   extension V10 refused. No conversation.
 * G11 Haven      J11 (2012-04-18) 43A11 behandeld wonen R 2024-10-01.., stop 06-30; stay from
 *                   2024-10-01, step-down to gezinshuis 03-01, exit 06-30 home with follow-up help;
 *                   then 45A49 R, start 07-07, stop 12-19 = 166 days.
 *                J12 (2016-02-09) 44A01 pleegzorg R from 2024-06-01, running; stay running;
 *                   extension V12 asked 11-20, open.
 * G12 Haven      J13 (2011-11-30) 43A11 T, start 02-01, stop 05-31 = 120 days; stay 02-01..05-31,
 *                   exit to a lighter form, no follow-up help; 45A49 T from 09-01, running.
 * G13 Waterwijk  J14 (2007-03-15) 44A05 begeleid wonen K 2024-09-01..08-31, extension V14 granted:
 *                   44A05 K 09-01..12-31, stopped 11-30: one episode 2024-09-01..11-30; stay from
 *                   2024-09-01, step-up to behandeld wonen 02-01, exit 11-30 on their own, no
 *                   follow-up help. Verlengde jeugdhulp asked 02-10, granted 03-01.
 * G14 (no wijk)  J15 (2023-01-25) 45A49 K from 11-03, running.
 *                O6 schuldhulp SHV01 Z from 10-06, running.
 * G15 Atolwijk   J16 (2006-05-05: 18 at the start) 45A48 T 2024-11-01..04-30.
 * G16 Haven      J17 (2010-10-10) 45A48 R 2024-01-08..2024-06-30 (none in 2025); O7 no care.
 *
 * Professionals with a family (contact persons A(nna), B(ert), C(arla), D(irk); formal network):
 *   G1 A (and grandma, informal); G2 A, handed over to B on 06-01; G3 B (an informal neighbour);
 *   G4 B, and a school social worker recorded afterwards as involved 2024-01-10..2024-11-30;
 *   G5 C and a neighbourhood police officer 03-01..09-30; G6 C until 2024-12-31, D from 01-20;
 *   G7, G8 D; G9, G10 A; G11 B and a family guardian from 2024-06-01; G12 C; G13 D and a mentor
 *   2024-09-01..11-30; G14 A from 10-15; G15 none; G16 A until 2024-07-31.
 *
 * Contracted maxima: 45A48 6 months, 43A11 12, 44A05 12, WMO01 12, SHV01 18; 45A49, 44A01, PW001
 * and OV001 have none. Population 0-17: 3950 in 2024, 4000 in 2025 (recorded 2026-02-02).
 *
 * Recorded later, for the as-of test only (2026-09): J3's stop corrected from 03-31 to 05-31, and a
 * Wmo assignment for O7 from 2025-08-01, with its start.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, parseISO } from 'date-fns';
import { stringify } from 'csv-stringify/sync';
import {
  AanbiederVersionSet,
  Bestemming,
  BevolkingSet,
  CbsHulpvorm,
  Contactpersoon,
  ContactpersoonAssigned,
  ContactpersoonEnded,
  ContactpersoonHandedOver,
  GezinRegistered,
  GezinWijkSet,
  GezinslidAdded,
  NetwerkBetrokkene,
  NetwerkBetrokkeneAdded,
  NetwerkBetrokkeneEnded,
  PersoonRecordKeyAssigned,
  PersoonRegistered,
  ProductVersionSet,
  Productcategorie,
  REFERENTIEDATA_STREAM,
  RedenEindeZorg,
  Rol,
  ToewijzingRegistered,
  VerwijzerType,
  WettelijkKader,
  Woonvorm,
  ZorgEvent,
  ZorgStop,
  gezinStreamId,
  isValidBsn,
  isVerblijfsproduct,
  kalenderdatum,
  persoonStreamId,
  richtingVan,
  zorgdossierStreamId,
} from '@app/domain';
import { RecordedEvent } from '@app/event-store';
import { MonitoringQueries, ReadModelDatabase, monitoringProjection } from '@app/projections';
import {
  DUUR_GROEPERINGEN,
  EPISODE_GROEPEN,
  EpisodeTelling,
  INDICATOREN_DEFINITIE,
  MONITORING_DUREN_DEFINITIE,
  MonitoringDataset,
  MonitoringVraag,
  NULWAARDEN,
  Onderdrukt,
  PERSPECTIEF_DEFINITIE,
  PerspectiefRij,
  RuweDuurStatistiek,
  SAMENLOOP_CIJFERS_DEFINITIE,
  Tabel,
  Telling,
  UITSTROOM_DEFINITIE,
  VERLENGINGEN_DEFINITIE,
  VERLENGING_GROEPERINGEN,
  ZORGEPISODES_DEFINITIE,
  compareText,
  durenCijfers,
  durenTabel,
  inEnUitstroomTabel,
  indicatorCijfers,
  indicatorTabel,
  perspectiefCijfers,
  perspectiefTabel,
  publiceerAantal,
  samenloopCijfers,
  samenloopTabel,
  telDuren,
  telIndicatoren,
  telPerspectief,
  telSamenloop,
  telUitstroom,
  telVerlengingen,
  telZorgepisodes,
  uitstroomCijfers,
  uitstroomTabel,
  verlengingenCijfers,
  verlengingenTabel,
  zorgepisodeCijfers,
  zorgepisodeTabel,
} from '@app/statistics';
import {
  MAX_FOUT,
  aantallen,
  celsleutel,
  sleutelreeks,
  verwachtGepubliceerd,
} from '@app/statistics/testing/tellingen';

// ---------------------------------------------------------------------------------------------
// Persons, families and reference data

/** A UUID-shaped id that is the same in every run (the API makes random ones). */
function uuid(soort: string, naam: string): string {
  const h = createHash('sha256').update(`${soort}/${naam}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

interface Persoon {
  label: string;
  persoonId: string;
  voornaam: string;
  achternaam: string;
  geboortedatum: string | null;
  bsn: string;
}

const persoon = (
  label: string,
  voornaam: string,
  achternaam: string,
  geboortedatum: string | null,
  bsn: string,
): Persoon => ({
  label,
  persoonId: uuid('persoon', label),
  voornaam,
  achternaam,
  geboortedatum,
  bsn,
});

const J1 = persoon('J1', 'Sanne', 'Oosterhuis', '2008-07-12', '626018158');
const J2 = persoon('J2', 'Milan', 'Kuipers', '2008-08-03', '183016610');
const J3 = persoon('J3', 'Noor', 'Dijkstra', '2008-08-20', '418609135');
const J4 = persoon('J4', 'Jesse', 'Hoekstra', '2008-09-05', '346281945');
const J5 = persoon('J5', 'Fenna', 'Zwart', '2008-09-25', '921993511');
const J6 = persoon('J6', 'Luuk', 'Brinkman', '2008-07-01', '919093784');
const J7 = persoon('J7', 'Isabel', 'Vermeulen', '2008-07-20', '757975434');
const J8 = persoon('J8', 'Thijs', 'Postma', '2008-08-28', '331948758');
const J9 = persoon('J9', 'Lotte', 'Wijnands', '2008-09-12', '849118621');
const J10 = persoon('J10', 'Daan', 'Meijerink', '2008-08-10', '627601893');
const J11 = persoon('J11', 'Yara', 'Boersma', '2012-04-18', '655979712');
const J12 = persoon('J12', 'Teun', 'Boersma', '2016-02-09', '247104978');
const J13 = persoon('J13', 'Roos', 'Terpstra', '2011-11-30', '565075299');
const J14 = persoon('J14', 'Jurre', 'Kramer', '2007-03-15', '270342369');
const J15 = persoon('J15', 'Mila', 'Hofstede', '2023-01-25', '771276849');
const J16 = persoon('J16', 'Stijn', 'Bosman', '2006-05-05', '368465639');
const J17 = persoon('J17', 'Guus', 'Lammers', '2010-10-10', '312233073');
const O1 = persoon('O1', 'Marieke', 'Oosterhuis', '1983-05-17', '344026851');
const O2 = persoon('O2', 'Kevin', 'Kuipers', null, '628907862');
const O3 = persoon('O3', 'Sandra', 'Dijkstra', '1979-11-02', '766176034');
const O4 = persoon('O4', 'Petra', 'Zwart', '1986-02-27', '237215901');
const O5 = persoon('O5', 'Erik', 'Brinkman', '1981-09-09', '209281595');
const O6 = persoon('O6', 'Naima', 'Hofstede', '1990-12-12', '113962459');
const O7 = persoon('O7', 'Joost', 'Lammers', '1985-07-30', '671177771');
// prettier-ignore
const PERSONEN = [
  J1, J2, J3, J4, J5, J6, J7, J8, J9, J10, J11, J12, J13, J14, J15, J16, J17,
  O1, O2, O3, O4, O5, O6, O7,
];

/** The seed of the fixed series of record keys: the same keys, so the same figures, every run. */
const SLEUTELREEKS = 2025;

/**
 * Per person the record key the log gives them (as the command path draws one at random): the
 * series drawn in the order of PERSONEN.
 */
function recordsleutels(seed: number): ReadonlyMap<string, number> {
  const volgende = sleutelreeks(seed);
  return new Map(PERSONEN.map((p) => [p.persoonId, volgende()]));
}
const SLEUTELS = recordsleutels(SLEUTELREEKS);
/** The record key of a person of the data set. */
const sleutel = (p: Persoon): number => SLEUTELS.get(p.persoonId)!;

interface Gezin {
  gezinId: string;
  naam: string;
  wijk: string | null;
  ingeschreven: string;
  leden: [Persoon, Rol][];
}

const gezin = (
  label: string,
  achternaam: string,
  wijk: string | null,
  ingeschreven: string,
  leden: [Persoon, Rol][],
): Gezin => ({
  gezinId: uuid('gezin', label),
  naam: `Gezin ${achternaam}`,
  wijk,
  ingeschreven,
  leden,
});

const GEZINNEN: Gezin[] = [
  gezin('G1', 'Oosterhuis', 'Atolwijk', '2024-12-02', [
    [J1, 'jeugdige'],
    [O1, 'ouder'],
  ]),
  gezin('G2', 'Kuipers', 'Atolwijk', '2024-02-15', [
    [J2, 'jeugdige'],
    [O2, 'ouder'],
  ]),
  gezin('G3', 'Dijkstra', 'Boswijk', '2024-12-02', [
    [J3, 'jeugdige'],
    [O3, 'ouder'],
  ]),
  gezin('G4', 'Hoekstra', 'Boswijk', '2024-12-02', [[J4, 'jeugdige']]),
  gezin('G5', 'Zwart', 'Waterwijk', '2024-12-02', [
    [J5, 'jeugdige'],
    [O4, 'ouder'],
  ]),
  gezin('G6', 'Brinkman', 'Waterwijk', '2023-12-20', [
    [J6, 'jeugdige'],
    [O5, 'ouder'],
  ]),
  gezin('G7', 'Vermeulen', 'Atolwijk', '2024-12-02', [[J7, 'jeugdige']]),
  gezin('G8', 'Postma', 'Boswijk', '2024-12-02', [[J8, 'jeugdige']]),
  gezin('G9', 'Wijnands', 'Waterwijk', '2024-12-02', [[J9, 'jeugdige']]),
  gezin('G10', 'Meijerink', null, '2024-12-02', [[J10, 'jeugdige']]),
  gezin('G11', 'Boersma', 'Haven', '2024-05-20', [
    [J11, 'jeugdige'],
    [J12, 'jeugdige'],
  ]),
  gezin('G12', 'Terpstra', 'Haven', '2024-12-02', [[J13, 'jeugdige']]),
  gezin('G13', 'Kramer', 'Waterwijk', '2024-08-20', [[J14, 'jeugdige']]),
  gezin('G14', 'Hofstede', null, '2024-12-02', [
    [J15, 'jeugdige'],
    [O6, 'ouder'],
  ]),
  gezin('G15', 'Bosman', 'Atolwijk', '2024-10-15', [[J16, 'jeugdige']]),
  gezin('G16', 'Lammers', 'Haven', '2023-12-15', [
    [J17, 'jeugdige'],
    [O7, 'ouder'],
  ]),
];

/** GEZINNEN[n - 1], by the label of the header. */
const G = (n: number): Gezin => GEZINNEN[n - 1]!;

const cp = (naam: string, organisatie: string): Contactpersoon => ({
  userId: uuid('gebruiker', naam),
  naam,
  organisatie,
});
const ANNA = cp('Anna de Vries', 'Wijkteam Lelystad');
const BERT = cp('Bert Jansen', 'Wijkteam Lelystad');
const CARLA = cp('Carla Yilmaz', 'Triade Vitree');
const DIRK = cp('Dirk van Dam', 'Wijkteam Lelystad');
/** Names of professionals and of the informal network: never in a figure either. */
const NETWERKNAMEN = [
  'Anna de Vries',
  'Bert Jansen',
  'Carla Yilmaz',
  'Dirk van Dam',
  'Gerda Oosterhuis',
  'Els Maas',
  'Marco Bakker',
  'Wim Akkerman',
  'Hanna Kok',
  'Ruud Peters',
];

const KOMPAS = '87650001';
const RADING = '87650002';
const TRIADE = '87650003';
const ZORGCOLLECTIEF = '87650004';
/** Provider versions: Triade was renamed from 2024; every figure here asks names on 2025 dates. */
const AANBIEDERS: AanbiederVersionSet['data'][] = [
  { aanbiederId: KOMPAS, naam: 'Kompas Jeugdhulp', geldigVanaf: '2015-01-01' },
  { aanbiederId: RADING, naam: 'De Rading', geldigVanaf: '2015-01-01' },
  { aanbiederId: TRIADE, naam: 'Triade', geldigVanaf: '2015-01-01' },
  { aanbiederId: TRIADE, naam: 'Triade Vitree', geldigVanaf: '2024-01-01' },
  { aanbiederId: ZORGCOLLECTIEF, naam: 'Zorgcollectief Flevoland', geldigVanaf: '2015-01-01' },
];
const aanbiederNaam = (id: string): string =>
  AANBIEDERS.filter((a) => a.aanbiederId === id).at(-1)!.naam;

interface Product {
  kader: WettelijkKader;
  /** Only a Jeugdwet product has an iJW category: the others are classified by their law. */
  categorie: Productcategorie | null;
  omschrijving: string;
  woonvorm: Woonvorm | null;
  maxDuurMaanden: number | null;
  cbsHulpvorm: CbsHulpvorm | null;
}
// prettier-ignore
const PRODUCTEN = {
  '45A48': { kader: 'jeugdwet', categorie: '45', omschrijving: 'Jeugdhulp ambulant', woonvorm: null, maxDuurMaanden: 6, cbsHulpvorm: '01' },
  '45A49': { kader: 'jeugdwet', categorie: '45', omschrijving: 'Gezinsbehandeling ambulant', woonvorm: null, maxDuurMaanden: null, cbsHulpvorm: '01' },
  '43A11': { kader: 'jeugdwet', categorie: '43', omschrijving: 'Behandeld wonen', woonvorm: 'behandeld-wonen', maxDuurMaanden: 12, cbsHulpvorm: '14' },
  '44A01': { kader: 'jeugdwet', categorie: '44', omschrijving: 'Pleegzorg', woonvorm: 'pleegzorg', maxDuurMaanden: null, cbsHulpvorm: '11' },
  '44A05': { kader: 'jeugdwet', categorie: '44', omschrijving: 'Begeleid wonen', woonvorm: 'begeleid-wonen', maxDuurMaanden: 12, cbsHulpvorm: '14' },
  WMO01: { kader: 'wmo', categorie: null, omschrijving: 'Begeleiding individueel', woonvorm: null, maxDuurMaanden: 12, cbsHulpvorm: null },
  PW001: { kader: 'participatiewet', categorie: null, omschrijving: 'Re-integratietraject', woonvorm: null, maxDuurMaanden: null, cbsHulpvorm: null },
  SHV01: { kader: 'schuldhulpverlening', categorie: null, omschrijving: 'Schuldhulpverlening', woonvorm: null, maxDuurMaanden: 18, cbsHulpvorm: null },
  OV001: { kader: 'overig', categorie: null, omschrijving: 'Opvoedondersteuning', woonvorm: null, maxDuurMaanden: null, cbsHulpvorm: null },
} satisfies Record<string, Product>;
type Productcode = keyof typeof PRODUCTEN;

// ---------------------------------------------------------------------------------------------
// The event log: events as the deciders emit them, each recorded on a chosen day

type LogEvent =
  | ZorgEvent
  | PersoonRegistered
  | PersoonRecordKeyAssigned
  | GezinRegistered
  | GezinWijkSet
  | GezinslidAdded
  | ContactpersoonAssigned
  | ContactpersoonHandedOver
  | ContactpersoonEnded
  | NetwerkBetrokkeneAdded
  | NetwerkBetrokkeneEnded
  | ProductVersionSet
  | AanbiederVersionSet
  | BevolkingSet;

interface Gepland {
  /** The day the store records it (YYYY-MM-DD). */
  op: string;
  streamId: string;
  event: LogEvent;
}

type ToewijzingData = ToewijzingRegistered['data'];

const later = (a: string, b: string): string => (a > b ? a : b);
const dagNa = (datum: string): string => kalenderdatum(addDays(parseISO(datum), 1));

class Log {
  private readonly gepland: Gepland[] = [];
  private vastgelegd = 0;
  private positie = 0n;
  private readonly revisies = new Map<string, number>();
  private readonly toewijzingen = new Map<string, { data: ToewijzingData; laatsteOp: string }>();

  /** `sleutels`: the record key of every person, recorded right after their registration. */
  constructor(private readonly sleutels: ReadonlyMap<string, number> = SLEUTELS) {}

  voeg(op: string, streamId: string, event: LogEvent): void {
    this.gepland.push({ op, streamId, event });
  }

  zorg(op: string, event: ZorgEvent): void {
    this.voeg(op, zorgdossierStreamId(event.data.persoonId), event);
  }

  referentiedata(): void {
    const op = '2023-11-01';
    for (const [productcode, p] of Object.entries(PRODUCTEN)) {
      const { kader, ...gegevens } = p as Product;
      this.voeg(op, REFERENTIEDATA_STREAM, {
        type: 'ProductVersionSet',
        data: { productcode, geldigVanaf: '2015-01-01', wettelijkKader: kader, ...gegevens },
      });
    }
    for (const data of AANBIEDERS) {
      this.voeg(op, REFERENTIEDATA_STREAM, { type: 'AanbiederVersionSet', data });
    }
    const bevolking = (jaar: number, aantallen: number[]): BevolkingSet => ({
      type: 'BevolkingSet',
      data: {
        jaar,
        wijken: ['Atolwijk', 'Boswijk', 'Waterwijk', 'Haven'].map((wijk, i) => ({
          wijk,
          aantal: aantallen[i]!,
        })),
        totaal: aantallen.reduce((som, n) => som + n, 0),
      },
    });
    this.voeg('2025-02-03', REFERENTIEDATA_STREAM, bevolking(2024, [1200, 900, 700, 1150]));
    this.voeg('2026-02-02', REFERENTIEDATA_STREAM, bevolking(2025, [1210, 880, 720, 1190]));
  }

  gezin(g: Gezin): void {
    const op = g.ingeschreven;
    const stream = gezinStreamId(g.gezinId);
    const { gezinId } = g;
    this.voeg(op, stream, {
      type: 'GezinRegistered',
      data: { gezinId, naam: g.naam, registeredBy: 'u-contactpersoon' },
    });
    if (g.wijk !== null) {
      this.voeg(op, stream, { type: 'GezinWijkSet', data: { gezinId, wijk: g.wijk, per: op } });
    }
    for (const [p, rol] of g.leden) {
      const { persoonId, voornaam, achternaam, geboortedatum, bsn } = p;
      this.voeg(op, persoonStreamId(persoonId), {
        type: 'PersoonRegistered',
        data: { persoonId, voornaam, achternaam, geboortedatum, bsn },
      });
      // RegisterPersoon emits the person's record key with the registration.
      this.voeg(op, persoonStreamId(persoonId), {
        type: 'PersoonRecordKeyAssigned',
        data: { persoonId, recordKey: this.sleutels.get(persoonId)! },
      });
      this.voeg(op, stream, {
        type: 'GezinslidAdded',
        data: { gezinId, persoonId, rol, vanaf: op },
      });
    }
  }

  contactpersoon(g: Gezin, contactpersoon: Contactpersoon, vanaf: string): void {
    this.voeg(vanaf, gezinStreamId(g.gezinId), {
      type: 'ContactpersoonAssigned',
      data: { gezinId: g.gezinId, contactpersoon, vanaf },
    });
  }

  overdracht(g: Gezin, van: Contactpersoon, naar: Contactpersoon, per: string): void {
    this.voeg(per, gezinStreamId(g.gezinId), {
      type: 'ContactpersoonHandedOver',
      data: { gezinId: g.gezinId, van, naar, per, reden: 'Verlof' },
    });
  }

  contactpersoonEinde(g: Gezin, contactpersoon: Contactpersoon, per: string): void {
    this.voeg(per, gezinStreamId(g.gezinId), {
      type: 'ContactpersoonEnded',
      data: { gezinId: g.gezinId, contactpersoon, per, reden: 'Plan afgerond' },
    });
  }

  /** AddNetwerkBetrokkene: a member may be recorded with an end date already (afterwards). */
  netwerk(g: Gezin, b: Omit<NetwerkBetrokkene, 'betrokkeneId'> & { id: string }, op = b.vanaf) {
    const { id, ...betrokkene } = b;
    this.voeg(op, gezinStreamId(g.gezinId), {
      type: 'NetwerkBetrokkeneAdded',
      data: { gezinId: g.gezinId, betrokkeneId: uuid('betrokkene', id), ...betrokkene },
    });
  }

  netwerkEinde(g: Gezin, id: string, tot: string): void {
    this.voeg(tot, gezinStreamId(g.gezinId), {
      type: 'NetwerkBetrokkeneEnded',
      data: { gezinId: g.gezinId, betrokkeneId: uuid('betrokkene', id), tot, reden: null },
    });
  }

  /** RegisterToewijzing as the zorgdossier decider turns it into an event. */
  toewijzing(
    id: string,
    persoon: Persoon,
    product: Productcode,
    aanbieder: string,
    verwijzer: VerwijzerType,
    begin: string,
    eind: string,
    geregistreerd = begin,
  ): void {
    const t = { id, persoon, product, aanbieder, verwijzer, begin, eind };
    const p: Product = PRODUCTEN[t.product];
    const data: ToewijzingData = {
      persoonId: t.persoon.persoonId,
      toewijzingId: uuid('toewijzing', t.id),
      wettelijkKader: p.kader,
      productcode: t.product,
      productcategorie: p.categorie,
      verblijf: isVerblijfsproduct(p.categorie, t.product, p.kader),
      aanbiederId: t.aanbieder,
      aanbiederNaam: aanbiederNaam(t.aanbieder),
      verwijzer: {
        type: t.verwijzer,
        naam: t.verwijzer === '02' ? 'Huisartsenpraktijk De Kust' : null,
      },
      toewijzingsnummer: `TW-2025-${t.id}`,
      begindatum: t.begin,
      einddatum: t.eind,
      omvang: { hoeveelheid: 2, eenheid: 'uur', frequentie: 'week' },
      maxDuurMaanden: p.maxDuurMaanden,
      verlengingVan: null,
    };
    this.toewijzingen.set(t.id, { data, laatsteOp: geregistreerd });
    this.zorg(geregistreerd, { type: 'ToewijzingRegistered', data });
  }

  /** The day a message about an assignment is recorded: its date, never before earlier ones. */
  private op(id: string, datum: string, op?: string): string {
    const t = this.tw(id);
    t.laatsteOp = later(op ?? datum, t.laatsteOp);
    return t.laatsteOp;
  }

  private tw(id: string) {
    const t = this.toewijzingen.get(id);
    if (!t) throw new Error(`unknown assignment ${id}`);
    return t;
  }

  toewijzingId(id: string): string {
    return this.tw(id).data.toewijzingId;
  }

  start(id: string, datum: string, op?: string): void {
    const { persoonId, toewijzingId } = this.tw(id).data;
    this.zorg(this.op(id, datum, op), {
      type: 'ZorgStarted',
      data: { persoonId, toewijzingId, datum },
    });
  }

  stop(id: string, datum: string, reden: RedenEindeZorg, op?: string): void {
    const { persoonId, toewijzingId } = this.tw(id).data;
    this.zorg(this.op(id, datum, op), {
      type: 'ZorgStopped',
      data: { persoonId, toewijzingId, datum, reden },
    });
  }

  corrigeerStart(id: string, datum: string, reden: string, op: string): void {
    const { persoonId, toewijzingId } = this.tw(id).data;
    this.zorg(this.op(id, op), {
      type: 'ZorgStartCorrected',
      data: { persoonId, toewijzingId, datum, reden },
    });
  }

  corrigeerStop(id: string, stop: ZorgStop | null, reden: string, op: string): void {
    const { persoonId, toewijzingId } = this.tw(id).data;
    this.zorg(this.op(id, op), {
      type: 'ZorgStopCorrected',
      data: { persoonId, toewijzingId, stop, reden },
    });
  }

  /**
   * RequestVerlenging and DecideVerlenging: a grant is legally a new assignment of the same
   * product, from the day after the old one ends until the date asked for.
   */
  verlenging(v: {
    id: string;
    oud: string;
    aangevraagdOp: string;
    reden: string;
    gevraagdTot: string;
    besluit:
      | { soort: 'toegekend'; datum: string; nieuw: string }
      | { soort: 'afgewezen'; datum: string; toelichting: string; alternatieven: string[] }
      | null;
  }): void {
    const oud = this.tw(v.oud).data;
    const { persoonId } = oud;
    const verlengingId = uuid('verlenging', v.id);
    this.zorg(this.op(v.oud, v.aangevraagdOp), {
      type: 'VerlengingRequested',
      data: {
        persoonId,
        verlengingId,
        toewijzingId: oud.toewijzingId,
        aangevraagdOp: v.aangevraagdOp,
        aanvrager: 'Regiebehandelaar M. de Graaf',
        reden: v.reden,
        gevraagdTot: v.gevraagdTot,
        telaat: v.aangevraagdOp > oud.einddatum,
      },
    });
    if (v.besluit?.soort === 'afgewezen') {
      const { datum, toelichting, alternatieven } = v.besluit;
      this.zorg(this.op(v.oud, datum), {
        type: 'VerlengingRefused',
        data: { persoonId, verlengingId, besluitdatum: datum, toelichting, alternatieven },
      });
    } else if (v.besluit?.soort === 'toegekend') {
      const { datum, nieuw } = v.besluit;
      const op = this.op(v.oud, datum);
      const { persoonId: _p, ...rest } = oud;
      const data: ToewijzingData = {
        ...rest,
        persoonId,
        toewijzingId: uuid('toewijzing', nieuw),
        toewijzingsnummer: `TW-2025-${nieuw}`,
        begindatum: dagNa(oud.einddatum),
        einddatum: v.gevraagdTot,
        verlengingVan: verlengingId,
      };
      this.zorg(op, {
        type: 'VerlengingGranted',
        data: {
          persoonId,
          verlengingId,
          besluitdatum: datum,
          nieuweToewijzingId: data.toewijzingId,
        },
      });
      this.zorg(op, { type: 'ToewijzingRegistered', data });
      this.toewijzingen.set(nieuw, { data, laatsteOp: op });
    }
  }

  verblijf(
    id: string,
    persoon: Persoon,
    toewijzing: string,
    woonvorm: Woonvorm,
    startdatum: string,
    indicatieEinddatum: string,
  ): void {
    const v = { id, persoon, toewijzing, woonvorm, startdatum, indicatieEinddatum };
    this.zorg(this.op(v.toewijzing, v.startdatum), {
      type: 'VerblijfStarted',
      data: {
        persoonId: v.persoon.persoonId,
        verblijfId: uuid('verblijf', v.id),
        toewijzingId: this.toewijzingId(v.toewijzing),
        woonvorm: v.woonvorm,
        startdatum: v.startdatum,
        indicatieEinddatum: v.indicatieEinddatum,
        uitstroomperspectief: `${v.persoon.voornaam} ${v.persoon.achternaam} wil terug naar huis`,
      },
    });
  }

  woonvorm(id: string, p: Persoon, datum: string, van: Woonvorm, naar: Woonvorm): void {
    const data = {
      persoonId: p.persoonId,
      verblijfId: uuid('verblijf', id),
      datum,
      van,
      naar,
      richting: richtingVan(van, naar),
    };
    this.zorg(datum, { type: 'WoonvormChanged', data });
  }

  uitstroomperspectief(id: string, p: Persoon, datum: string, perspectief: string): void {
    const data = { persoonId: p.persoonId, verblijfId: uuid('verblijf', id), datum, perspectief };
    this.zorg(datum, { type: 'UitstroomperspectiefSet', data });
  }

  verblijfEinde(
    id: string,
    p: Persoon,
    datum: string,
    bestemming: Bestemming,
    vervolghulp: boolean,
  ) {
    const data = {
      persoonId: p.persoonId,
      verblijfId: uuid('verblijf', id),
      datum,
      bestemming,
      vervolghulp,
    };
    this.zorg(datum, { type: 'VerblijfEnded', data });
  }

  gesprek(p: Persoon, datum: string): void {
    this.zorg(datum, {
      type: 'PerspectiefgesprekHeld',
      data: {
        persoonId: p.persoonId,
        gesprekId: uuid('gesprek', p.label),
        datum,
        door: 'Jeugdprofessional A. Visser',
        perspectief: `${p.voornaam} wil na de middelbare school op kamers in Lelystad`,
        behoeften: `Hulp bij geldzaken voor ${p.voornaam} ${p.achternaam}`,
        zorgNa18Verwacht: false,
      },
    });
  }

  verlengdeJeugdhulp(
    id: string,
    p: Persoon,
    datum: string,
    besluit: { datum: string; besluit: 'toegekend' | 'afgewezen' } | null,
  ): void {
    const aanvraagId = uuid('verlengde-jeugdhulp', id);
    const { persoonId } = p;
    this.zorg(datum, {
      type: 'VerlengdeJeugdhulpRequested',
      data: {
        persoonId,
        aanvraagId,
        datum,
        reden: `${p.voornaam} heeft na 18 nog begeleiding nodig`,
      },
    });
    if (besluit) {
      this.zorg(besluit.datum, {
        type: 'VerlengdeJeugdhulpDecided',
        data: { persoonId, aanvraagId, ...besluit, toelichting: `Besproken met ${p.voornaam}` },
      });
    }
  }

  /**
   * The events planned since the last call, in order of the day they are recorded (a stable sort:
   * the same day keeps the order they were planned in), as the store records them.
   */
  vastleggen(): RecordedEvent[] {
    const nieuw = this.gepland.slice(this.vastgelegd);
    this.vastgelegd = this.gepland.length;
    return [...nieuw]
      .sort((a, b) => compareText(a.op, b.op))
      .map(({ op, streamId, event }) => {
        const revision = (this.revisies.get(streamId) ?? -1) + 1;
        this.revisies.set(streamId, revision);
        this.positie += 1n;
        const moment = `${op}T12:00:00.000Z`;
        return {
          id: uuid('event', String(this.positie)),
          type: event.type,
          schemaVersion: 1,
          data: event.data as unknown as Record<string, unknown>,
          occurredAt: moment,
          actor: { userId: 'u-contactpersoon', role: 'contactpersoon' },
          correlationId: uuid('correlatie', String(this.positie)),
          causationId: null,
          streamId,
          revision,
          position: this.positie,
          recordedAt: moment,
        };
      });
  }
}

/** The data set of the header, recorded up to 2026-02-10. */
function basis(log: Log): void {
  log.referentiedata();
  for (const g of GEZINNEN) log.gezin(g);

  // Contact persons and the network: the professionals working with each family.
  log.contactpersoon(G(1), ANNA, '2024-12-02');
  log.netwerk(G(1), {
    id: 'N1',
    soort: 'informeel',
    naam: 'Gerda Oosterhuis',
    rol: 'oma',
    organisatie: null,
    vanaf: '2024-12-02',
    tot: null,
  });
  log.contactpersoon(G(2), ANNA, '2024-02-15');
  log.overdracht(G(2), ANNA, BERT, '2025-06-01');
  log.contactpersoon(G(3), BERT, '2024-12-02');
  log.netwerk(G(3), {
    id: 'N3',
    soort: 'informeel',
    naam: 'Els Maas',
    rol: 'buurvrouw',
    organisatie: null,
    vanaf: '2024-12-02',
    tot: null,
  });
  log.netwerkEinde(G(3), 'N3', '2025-04-01');
  log.contactpersoon(G(4), BERT, '2024-12-02');
  // Recorded afterwards, with its end: involved in 2024 only, not in 2025.
  log.netwerk(
    G(4),
    {
      id: 'N4',
      soort: 'formeel',
      naam: 'Marco Bakker',
      rol: 'schoolmaatschappelijk werker',
      organisatie: 'OSG Lelystad',
      vanaf: '2024-01-10',
      tot: '2024-11-30',
    },
    '2024-12-05',
  );
  log.contactpersoon(G(5), CARLA, '2024-12-02');
  log.netwerk(G(5), {
    id: 'N5',
    soort: 'formeel',
    naam: 'Wim Akkerman',
    rol: 'wijkagent',
    organisatie: 'Politie Flevoland',
    vanaf: '2025-03-01',
    tot: null,
  });
  log.netwerkEinde(G(5), 'N5', '2025-09-30');
  log.contactpersoon(G(6), CARLA, '2023-12-20');
  log.contactpersoonEinde(G(6), CARLA, '2024-12-31');
  log.contactpersoon(G(6), DIRK, '2025-01-20');
  log.contactpersoon(G(7), DIRK, '2024-12-02');
  log.contactpersoon(G(8), DIRK, '2024-12-02');
  log.contactpersoon(G(9), ANNA, '2024-12-02');
  log.contactpersoon(G(10), ANNA, '2024-12-02');
  log.contactpersoon(G(11), BERT, '2024-05-20');
  log.netwerk(G(11), {
    id: 'N11',
    soort: 'formeel',
    naam: 'Hanna Kok',
    rol: 'gezinsvoogd',
    organisatie: 'William Schrikker Stichting',
    vanaf: '2024-06-01',
    tot: null,
  });
  log.contactpersoon(G(12), CARLA, '2024-12-02');
  log.contactpersoon(G(13), DIRK, '2024-08-20');
  log.netwerk(G(13), {
    id: 'N13',
    soort: 'formeel',
    naam: 'Ruud Peters',
    rol: 'mentor',
    organisatie: 'Kompas Jeugdhulp',
    vanaf: '2024-09-01',
    tot: null,
  });
  log.netwerkEinde(G(13), 'N13', '2025-11-30');
  log.contactpersoon(G(14), ANNA, '2025-10-15');
  log.contactpersoon(G(16), ANNA, '2023-12-15');
  log.contactpersoonEinde(G(16), ANNA, '2024-07-31');

  // J1: two consecutive 45A48 assignments (an extension) make one episode 01-06..08-15.
  log.toewijzing('T1a', J1, '45A48', KOMPAS, '02', '2025-01-06', '2025-04-30');
  log.start('T1a', '2025-01-06');
  log.gesprek(J1, '2025-01-10');
  log.verlenging({
    id: 'V1',
    oud: 'T1a',
    aangevraagdOp: '2025-04-10',
    reden: 'Doelen nog niet behaald',
    gevraagdTot: '2025-08-31',
    besluit: { soort: 'toegekend', datum: '2025-04-22', nieuw: 'T1b' },
  });
  log.stop('T1a', '2025-04-30', '31');
  log.start('T1b', '2025-05-01');
  log.stop('T1b', '2025-08-15', '31');

  // J2: care in 2024, and again in 2025 (a new episode, repeated inflow).
  log.toewijzing('T2x', J2, '45A48', KOMPAS, '01', '2024-03-01', '2024-08-31');
  log.start('T2x', '2024-03-01');
  log.stop('T2x', '2024-08-31', '31');
  log.toewijzing('T2', J2, '45A48', KOMPAS, '01', '2025-01-01', '2025-06-30');
  log.start('T2', '2025-01-13');
  log.gesprek(J2, '2025-03-14');
  log.stop('T2', '2025-05-31', '31');

  // J3: the start message is corrected.
  log.toewijzing('T3', J3, '45A48', TRIADE, '02', '2025-01-02', '2025-06-30');
  log.start('T3', '2025-01-03');
  log.corrigeerStart(
    'T3',
    '2025-01-02',
    `Startdatum van ${J3.voornaam} ${J3.achternaam} hersteld`,
    '2025-01-10',
  );
  log.gesprek(J3, '2025-02-18');
  log.stop('T3', '2025-03-31', '34');

  log.toewijzing('T4', J4, '45A48', TRIADE, '03', '2025-01-15', '2025-07-14');
  log.start('T4', '2025-01-15');
  log.stop('T4', '2025-07-14', '31');

  // J5: an extension asked after the assignment ended (late), granted; one episode.
  log.toewijzing('T5a', J5, '45A48', KOMPAS, '02', '2025-01-20', '2025-03-31');
  log.start('T5a', '2025-01-20');
  log.stop('T5a', '2025-03-31', '31');
  log.gesprek(J5, '2025-04-02');
  log.verlenging({
    id: 'V5',
    oud: 'T5a',
    aangevraagdOp: '2025-04-03',
    reden: '  Doelen nog  niet behaald ',
    gevraagdTot: '2025-09-30',
    besluit: { soort: 'toegekend', datum: '2025-04-10', nieuw: 'T5b' },
  });
  log.start('T5b', '2025-04-01'); // recorded with the grant, 04-10
  log.stop('T5b', '2025-09-30', '31');
  log.verlengdeJeugdhulp('VJ5', J5, '2025-11-05', null);

  log.toewijzing('T6', J6, '45A48', RADING, '01', '2025-01-27', '2025-07-26');
  log.start('T6', '2025-01-27');
  log.gesprek(J6, '2025-01-27');
  log.stop('T6', '2025-04-30', '33');

  // J7: no start or stop message at all.
  log.toewijzing('T7', J7, '45A48', RADING, '02', '2025-01-01', '2025-06-30');
  log.gesprek(J7, '2025-01-20');

  // J8: the stop is corrected in 2026; the conversation is held in 2026.
  log.toewijzing('T8', J8, '45A48', KOMPAS, '02', '2025-01-10', '2025-07-09');
  log.start('T8', '2025-01-10');
  log.stop('T8', '2025-05-15', '32');
  log.corrigeerStop(
    'T8',
    { datum: '2025-04-15', reden: '34' },
    `Stopdatum ${J8.voornaam} ${J8.achternaam} (BSN ${J8.bsn}) gecorrigeerd`,
    '2026-02-10',
  );
  log.gesprek(J8, '2026-01-15');

  // J9: a switch to another product the next day; the last stop is recorded late.
  log.toewijzing('T9a', J9, '45A48', TRIADE, '04', '2025-01-06', '2025-07-05');
  log.start('T9a', '2025-01-06');
  log.stop('T9a', '2025-02-28', '37');
  log.toewijzing('T9b', J9, '45A49', TRIADE, '04', '2025-03-01', '2025-12-31');
  log.start('T9b', '2025-03-01');
  log.gesprek(J9, '2025-03-10');
  log.stop('T9b', '2025-10-31', '31', '2026-01-12');

  // J10: started, never stopped (ends on its einddatum); the extension is refused.
  log.toewijzing('T10', J10, '45A48', KOMPAS, '06', '2025-01-01', '2025-06-30');
  log.start('T10', '2025-01-02');
  log.verlenging({
    id: 'V10',
    oud: 'T10',
    aangevraagdOp: '2025-06-10',
    reden: 'Doelen nog niet behaald',
    gevraagdTot: '2025-12-31',
    besluit: {
      soort: 'afgewezen',
      datum: '2025-06-20',
      toelichting: `Nee, tenzij: ${J10.voornaam} kan verder met opvoedondersteuning`,
      alternatieven: ['Opvoedondersteuning via het wijkteam'],
    },
  });

  // J11: behandeld wonen with a step-down, exit home with follow-up help, then ambulant care.
  log.toewijzing('T11', J11, '43A11', RADING, '04', '2024-10-01', '2025-09-30');
  log.start('T11', '2024-10-01');
  log.verblijf('S11', J11, 'T11', 'behandeld-wonen', '2024-10-01', '2025-09-30');
  log.woonvorm('S11', J11, '2025-03-01', 'behandeld-wonen', 'gezinshuis');
  log.stop('T11', '2025-06-30', '31');
  log.verblijfEinde('S11', J11, '2025-06-30', 'thuis', true);
  log.toewijzing('T11f', J11, '45A49', RADING, '04', '2025-07-07', '2026-01-06');
  log.start('T11f', '2025-07-07');
  log.stop('T11f', '2025-12-19', '31');

  // J12: foster care since 2024, running; an extension asked, not decided.
  log.toewijzing('T12', J12, '44A01', RADING, '04', '2024-06-01', '2026-05-31');
  log.start('T12', '2024-06-01');
  log.verblijf('S12', J12, 'T12', 'pleegzorg', '2024-06-01', '2026-05-31');
  log.verlenging({
    id: 'V12',
    oud: 'T12',
    aangevraagdOp: '2025-11-20',
    reden: 'Pleegplaatsing loopt door',
    gevraagdTot: '2027-05-31',
    besluit: null,
  });

  // J13: behandeld wonen, exit to a lighter form without follow-up help; ambulant care later.
  log.toewijzing('T13a', J13, '43A11', TRIADE, '05', '2025-02-01', '2026-01-31');
  log.start('T13a', '2025-02-01');
  log.verblijf('S13', J13, 'T13a', 'behandeld-wonen', '2025-02-01', '2026-01-31');
  log.stop('T13a', '2025-05-31', '33');
  log.verblijfEinde('S13', J13, '2025-05-31', 'lichtere-vorm', false);
  log.toewijzing('T13b', J13, '45A49', TRIADE, '05', '2025-09-01', '2026-08-31');
  log.start('T13b', '2025-09-01');

  // J14: begeleid wonen with a step-up, extended despite the contract; verlengde jeugdhulp.
  log.toewijzing('T14', J14, '44A05', KOMPAS, '01', '2024-09-01', '2025-08-31');
  log.start('T14', '2024-09-01');
  log.verblijf('S14', J14, 'T14', 'begeleid-wonen', '2024-09-01', '2025-08-31');
  log.woonvorm('S14', J14, '2025-02-01', 'begeleid-wonen', 'behandeld-wonen');
  log.verlengdeJeugdhulp('VJ14', J14, '2025-02-10', { datum: '2025-03-01', besluit: 'toegekend' });
  log.uitstroomperspectief('S14', J14, '2025-07-15', `${J14.voornaam} gaat zelfstandig wonen`);
  log.verlenging({
    id: 'V14',
    oud: 'T14',
    aangevraagdOp: '2025-07-15',
    reden: 'Wachtlijst vervolghulp',
    gevraagdTot: '2025-12-31',
    besluit: { soort: 'toegekend', datum: '2025-07-25', nieuw: 'T14b' },
  });
  log.start('T14b', '2025-09-01');
  log.stop('T14b', '2025-11-30', '31');
  log.verblijfEinde('S14', J14, '2025-11-30', 'zelfstandig', false);

  log.toewijzing('T15', J15, '45A49', KOMPAS, '03', '2025-11-03', '2026-05-02');
  log.start('T15', '2025-11-03');

  log.toewijzing('T16', J16, '45A48', TRIADE, '01', '2024-11-01', '2025-04-30');
  log.start('T16', '2024-11-01');
  log.stop('T16', '2025-04-30', '31');

  log.toewijzing('T17', J17, '45A48', RADING, '02', '2024-01-08', '2024-06-30');
  log.start('T17', '2024-01-08');
  log.stop('T17', '2024-06-30', '31');

  // Parents: the other legal frameworks.
  log.toewijzing('W1', O1, 'WMO01', ZORGCOLLECTIEF, '01', '2025-03-01', '2026-02-28');
  log.start('W1', '2025-03-01');
  log.toewijzing('P2', O2, 'PW001', ZORGCOLLECTIEF, '01', '2024-06-01', '2025-05-31');
  log.toewijzing('S3', O3, 'SHV01', ZORGCOLLECTIEF, '06', '2025-06-01', '2026-11-30');
  log.start('S3', '2025-06-02');
  log.toewijzing('X4', O4, 'OV001', ZORGCOLLECTIEF, '01', '2025-02-01', '2025-04-30');
  log.toewijzing('W4', O4, 'WMO01', ZORGCOLLECTIEF, '01', '2025-05-01', '2025-12-31');
  log.start('W4', '2025-05-01');
  log.stop('W4', '2025-12-31', '31');
  log.toewijzing('W5', O5, 'WMO01', ZORGCOLLECTIEF, '01', '2024-01-01', '2024-12-31');
  log.toewijzing('S6', O6, 'SHV01', ZORGCOLLECTIEF, '06', '2025-10-01', '2027-03-31');
  log.start('S6', '2025-10-06');
}

/** Recorded in September 2026, after everything else: about 2025 all the same. */
function laat(log: Log): void {
  log.corrigeerStop(
    'T3',
    { datum: '2025-05-31', reden: '31' },
    `Stopbericht ${J3.voornaam} had de verkeerde datum`,
    '2026-09-07',
  );
  log.toewijzing('W7', O7, 'WMO01', ZORGCOLLECTIEF, '01', '2025-08-01', '2026-07-31', '2026-09-08');
  log.start('W7', '2025-08-01'); // recorded with the assignment, 2026-09-08
}

// ---------------------------------------------------------------------------------------------
// The read model on a temp SQLite file

class Omgeving {
  private readonly dir = mkdtempSync(join(tmpdir(), 'monitoring-acceptance-'));
  readonly readModels = new ReadModelDatabase(join(this.dir, 'read-models.sqlite'));
  private readonly apply = monitoringProjection.open(this.readModels.db);
  private readonly readModel = new MonitoringQueries(this.readModels.db);

  /** Applies events as the projection runner does: in log order, in one transaction. */
  leg(events: readonly RecordedEvent[]): void {
    this.readModels.db.transaction(() => events.forEach((e) => this.apply(e)))();
  }

  /** As the API asks: facts recorded by `bekendTot`, or all of them (as known now) for null. */
  dataset(bekendTot: string | null): MonitoringDataset {
    return this.readModel.dataset(bekendTot);
  }

  sluit(): void {
    this.readModels.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A day asked as known on, as the API asks it: up to its last millisecond. */
const vraag = (bekendOp: string, filter: MonitoringVraag['filter'] = {}) => ({
  van: '2025-01-01',
  tot: '2025-12-31',
  bekendOp,
  bekendTot: `${bekendOp}T23:59:59.999Z`,
  filter,
});
const Q = vraag('2026-06-30');
const PEIL = '2025-12-31';

/** What every published figure carries beside its numbers. */
const kop = (definitieVersie: string, v = Q, peildatum = PEIL, filter = v.filter) => ({
  definitieVersie,
  van: v.van,
  tot: v.tot,
  bekendOp: v.bekendOp,
  bekendTot: v.bekendTot,
  peildatum,
  filter,
});

/** An entry of `onderdrukt`. */
const weg = (
  tabel: string,
  rij: string,
  reden: Onderdrukt['reden'],
  velden: string[],
): Onderdrukt => ({ tabel, rij, reden, velden });

/** Episode counts in the order of EpisodeTelling. */
const telling = (...n: (number | null)[]) => {
  const [actief, gestart, beeindigd, lopend, personen, toewijzingen] = n;
  return { actief, gestart, beeindigd, lopend, personen, toewijzingen };
};

/** A row of a combination of frameworks ("jeugdwet+wmo"). */
const combinatie = (naam: string, aantal: number | null) => ({
  combinatie: naam,
  kaders: naam.split('+'),
  aantal,
});

/**
 * What a count is published as, given its raw Telling and the count computed by hand: the raw
 * count is the hand count; under 10 it is withheld (null); else it is the p-table's answer for
 * the count and its cell key, a multiple of 5 at most MAX_FOUT from the hand count.
 */
function gepubliceerd(ruw: Telling, hand: number): number | null {
  expect(ruw.aantal).toBe(hand);
  if (hand < 10) return null;
  const aantal = publiceerAantal(ruw)!;
  expect(aantal % 5).toBe(0);
  expect(Math.abs(aantal - hand)).toBeLessThanOrEqual(MAX_FOUT);
  return aantal;
}

/**
 * A share in percent of two published counts (or of a public number, the population), as
 * published: null when either is withheld, at most 100 (two counts perturbed apart can put a part
 * above its whole).
 */
function aandeel(teller: number | null, noemer: number | null, decimalen = 0): number | null {
  if (teller === null || noemer === null || noemer === 0) return null;
  const factor = 10 ** decimalen;
  return Math.round(Math.min(100, (100 * teller) / noemer) * factor) / factor;
}

/** Matches a published number within `grens` of `waarde` (never null). */
const rondom = (waarde: number, grens: number) => ({
  asymmetricMatch: (x: unknown) => typeof x === 'number' && Math.abs(x - waarde) <= grens,
  toAsymmetricMatcher: () => `a number within ${grens} of ${waarde}`,
});

/**
 * The noise bound the definition promises for a mean, median or percentile of a cell of `aantal`
 * records whose largest value is `grootste`: half of that value over the count, plus rounding.
 */
const ruisgrens = (grootste: number, aantal: number, decimalen = 1) =>
  (0.5 * grootste) / aantal + 0.5 * 10 ** -decimalen + 1e-9;

/** The bound for a Kaplan-Meier survival in percent: 1.5 persons of those at risk, plus rounding. */
const overlevingsgrens = (onderRisico: number) => (100 * 1.5) / onderRisico + 0.05 + 1e-9;

/** Every published figure, with every grouping: what beleid can ask for one question. */
function alleCijfers(d: MonitoringDataset, v: MonitoringVraag) {
  return {
    zorgepisodes: EPISODE_GROEPEN.map((g) => zorgepisodeCijfers(d, v, g)),
    samenloop: samenloopCijfers(d, v),
    duren: DUUR_GROEPERINGEN.map((g) => durenCijfers(d, v, g)),
    verlengingen: VERLENGING_GROEPERINGEN.map((g) => verlengingenCijfers(d, v, g)),
    uitstroom: uitstroomCijfers(d, v),
    perspectief: perspectiefCijfers(d, v),
    indicatoren: indicatorCijfers(d, v),
  };
}

/** Every CSV table of those figures, as the API writes it. */
function alleTabellen(c: ReturnType<typeof alleCijfers>): string[] {
  const tabellen: Tabel[] = [
    ...c.zorgepisodes.map(zorgepisodeTabel),
    samenloopTabel(c.samenloop),
    ...c.duren.map(durenTabel),
    ...c.verlengingen.map(verlengingenTabel),
    uitstroomTabel(c.uitstroom),
    perspectiefTabel(c.perspectief),
    indicatorTabel(c.indicatoren),
    inEnUitstroomTabel(c.indicatoren),
  ];
  return tabellen.map((t) =>
    stringify([t.kolommen, ...t.rijen], { record_delimiter: 'windows', escape_formulas: true }),
  );
}

const label = (persoonId: string): string =>
  PERSONEN.find((p) => p.persoonId === persoonId)?.label ?? persoonId;

// ---------------------------------------------------------------------------------------------

describe('monitoring figures on a hand-made data set (acceptance)', () => {
  let omgeving: Omgeving;
  let d: MonitoringDataset;
  let basisEvents: RecordedEvent[];

  beforeAll(() => {
    const log = new Log();
    basis(log);
    basisEvents = log.vastleggen();
    omgeving = new Omgeving();
    omgeving.leg(basisEvents);
    d = omgeving.dataset(Q.bekendTot);
  });
  afterAll(() => omgeving.sluit());

  it('is the data set the issue asks for, recorded in log order', () => {
    expect(GEZINNEN).toHaveLength(16);
    expect(GEZINNEN.filter((g) => g.wijk !== null)).toHaveLength(14);
    expect(PERSONEN.every((p) => isValidBsn(p.bsn))).toBe(true);
    const types = new Set(basisEvents.map((e) => e.type));
    const alleTypes =
      'PersoonRegistered PersoonRecordKeyAssigned GezinRegistered GezinWijkSet GezinslidAdded ' +
      'ContactpersoonAssigned ContactpersoonHandedOver ContactpersoonEnded NetwerkBetrokkeneAdded ' +
      'NetwerkBetrokkeneEnded ProductVersionSet AanbiederVersionSet BevolkingSet ' +
      'ToewijzingRegistered ZorgStarted ZorgStopped ZorgStartCorrected ZorgStopCorrected ' +
      'VerlengingRequested VerlengingGranted VerlengingRefused VerblijfStarted WoonvormChanged ' +
      'UitstroomperspectiefSet VerblijfEnded PerspectiefgesprekHeld VerlengdeJeugdhulpRequested ' +
      'VerlengdeJeugdhulpDecided';
    expect([...types].sort()).toEqual(alleTypes.split(' ').sort());
    const kaders = new Set([...d.toewijzingen.values()].map((t) => t.wettelijkKader));
    expect([...kaders].sort()).toEqual(
      ['jeugdwet', 'overig', 'participatiewet', 'schuldhulpverlening', 'wmo'].sort(),
    );
    // Positions ascend, and so does the recording time; revisions count per stream.
    basisEvents.forEach((e, i) => {
      expect(e.position).toBe(BigInt(i + 1));
      if (i > 0) expect(e.recordedAt >= basisEvents[i - 1]!.recordedAt).toBe(true);
    });
    // Recorded in 2026, before the question's day: J9's late stop (01-12), J8's conversation
    // (01-15), the population of 2025 (02-02) and J8's corrected stop (02-10).
    expect(basisEvents.filter((e) => e.recordedAt >= '2026').map((e) => e.type)).toEqual([
      'ZorgStopped',
      'PerspectiefgesprekHeld',
      'BevolkingSet',
      'ZorgStopCorrected',
    ]);
    // The folded data set: 24 persons (one without a birth date), 16 families, 31 assignments.
    expect(d.geboortedata.size).toBe(24);
    expect(d.geboortedata.get(O2.persoonId)).toBeNull();
    expect(d.gezinnen.size).toBe(16);
    expect(d.toewijzingen.size).toBe(31);
    expect(d.verblijven.size).toBe(4);
    expect(d.verlengingen.size).toBe(5);
    // Every person's record key, right after their registration, reached the data set as drawn.
    const registraties = basisEvents.filter((e) => e.type === 'PersoonRegistered');
    expect(registraties).toHaveLength(24);
    for (const r of registraties) {
      const volgende = basisEvents[Number(r.position)]!; // positions count from 1
      expect([volgende.type, volgende.streamId, volgende.data]).toEqual([
        'PersoonRecordKeyAssigned',
        r.streamId,
        { persoonId: r.data.persoonId, recordKey: SLEUTELS.get(r.data.persoonId as string) },
      ]);
    }
    expect(d.recordsleutels).toEqual(SLEUTELS);
    expect(new Set(SLEUTELS.values()).size).toBe(24);
  });

  describe('zorgepisodes', () => {
    it('counts the episodes active in 2025 per legal framework', () => {
      // Jeugdwet episodes active in 2025 (19): J1 (T1a+T1b merged), J2 (2025 only; the 2024
      // one ended before), J3, J4, J5 (T5a+T5b merged), J6, J7, J8, J9 twice (45A48 and 45A49),
      // J10, J11 twice (43A11 from 2024, 45A49), J12 (from 2024), J13 twice (43A11, 45A49),
      // J14 (2024-09-01..11-30, 44A05 T14+T14b merged), J15, J16 (from 2024). J17: 2024 only.
      //   gestart in 2025: 19 - J11's 43A11, J12, J14, J16 (started 2024) = 15.
      //   lopend on 2025-12-31: J12 (ends 2026-05-31), J13's 45A49, J15 = 3; beeindigd 16.
      //   personen: J1..J16 = 16; toewijzingen: 19 + 1 (J1) + 1 (J5) + 1 (J14) = 22.
      // Wmo: O1 (running), O4 (05-01..12-31, ended on the peildatum itself: not running);
      //   O5's ended in 2024. Participatiewet: O2 (from 2024). Schuldhulp: O3, O6, both running.
      //   Overig: O4 (02-01..04-30, no messages).
      const groep = (kader: string, t: ReturnType<typeof telling>) => ({
        sleutel: kader,
        naam: kader,
        telling: t,
      });
      expect(aantallen(telZorgepisodes(d, Q, 'kader'))).toEqual({
        //                                   actief gestart beeindigd lopend personen toewijzingen
        perGroep: [
          groep('jeugdwet', telling(19, 15, 16, 3, 16, 22)),
          groep('overig', telling(1, 1, 1, 0, 1, 1)),
          groep('participatiewet', telling(1, 0, 1, 0, 1, 1)),
          groep('schuldhulpverlening', telling(2, 2, 0, 2, 2, 2)),
          groep('wmo', telling(2, 2, 1, 1, 2, 2)),
        ],
        // personen: 16 youths + O1, O2, O3, O4, O6 = 21 (O4 once, with two frameworks).
        totaal: telling(25, 20, 19, 6, 21, 28),
      });
    });

    it('counts per age class at the start of the episode', () => {
      // 0-3: J15 (2). 4-11: J12 (8 on 2024-06-01). 12-17: J1-J10's 11 episodes (all 16), J11
      // (12 and 13), J13 (13, 13), J14 (17 on 2024-09-01) = 16. 18+: J16 (18 on 2024-11-01), O1,
      // O3, O4 twice, O6 = 6. onbekend: O2 (no birth date) = 1.
      const ruw = telZorgepisodes(d, Q, 'leeftijd');
      expect(ruw.perGroep.map((g) => [g.sleutel, g.telling.actief.aantal])).toEqual([
        ['0-3', 1],
        ['4-11', 1],
        ['12-17', 16],
        ['18+', 6],
        ['onbekend', 1],
      ]);
    });

    it('publishes the counts perturbed by their cell keys and withholds those under 10', () => {
      const verborgen = telling(null, null, null, null, null, null);
      const alle = ['actief', 'gestart', 'beeindigd', 'lopend', 'personen', 'toewijzingen'];
      const ruw = telZorgepisodes(d, Q, 'kader');
      /** The published counts of a raw row, given its counts by hand (as in the test above). */
      const gepubliceerdeTelling = (t: EpisodeTelling, ...hand: number[]) =>
        telling(...alle.map((veld, i) => gepubliceerd(t[veld as keyof EpisodeTelling], hand[i]!)));
      const c = zorgepisodeCijfers(d, Q, 'kader');
      expect(c).toEqual({
        ...kop('zorgepisodes-2'),
        definitie: ZORGEPISODES_DEFINITIE,
        groep: 'kader',
        perGroep: [
          // 19, 15, 16, 3 withheld, 16, 22.
          {
            sleutel: 'jeugdwet',
            naam: 'jeugdwet',
            ...gepubliceerdeTelling(ruw.perGroep[0]!.telling, 19, 15, 16, 3, 16, 22),
          },
          { sleutel: 'overig', naam: 'overig', ...verborgen },
          { sleutel: 'participatiewet', naam: 'participatiewet', ...verborgen },
          { sleutel: 'schuldhulpverlening', naam: 'schuldhulpverlening', ...verborgen },
          { sleutel: 'wmo', naam: 'wmo', ...verborgen },
        ],
        // 25, 20, 19, 6 withheld, 21, 28.
        totaal: gepubliceerdeTelling(ruw.totaal, 25, 20, 19, 6, 21, 28),
        onderdrukt: [
          weg('perGroep', 'jeugdwet', 'aantal onder 10', ['lopend']),
          weg('perGroep', 'overig', 'aantal onder 10', alle),
          weg('perGroep', 'participatiewet', 'aantal onder 10', alle),
          weg('perGroep', 'schuldhulpverlening', 'aantal onder 10', alle),
          weg('perGroep', 'wmo', 'aantal onder 10', alle),
          weg('perGroep', 'totaal', 'aantal onder 10', ['lopend']),
        ],
      });
      // Every grouping, every cell: the p-table's answer for its raw count and cell key.
      for (const groep of EPISODE_GROEPEN) {
        const r = telZorgepisodes(d, Q, groep);
        const g = zorgepisodeCijfers(d, Q, groep);
        expect(g.perGroep.map((x) => x.sleutel)).toEqual(r.perGroep.map((x) => x.sleutel));
        for (const veld of alle as (keyof EpisodeTelling)[]) {
          r.perGroep.forEach((x, i) => verwachtGepubliceerd(g.perGroep[i]![veld], x.telling[veld]));
          verwachtGepubliceerd(g.totaal[veld], r.totaal[veld]);
        }
      }
      const j = c.perGroep[0]!;
      const [jeugdwet] = zorgepisodeTabel(c).rijen;
      expect(jeugdwet).toEqual([
        'jeugdwet',
        'jeugdwet',
        j.actief,
        j.gestart,
        j.beeindigd,
        null,
        j.personen,
        j.toewijzingen,
        'lopend',
      ]);
    });
  });

  describe('samenloop', () => {
    it('counts overlap of frameworks per family and per person, and gaps', () => {
      // Families with care in 2025: G1-G15 (G16 only had care in 2024) = 15.
      //   G1 jeugdwet+wmo: J1 01-06..08-15 with O1 from 03-01: 03-01..08-15 = 31+30+31+30+31+15
      //     = 168 days with two frameworks; providers K, Z.
      //   G2 jeugdwet+participatiewet: J2 01-13..05-31 with O2 until 05-31 = 19+28+31+30+31 = 139;
      //     K, Z (J2's 2024 episode is not in the period).
      //   G3 jeugdwet+schuldhulp: J3 until 03-31, O3 from 06-02: never at once, 0 days; T, Z.
      //   G5 jeugdwet+wmo+overig: J5 01-20..09-30 with overig 02-01..04-30 and Wmo 05-01..12-31:
      //     02-01..09-30 = 28+31+30+31+30+31+31+30 = 242; K, Z.
      //   G14 jeugdwet+schuldhulp: J15 from 11-03 with O6 from 10-06: 11-03..12-31 = 28+31 = 59.
      //   The other 10 (G4, G6-G13, G15) have Jeugdwet only, from one provider each.
      //   Samenloopdagen 168 + 139 + 0 + 242 + 59 = 608.
      // Persons with care: J1-J16 and O1, O2, O3, O4, O6 = 21; only O4 has two frameworks (overig
      //   02-01..04-30, Wmo from 05-01: 0 days at once). Every person has one provider.
      // Gaps (care of the whole family, any member, restarting in 2025 after more than a day):
      //   G3 03-31 -> 06-02: 62 days without care; G6 O5's Wmo until 2024-12-31 -> J6 01-27:
      //   26 days; G12 J13 05-31 -> 09-01: 92 days. Not G2 (O2's care bridges J2's break), not
      //   G9 (45A48 until 02-28, 45A49 from 03-01: 1 day apart), not G11 (J12's foster care).
      // (Professionals per family: see their own test below.)
      const { professionalsVerdeling: _p, ...ruw } = aantallen(telSamenloop(d, Q));
      const oplopend = (dagen: number[]) => [...dagen].sort((a, b) => a - b);
      const som = (dagen: number[]) => dagen.reduce((a, b) => a + b, 0);
      // The days with two or more frameworks of each family that has them (behind the mean).
      expect(oplopend(ruw.gezinnen.samenloopdagen)).toEqual([0, 59, 139, 168, 242]);
      expect(som(ruw.gezinnen.samenloopdagen)).toBe(608);
      expect(ruw.personen.samenloopdagen).toEqual([0]); // O4
      expect({
        ...ruw,
        gezinnen: { ...ruw.gezinnen, samenloopdagen: som(ruw.gezinnen.samenloopdagen) },
        personen: { ...ruw.personen, samenloopdagen: som(ruw.personen.samenloopdagen) },
        hiaten: {
          ...ruw.hiaten,
          dagenZonderZorg: oplopend(ruw.hiaten.dagenZonderZorg),
        },
      }).toEqual({
        gezinnen: {
          metZorg: 15,
          metEenKader: 10,
          metMeerdereKaders: 5,
          perCombinatie: [
            combinatie('jeugdwet', 10),
            combinatie('jeugdwet+schuldhulpverlening', 2),
            combinatie('jeugdwet+participatiewet', 1),
            combinatie('jeugdwet+wmo', 1),
            combinatie('jeugdwet+wmo+overig', 1),
          ],
          aanbiedersVerdeling: [
            { aanbieders: 1, aantal: 10 },
            { aanbieders: 2, aantal: 5 },
          ],
          samenloopdagen: 608,
        },
        personen: {
          metZorg: 21,
          metEenKader: 20,
          metMeerdereKaders: 1,
          perCombinatie: [
            combinatie('jeugdwet', 16),
            combinatie('schuldhulpverlening', 2),
            combinatie('participatiewet', 1),
            combinatie('wmo', 1),
            combinatie('wmo+overig', 1),
          ],
          aanbiedersVerdeling: [{ aanbieders: 1, aantal: 21 }],
          samenloopdagen: 0,
        },
        hiaten: { gezinnenMetHiaat: 3, hiaten: 3, dagenZonderZorg: [26, 62, 92] },
      });
    });

    it('publishes the counts of 10 or more; no share, since both numerators are under 10', () => {
      const ruw = telSamenloop(d, Q);
      /** The raw count of a combination (or of a number of providers) by its name. */
      const combi = (rijen: { combinatie: string; aantal: Telling }[], naam: string) =>
        rijen.find((r) => r.combinatie === naam)!.aantal;
      const { gezinnen: g, personen: p } = ruw;
      // (Professionals per family: see their own test below.)
      const { professionalsPerGezin: _p, ...c } = samenloopCijfers(d, Q);
      expect({
        ...c,
        onderdrukt: c.onderdrukt.filter((o) => o.tabel !== 'professionalsPerGezin'),
      }).toEqual({
        ...kop('samenloop-cijfers-2'),
        definitie: SAMENLOOP_CIJFERS_DEFINITIE,
        gezinnen: {
          metZorg: gepubliceerd(g.metZorg, 15),
          metEenKader: gepubliceerd(g.metEenKader, 10),
          metMeerdereKaders: gepubliceerd(g.metMeerdereKaders, 5), // withheld
          // 5 of 15 = 33% was published from the raw counts; now a share comes from the published
          // counts only, and 5 is withheld: so is its share.
          aandeelMeerdereKaders: null,
          // The published counts order the combinations, withheld ones last by name: the raw
          // order would tell that jeugdwet+schuldhulpverlening (2) is the largest of those.
          perCombinatie: [
            combinatie('jeugdwet', gepubliceerd(combi(g.perCombinatie, 'jeugdwet'), 10)),
            combinatie('jeugdwet+participatiewet', null), // 1
            combinatie('jeugdwet+schuldhulpverlening', null), // 2
            combinatie('jeugdwet+wmo', null), // 1
            combinatie('jeugdwet+wmo+overig', null), // 1
          ],
          aanbiedersVerdeling: [
            { aanbieders: 1, aantal: gepubliceerd(g.aanbiedersVerdeling[0]!.aantal, 10) },
            { aanbieders: 2, aantal: gepubliceerd(g.aanbiedersVerdeling[1]!.aantal, 5) },
          ],
          gemiddeldeSamenloopdagen: null, // 608 / 5 = 121.6, over 5 families
        },
        personen: {
          metZorg: gepubliceerd(p.metZorg, 21),
          metEenKader: gepubliceerd(p.metEenKader, 20),
          metMeerdereKaders: gepubliceerd(p.metMeerdereKaders, 1), // withheld
          // 1 of 21 = 5% was published; withheld now with its numerator.
          aandeelMeerdereKaders: null,
          perCombinatie: [
            combinatie('jeugdwet', gepubliceerd(combi(p.perCombinatie, 'jeugdwet'), 16)),
            combinatie('participatiewet', null), // 1
            combinatie('schuldhulpverlening', null), // 2
            combinatie('wmo', null), // 1
            combinatie('wmo+overig', null), // 1
          ],
          aanbiedersVerdeling: [
            { aanbieders: 1, aantal: gepubliceerd(p.aanbiedersVerdeling[0]!.aantal, 21) },
          ],
          gemiddeldeSamenloopdagen: null, // 0 over 1 person
        },
        hiaten: { gezinnenMetHiaat: null, hiaten: null, gemiddeldeDagenZonderZorg: null }, // 60 over 3
        onderdrukt: [
          weg('gezinnen', 'totaal', 'aantal onder 10', [
            'metMeerdereKaders',
            'aandeelMeerdereKaders',
          ]),
          weg('gezinnen', 'jeugdwet+participatiewet', 'aantal onder 10', ['aantal']),
          weg('gezinnen', 'jeugdwet+schuldhulpverlening', 'aantal onder 10', ['aantal']),
          weg('gezinnen', 'jeugdwet+wmo', 'aantal onder 10', ['aantal']),
          weg('gezinnen', 'jeugdwet+wmo+overig', 'aantal onder 10', ['aantal']),
          weg('gezinnen', '2 aanbieders', 'aantal onder 10', ['aantal']),
          weg('gezinnen', 'totaal', 'groep onder 10', ['gemiddeldeSamenloopdagen']),
          weg('personen', 'totaal', 'aantal onder 10', [
            'metMeerdereKaders',
            'aandeelMeerdereKaders',
          ]),
          weg('personen', 'participatiewet', 'aantal onder 10', ['aantal']),
          weg('personen', 'schuldhulpverlening', 'aantal onder 10', ['aantal']),
          weg('personen', 'wmo', 'aantal onder 10', ['aantal']),
          weg('personen', 'wmo+overig', 'aantal onder 10', ['aantal']),
          weg('personen', 'totaal', 'groep onder 10', ['gemiddeldeSamenloopdagen']),
          weg('hiaten', 'totaal', 'aantal onder 10', ['gezinnenMetHiaat', 'hiaten']),
          weg('hiaten', 'totaal', 'groep onder 10', ['gemiddeldeDagenZonderZorg']),
        ],
      });
      // The UpSet table shows the same numbers.
      expect(samenloopTabel(samenloopCijfers(d, Q)).rijen[0]).toEqual([
        'jeugdwet',
        1,
        c.gezinnen.perCombinatie[0]!.aantal,
        c.personen.perCombinatie[0]!.aantal,
        '',
      ]);
    });
    // G4's school social worker was recorded afterwards with the dates of their involvement,
    // 2024-01-10..2024-11-30: not involved in 2025 (this test found that the end date was dropped).
    it('counts the professionals working with each family with care in the period', () => {
      // Families with care in 2025 (15) by professionals involved in 2025 (contact persons and
      // formal network members; the informal ones never count):
      //   0: G15 (no contact person).
      //   1: G1 (A; grandma is informal), G3 (B; the neighbour is informal), G4 (B; the school
      //      social worker ended 2024-11-30), G6 (C ended 2024-12-31; D from 01-20), G7 D, G8 D,
      //      G9 A, G10 A, G12 C, G14 (A from 10-15) = 10.
      //   2: G2 (A until the handover on 06-01, then B), G5 (C and the police officer
      //      03-01..09-30), G11 (B and the family guardian), G13 (D and the mentor until 11-30) = 4.
      //   G16 had no care in 2025.
      const ruw = telSamenloop(d, Q).professionalsVerdeling;
      expect(aantallen(ruw)).toEqual([
        { professionals: 0, aantal: 1 },
        { professionals: 1, aantal: 10 },
        { professionals: 2, aantal: 4 },
      ]);
      const c = samenloopCijfers(d, Q);
      expect(c.professionalsPerGezin).toEqual([
        { professionals: 0, aantal: null },
        { professionals: 1, aantal: gepubliceerd(ruw[1]!.aantal, 10) },
        { professionals: 2, aantal: null },
      ]);
      expect(c.onderdrukt.filter((o) => o.tabel === 'professionalsPerGezin')).toEqual([
        weg('professionalsPerGezin', '0 professionals', 'aantal onder 10', ['aantal']),
        weg('professionalsPerGezin', '2 professionals', 'aantal onder 10', ['aantal']),
      ]);
    });
  });

  describe('duren', () => {
    /** Raw statistics: counts exactly, the rest to 6 decimals (interpolation is floating point). */
    const verwacht = (
      s: RuweDuurStatistiek,
      e: {
        gestart: number;
        beeindigd: number;
        lopend: number;
        samenvatting: (number | null)[]; // mean, median, p25, p75, p90, min, max (ended ones)
        km: (number | null)[]; // kmMediaan, na 90, 180, 365 (started ones)
        onderRisico: number[]; // at risk on the median day (0 without one), day 90, 180, 365
      },
    ) => {
      const { mean, median, p25, p75, p90, min, max } = s.samenvatting;
      const rond = (x: number | null) => (x === null ? null : Math.round(x * 1e6) / 1e6);
      const { onderRisico: r } = s;
      expect({
        gestart: s.gestart.aantal,
        beeindigd: s.beeindigd.aantal,
        lopend: s.lopend.aantal,
        count: s.samenvatting.count,
        samenvatting: [mean, median, p25, p75, p90, min, max].map(rond),
        km: [s.kmMediaan, s.overlevingNa90, s.overlevingNa180, s.overlevingNa365].map(rond),
        onderRisico: [r.kmMediaan, r.na90, r.na180, r.na365],
      }).toEqual({
        gestart: e.gestart,
        beeindigd: e.beeindigd,
        lopend: e.lopend,
        count: e.beeindigd,
        samenvatting: e.samenvatting.map(rond),
        km: e.km.map(rond),
        onderRisico: e.onderRisico,
      });
      // The values behind the noise: one per ended one, one per started one.
      expect([s.beeindigdeDuren.length, s.gestarteDuren.length]).toEqual([e.beeindigd, e.gestart]);
    };

    it('measures the episodes that ended in 2025 and those that started in it, per category', () => {
      // Two populations: ENDED in 2025 (last day from 01-01 to 12-31, not running on the
      // peildatum 2025-12-31, whatever the start) for the summary; STARTED in 2025 for Kaplan-Meier.
      // Category 45, 13 ended, in days:
      //   J9 45A48 01-06..02-28 = 26+28 = 54; J3 01-02..03-31 = 30+28+31 = 89;
      //   J6 01-27..04-30 = 5+28+31+30 = 94; J8 01-10..04-15 = 22+28+31+15 = 96;
      //   J2 01-13..05-31 = 139; J11 45A49 07-07..12-19 = 25+31+30+31+30+19 = 166;
      //   J10 01-02..06-30 = 180; J4 01-15..07-14 = 181; J7 01-01..06-30 = 181;
      //   J16 2024-11-01..04-30 = 30+31 + 31+28+31+30 = 181 (started in 2024: ended only);
      //   J1 01-06..08-15 = 222; J9 45A49 03-01..10-31 = 245; J5 01-20..09-30 = 254.
      //   Sum 1901 + 181 = 2082, mean 160.1538; median the 7th (position 6): 180; p25 at 3: 96;
      //   p75 at 9: 181; p90 at 10.8: 222 + 0.8*23 = 240.4.
      // Started in 2025: 14, all of the above but J16; running (2), censored on 2025-12-31: J13
      //   45A49 09-01.. = 122, J15 11-03.. = 59.
      // Kaplan-Meier over the 14: 54 S=13/14; 59 censored (12 left); 89 S*=11/12; 94 *10/11;
      //   96 *9/10 -> 117/168; 122 censored (8 left); 139 *7/8; 166 *6/7; 180 *5/6 = 195/448
      //   = 0.435 <= 0.5: median 180. After 90 days: 143/168 = 0.851; after 180: 0.435; after
      //   365: the last one ended at 254 and the curve reached 0, so 0.
      //   At risk (lasting at least that many days, so still in care at the start of the day): on
      //   day 180 (the median) J10 180, J4 181, J7 181, J1 222, J9 245, J5 254 = 6; on day 90 these
      //   and J6 94, J8 96, J13 122, J2 139, J11 166 = 11; on day 180 the 6; on day 365 none.
      // Category 43: ended J11's behandeld wonen 2024-10-01..06-30 = 31+30+31 + 31+28+31+30+31+30
      //   = 273 (started in 2024: ended only) and J13's 02-01..05-31 = 28+31+30+31 = 120: mean
      //   196.5, p25 120 + 0.25*153 = 158.25, p75 234.75, p90 257.7. Started: J13's only.
      // Category 44: J14's begeleid wonen 2024-09-01..11-30 = 122 + 334 = 456 ended; none started
      //   (J12's foster care began in 2024 and runs): a group with the summary only.
      // Category 50: ended O2 Participatiewet 2024-06-01..05-31 = 214 + 151 = 365 (started in
      //   2024), O4 overig 02-01..04-30 = 89, O4 Wmo 05-01..12-31 = 245: sorted 89 245 365, mean
      //   699/3 = 233; median 245; p25 at 0.5: 167; p75 at 1.5: 305; p90 at 1.8: 245 + 0.8*120 =
      //   341. Started: O1 Wmo 03-01.. running = 306; O3 06-02.. running = 29+214 = 213; O4
      //   overig 89; O4 Wmo 245; O6 10-06.. running = 26+30+31 = 87.
      //   KM: 87 c, 89 S=3/4, 213 c, 245 S=3/8 (median 245), 306 c; after 365: not followed: null.
      const ruw = telDuren(d, Q, 'categorie');
      expect(ruw.perGroep.map((g) => [g.sleutel, g.naam])).toEqual([
        ['43', 'categorie 43'],
        ['44', 'categorie 44'],
        ['45', 'categorie 45'],
        // Wmo, Participatiewet and overig: no iJW category, their law classifies them.
        ['geen', 'geen iJW-categorie (andere wet)'],
      ]);
      const [c43, c44, c45, c50] = ruw.perGroep;
      verwacht(c43!, {
        gestart: 1,
        beeindigd: 2,
        lopend: 0,
        samenvatting: [196.5, 196.5, 158.25, 234.75, 257.7, 120, 273],
        km: [120, 1, 0, 0],
        onderRisico: [1, 1, 0, 0], // J13's 120 days
      });
      verwacht(c44!, {
        gestart: 0,
        beeindigd: 1,
        lopend: 0,
        samenvatting: [456, 456, 456, 456, 456, 456, 456],
        km: [null, null, null, null],
        onderRisico: [0, 0, 0, 0],
      });
      verwacht(c45!, {
        gestart: 14,
        beeindigd: 13,
        lopend: 2,
        samenvatting: [2082 / 13, 180, 96, 181, 240.4, 54, 254],
        km: [180, 143 / 168, 195 / 448, 0],
        onderRisico: [6, 11, 6, 0],
      });
      verwacht(c50!, {
        gestart: 5,
        beeindigd: 3,
        lopend: 3,
        samenvatting: [233, 245, 167, 305, 341, 89, 365],
        km: [245, 0.75, 0.75, null],
        onderRisico: [2, 3, 3, 0], // 245 and 306 on day 245; 213, 245, 306 on day 90 and 180
      });
      // All 19 ended in 2025 (the episode counts' beeindigd), sorted 54 89 89 94 96 120 139 166
      //   180 181 181 181 222 245 245 254 273 365 456 (sum 2082 + 393 + 456 + 699 = 3630, mean
      //   191.0526); median the 10th, 181; p25 at 4.5: (96+120)/2 = 108; p75 at 13.5: 245;
      //   p90 at 16.2: 273 + 0.2*92 = 291.4.
      // All 20 started in 2025 (the episode counts' gestart), censored: 59 87 122 213 306.
      // KM over 20: 54 S=19/20; 59 c, 87 c (17 left); 89 (two) *15/17 = 285/340 = 0.838;
      //   94 *14/15; 96 *13/14; 120 *12/13; 122 c; 139 *10/11; 166 *9/10; 180 *8/9 = 1824/3740
      //   = 0.488: median 180; after 365: the longest (306) is censored at S > 0: null.
      //   At risk on day 180 (the median): 180 181 181 213 222 245 245 254 306 = 9; on day 90: these
      //   and 94 96 120 122 139 166 = 15; on day 365: none.
      verwacht(ruw.totaal, {
        gestart: 20,
        beeindigd: 19,
        lopend: 5,
        samenvatting: [3630 / 19, 181, 108, 245, 291.4, 54, 456],
        km: [180, 285 / 340, 1824 / 3740, null],
        onderRisico: [9, 15, 9, 0],
      });
      // Stays without foster care that ended in 2025: J11's (behandeld wonen from 2024-10-01, 273
      // days), J13's (120) and J14's (begeleid wonen from 2024-09-01, 456): sorted 120 273 456,
      // mean 849/3 = 283; median 273; p25 at 0.5: 196.5; p75 at 1.5: 364.5; p90 at 1.8: 273 +
      // 0.8*183 = 419.4. Started in 2025: J13's only (ended). J12's is foster care.
      const alleenJ13 = { gestart: 1, lopend: 0, km: [120, 1, 0, 0], onderRisico: [1, 1, 0, 0] };
      verwacht(ruw.verblijf, {
        ...alleenJ13,
        beeindigd: 3,
        samenvatting: [283, 273, 196.5, 364.5, 419.4, 120, 456],
      });
      // Behandeld wonen (the form at the start): J11's and J13's, as in category 43; J14's began
      // as begeleid wonen. 2023: no stay ended or started in it.
      verwacht(ruw.behandeldWonen.periode, {
        ...alleenJ13,
        beeindigd: 2,
        samenvatting: [196.5, 196.5, 158.25, 234.75, 257.7, 120, 273],
      });
      verwacht(ruw.behandeldWonen.basisjaar, {
        gestart: 0,
        beeindigd: 0,
        lopend: 0,
        samenvatting: [null, null, null, null, null, null, null],
        km: [null, null, null, null],
        onderRisico: [0, 0, 0, 0],
      });
    });

    it('publishes the durations of category 45 and the total, and withholds the rest', () => {
      const verborgen = {
        gestart: null,
        beeindigd: null,
        lopend: null,
        gemiddelde: null,
        mediaan: null,
        p25: null,
        p75: null,
        p90: null,
        kmMediaan: null,
        overlevingNa90: null,
        overlevingNa180: null,
        overlevingNa365: null,
      };
      const tellingen = ['gestart', 'beeindigd', 'lopend'];
      const samenvatting = ['gemiddelde', 'mediaan', 'p25', 'p75', 'p90'];
      const overlevingen = ['overlevingNa90', 'overlevingNa180', 'overlevingNa365'];
      const ruw = telDuren(d, Q, 'categorie');
      const r45 = ruw.perGroep.find((g) => g.sleutel === '45')!;
      // The summary of category 45: 13 ended, the longest 254 days; of the total: 19, 456 days.
      const rond45 = (waarde: number) => rondom(waarde, ruisgrens(254, 13));
      const rondTotaal = (waarde: number) => rondom(waarde, ruisgrens(456, 19));
      const c = durenCijfers(d, Q, 'categorie');
      expect(c).toEqual({
        ...kop('monitoring-duren-3'),
        definitie: MONITORING_DUREN_DEFINITIE,
        groep: 'categorie',
        perGroep: [
          { sleutel: '43', naam: 'categorie 43', ...verborgen },
          { sleutel: '44', naam: 'categorie 44', ...verborgen },
          {
            sleutel: '45',
            naam: 'categorie 45',
            gestart: gepubliceerd(r45.gestart, 14),
            beeindigd: gepubliceerd(r45.beeindigd, 13),
            lopend: null, // 2
            gemiddelde: rond45(2082 / 13),
            mediaan: rond45(180),
            p25: rond45(96),
            p75: rond45(181),
            p90: rond45(240.4),
            // 180 was published; now withheld: only 6 are at risk on that day, and that day
            // would tell when the few left ended.
            kmMediaan: null,
            overlevingNa90: rondom((100 * 143) / 168, overlevingsgrens(11)), // 85.1%
            overlevingNa180: null, // 43.5% was published; 6 at risk: withheld now
            overlevingNa365: null, // 0% was published; none at risk: withheld now
          },
          { sleutel: 'geen', naam: 'geen iJW-categorie (andere wet)', ...verborgen },
        ],
        totaal: {
          gestart: gepubliceerd(ruw.totaal.gestart, 20),
          beeindigd: gepubliceerd(ruw.totaal.beeindigd, 19),
          lopend: null, // 5
          gemiddelde: rondTotaal(3630 / 19),
          mediaan: rondTotaal(181),
          p25: rondTotaal(108),
          p75: rondTotaal(245),
          p90: rondTotaal(291.4),
          kmMediaan: null, // 180 was published; 9 at risk on that day: withheld now
          overlevingNa90: rondom((100 * 285) / 340, overlevingsgrens(15)), // 83.8%
          overlevingNa180: null, // 48.8% was published; 9 at risk: withheld now
          overlevingNa365: null, // not estimable, so not withheld either
        },
        verblijf: verborgen,
        behandeldWonen: {
          periode: verborgen,
          basisjaar: { van: '2023-01-01', tot: '2023-12-31', ...verborgen },
          doelGemiddelde: null,
          verschilPercentage: null,
        },
        onderdrukt: [
          weg('perGroep', 'categorie 43 (43)', 'aantal onder 10', tellingen),
          weg('perGroep', 'categorie 43 (43)', 'groep onder 10', [...samenvatting, 'kmMediaan']),
          weg('perGroep', 'categorie 43 (43)', 'minder dan 10 onder risico', overlevingen),
          weg('perGroep', 'categorie 44 (44)', 'aantal onder 10', tellingen),
          // Nothing started: the Kaplan-Meier figures are not withheld but unknown.
          weg('perGroep', 'categorie 44 (44)', 'groep onder 10', samenvatting),
          weg('perGroep', 'categorie 45 (45)', 'aantal onder 10', ['lopend']),
          weg('perGroep', 'categorie 45 (45)', 'minder dan 10 onder risico', [
            'kmMediaan',
            'overlevingNa180',
            'overlevingNa365',
          ]),
          weg('perGroep', 'geen iJW-categorie (andere wet) (geen)', 'aantal onder 10', tellingen),
          weg('perGroep', 'geen iJW-categorie (andere wet) (geen)', 'groep onder 10', [
            ...samenvatting,
            'kmMediaan',
          ]),
          // After 365 days: not estimable (the longest, 306, is censored), so not listed.
          weg('perGroep', 'geen iJW-categorie (andere wet) (geen)', 'minder dan 10 onder risico', [
            'overlevingNa90',
            'overlevingNa180',
          ]),
          weg('totaal', 'totaal', 'aantal onder 10', ['lopend']),
          weg('totaal', 'totaal', 'minder dan 10 onder risico', ['kmMediaan', 'overlevingNa180']),
          weg('verblijf', 'verblijf zonder pleegzorg', 'aantal onder 10', tellingen),
          weg('verblijf', 'verblijf zonder pleegzorg', 'groep onder 10', [
            ...samenvatting,
            'kmMediaan',
          ]),
          weg('verblijf', 'verblijf zonder pleegzorg', 'minder dan 10 onder risico', overlevingen),
          weg('behandeldWonen', 'periode', 'aantal onder 10', tellingen),
          weg('behandeldWonen', 'periode', 'groep onder 10', [...samenvatting, 'kmMediaan']),
          weg('behandeldWonen', 'periode', 'minder dan 10 onder risico', overlevingen),
          weg('behandeldWonen', 'basisjaar 2023', 'aantal onder 10', tellingen),
          // No stay ended in 2023: its mean is withheld (the percentiles are merely unknown).
          weg('behandeldWonen', 'basisjaar 2023', 'groep onder 10', ['gemiddelde']),
          // The goal and the change come from the 2023 mean, which is withheld.
          weg('behandeldWonen', 'doel', 'groep onder 10', ['doelGemiddelde', 'verschilPercentage']),
        ],
      });
      // The noise is there: no published summary figure is the raw one rounded.
      const k45 = c.perGroep[2]!;
      const velden = ['gemiddelde', 'mediaan', 'p25', 'p75', 'p90', 'overlevingNa90'] as const;
      const zonderRuis45 = [160.2, 180, 96, 181, 240.4, 85.1];
      const zonderRuisTotaal = [191.1, 181, 108, 245, 291.4, 83.8];
      velden.forEach((veld, i) => {
        expect([veld, k45[veld]]).not.toEqual([veld, zonderRuis45[i]]);
        expect([veld, c.totaal[veld]]).not.toEqual([veld, zonderRuisTotaal[i]]);
      });
      // Percentiles are published in order, each with noise of its own.
      for (const rij of [c.perGroep[2]!, c.totaal]) {
        expect(rij.p25!).toBeLessThanOrEqual(rij.mediaan!);
        expect(rij.mediaan!).toBeLessThanOrEqual(rij.p75!);
        expect(rij.p75!).toBeLessThanOrEqual(rij.p90!);
      }
      // The CSV row of category 45 is the JSON row, and names what it withholds.
      const tabel = durenTabel(c);
      expect(tabel.rijen[2]).toEqual([
        'categorie',
        '45',
        'categorie 45',
        k45.gestart,
        k45.beeindigd,
        null,
        k45.gemiddelde,
        k45.mediaan,
        k45.p25,
        k45.p75,
        k45.p90,
        null,
        k45.overlevingNa90,
        null,
        null,
        null,
        null,
        'lopend kmMediaan overlevingNa180 overlevingNa365',
      ]);
    });
  });

  describe('verlengingen', () => {
    it('counts episodes longer than the contracted maximum and extension requests', () => {
      // Episodes active in 2025 whose first assignment has a maximum (18):
      //   45A48 (6 months): J1 01-06..08-15, longer (last day 07-05); J2 no; J3 no; J4
      //     01-15..07-14, exactly the last day 07-14: not longer; J5 01-20..09-30, longer (07-19);
      //     J6, J7 (01-01..06-30: last day 06-30), J8, J9's, J10 no; J16 2024-11-01..04-30 no.
      //   43A11 (12): J11 2024-10-01..06-30, J13 02-01..05-31: no. 44A05 (12): J14
      //     2024-09-01..11-30, longer (last day 2025-08-31). WMO01 (12): O1 (running, cut at the
      //     peildatum: 306 days), O4: no. SHV01 (18): O3, O6: no.
      //   Per provider: K J1 J2 J5 J8 J10 J14 = 6, longer 3; T J3 J4 J9 J16 J13 = 5; R J6 J7 J11
      //   = 3; Z O1 O4 O3 O6 = 4.
      // Requests asked in 2025 (5): V5 K 04-03, after T5a ended 03-31 (late), granted, 04-01 ->
      //   09-30 = 183 extra days; V1 K 04-10 granted, 04-30 -> 08-31 = 123; V10 K refused;
      //   V14 K granted, residential, 08-31 -> 12-31 = 122; V12 R (foster care) open.
      const ruw = telVerlengingen(d, Q, 'aanbieder');
      const geen = {
        aangevraagd: 0,
        toegekend: 0,
        afgewezen: 0,
        openstaand: 0,
        telaat: 0,
        extraDagen: [],
        verblijfVerlengd: 0,
      };
      expect(aantallen(ruw)).toEqual({
        groep: 'aanbieder',
        perGroep: [
          {
            sleutel: RADING,
            naam: 'De Rading',
            metMaximum: 3,
            langerDanMaximum: 0,
            ...geen,
            aangevraagd: 1,
            openstaand: 1,
          },
          {
            sleutel: KOMPAS,
            naam: 'Kompas Jeugdhulp',
            metMaximum: 6,
            langerDanMaximum: 3,
            aangevraagd: 4,
            toegekend: 3,
            afgewezen: 1,
            openstaand: 0,
            telaat: 1,
            extraDagen: [183, 123, 122], // in the order asked: V5, V1, V14
            verblijfVerlengd: 1,
          },
          { sleutel: TRIADE, naam: 'Triade Vitree', metMaximum: 5, langerDanMaximum: 0, ...geen },
          {
            sleutel: ZORGCOLLECTIEF,
            naam: 'Zorgcollectief Flevoland',
            metMaximum: 4,
            langerDanMaximum: 0,
            ...geen,
          },
        ],
        totaal: {
          metMaximum: 18,
          langerDanMaximum: 3,
          aangevraagd: 5,
          toegekend: 3,
          afgewezen: 1,
          openstaand: 1,
          telaat: 1,
          extraDagen: [183, 123, 122],
          verblijfVerlengd: 1,
        },
        // "Doelen nog niet behaald" three times (one with other spacing), the others once.
        redenen: [
          { reden: 'doelen nog niet behaald', aantal: 3 },
          { reden: 'pleegplaatsing loopt door', aantal: 1 },
          { reden: 'wachtlijst vervolghulp', aantal: 1 },
        ],
      });
      // Per product: 45A48 11 with a maximum, 2 longer (J1, J5), V5 V1 V10; 43A11 2; 44A05 J14
      // (longer) and V14; WMO01 2; SHV01 2; 44A01 (no maximum) only V12.
      const perProduct = telVerlengingen(d, Q, 'product').perGroep;
      expect(
        perProduct.map((g) => [
          g.sleutel,
          g.naam,
          ...aantallen([g.metMaximum, g.langerDanMaximum, g.aangevraagd, g.toegekend]),
          g.verblijfVerlengd.aantal,
        ]),
      ).toEqual([
        ['44A05', 'Begeleid wonen', 1, 1, 1, 1, 1],
        ['WMO01', 'Begeleiding individueel', 2, 0, 0, 0, 0],
        ['43A11', 'Behandeld wonen', 2, 0, 0, 0, 0],
        ['45A48', 'Jeugdhulp ambulant', 11, 2, 3, 2, 0],
        ['44A01', 'Pleegzorg', 0, 0, 1, 0, 0],
        ['SHV01', 'Schuldhulpverlening', 2, 0, 0, 0, 0],
      ]);
    });

    it('publishes only the number with a maximum: the share that lasted longer is withheld too', () => {
      const verborgen = {
        metMaximum: null,
        langerDanMaximum: null,
        aandeelLangerDanMaximum: null,
        aangevraagd: null,
        toegekend: null,
        afgewezen: null,
        openstaand: null,
        telaat: null,
        aandeelToegekend: null,
        gemiddeldeExtraDagen: null,
        verblijfVerlengd: null,
      };
      const tellingen = [
        'metMaximum',
        'langerDanMaximum',
        'aangevraagd',
        'toegekend',
        'afgewezen',
        'openstaand',
        'telaat',
        'verblijfVerlengd',
      ];
      const aandelen = ['aandeelLangerDanMaximum', 'aandeelToegekend'];
      /** A provider's row: every count under 10, so every share's denominator too. */
      const rijWeg = (rij: string) => [
        weg('perGroep', rij, 'aantal onder 10', tellingen),
        weg('perGroep', rij, 'noemer onder 10', aandelen),
        // Kompas granted 3, the others none: too few for a mean.
        weg('perGroep', rij, 'groep onder 10', ['gemiddeldeExtraDagen']),
      ];
      const ruw = telVerlengingen(d, Q, 'aanbieder');
      const c = verlengingenCijfers(d, Q, 'aanbieder');
      expect(c).toEqual({
        ...kop('verlengingen-2'),
        definitie: VERLENGINGEN_DEFINITIE,
        groep: 'aanbieder',
        perGroep: [
          { sleutel: RADING, naam: 'De Rading', ...verborgen },
          { sleutel: KOMPAS, naam: 'Kompas Jeugdhulp', ...verborgen },
          { sleutel: TRIADE, naam: 'Triade Vitree', ...verborgen },
          { sleutel: ZORGCOLLECTIEF, naam: 'Zorgcollectief Flevoland', ...verborgen },
        ],
        totaal: {
          ...verborgen,
          metMaximum: gepubliceerd(ruw.totaal.metMaximum, 18),
          // 3 of 18 = 16.7% was published from the raw counts; a share now comes from the
          // published counts, and goes with its numerator: 3 is withheld, so is the share.
          aandeelLangerDanMaximum: null,
        },
        redenen: [{ reden: 'overige redenen', aantal: null }], // no reason is given 10 times: 5 together
        onderdrukt: [
          ...rijWeg(`De Rading (${RADING})`),
          ...rijWeg(`Kompas Jeugdhulp (${KOMPAS})`),
          ...rijWeg(`Triade Vitree (${TRIADE})`),
          ...rijWeg(`Zorgcollectief Flevoland (${ZORGCOLLECTIEF})`),
          weg('totaal', 'totaal', 'aantal onder 10', [
            'langerDanMaximum',
            'aandeelLangerDanMaximum',
            ...tellingen.slice(2),
          ]),
          weg('totaal', 'totaal', 'noemer onder 10', ['aandeelToegekend']), // 4 decided
          weg('totaal', 'totaal', 'groep onder 10', ['gemiddeldeExtraDagen']),
          weg('redenen', 'overige redenen', 'aantal onder 10', ['aantal']),
        ],
      });
      expect(verlengingenTabel(c).rijen.at(-1)).toEqual([
        'totaal',
        'totaal',
        c.totaal.metMaximum,
        ...Array<null>(10).fill(null),
        'langerDanMaximum aandeelLangerDanMaximum aangevraagd toegekend afgewezen openstaand ' +
          'telaat aandeelToegekend gemiddeldeExtraDagen verblijfVerlengd',
      ]);
    });
  });

  describe('uitstroom', () => {
    it('counts exits, follow-up, step-downs and step-ups, and forms of residence', () => {
      // Exits in 2025: J11 06-30 home (with follow-up help), J13 05-31 to a lighter form (none),
      //   J14 11-30 on their own (none) = 3; J12's foster care runs.
      // Follow-up within 6 months: J11 (until 12-30; 45A49 from 07-07) and J13 (until 11-30;
      //   45A49 from 09-01) can be judged, both yes; J14's 6 months end 2026-05-30: not yet.
      // Home or lighter within 6 months of a 2025 start: only J13 started in 2025 (02-01, judged
      //   on 08-01), and left to a lighter form on 05-31: 1 of 1.
      // Step-down J11 03-01 (behandeld wonen -> gezinshuis), step-up J14 02-01 (begeleid wonen ->
      //   behandeld wonen). On the peildatum only J12's stay runs: pleegzorg.
      expect(aantallen(telUitstroom(d, Q))).toEqual({
        uitstroom: {
          aantal: 3,
          perBestemming: {
            thuis: 1,
            zelfstandig: 1,
            'lichtere-vorm': 1,
            'zwaardere-vorm': 0,
            anders: 0,
          },
          zonderVervolghulp: 2,
        },
        vervolgBinnen6Maanden: { beoordeeld: 2, metVervolg: 2, nogNietTeBeoordelen: 1 },
        thuisOfLichterBinnen6Maanden: { beoordeeld: 1, thuisOfLichter: 1, nogNietTeBeoordelen: 0 },
        schaling: {
          afschalingen: 1,
          opschalingen: 1,
          uitstroomNaarLichtereVorm: 1,
          uitstroomNaarZwaardereVorm: 0,
        },
        woonvormenOpPeildatum: {
          datum: PEIL,
          aantal: 1,
          perWoonvorm: {
            gesloten: 0,
            'behandeld-wonen': 0,
            gezinshuis: 0,
            pleegzorg: 1,
            'begeleid-wonen': 0,
            kamertraining: 0,
          },
        },
      });
    });

    it('withholds every figure: four stays are too few', () => {
      const geen = { aantal: null, percentage: null };
      const aandeel = (tabel: string, rij: string, veld: string) => [
        weg(tabel, rij, 'aantal onder 10', [`${veld}.aantal`]),
        weg(tabel, rij, 'noemer onder 10', [`${veld}.percentage`]),
      ];
      const c = uitstroomCijfers(d, Q);
      expect(c).toEqual({
        ...kop('uitstroom-2'),
        definitie: UITSTROOM_DEFINITIE,
        uitstroom: {
          aantal: null,
          perBestemming: ['thuis', 'zelfstandig', 'lichtere-vorm', 'zwaardere-vorm', 'anders'].map(
            (bestemming) => ({ bestemming, ...geen }),
          ),
          zonderVervolghulp: geen,
        },
        vervolgBinnen6Maanden: { beoordeeld: null, metVervolg: geen, nogNietTeBeoordelen: null },
        thuisOfLichterBinnen6Maanden: {
          beoordeeld: null,
          thuisOfLichter: geen,
          nogNietTeBeoordelen: null,
        },
        schaling: {
          afschalingen: null,
          opschalingen: null,
          uitstroomNaarLichtereVorm: null,
          uitstroomNaarZwaardereVorm: null,
        },
        woonvormenOpPeildatum: {
          datum: PEIL,
          aantal: null,
          perWoonvorm: [
            'gesloten',
            'behandeld-wonen',
            'gezinshuis',
            'pleegzorg',
            'begeleid-wonen',
            'kamertraining',
          ].map((woonvorm) => ({ woonvorm, ...geen })),
        },
        onderdrukt: [
          weg('uitstroom', 'totaal', 'aantal onder 10', ['aantal']),
          ...['thuis', 'zelfstandig', 'lichtere-vorm', 'zwaardere-vorm', 'anders'].flatMap((b) =>
            aandeel('uitstroom', `bestemming ${b}`, 'perBestemming'),
          ),
          ...aandeel('uitstroom', 'zonder vervolghulp', 'zonderVervolghulp'),
          weg('vervolgBinnen6Maanden', 'te beoordelen uitstroom', 'aantal onder 10', [
            'beoordeeld',
          ]),
          ...aandeel(
            'vervolgBinnen6Maanden',
            'met gezinsgerichte of ambulante vervolgzorg',
            'metVervolg',
          ),
          weg('vervolgBinnen6Maanden', 'nog niet te beoordelen', 'aantal onder 10', [
            'nogNietTeBeoordelen',
          ]),
          weg('thuisOfLichterBinnen6Maanden', 'te beoordelen instroom', 'aantal onder 10', [
            'beoordeeld',
          ]),
          ...aandeel(
            'thuisOfLichterBinnen6Maanden',
            'thuis, zelfstandig of lichtere vorm',
            'thuisOfLichter',
          ),
          weg('thuisOfLichterBinnen6Maanden', 'nog niet te beoordelen', 'aantal onder 10', [
            'nogNietTeBeoordelen',
          ]),
          weg('schaling', 'afschalingen', 'aantal onder 10', ['afschalingen']),
          weg('schaling', 'opschalingen', 'aantal onder 10', ['opschalingen']),
          weg('schaling', 'uitstroom naar lichtere vorm', 'aantal onder 10', [
            'uitstroomNaarLichtereVorm',
          ]),
          weg('schaling', 'uitstroom naar zwaardere vorm', 'aantal onder 10', [
            'uitstroomNaarZwaardereVorm',
          ]),
          weg('woonvormenOpPeildatum', 'totaal', 'aantal onder 10', ['aantal']),
          ...[
            'gesloten',
            'behandeld-wonen',
            'gezinshuis',
            'pleegzorg',
            'begeleid-wonen',
            'kamertraining',
          ].flatMap((w) => aandeel('woonvormenOpPeildatum', `woonvorm ${w}`, 'perWoonvorm')),
        ],
      });
    });
  });

  describe('perspectief', () => {
    it('checks the conversation at 16.5 per youth, provider and quarter', () => {
      // Youths whose conversation was due in 2025 (all born July-September 2008, so due in Q1):
      //   J1 16.5 on 01-12, care from 01-06: due 01-12, held 01-10: on time; K.
      //   J7 due 01-20 (care from 01-01 without messages), held 01-20: on time; R.
      //   J6 16.5 on 01-01, care only from 01-27: due at intake 01-27 (instroomNa16EnHalf),
      //     held 01-27: on time; R.
      //   J2 due 02-03 (care since 2024), held 03-14: late; K.   J10 due 02-10, none; K.
      //   J3 due 02-20, held 02-18: on time; T.   J8 due 02-28, held 2026-01-15, after the
      //     peildatum: missing; K.   J4 due 03-05, none; T.   J9 due 03-12, held 03-10: on time;
      //     its 45A49 runs from 03-01; T.   J5 due 03-25, held 04-02: late; K.
      // Not in scope: J11-J13, J15, J17 (16.5 after 2025), J14 (first care 2024-09-01 at 17: due
      // then), J16 (18 at the start of care: no conversation).
      const ruw = telPerspectief(d, Q);
      expect(
        ruw.jeugdigen.map((j) => [
          label(j.persoonId),
          j.uiterlijk,
          j.kwartaal,
          j.instroomNa16EnHalf,
          j.status,
          j.aanbiederIds,
        ]),
      ).toEqual([
        ['J1', '2025-01-12', '2025-Q1', false, 'opTijd', [KOMPAS]],
        ['J7', '2025-01-20', '2025-Q1', false, 'opTijd', [RADING]],
        ['J6', '2025-01-27', '2025-Q1', true, 'opTijd', [RADING]],
        ['J2', '2025-02-03', '2025-Q1', false, 'teLaat', [KOMPAS]],
        ['J10', '2025-02-10', '2025-Q1', false, 'ontbreekt', [KOMPAS]],
        ['J3', '2025-02-20', '2025-Q1', false, 'opTijd', [TRIADE]],
        ['J8', '2025-02-28', '2025-Q1', false, 'ontbreekt', [KOMPAS]],
        ['J4', '2025-03-05', '2025-Q1', false, 'ontbreekt', [TRIADE]],
        ['J9', '2025-03-12', '2025-Q1', false, 'opTijd', [TRIADE]],
        ['J5', '2025-03-25', '2025-Q1', false, 'teLaat', [KOMPAS]],
      ]);
      const t = (
        inScope: number,
        instroomNa16EnHalf: number,
        opTijd: number,
        teLaat: number,
        ontbreekt: number,
      ) => ({ inScope, instroomNa16EnHalf, opTijd, teLaat, ontbreekt, nogNietAanDeBeurt: 0 });
      const kwartaal = (k: string, rijen: ReturnType<typeof t>[]) =>
        (['totaal', RADING, KOMPAS, TRIADE, 'geen lopende zorg'] as const).map((s, i) => ({
          kwartaal: k,
          soort: s === 'totaal' || s === 'geen lopende zorg' ? s : 'aanbieder',
          aanbiederId: s === 'totaal' || s === 'geen lopende zorg' ? null : s,
          telling: rijen[i] ?? t(0, 0, 0, 0, 0),
        }));
      expect(aantallen(ruw.perKwartaal)).toEqual([
        // Q1: 10 youths: on time J1 J3 J6 J7 J9, late J2 J5, missing J4 J8 J10. De Rading: J6 J7;
        // Kompas: J1 (on time), J2 J5 (late), J8 J10 (missing); Triade: J3 J9 (on time), J4.
        ...kwartaal('2025-Q1', [
          t(10, 1, 5, 2, 3),
          t(2, 1, 2, 0, 0),
          t(5, 0, 1, 2, 2),
          t(3, 0, 2, 0, 1),
        ]),
        ...kwartaal('2025-Q2', []),
        ...kwartaal('2025-Q3', []),
        ...kwartaal('2025-Q4', []),
      ]);
      // Verlengde jeugdhulp: J14 asked 02-10, granted; J5 asked 11-05, open.
      expect(aantallen(ruw.verlengdeJeugdhulp)).toEqual([
        { kwartaal: '2025-Q1', aangevraagd: 1, toegekend: 1, afgewezen: 0, open: 0 },
        { kwartaal: '2025-Q2', aangevraagd: 0, toegekend: 0, afgewezen: 0, open: 0 },
        { kwartaal: '2025-Q3', aangevraagd: 0, toegekend: 0, afgewezen: 0, open: 0 },
        { kwartaal: '2025-Q4', aangevraagd: 1, toegekend: 0, afgewezen: 0, open: 1 },
      ]);
    });

    it('publishes the first quarter: 10 youths, no shares of them; every provider withheld', () => {
      const geen = { aantal: null, percentage: null };
      const verborgen = (
        kwartaal: string,
        soort: PerspectiefRij['soort'],
        aanbiederId: string | null,
        aanbieder: string,
      ): PerspectiefRij => ({
        kwartaal,
        soort,
        aanbiederId,
        aanbieder,
        inScope: null,
        instroomNa16EnHalf: null,
        opTijd: geen,
        teLaat: geen,
        ontbreekt: geen,
        nogNietAanDeBeurt: null,
      });
      const rijen = (k: string): PerspectiefRij[] => [
        verborgen(k, 'totaal', null, 'totaal'),
        verborgen(k, 'aanbieder', RADING, 'De Rading'),
        verborgen(k, 'aanbieder', KOMPAS, 'Kompas Jeugdhulp'),
        verborgen(k, 'aanbieder', TRIADE, 'Triade Vitree'),
        verborgen(k, 'geen lopende zorg', null, 'geen lopende zorg'),
      ];
      const alleAantallen = [
        'inScope',
        'instroomNa16EnHalf',
        'opTijd.aantal',
        'teLaat.aantal',
        'ontbreekt.aantal',
        'nogNietAanDeBeurt',
      ];
      const alleAandelen = ['opTijd.percentage', 'teLaat.percentage', 'ontbreekt.percentage'];
      const allesWeg = (rij: string) => [
        weg('perKwartaal', rij, 'aantal onder 10', alleAantallen),
        weg('perKwartaal', rij, 'noemer onder 10', alleAandelen),
      ];
      const q1 = telPerspectief(d, Q).perKwartaal[0]!;
      expect([q1.kwartaal, q1.soort]).toEqual(['2025-Q1', 'totaal']);
      const c = perspectiefCijfers(d, Q);
      const [q1Totaal, ...q1Rest] = rijen('2025-Q1');
      expect(c).toEqual({
        // The conversations are about Jeugdwet care: the header says so.
        ...kop('perspectief-2', Q, PEIL, { kader: 'jeugdwet' }),
        definitie: PERSPECTIEF_DEFINITIE,
        perKwartaal: [
          {
            ...q1Totaal,
            inScope: gepubliceerd(q1.telling.inScope, 10),
            // 5, 2 and 3 of 10 were published as 50%, 20% and 30%; a share now goes with its
            // count, and these are under 10: withheld.
            opTijd: { aantal: null, percentage: null },
            teLaat: { aantal: null, percentage: null },
            ontbreekt: { aantal: null, percentage: null },
          },
          ...q1Rest,
          ...rijen('2025-Q2'),
          ...rijen('2025-Q3'),
          ...rijen('2025-Q4'),
        ],
        verlengdeJeugdhulp: ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'].map((kwartaal) => ({
          kwartaal,
          aangevraagd: null,
          toegekend: null,
          afgewezen: null,
          open: null,
        })),
        onderdrukt: [
          weg('perKwartaal', '2025-Q1, totaal', 'aantal onder 10', [
            'instroomNa16EnHalf',
            'opTijd.aantal',
            'opTijd.percentage',
            'teLaat.aantal',
            'teLaat.percentage',
            'ontbreekt.aantal',
            'ontbreekt.percentage',
            'nogNietAanDeBeurt',
          ]),
          ...['De Rading', 'Kompas Jeugdhulp', 'Triade Vitree', 'geen lopende zorg'].flatMap((a) =>
            allesWeg(`2025-Q1, ${a}`),
          ),
          ...['2025-Q2', '2025-Q3', '2025-Q4'].flatMap((k) =>
            [
              'totaal',
              'De Rading',
              'Kompas Jeugdhulp',
              'Triade Vitree',
              'geen lopende zorg',
            ].flatMap((a) => allesWeg(`${k}, ${a}`)),
          ),
          ...['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'].map((k) =>
            weg('verlengdeJeugdhulp', k, 'aantal onder 10', [
              'aangevraagd',
              'toegekend',
              'afgewezen',
              'open',
            ]),
          ),
        ],
      });
    });
  });

  describe('indicatoren', () => {
    const maanden = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];

    it('counts youths in care against the population, in- and outflow, repeated inflow', () => {
      // Jeugdwet only, 2025 as a whole year, as known on 2026-06-30 (peildatum 2025-12-31).
      // Clients (any age) with an active episode: J1-J16 = 16. With residence (43/44): J11, J12,
      //   J13, J14 = 4, so 12 with only care without residence.
      // Youths (at most 17 at the start of the episode) without residence: J1-J10 (16), J11 and
      //   J13 (their 45A49 at 13), J15 (2) = 13; J16 was 18. With residence: the same 4.
      // Population 2025: 1210 + 880 + 720 + 1190 = 4000. 2023: no residential care at all.
      // Episodes started in 2025 (15): J1-J8, J9 twice, J10, J11's 45A49, J13 twice, J15.
      //   Repeated: J2 (care until 2024-08-31), J9's 45A49 (45A48 ended 02-28, the day before:
      //   aansluitend), J11's 45A49 (behandeld wonen until 06-30), J13's 45A49 (until 05-31) = 4.
      // Inflow per month (as known on 2026-06-30): January 10 (J1-J10's first episodes), Feb J13's
      //   stay (residential), Mar J9's 45A49, Jul J11's 45A49, Sep J13's 45A49, Nov J15.
      //   Outflow: Feb J9 (02-28), Mar J3, Apr J6 J8 J16, May J2 + J13 (residential), Jun J7 J10
      //   + J11 (residential), Jul J4, Aug J1, Sep J5, Oct J9's 45A49, Nov J14 (residential),
      //   Dec J11's 45A49. J12, J13's 45A49 and J15 run on; J12's and J15's end in 2026.
      const herhaling = { instroom: 15, herhaald: 4, aansluitend: 1 };
      const maand = (m: string, instroom: [number, number], uitstroom: [number, number]) => ({
        maand: `2025-${m}`,
        compleet: true,
        instroomZonderVerblijf: instroom[0],
        instroomMetVerblijf: instroom[1],
        uitstroomZonderVerblijf: uitstroom[0],
        uitstroomMetVerblijf: uitstroom[1],
      });
      expect(aantallen(telIndicatoren(d, Q))).toEqual({
        jaren: [
          {
            jaar: 2025,
            van: '2025-01-01',
            tot: '2025-12-31',
            peildatum: PEIL,
            heelJaar: true,
            bevolking: 4000,
            jeugdigenZonderVerblijf: 13,
            jeugdigenMetVerblijf: 4,
            clienten: 16,
            clientenAlleenZonderVerblijf: 12,
            zonderGeboortedatum: 0,
            herhaaldeInstroom: herhaling,
          },
        ],
        jeugdigenMetVerblijf2023: 0,
        inEnUitstroom: [
          maand('01', [10, 0], [0, 0]),
          maand('02', [0, 1], [1, 0]),
          maand('03', [1, 0], [1, 0]),
          maand('04', [0, 0], [3, 0]),
          maand('05', [0, 0], [1, 1]),
          maand('06', [0, 0], [2, 1]),
          maand('07', [1, 0], [1, 0]),
          maand('08', [0, 0], [1, 0]),
          maand('09', [1, 0], [1, 0]),
          maand('10', [0, 0], [1, 0]),
          maand('11', [1, 0], [0, 1]),
          maand('12', [0, 0], [1, 0]),
        ],
        herhaaldeInstroom: herhaling,
      });
    });

    it('publishes the youths without residence, the clients and January inflow', () => {
      const ruw = telIndicatoren(d, Q);
      const r = ruw.jaren[0]!;
      const zonderVerblijf = gepubliceerd(r.jeugdigenZonderVerblijf, 13);
      const clienten = gepubliceerd(r.clienten, 16);
      const alleenZonderVerblijf = gepubliceerd(r.clientenAlleenZonderVerblijf, 12);
      const instroom = gepubliceerd(r.herhaaldeInstroom.instroom, 15);
      const c = indicatorCijfers(d, Q);
      const leeg = { zonderVerblijf: null, metVerblijf: null };
      // Repeated inflow in 2025 and over the whole period (2025): the same episodes.
      const herhaling = { instroom, herhaald: null, percentage: null, aansluitend: null };
      expect(c).toEqual({
        ...kop('indicatoren-2', Q, PEIL, { kader: 'jeugdwet' }),
        definitie: INDICATOREN_DEFINITIE,
        nulwaarden: NULWAARDEN,
        jaren: [
          {
            jaar: 2025,
            van: '2025-01-01',
            tot: '2025-12-31',
            peildatum: PEIL,
            heelJaar: true,
            bevolking: 4000,
            bevolkingOnbekend: false,
            // 13 youths, of the (public) population of 4000: the published count's share.
            zonderVerblijf: {
              aantal: zonderVerblijf,
              percentage: aandeel(zonderVerblijf, 4000, 1),
              nulwaarde2023: 12.7,
              nulwaarde2024: 11.9,
            },
            // 4: withheld, and so is its share of the (public) population: it would give the 4.
            metVerblijf: { aantal: null, percentage: null, nulwaarde2023: 1.7, nulwaarde2024: 1.8 },
            // 12 of 16 clients (75% raw): the share of the published counts.
            alleenZonderVerblijf: {
              clienten,
              aantal: alleenZonderVerblijf,
              percentage: aandeel(alleenZonderVerblijf, clienten, 1),
              nulwaarde2023: 95.3,
              nulwaarde2024: 95.2,
            },
            jeugdigenInVerblijf: {
              aantal: null,
              aantal2023: null, // 0
              doel: null,
              verschilPercentage: null,
            },
            // 15 started, 4 repeated, 1 of them a switch: 4 of 15 = 26.7% was published from the
            // raw counts; the share now goes with its numerator, 4: withheld.
            herhaaldeInstroom: herhaling,
            zonderGeboortedatum: null, // 0
          },
        ],
        inEnUitstroom: maanden.map((m) => ({
          maand: `2025-${m}`,
          compleet: true,
          instroom:
            m === '01'
              ? {
                  zonderVerblijf: gepubliceerd(ruw.inEnUitstroom[0]!.instroomZonderVerblijf, 10),
                  metVerblijf: null,
                }
              : leeg,
          uitstroom: leeg,
        })),
        herhaaldeInstroom: herhaling,
        onderdrukt: [
          weg('jaren', '2025', 'aantal onder 10', [
            'metVerblijf.aantal',
            'metVerblijf.percentage',
            'jeugdigenInVerblijf.aantal2023',
            'herhaaldeInstroom.herhaald',
            'herhaaldeInstroom.percentage',
            'herhaaldeInstroom.aansluitend',
            'zonderGeboortedatum',
          ]),
          // The target and the change against 2023 come from the published count of 2023 (0).
          weg('jaren', '2025', 'groep onder 10', [
            'jeugdigenInVerblijf.doel',
            'jeugdigenInVerblijf.verschilPercentage',
          ]),
          ...maanden.map((m) =>
            weg('inEnUitstroom', `2025-${m}`, 'aantal onder 10', [
              ...(m === '01' ? [] : ['instroom.zonderVerblijf']),
              'instroom.metVerblijf',
              'uitstroom.zonderVerblijf',
              'uitstroom.metVerblijf',
            ]),
          ),
          weg('herhaaldeInstroom', 'totaal', 'aantal onder 10', [
            'herhaald',
            'percentage',
            'aansluitend',
          ]),
        ],
      });
      expect(aantallen(ruw.herhaaldeInstroom)).toEqual(aantallen(r.herhaaldeInstroom));
      expect(ruw.herhaaldeInstroom.instroom.sleutel).toBe(r.herhaaldeInstroom.instroom.sleutel);
    });
  });

  describe('cell keys', () => {
    it('carry, through the projection, the record keys of exactly what each cell counts', () => {
      /** The cell key of these persons' records (a person twice: their key twice). */
      const van = (...personen: Persoon[]) => celsleutel(personen.map(sleutel));
      /** A family's key: the sum of its members' keys. */
      const gezinnen = (...g: number[]) =>
        celsleutel(g.map((n) => van(...G(n).leden.map(([lid]) => lid))));
      const jongeren = [J1, J2, J3, J4, J5, J6, J7, J8, J9, J10, J11, J12, J13, J14, J15, J16];

      const jeugdwet = telZorgepisodes(d, Q, 'kader').perGroep[0]!.telling;
      // Episodes: J9, J11 and J13 have two, so their key counts twice; persons once.
      expect(jeugdwet.actief.sleutel).toBe(van(...jongeren, J9, J11, J13));
      expect(jeugdwet.personen.sleutel).toBe(van(...jongeren));
      expect(jeugdwet.lopend.sleutel).toBe(van(J12, J13, J15));

      const samenloop = telSamenloop(d, Q);
      expect(samenloop.gezinnen.metMeerdereKaders.sleutel).toBe(gezinnen(1, 2, 3, 5, 14));
      expect(samenloop.personen.metMeerdereKaders.sleutel).toBe(van(O4));
      // G3 and G6 and G12 each have one gap.
      expect(samenloop.hiaten.hiaten.sleutel).toBe(gezinnen(3, 6, 12));

      const duren = telDuren(d, Q, 'categorie');
      const c45 = duren.perGroep.find((g) => g.sleutel === '45')!;
      expect(c45.lopend.sleutel).toBe(van(J13, J15));
      // Ended in 2025, category 45: J9 twice (45A48 and 45A49); J16 began in 2024.
      expect(c45.beeindigd.sleutel).toBe(
        van(J1, J2, J3, J4, J5, J6, J7, J8, J9, J9, J10, J11, J16),
      );

      const verlengingen = telVerlengingen(d, Q, 'aanbieder').totaal;
      expect(verlengingen.langerDanMaximum.sleutel).toBe(van(J1, J5, J14));
      expect(verlengingen.toegekend.sleutel).toBe(van(J1, J5, J14));
      expect(verlengingen.afgewezen.sleutel).toBe(van(J10));

      expect(telUitstroom(d, Q).uitstroom.aantal.sleutel).toBe(van(J11, J13, J14));
      expect(telPerspectief(d, Q).perKwartaal[0]!.telling.ontbreekt.sleutel).toBe(van(J4, J8, J10));
      const herhaald = telIndicatoren(d, Q).herhaaldeInstroom.herhaald;
      expect(herhaald.sleutel).toBe(van(J2, J9, J11, J13));
    });
  });

  describe('privacy', () => {
    it('never puts a name, BSN, birth date or person or family id in a beleid response', () => {
      const verboden = [
        ...PERSONEN.flatMap((p) => [
          p.voornaam,
          p.achternaam,
          p.bsn,
          p.persoonId,
          ...(p.geboortedatum ? [p.geboortedatum] : []),
        ]),
        ...GEZINNEN.flatMap((g) => [g.gezinId, g.naam]),
        ...NETWERKNAMEN,
      ];
      const vragen: MonitoringVraag[] = [
        Q,
        vraag('2025-09-30'),
        vraag('2026-06-30', { wijk: 'Haven' }),
        vraag('2026-06-30', { aanbieder: KOMPAS }),
        { ...vraag('2026-06-30'), van: '2020-01-01' },
      ];
      const teksten: string[] = [];
      for (const v of vragen) {
        const cijfers = alleCijfers(omgeving.dataset(v.bekendTot!), v);
        teksten.push(JSON.stringify(cijfers), ...alleTabellen(cijfers));
      }
      // 7 modules as JSON in one text, and 17 tables (6 + 1 + 4 + 2 + 1 + 1 + 2) per question.
      expect(teksten).toHaveLength(vragen.length * 18);
      const alles = teksten.join('\n');
      expect(alles).toContain('Kompas Jeugdhulp'); // the search does find what is there
      expect(verboden.filter((woord) => alles.includes(woord))).toEqual([]);
      // The facts behind them keep ids and birth dates (to link care and take ages), never a
      // name or BSN, nor the free text that names persons (corrections, conversations, reasons).
      const feiten = omgeving.readModels.db
        .prepare<[], { feit: string }>('SELECT feit FROM monitoring_feiten')
        .all()
        .map((r) => r.feit)
        .join('\n');
      expect(feiten).toContain(J1.persoonId);
      const nooitInFeiten = [
        ...PERSONEN.flatMap((p) => [p.voornaam, p.achternaam, p.bsn]),
        ...NETWERKNAMEN,
      ];
      expect(nooitInFeiten.filter((woord) => feiten.includes(woord))).toEqual([]);
    });
  });
});

describe('figures as known on a past day (acceptance)', () => {
  it('do not change when later events are added, while the figures as known now do', () => {
    const log = new Log();
    basis(log);
    const omgeving = new Omgeving();
    try {
      omgeving.leg(log.vastleggen());
      const toen = vraag('2025-09-30');
      const nu = vraag('2026-10-31');
      // Asked as known now, the API folds every fact recorded so far (bekendTot null).
      const cijfers = (v: MonitoringVraag) =>
        alleCijfers(omgeving.dataset(v === nu ? null : v.bekendTot!), v);
      const toenVoor = cijfers(toen);
      const qVoor = cijfers(Q);
      const nuVoor = cijfers(nu);
      // As known on 2025-09-30 J8's stop was still 05-15 (corrected on 2026-02-10), and J9's
      // 45A49 had not stopped yet: that question sees the log of that day, not today's.
      const dToen = omgeving.dataset(toen.bekendTot);
      expect(dToen.toewijzingen.get(uuid('toewijzing', 'T8'))!.zorgStop).toEqual({
        datum: '2025-05-15',
        reden: '32',
      });
      expect(dToen.toewijzingen.get(uuid('toewijzing', 'T9b'))!.zorgStop).toBeNull();
      expect(toenVoor.duren[0]!.peildatum).toBe('2025-09-30');

      // Recorded in September 2026: J3's stop of 2025-03-31 corrected to 2025-05-31, and a Wmo
      // assignment of O7 that began 2025-08-01.
      laat(log);
      const late = log.vastleggen();
      expect(late.map((e) => [e.type, e.recordedAt.slice(0, 10)])).toEqual([
        ['ZorgStopCorrected', '2026-09-07'],
        ['ToewijzingRegistered', '2026-09-08'],
        ['ZorgStarted', '2026-09-08'],
      ]);
      omgeving.leg(late);

      expect(cijfers(toen)).toEqual(toenVoor);
      expect(cijfers(Q)).toEqual(qVoor);
      const nuNa = cijfers(nu);
      expect(nuNa).not.toEqual(nuVoor);
      // As known now: J3's episode lasts 01-02..05-31 = 150 days instead of 89, so the mean of
      // category 45 (the 13 ended in 2025) goes from 2082 / 13 = 160.2 to 2143 / 13 = 164.8 (the
      // longest stays J5's 254 days); and O7's Wmo makes a third Wmo episode in 2025 (withheld
      // either way).
      const ruw45 = () =>
        telDuren(omgeving.dataset(null), nu, 'categorie').perGroep.find((g) => g.sleutel === '45')!;
      expect(ruw45().samenvatting.mean).toBeCloseTo(2143 / 13, 9);
      expect(ruw45().samenvatting.max).toBe(254);
      const cat45 = (c: ReturnType<typeof cijfers>) =>
        c.duren[0]!.perGroep.find((g) => g.sleutel === '45')!.gemiddelde;
      expect(cat45(nuVoor)).toEqual(rondom(2082 / 13, ruisgrens(254, 13)));
      expect(cat45(nuNa)).toEqual(rondom(2143 / 13, ruisgrens(254, 13)));
      expect(cat45(nuNa)).not.toBe(cat45(nuVoor));
      const wmo = (v: MonitoringVraag) =>
        telZorgepisodes(omgeving.dataset(v === nu ? null : v.bekendTot!), v, 'kader').perGroep.find(
          (g) => g.sleutel === 'wmo',
        )!.telling.actief.aantal;
      expect([wmo(toen), wmo(Q), wmo(nu)]).toEqual([2, 2, 3]);
    } finally {
      omgeving.sluit();
    }
  });
});

describe('the same log with the same record keys (acceptance)', () => {
  const vragen: MonitoringVraag[] = [
    Q,
    vraag('2025-09-30'),
    vraag('2026-06-30', { wijk: 'Haven' }),
    vraag('2026-06-30', { aanbieder: KOMPAS }),
    { ...vraag('2026-06-30'), van: '2020-01-01' },
  ];

  /** Every figure and table for every question, from a new log with these keys on a new file. */
  function antwoorden(sleutels: ReadonlyMap<string, number>) {
    const log = new Log(sleutels);
    basis(log);
    const omgeving = new Omgeving();
    try {
      omgeving.leg(log.vastleggen());
      return vragen.map((v) => {
        const d = omgeving.dataset(v.bekendTot!);
        const cijfers = alleCijfers(d, v);
        return {
          ruw: aantallen(telZorgepisodes(d, v, 'kader')),
          cijfers,
          tabellen: alleTabellen(cijfers),
        };
      });
    } finally {
      omgeving.sluit();
    }
  }

  it('gives the same answers twice, depending on the keys only, and never shows a key', () => {
    const eerste = antwoorden(SLEUTELS);
    // The same keys drawn again from the same series: a new log, a new read model, the same
    // answers to every question, to the digit.
    const tweede = antwoorden(recordsleutels(SLEUTELREEKS));
    expect(tweede).toEqual(eerste);
    expect(JSON.stringify(tweede)).toBe(JSON.stringify(eerste));

    // Other keys (another series) leave the raw counts as they are but give other published
    // figures: the answers do depend on the keys, so the equality above says something.
    const ander = antwoorden(recordsleutels(SLEUTELREEKS + 1));
    expect(ander.map((a) => a.ruw)).toEqual(eerste.map((a) => a.ruw));
    // Counts (perturbed by their cell keys) and magnitudes (noise from them) both.
    const episodes = (a: typeof eerste) => a.map((x) => x.cijfers.zorgepisodes);
    const gemiddelden = (a: typeof eerste) =>
      a.map((x) => x.cijfers.duren.map((c) => c.totaal.gemiddelde));
    expect(episodes(ander)).not.toEqual(episodes(eerste));
    expect(gemiddelden(ander)).not.toEqual(gemiddelden(eerste));

    // No figure or table shows a record key (nor the sum of two, as a cell key would).
    const alles = eerste.flatMap((a) => [JSON.stringify(a.cijfers), ...a.tabellen]).join('\n');
    expect(alles).toContain('"bevolking":4000'); // the search does find what is there
    const sleutels = [...SLEUTELS.values()];
    expect(sleutels.filter((k) => alles.includes(String(k)))).toEqual([]);
    // Nor anything of their size: apart from the providers' 8-digit codes, no published number
    // has 7 digits or more (these keys have 9 or 10).
    expect(Math.min(...sleutels)).toBeGreaterThan(1e8);
    const zonderCodes = [KOMPAS, RADING, TRIADE, ZORGCOLLECTIEF].reduce(
      (tekst, code) => tekst.replaceAll(code, 'AGB'),
      alles,
    );
    expect(zonderCodes).not.toMatch(/\d{7,}/);
  });
});
