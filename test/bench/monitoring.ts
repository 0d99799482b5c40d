/**
 * Monitoring benchmark: how long the policy figures (beleid/zorg) take on a municipality-sized log.
 * A deterministic synthetic log of domain events (families with a district, a contact person and
 * network members; youths with 2-4 assignments each over 2020-2026, care starts and stops,
 * residential stays, extension requests, perspective conversations; judgements at the end of
 * each assignment and one story per ten youths, released, some withdrawn; reference data) goes through
 * the real `monitoringProjection` into a SQLite file, as the API stores the facts;
 * `MonitoringQueries` reads it back and folds it into a data set, as the API does; then every
 * figure is computed over a 1-year and a 5-year period. Prints figures; it is not a test and
 * asserts nothing. The default run takes about a minute on a 2-core VM.
 *
 *   npm run bench:monitoring
 *   BENCH_PERSONEN=2500 npm run bench:monitoring
 *   NODE_OPTIONS=--expose-gc npm run bench:monitoring     # also the heap of one data set
 *
 * Environment (all optional):
 *   BENCH_PERSONEN   youths in the log, in about 0.6 x as many families (1-3 members each)
 *   BENCH_ROUNDS     timed runs of each step; the median is reported
 *   BENCH_BUDGET_MS  no further run of a step starts once its runs took this long in all (so a
 *                    figure that takes seconds is run fewer times; the table says how often)
 *   BENCH_SEED       seed of the generator: the same seed and size give the same log
 *   BENCH_FIGUREN    comma-separated words: only the figures whose name contains one; `all` adds
 *                    the other groupings of durenCijfers and verlengingenCijfers
 *   BENCH_NIEUW      new facts per figure and period in the last step (as known now, each figure
 *                    asked right after a new fact); its p95 is the figure a screen waits
 *   BENCH_WIJK       ask every figure for this district (Centrum, Noord, Oost, Zuid or West);
 *                    slow: see the row "wijk Noord" of the default run
 *   BENCH_PROFIEL    a file name: writes a CPU profile (.cpuprofile, for Chrome's DevTools or
 *                    speedscope) of the last step only, after a new fact, where the work a screen
 *                    waits for is
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AanbiederVersionSet,
  Bestemming,
  BevolkingSet,
  CbsHulpvorm,
  Contactpersoon,
  ContactpersoonAssigned,
  ContactpersoonEnded,
  ContactpersoonHandedOver,
  GezinWijkSet,
  GezinslidAdded,
  GezinslidRemoved,
  NetwerkBetrokkeneAdded,
  NetwerkBetrokkeneEnded,
  Oordeel,
  OordelenRecorded,
  PersoonRecordKeyAssigned,
  PersoonRegistered,
  Productcategorie,
  ProductVersionSet,
  RedenEindeZorg,
  VerhaalConsentChanged,
  VerhaalRecorded,
  VerhaalReleased,
  VerhaalToestemming,
  VerwijzerType,
  WettelijkKader,
  Woonvorm,
  ZorgEvent,
  gezinStreamId,
  oordeelStreamId,
  verhaalStreamId,
  persoonStreamId,
  richtingVan,
  REFERENTIEDATA_STREAM,
  zorgdossierStreamId,
} from '@app/domain';
import { RecordedEvent } from '@app/event-store';
import { MonitoringQueries, ReadModelDatabase, monitoringProjection } from '@app/projections';
import {
  DUUR_GROEPERINGEN,
  EPISODE_GROEPEN,
  MonitoringDataset,
  MonitoringVraag,
  Onderdrukking,
  Telling as Cel,
  ToewijzingFeit,
  VERLENGING_GROEPERINGEN,
  aanbiederRapport,
  celVerhalen,
  cijfersEnVerhalen,
  durenCijfers,
  indicatorCijfers,
  perspectiefCijfers,
  samenloopCijfers,
  telOordelen,
  uitstroomCijfers,
  verlengingenCijfers,
  zorgepisodeCijfers,
} from '@app/statistics';
import { envInt, median, printMachine } from './support';

const PERSONEN = envInt('BENCH_PERSONEN', 10_000);
const ROUNDS = envInt('BENCH_ROUNDS', 3);
const BUDGET_MS = envInt('BENCH_BUDGET_MS', 2000);
const WIJK = process.env.BENCH_WIJK || undefined;
const PROFIEL = process.env.BENCH_PROFIEL || undefined;
const FIGUREN = (process.env.BENCH_FIGUREN ?? '')
  .split(',')
  .map((w) => w.trim())
  .filter((w) => w !== '');
const SEED = envInt('BENCH_SEED', 20_260_630);
/** New facts per figure and period in the "after a new fact" step (each figure asked after one). */
const NIEUW = envInt('BENCH_NIEUW', 20);
/** Events per SQLite transaction, as the projection runner applies them by default. */
const BATCH_SIZE = 1000;

/** The log runs from BEGIN to NU; the figures are asked as known on NU. */
const BEGIN = '2020-01-01';
const NU = '2026-06-30';
const BEKEND_TOT = `${NU}T23:59:59.999Z`;
const PERIODES = [
  { naam: '1 year', van: '2025-01-01', tot: '2025-12-31' },
  { naam: '5 years', van: '2021-01-01', tot: '2025-12-31' },
] as const;

const WIJKEN = [
  { wijk: 'Centrum', gewicht: 0.15 },
  { wijk: 'Noord', gewicht: 0.25 },
  { wijk: 'Oost', gewicht: 0.2 },
  { wijk: 'Zuid', gewicht: 0.25 },
  { wijk: 'West', gewicht: 0.15 },
] as const;
if (WIJK !== undefined && !WIJKEN.some((w) => w.wijk === WIJK)) {
  throw new Error(`BENCH_WIJK must be one of ${WIJKEN.map((w) => w.wijk).join(', ')}`);
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness and dates

/** mulberry32: a small seeded PRNG, so every run with the same seed builds the same log. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rnd = prng(SEED);
/** Record keys come from a stream of their own, so the rest of the log is the same as without them. */
const sleutelRnd = prng(SEED + 1);
const kans = (p: number): boolean => rnd() < p;
/** An integer from `van` to `tot`, both included. */
const tussen = (van: number, tot: number): number => van + Math.floor(rnd() * (tot - van + 1));
const kies = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
function gewogen<T extends { gewicht: number }>(items: readonly T[]): T {
  let r = rnd() * items.reduce((som, i) => som + i.gewicht, 0);
  for (const item of items) {
    r -= item.gewicht;
    if (r < 0) return item;
  }
  return items[items.length - 1]!;
}
/** A UUID-shaped id from the PRNG (the API uses random UUIDs; these are reproducible). */
function id(): string {
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}

const DAG_MS = 86_400_000;
/** Days since 1970-01-01 (UTC), and back: the generator counts in whole days. */
const dag = (datum: string): number => Date.parse(`${datum}T00:00:00Z`) / DAG_MS;
const datum = (d: number): string => new Date(d * DAG_MS).toISOString().slice(0, 10);
const BEGIN_DAG = dag(BEGIN);
const NU_DAG = dag(NU);

// ---------------------------------------------------------------------------------------------
// Reference data

interface Product {
  code: string;
  kader: WettelijkKader;
  categorie: Productcategorie;
  omschrijving: string;
  woonvorm: Woonvorm | null;
  maxDuurMaanden: number | null;
  cbs: CbsHulpvorm | null;
  /** Days an assignment of it usually runs, from-to. */
  duur: [number, number];
  gewicht: number;
}

const p = (
  code: string,
  kader: WettelijkKader,
  categorie: Productcategorie,
  omschrijving: string,
  maxDuurMaanden: number | null,
  duur: [number, number],
  gewicht: number,
  woonvorm: Woonvorm | null = null,
  cbs: CbsHulpvorm | null = null,
): Product => ({
  code,
  kader,
  categorie,
  omschrijving,
  woonvorm,
  maxDuurMaanden,
  cbs,
  duur,
  gewicht,
});

const AMBULANT: readonly Product[] = [
  p('45A48', 'jeugdwet', '45', 'Jeugdhulp ambulant', 12, [90, 365], 30, null, '01'),
  p('45A49', 'jeugdwet', '45', 'Jeugdhulp ambulant specialistisch', 12, [120, 365], 12, null, '01'),
  p('41A03', 'jeugdwet', '41', 'Dagbehandeling', 6, [60, 240], 6, null, '02'),
  p('54001', 'jeugdwet', '54', 'Jeugd-GGZ basis', 6, [60, 200], 14, null, '01'),
  p('54002', 'jeugdwet', '54', 'Jeugd-GGZ specialistisch', 12, [120, 400], 8, null, '01'),
  p('46A01', 'jeugdwet', '46', 'Jeugdbescherming', null, [180, 500], 4, null, '11'),
  p('47A01', 'jeugdwet', '47', 'Jeugdreclassering', null, [120, 365], 2, null, '12'),
  p('WMO01', 'wmo', '55', 'Begeleiding individueel', 12, [120, 365], 8),
  p('WMO02', 'wmo', '52', 'Huishoudelijke ondersteuning', null, [180, 500], 4),
  p('PW001', 'participatiewet', '50', 'Re-integratietraject', 12, [90, 365], 4),
  p('SHV01', 'schuldhulpverlening', '51', 'Schuldhulpverlening', 18, [180, 540], 5),
  p('OV001', 'overig', '48', 'Opvoedondersteuning', null, [30, 120], 3),
];
const VERBLIJF: readonly Product[] = [
  p('43A11', 'jeugdwet', '43', 'Behandeld wonen', 12, [120, 400], 4, 'behandeld-wonen', '03'),
  p('43A12', 'jeugdwet', '43', 'Gezinshuis', 24, [200, 700], 3, 'gezinshuis', '04'),
  p('43A20', 'jeugdwet', '43', 'Gesloten jeugdhulp', 6, [60, 180], 1, 'gesloten', '03'),
  p('44A01', 'jeugdwet', '44', 'Pleegzorg', null, [200, 900], 4, 'pleegzorg', '04'),
  p('44A05', 'jeugdwet', '44', 'Begeleid wonen', 12, [120, 400], 2, 'begeleid-wonen', '03'),
  p('90002', 'jeugdwet', '43', 'Maatwerk verblijf', 12, [90, 300], 1, 'kamertraining', '03'),
];
const AANBIEDERS = Array.from({ length: 30 }, (_, i) => ({
  aanbiederId: String(10_000_000 + i * 7919),
  naam: `Aanbieder ${String(i + 1).padStart(2, '0')}`,
  gewicht: 30 - i,
}));
const VERWIJZERS: readonly { type: VerwijzerType; gewicht: number }[] = [
  { type: '01', gewicht: 35 },
  { type: '02', gewicht: 30 },
  { type: '03', gewicht: 10 },
  { type: '04', gewicht: 8 },
  { type: '05', gewicht: 10 },
  { type: '06', gewicht: 5 },
  { type: '08', gewicht: 2 },
];
const BESTEMMINGEN: readonly { bestemming: Bestemming; gewicht: number }[] = [
  { bestemming: 'thuis', gewicht: 40 },
  { bestemming: 'zelfstandig', gewicht: 15 },
  { bestemming: 'lichtere-vorm', gewicht: 25 },
  { bestemming: 'zwaardere-vorm', gewicht: 10 },
  { bestemming: 'anders', gewicht: 10 },
];
const VERLENGING_REDENEN = [
  'Doelen nog niet behaald',
  'Wachtlijst vervolghulp',
  'Terugval na afschaling',
  'Gezinssituatie gewijzigd',
  'Schoolsituatie',
  'Behandeling loopt uit',
  'Overdracht naar volwassenenzorg',
  'Extra diagnostiek nodig',
];

// ---------------------------------------------------------------------------------------------
// The synthetic log

type BenchEvent =
  | ZorgEvent
  | PersoonRegistered
  | PersoonRecordKeyAssigned
  | GezinWijkSet
  | GezinslidAdded
  | GezinslidRemoved
  | ContactpersoonAssigned
  | ContactpersoonHandedOver
  | ContactpersoonEnded
  | NetwerkBetrokkeneAdded
  | NetwerkBetrokkeneEnded
  | ProductVersionSet
  | AanbiederVersionSet
  | BevolkingSet
  | VerhaalRecorded
  | VerhaalReleased
  | VerhaalConsentChanged
  | OordelenRecorded;

/** An event and the day the store records it; events recorded after NU have not happened yet. */
interface Gepland {
  dag: number;
  volgorde: number;
  streamId: string;
  event: BenchEvent;
}

interface Telling {
  gezinnen: number;
  toewijzingen: number;
  verblijven: number;
  verlengingen: number;
  gesprekken: number;
  verhalen: number;
  oordelen: number;
}

class Log {
  readonly gepland: Gepland[] = [];
  readonly telling: Telling = {
    gezinnen: 0,
    toewijzingen: 0,
    verblijven: 0,
    verlengingen: 0,
    gesprekken: 0,
    verhalen: 0,
    oordelen: 0,
  };

  /** Records `event` on `dag`, never before `naDag` (what it depends on); returns its day. */
  voeg(streamId: string, event: BenchEvent, d: number, naDag = d): number {
    const op = Math.max(d, naDag);
    if (op <= NU_DAG) {
      this.gepland.push({ dag: op, volgorde: this.gepland.length, streamId, event });
    }
    return op;
  }
}

function referentiedata(log: Log): void {
  for (const product of [...AMBULANT, ...VERBLIJF]) {
    const versie = (geldigVanaf: string, maxDuurMaanden: number | null): ProductVersionSet => ({
      type: 'ProductVersionSet',
      data: {
        productcode: product.code,
        geldigVanaf,
        wettelijkKader: 'jeugdwet',
        categorie: product.categorie,
        omschrijving: product.omschrijving,
        woonvorm: product.woonvorm,
        maxDuurMaanden,
        cbsHulpvorm: product.cbs,
      },
    });
    log.voeg(REFERENTIEDATA_STREAM, versie('2015-01-01', product.maxDuurMaanden), BEGIN_DAG);
    if (product.maxDuurMaanden !== null && kans(0.3)) {
      // A new contract from 2024 with a different maximum.
      const nieuw = versie('2024-01-01', product.maxDuurMaanden + 6);
      log.voeg(REFERENTIEDATA_STREAM, nieuw, dag('2023-12-01'));
    }
  }
  for (const [i, a] of AANBIEDERS.entries()) {
    const versie = (naam: string, geldigVanaf: string): AanbiederVersionSet => ({
      type: 'AanbiederVersionSet',
      data: { aanbiederId: a.aanbiederId, naam, geldigVanaf },
    });
    log.voeg(REFERENTIEDATA_STREAM, versie(a.naam, '2015-01-01'), BEGIN_DAG);
    if (i % 6 === 0) {
      log.voeg(
        REFERENTIEDATA_STREAM,
        versie(`${a.naam} (na fusie)`, '2023-07-01'),
        dag('2023-06-15'),
      );
    }
  }
  // Youths 0-17 on 31 December: about 4.5 per youth in care over the whole log, growing 1% a year.
  for (let jaar = 2020; jaar <= 2026; jaar++) {
    const wijken = WIJKEN.map(({ wijk, gewicht }) => ({
      wijk,
      aantal: Math.round(PERSONEN * 4.5 * gewicht * (1 + 0.01 * (jaar - 2020))),
    }));
    const totaal = wijken.reduce((som, w) => som + w.aantal, 0);
    const event: BevolkingSet = { type: 'BevolkingSet', data: { jaar, wijken, totaal } };
    log.voeg(REFERENTIEDATA_STREAM, event, Math.min(dag(`${jaar}-02-01`), NU_DAG));
  }
}

/** Families of 1-3 youths until PERSONEN youths are made, each with their care. */
function gezinnenEnZorg(log: Log): void {
  let personen = 0;
  while (personen < PERSONEN) {
    const r = rnd();
    const grootte = Math.min(r < 0.5 ? 1 : r < 0.83 ? 2 : 3, PERSONEN - personen);
    personen += grootte;
    gezin(log, grootte);
  }
}

function gezin(log: Log, grootte: number): void {
  log.telling.gezinnen += 1;
  const gezinId = id();
  const stream = gezinStreamId(gezinId);
  const inschrijving = tussen(BEGIN_DAG, dag('2025-12-31'));
  const wijk = gewogen(WIJKEN).wijk;
  const wijkEvent = (w: string, per: number): GezinWijkSet => ({
    type: 'GezinWijkSet',
    data: { gezinId, wijk: w, per: datum(per) },
  });
  log.voeg(stream, wijkEvent(wijk, inschrijving), inschrijving);
  if (kans(0.05)) {
    const verhuisd = inschrijving + tussen(90, 900);
    log.voeg(stream, wijkEvent(gewogen(WIJKEN).wijk, verhuisd), verhuisd);
  }
  professionals(log, gezinId, inschrijving);
  for (let i = 0; i < grootte; i++) {
    const persoonId = id();
    const geboorte = tussen(dag('2003-01-01'), dag('2023-06-30'));
    const voorZorg = log.gepland.length;
    const eersteZorg = zorg(log, persoonId, geboorte);
    verhalenEnOordelen(log, gezinId, persoonId, voorZorg);
    const registratie = Math.min(inschrijving, eersteZorg - tussen(1, 14));
    const persoon: PersoonRegistered = {
      type: 'PersoonRegistered',
      data: {
        persoonId,
        voornaam: 'Jeugdige',
        achternaam: `Bench ${log.telling.gezinnen}`,
        geboortedatum: datum(geboorte),
        bsn: null,
      },
    };
    log.voeg(persoonStreamId(persoonId), persoon, registratie);
    const sleutel: PersoonRecordKeyAssigned = {
      type: 'PersoonRecordKeyAssigned',
      data: { persoonId, recordKey: Math.floor(sleutelRnd() * 2 ** 32) },
    };
    log.voeg(persoonStreamId(persoonId), sleutel, registratie);
    const lid: GezinslidAdded = {
      type: 'GezinslidAdded',
      data: { gezinId, persoonId, rol: 'jeugdige', vanaf: datum(inschrijving) },
    };
    const toegevoegd = log.voeg(stream, lid, inschrijving);
    if (kans(0.03)) {
      const per = toegevoegd + tussen(60, 700);
      const weg: GezinslidRemoved = {
        type: 'GezinslidRemoved',
        data: { gezinId, persoonId, per: datum(per), reden: 'Verhuisd naar ander gezin' },
      };
      log.voeg(stream, weg, per);
    }
  }
}

const CONTACTPERSONEN: readonly Contactpersoon[] = Array.from({ length: 80 }, (_, i) => ({
  userId: `u-contactpersoon-${i + 1}`,
  naam: `Contactpersoon ${i + 1}`,
  organisatie: `Wijkteam ${WIJKEN[i % WIJKEN.length]!.wijk}`,
}));
const PROFESSIONELE_ROLLEN = ['schoolmaatschappelijk werker', 'huisarts', 'jeugdarts', 'GI'];

/**
 * The professionals of a family: a contact person for most (some handed over or ended), and 0-3
 * network members, formal ones (professionals, some with an end) and an informal one.
 */
function professionals(log: Log, gezinId: string, inschrijving: number): void {
  const stream = gezinStreamId(gezinId);
  if (kans(0.9)) {
    let contactpersoon = kies(CONTACTPERSONEN);
    let sinds = log.voeg(
      stream,
      {
        type: 'ContactpersoonAssigned',
        data: { gezinId, contactpersoon, vanaf: datum(inschrijving) },
      },
      inschrijving,
    );
    if (kans(0.2)) {
      const per = sinds + tussen(60, 700);
      const naar = kies(CONTACTPERSONEN);
      if (naar.userId !== contactpersoon.userId) {
        const overdracht: ContactpersoonHandedOver = {
          type: 'ContactpersoonHandedOver',
          data: { gezinId, van: contactpersoon, naar, per: datum(per), reden: 'Werkverdeling' },
        };
        sinds = log.voeg(stream, overdracht, per);
        contactpersoon = naar;
      }
    }
    if (kans(0.1)) {
      const per = sinds + tussen(90, 900);
      const einde: ContactpersoonEnded = {
        type: 'ContactpersoonEnded',
        data: { gezinId, contactpersoon, per: datum(per), reden: 'Plan afgerond' },
      };
      log.voeg(stream, einde, per);
    }
  }
  for (let n = tussen(0, 3); n > 0; n--) {
    const betrokkeneId = id();
    const formeel = kans(0.75);
    const vanaf = inschrijving + tussen(0, 200);
    const al = formeel && kans(0.1) ? vanaf + tussen(30, 400) : null;
    const lid: NetwerkBetrokkeneAdded = {
      type: 'NetwerkBetrokkeneAdded',
      data: {
        gezinId,
        betrokkeneId,
        soort: formeel ? 'formeel' : 'informeel',
        naam: formeel ? 'Professional' : 'Oma',
        rol: formeel ? kies(PROFESSIONELE_ROLLEN) : 'oma',
        organisatie: formeel ? 'Organisatie' : null,
        vanaf: datum(vanaf),
        // Recorded afterwards, with its end already known.
        tot: al === null ? null : datum(al),
      },
    };
    const toegevoegd = log.voeg(stream, lid, al ?? vanaf);
    if (al === null && kans(0.2)) {
      const tot = toegevoegd + tussen(30, 600);
      const einde: NetwerkBetrokkeneEnded = {
        type: 'NetwerkBetrokkeneEnded',
        data: { gezinId, betrokkeneId, tot: datum(tot), reden: null },
      };
      log.voeg(stream, einde, tot);
    }
  }
}

/**
 * 2-4 assignments of one youth from a first start in 2020-2025: consecutive assignments of the
 * same product (extensions, one day apart), overlapping care under another product or
 * framework, and new care after a gap; about 1 in 10 youths starts with a residential stay (which
 * lasts as long as its assignment is extended). Returns the day the first assignment begins.
 */
function zorg(log: Log, persoonId: string, geboorte: number): number {
  const stream = zorgdossierStreamId(persoonId);
  const aantal = gewogen([
    { n: 2, gewicht: 40 },
    { n: 3, gewicht: 35 },
    { n: 4, gewicht: 25 },
  ]).n;
  const eerste = Math.max(tussen(BEGIN_DAG, dag('2025-10-01')), geboorte + 60);
  let begin = eerste;
  let product = kans(0.1) ? gewogen(VERBLIJF) : gewogen(AMBULANT);
  /** The stay that runs, from its first assignment on, until the care stops being extended. */
  let verblijf: LopendVerblijf | null = null;
  let laatsteEinde = eerste;
  let aanbieder = gewogen(AANBIEDERS).aanbiederId;
  let verlengingVan: { verlengingId: string; toegekend: number } | null = null;
  let gesprekDue: number | null = null;
  for (let i = 0; i < aantal && begin <= NU_DAG; i++) {
    const toewijzingId = id();
    const einde = begin + tussen(product.duur[0], product.duur[1]) - 1;
    const geregistreerd = log.voeg(
      stream,
      {
        type: 'ToewijzingRegistered',
        data: {
          persoonId,
          toewijzingId,
          wettelijkKader: product.kader,
          productcode: product.code,
          productcategorie: product.categorie,
          verblijf: product.woonvorm !== null,
          aanbiederId: aanbieder,
          aanbiederNaam: AANBIEDERS.find((a) => a.aanbiederId === aanbieder)!.naam,
          verwijzer: { type: gewogen(VERWIJZERS).type, naam: 'Dr. Bench' },
          toewijzingsnummer: String(100_000 + log.telling.toewijzingen),
          begindatum: datum(begin),
          einddatum: datum(einde),
          omvang: { hoeveelheid: tussen(1, 8), eenheid: 'uur', frequentie: 'week' },
          maxDuurMaanden: product.maxDuurMaanden,
          verlengingVan: verlengingVan?.verlengingId ?? null,
        },
      },
      begin - tussen(0, 14),
      verlengingVan?.toegekend,
    );
    log.telling.toewijzingen += 1;

    // Care start (JW305) for most, a stop (JW307) when it has ended: at the end, or earlier.
    const gestartOp = begin + (kans(0.7) ? 0 : tussen(1, 10));
    let start: number | null = null;
    if (kans(0.92)) {
      start = log.voeg(
        stream,
        { type: 'ZorgStarted', data: { persoonId, toewijzingId, datum: datum(gestartOp) } },
        gestartOp + tussen(0, 5),
        geregistreerd,
      );
      if (kans(0.02)) {
        const gecorrigeerd = gestartOp + tussen(-5, 5);
        log.voeg(
          stream,
          {
            type: 'ZorgStartCorrected',
            data: { persoonId, toewijzingId, datum: datum(gecorrigeerd), reden: 'Typefout' },
          },
          start + tussen(5, 60),
        );
      }
    }
    const voortijdig = kans(0.15);
    const stopOp = voortijdig ? gestartOp + Math.floor((einde - gestartOp) * rnd()) : einde;
    const reden: RedenEindeZorg = voortijdig ? kies(['32', '33', '34', '35', '38']) : '31';
    if (start !== null && kans(0.88)) {
      const gestopt = log.voeg(
        stream,
        { type: 'ZorgStopped', data: { persoonId, toewijzingId, datum: datum(stopOp), reden } },
        stopOp + tussen(0, 20),
        start,
      );
      if (kans(0.01)) {
        const stop = { datum: datum(stopOp + tussen(-10, 10)), reden };
        log.voeg(
          stream,
          {
            type: 'ZorgStopCorrected',
            data: { persoonId, toewijzingId, stop, reden: 'Correctie' },
          },
          gestopt + tussen(5, 60),
        );
      }
    }
    const eindeZorg = voortijdig && start !== null ? stopOp : einde;

    laatsteEinde = eindeZorg;
    if (product.woonvorm !== null && start !== null && verblijf === null) {
      verblijf = { toewijzingId, woonvorm: product.woonvorm, startdatum: gestartOp, na: start };
    }
    if (product.kader === 'jeugdwet' && gesprekDue === null) {
      gesprekDue = Math.max(zestienEnHalf(geboorte), begin);
    }

    // What comes next: an extension (consecutive, same product: a stay goes on), overlapping
    // care under another product, or new care after a gap.
    verlengingVan = null;
    let verlengd = false;
    const r = rnd();
    if (r < 0.45 && !voortijdig) {
      const besluit =
        product.maxDuurMaanden !== null && kans(0.6)
          ? verlenging(log, persoonId, toewijzingId, einde, product, geregistreerd)
          : 'zonder aanvraag';
      if (besluit === null) {
        // Refused or not decided: this care ends, other care follows later.
        begin = einde + tussen(30, 400);
        product = gewogen(AMBULANT);
      } else {
        verlengingVan = besluit === 'zonder aanvraag' ? null : besluit;
        verlengd = true;
        begin = einde + 1;
      }
    } else if (r < 0.65) {
      begin = begin + tussen(0, einde - begin);
      product = gewogen(AMBULANT);
      aanbieder = gewogen(AANBIEDERS).aanbiederId;
    } else {
      const naVerblijf = product.woonvorm !== null;
      begin = eindeZorg + (naVerblijf ? tussen(1, 120) : tussen(14, 500));
      // After a stay, ambulant Jeugdwet care usually follows.
      product = naVerblijf ? AMBULANT[0]! : gewogen(AMBULANT);
      aanbieder = gewogen(AANBIEDERS).aanbiederId;
    }
    if (verblijf !== null && !verlengd) {
      verblijfVan(log, persoonId, verblijf, eindeZorg);
      verblijf = null;
    }
  }
  if (verblijf !== null) verblijfVan(log, persoonId, verblijf, laatsteEinde);
  if (gesprekDue !== null) perspectief(log, persoonId, geboorte, gesprekDue);
  return eerste;
}

function zestienEnHalf(geboorte: number): number {
  const g = new Date(geboorte * DAG_MS);
  return Date.UTC(g.getUTCFullYear() + 16, g.getUTCMonth() + 6, g.getUTCDate()) / DAG_MS;
}

/** An extension request; the decision on it, or null when refused or still open. */
function verlenging(
  log: Log,
  persoonId: string,
  toewijzingId: string,
  einde: number,
  product: Product,
  na: number,
): { verlengingId: string; toegekend: number } | null {
  const stream = zorgdossierStreamId(persoonId);
  log.telling.verlengingen += 1;
  const verlengingId = id();
  const telaat = kans(0.05);
  const aangevraagd = einde + (telaat ? tussen(1, 20) : -tussen(10, 45));
  const gevraagd = log.voeg(
    stream,
    {
      type: 'VerlengingRequested',
      data: {
        persoonId,
        verlengingId,
        toewijzingId,
        aangevraagdOp: datum(aangevraagd),
        aanvrager: 'Aanbieder',
        reden: kies(VERLENGING_REDENEN),
        gevraagdTot: datum(einde + tussen(product.duur[0], product.duur[1])),
        telaat,
      },
    },
    aangevraagd,
    na,
  );
  const besluitdatum = aangevraagd + tussen(3, 21);
  const r = rnd();
  if (r < 0.75) {
    const op = log.voeg(
      stream,
      {
        type: 'VerlengingGranted',
        data: {
          persoonId,
          verlengingId,
          besluitdatum: datum(besluitdatum),
          nieuweToewijzingId: id(),
        },
      },
      besluitdatum,
      gevraagd,
    );
    return { verlengingId, toegekend: op };
  }
  if (r < 0.95) {
    log.voeg(
      stream,
      {
        type: 'VerlengingRefused',
        data: {
          persoonId,
          verlengingId,
          besluitdatum: datum(besluitdatum),
          toelichting: 'Doelen behaald; afschalen naar lichtere hulp.',
          alternatieven: ['Voorliggend veld', 'Lichtere hulp'],
        },
      },
      besluitdatum,
      gevraagd,
    );
  }
  return null;
}

interface LopendVerblijf {
  toewijzingId: string;
  woonvorm: Woonvorm;
  startdatum: number;
  /** The day its care start was recorded: the stay is recorded no earlier. */
  na: number;
}

/** A residential stay on its first assignment: changes of form, and its end on `einde`. */
function verblijfVan(log: Log, persoonId: string, verblijf: LopendVerblijf, einde: number): void {
  const { toewijzingId, woonvorm, startdatum, na } = verblijf;
  const stream = zorgdossierStreamId(persoonId);
  log.telling.verblijven += 1;
  const verblijfId = id();
  let laatste = log.voeg(
    stream,
    {
      type: 'VerblijfStarted',
      data: {
        persoonId,
        verblijfId,
        toewijzingId,
        woonvorm,
        startdatum: datum(startdatum),
        indicatieEinddatum: datum(einde),
        uitstroomperspectief: 'Terug naar huis',
      },
    },
    startdatum,
    na,
  );
  if (kans(0.5)) {
    laatste = log.voeg(
      stream,
      {
        type: 'UitstroomperspectiefSet',
        data: { persoonId, verblijfId, datum: datum(startdatum + 30), perspectief: 'Zelfstandig' },
      },
      startdatum + 30,
      laatste,
    );
  }
  let vorm = woonvorm;
  let d = startdatum;
  for (let i = kans(0.4) ? tussen(1, 2) : 0; i > 0; i--) {
    d += tussen(30, Math.max(31, Math.floor((einde - startdatum) / 2)));
    if (d >= einde) break;
    const naar = kies([
      'behandeld-wonen',
      'gezinshuis',
      'begeleid-wonen',
      'kamertraining',
    ] as const);
    if (naar === vorm) continue;
    laatste = log.voeg(
      stream,
      {
        type: 'WoonvormChanged',
        data: {
          persoonId,
          verblijfId,
          datum: datum(d),
          van: vorm,
          naar,
          richting: richtingVan(vorm, naar),
        },
      },
      d,
      laatste,
    );
    vorm = naar;
  }
  log.voeg(
    stream,
    {
      type: 'VerblijfEnded',
      data: {
        persoonId,
        verblijfId,
        datum: datum(einde),
        bestemming: gewogen(BESTEMMINGEN).bestemming,
        vervolghulp: kans(0.6),
      },
    },
    einde + tussen(0, 10),
    laatste,
  );
}

/** The perspective conversation (due at 16.5) and, around 18, a request for verlengde jeugdhulp. */
function perspectief(log: Log, persoonId: string, geboorte: number, due: number): void {
  const stream = zorgdossierStreamId(persoonId);
  const achttien = zestienEnHalf(geboorte) + 548;
  if (due >= achttien) return;
  const r = rnd();
  if (r < 0.8) {
    const op = r < 0.6 ? due - tussen(0, 120) : due + tussen(1, 200);
    log.telling.gesprekken += 1;
    log.voeg(
      stream,
      {
        type: 'PerspectiefgesprekHeld',
        data: {
          persoonId,
          gesprekId: id(),
          datum: datum(op),
          door: 'Contactpersoon',
          perspectief: 'Zelfstandig wonen met begeleiding',
          behoeften: 'Inkomen, wonen, dagbesteding',
          zorgNa18Verwacht: kans(0.3),
        },
      },
      op,
    );
  }
  if (kans(0.3)) {
    const aanvraagId = id();
    const aangevraagd = achttien - tussen(0, 90);
    const gevraagd = log.voeg(
      stream,
      {
        type: 'VerlengdeJeugdhulpRequested',
        data: { persoonId, aanvraagId, datum: datum(aangevraagd), reden: 'Behandeling loopt door' },
      },
      aangevraagd,
    );
    if (kans(0.8)) {
      const besluit = aangevraagd + tussen(5, 30);
      log.voeg(
        stream,
        {
          type: 'VerlengdeJeugdhulpDecided',
          data: {
            persoonId,
            aanvraagId,
            datum: datum(besluit),
            besluit: kans(0.7) ? 'toegekend' : 'afgewezen',
            toelichting: null,
          },
        },
        besluit,
        gevraagd,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Stories and judgements (issue 12)

/** Stories and judgements come from a stream of their own: the rest of the log stays the same. */
const verhaalRnd = prng(SEED + 2);
const vKans = (p: number): boolean => verhaalRnd() < p;
const vKies = <T>(items: readonly T[]): T => items[Math.floor(verhaalRnd() * items.length)]!;
const vTussen = (van: number, tot: number): number =>
  van + Math.floor(verhaalRnd() * (tot - van + 1));
function vId(): string {
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(verhaalRnd() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-b${hex(3)}-${hex(12)}`;
}

const HULPVRAAG = ['ja', 'ja', 'deels', 'nee', 'niet-gevraagd', 'wil-niet-antwoorden'] as const;
const SCORES = [-2, -1, 0, 0, 1, 1, 2, 'niet-gevraagd'] as const;
const THEMAS = Array.from({ length: 9 }, (_, i) => `knop-${i + 1}`);

function eenOordeel(door: Oordeel['door']): Oordeel {
  return {
    door,
    hulpvraagBeantwoord: vKies(HULPVRAAG),
    regie: vKies([1, 2, 3, 3, 4, 4, 5, 'wil-niet-antwoorden'] as const),
    voortgang: Array.from({ length: vTussen(1, 3) }, (_, i) => ({
      doelId: `doel-${i + 1}`,
      score: vKies(SCORES),
    })),
  };
}

/**
 * For a youth whose care `zorg` just planned (the log from `vanaf`): judgements at the end of
 * each assignment that ended (the youth, a parent most of the time, the professional often), and
 * for one youth in ten a story about one of the assignments, released a few days later by a
 * second person; a tenth of the stories are for the file only, and a tenth of the others are
 * withdrawn later.
 */
function verhalenEnOordelen(log: Log, gezinId: string, persoonId: string, vanaf: number): void {
  const nieuw = log.gepland.slice(vanaf).map((g) => g.event);
  const stops = new Map<string, string>();
  for (const e of nieuw) {
    if (e.type === 'ZorgStopped') stops.set(e.data.toewijzingId, e.data.datum);
  }
  const toewijzingen = nieuw.flatMap((e) =>
    e.type === 'ToewijzingRegistered' && e.data.persoonId === persoonId ? [e.data] : [],
  );
  const opname = (t: (typeof toewijzingen)[number]) => ({
    toewijzingId: t.toewijzingId,
    persoonId,
    wettelijkKader: t.wettelijkKader,
    aanbiederId: t.aanbiederId,
    productcode: t.productcode,
    productcategorie: t.productcategorie ?? 'geen',
    woonvorm: null,
  });
  for (const t of toewijzingen) {
    const stop = stops.get(t.toewijzingId);
    if (stop === undefined) continue;
    const oordeelId = vId();
    const op = dag(stop) + vTussen(0, 30);
    const oordelen = [
      eenOordeel('jeugdige'),
      ...(vKans(0.8) ? [eenOordeel('ouder')] : []),
      ...(vKans(0.7) ? [eenOordeel('professional')] : []),
    ];
    const event: OordelenRecorded = {
      type: 'OordelenRecorded',
      data: {
        oordeelId,
        gezinId,
        aanleiding: { soort: 'einde-toewijzing', toewijzing: opname(t) },
        datum: datum(op),
        oordelen,
        door: 'u-bench',
      },
    };
    if (log.voeg(oordeelStreamId(oordeelId), event, op) <= NU_DAG) log.telling.oordelen += 1;
  }
  if (toewijzingen.length === 0 || !vKans(0.1)) return;
  const t = vKies(toewijzingen);
  const verhaalId = vId();
  const stream = verhaalStreamId(verhaalId);
  const verteld = dag(t.begindatum) + vTussen(30, 120);
  const toestemming: VerhaalToestemming = vKans(0.1)
    ? 'dossier'
    : vKans(0.45)
      ? 'citeerbaar'
      : 'gepseudonimiseerd';
  const recorded: VerhaalRecorded = {
    type: 'VerhaalRecorded',
    data: {
      verhaalId,
      gezinId,
      persoonId,
      toewijzing: opname(t),
      verteller: vKies([
        { soort: 'jeugdige', organisatie: null },
        { soort: 'ouder', organisatie: null },
        { soort: 'professional', organisatie: 'Wijkteam' },
      ] as const),
      datum: datum(verteld),
      tekst: `Verhaal ${log.telling.verhalen + 1} in eigen woorden, met namen en details.`,
      themaIds: [vKies(THEMAS)],
      toestemming,
      door: 'u-contactpersoon-1',
    },
  };
  if (log.voeg(stream, recorded, verteld) > NU_DAG) return;
  log.telling.verhalen += 1;
  const vrij = verteld + vTussen(3, 20);
  const released: VerhaalReleased = {
    type: 'VerhaalReleased',
    data: {
      verhaalId,
      gezinId,
      tekst: `Verhaal ${log.telling.verhalen}, zonder namen: de hulp ${vKies(['paste', 'kwam laat', 'hielp ons verder'])}.`,
      door: 'u-contactpersoon-2',
      op: datum(vrij),
    },
  };
  log.voeg(stream, released, vrij);
  if (toestemming !== 'dossier' && vKans(0.1)) {
    const ingetrokken = vrij + vTussen(10, 300);
    const event: VerhaalConsentChanged = {
      type: 'VerhaalConsentChanged',
      data: {
        verhaalId,
        gezinId,
        toestemming: 'dossier',
        datum: datum(ingetrokken),
        door: 'u-contactpersoon-1',
      },
    };
    log.voeg(stream, event, ingetrokken);
  }
}

/** The log in record order, as the store would hand it to the projection. */
function genereer(): { events: RecordedEvent[]; telling: Telling } {
  const log = new Log();
  referentiedata(log);
  gezinnenEnZorg(log);
  const gepland = log.gepland.sort((a, b) => a.dag - b.dag || a.volgorde - b.volgorde);
  const revisies = new Map<string, number>();
  let vorigeDag = -1;
  let opDag = 0;
  const events = gepland.map((g, i): RecordedEvent => {
    opDag = g.dag === vorigeDag ? opDag + 1 : 0;
    vorigeDag = g.dag;
    const revision = (revisies.get(g.streamId) ?? -1) + 1;
    revisies.set(g.streamId, revision);
    // Recorded during the day, a quarter second apart, so the log order is also time order.
    const recordedAt = new Date(g.dag * DAG_MS + 7 * 3_600_000 + opDag * 250).toISOString();
    return {
      id: randomUUID(),
      type: g.event.type,
      schemaVersion: 1,
      data: g.event.data as unknown as Record<string, unknown>,
      occurredAt: recordedAt,
      actor: { userId: 'u-bench', role: 'contactpersoon' },
      correlationId: randomUUID(),
      causationId: null,
      streamId: g.streamId,
      revision,
      position: BigInt(i + 1),
      recordedAt,
    };
  });
  return { events, telling: log.telling };
}

// ---------------------------------------------------------------------------------------------
// Measuring

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** What `fn` took in ms, and its result. */
function timed<T>(fn: () => T): { ms: number; result: T } {
  const start = process.hrtime.bigint();
  const result = fn();
  return { ms: ms(start), result };
}

/** The last result of every timed step, kept so that no computation can be optimised away. */
let sink: unknown = null;

/** Runs of `fn` in ms: ROUNDS of them, but none starts once they took BUDGET_MS in all. */
function herhaal(fn: () => unknown): number[] {
  return herhaalGemeten(() => {
    const run = timed(fn);
    sink = run.result;
    return run.ms;
  });
}

/** As `herhaal`, for a step that measures itself and returns its ms. */
function herhaalGemeten(run: () => number): number[] {
  const runs: number[] = [];
  while (runs.length < ROUNDS && (runs.length === 0 || sum(runs) < BUDGET_MS)) runs.push(run());
  return runs;
}

function sum(values: number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

const gc = (globalThis as { gc?: () => void }).gc;

/** heapUsed after a full collection; null when the collector is not exposed. */
function heapNaGc(): number | null {
  if (!gc) return null;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const peakRss = (): string => mib(process.resourceUsage().maxRSS * 1024);
const getal = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Writes the log through the projection as the runner does: batches, each with its checkpoint. */
function schrijf(file: string, events: RecordedEvent[]): { ms: number; feiten: number } {
  const readModels = new ReadModelDatabase(file);
  try {
    const db = readModels.db;
    const apply = monitoringProjection.open(db);
    const checkpoint = db.prepare(
      `INSERT INTO projection_checkpoints (name, version, position) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position`,
    );
    const batch = db.transaction((slice: RecordedEvent[]) => {
      for (const event of slice) apply(event);
      const last = slice[slice.length - 1]!;
      checkpoint.run(
        monitoringProjection.name,
        monitoringProjection.version,
        String(last.position),
      );
    });
    const start = process.hrtime.bigint();
    for (let i = 0; i < events.length; i += BATCH_SIZE) batch(events.slice(i, i + BATCH_SIZE));
    const took = ms(start);
    const { n } = db.prepare('SELECT COUNT(*) AS n FROM monitoring_feiten').get() as { n: number };
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { ms: took, feiten: n };
  } finally {
    readModels.close();
  }
}

type Bereken = (d: MonitoringDataset, vraag: MonitoringVraag) => unknown;

interface Figuur {
  naam: string;
  bereken: Bereken;
  /** Measured by default; the other groupings cost about the same (BENCH_FIGUREN=all). */
  standaard: boolean;
}

/**
 * The figures as the API's endpoints compute them: every grouping of the episodes, the default
 * grouping of durations and extensions, and the episodes filtered on one district.
 */
function figuren(): Figuur[] {
  const f = (naam: string, bereken: Bereken, standaard = true): Figuur => ({
    naam,
    bereken,
    standaard,
  });
  return [
    ...EPISODE_GROEPEN.map((groep) =>
      f(`zorgepisodeCijfers ${groep}`, (d, v) => zorgepisodeCijfers(d, v, groep)),
    ),
    f('samenloopCijfers', samenloopCijfers),
    ...DUUR_GROEPERINGEN.map((groep) =>
      f(`durenCijfers ${groep}`, (d, v) => durenCijfers(d, v, groep), groep === 'categorie'),
    ),
    ...VERLENGING_GROEPERINGEN.map((groep) =>
      f(
        `verlengingenCijfers ${groep}`,
        (d, v) => verlengingenCijfers(d, v, groep),
        groep === 'aanbieder',
      ),
    ),
    f('uitstroomCijfers', uitstroomCijfers),
    f('perspectiefCijfers', perspectiefCijfers),
    f('indicatorCijfers', indicatorCijfers),
    // Figures and stories side by side (issue 12): the four figures of a cell, the judgements
    // and the stories; the whole municipality, and the cell and report of the largest provider.
    f('cijfersEnVerhalen', cijfersEnVerhalen),
    f('cijfersEnVerhalen, aanbieder', (d, v) => cijfersEnVerhalen(d, grootsteAanbieder(v))),
    f('aanbiederRapport', (d, v) => aanbiederRapport(d, grootsteAanbieder(v))),
    // What the side-by-side answer adds to its four figures: the judgements and the stories.
    f('  its own part: oordelen + verhalen', (d, v) => [
      telOordelen(d, v),
      celVerhalen(d, v, true),
    ]),
    // The district filter goes through wijkenVan; asked of every figure with BENCH_WIJK.
    f(
      'zorgepisodeCijfers categorie, wijk Noord',
      (d, v) => zorgepisodeCijfers(d, { ...v, filter: { wijk: 'Noord' } }, 'categorie'),
      WIJK === undefined,
    ),
  ].filter((figuur) =>
    FIGUREN.length === 0
      ? figuur.standaard
      : FIGUREN.some((w) => w === 'all' || figuur.naam.includes(w)),
  );
}

/** The question for the largest provider's cell (the district filter, if any, stays). */
function grootsteAanbieder(
  v: MonitoringVraag,
): MonitoringVraag & { filter: { aanbieder: string } } {
  return { ...v, filter: { ...v.filter, aanbieder: AANBIEDERS[0]!.aanbiederId } };
}

/**
 * Utility of the disclosure control: every count the figures publish (every grouping, both
 * periods, without a filter), beside its true count; the distribution of the error over those of
 * at least 10. Published counts are caught where they are made, in Onderdrukking.aantal.
 */
function nauwkeurigheid(d: MonitoringDataset): void {
  const paren: [waar: number, gepubliceerd: number][] = [];
  const aantal = Onderdrukking.prototype.aantal;
  Onderdrukking.prototype.aantal = function (this: Onderdrukking, t: Cel, cel) {
    const gepubliceerd = aantal.call(this, t, cel);
    if (gepubliceerd !== null) paren.push([t.aantal, gepubliceerd]);
    return gepubliceerd;
  };
  try {
    for (const periode of PERIODES) {
      const vraag: MonitoringVraag = {
        ...periode,
        bekendOp: NU,
        bekendTot: BEKEND_TOT,
        filter: {},
      };
      for (const f of [
        ...EPISODE_GROEPEN.map((g) => (x: MonitoringDataset) => zorgepisodeCijfers(x, vraag, g)),
        ...DUUR_GROEPERINGEN.map((g) => (x: MonitoringDataset) => durenCijfers(x, vraag, g)),
        ...VERLENGING_GROEPERINGEN.map(
          (g) => (x: MonitoringDataset) => verlengingenCijfers(x, vraag, g),
        ),
        (x: MonitoringDataset) => samenloopCijfers(x, vraag),
        (x: MonitoringDataset) => uitstroomCijfers(x, vraag),
        (x: MonitoringDataset) => perspectiefCijfers(x, vraag),
        (x: MonitoringDataset) => indicatorCijfers(x, vraag),
      ]) {
        f(d);
      }
    }
  } finally {
    Onderdrukking.prototype.aantal = aantal;
  }
  const fouten = new Map<number, number>();
  for (const [waar, gepubliceerd] of paren) {
    const fout = gepubliceerd - waar;
    fouten.set(fout, (fouten.get(fout) ?? 0) + 1);
  }
  const binnen5 = paren.filter(([w, g]) => Math.abs(g - w) <= 5).length;
  const absoluut = paren.map(([w, g]) => Math.abs(g - w));
  console.log(
    `published counts (all figures, both periods): ${getal(paren.length)} of at least 10; ` +
      `within ±5 of the truth: ${getal(binnen5)} (${((100 * binnen5) / paren.length).toFixed(1)}%); ` +
      `mean absolute error ${(sum(absoluut) / absoluut.length).toFixed(2)}, largest ${Math.max(...absoluut)}`,
  );
  printTable(
    ['error (published - true)', 'counts', 'share'],
    [...fouten.entries()]
      .sort(([a], [b]) => a - b)
      .map(([fout, n]) => [
        (fout > 0 ? '+' : '') + String(fout),
        getal(n),
        `${((100 * n) / paren.length).toFixed(1)}%`,
      ]),
  );
}

/**
 * As known now, the way a screen asks: the data set of `MonitoringQueries.dataset(null)`, every
 * figure asked once, then per figure and period BENCH_NIEUW times a new fact written through the
 * projection and the figure asked right after it (reading and applying the fact included). The
 * facts take turns: a new assignment for a youth, a care stop on one of theirs, and a family's new
 * district (a family fact: its members are redone). Then the same question up to 5 times more
 * without a new fact ("again"). Beside the wall clock, the CPU time of the process per question,
 * which other work on a shared machine does not inflate (as much).
 */
function naNieuwFeit(readModels: ReadModelDatabase, d0: MonitoringDataset): void {
  const model = new MonitoringQueries(readModels.db);
  const apply = monitoringProjection.open(readModels.db);
  const start = timed(() => model.dataset(null));
  const personen = [...d0.geboortedata.keys()];
  const gezinnen = [...d0.gezinnen.keys()];
  const toewijzingen = [...d0.toewijzingen.values()];
  let n = 0;
  let position = 10_000_000n;
  const nieuwFeit = (): void => {
    n += 1;
    const recordedAt = `${NU}T12:00:00.000Z`;
    const persoonId = personen[(n * 7919) % personen.length]!;
    const toewijzing = toewijzingen[(n * 104_729) % toewijzingen.length]!;
    const event: BenchEvent =
      n % 3 === 0
        ? {
            type: 'GezinWijkSet',
            data: { gezinId: gezinnen[(n * 31) % gezinnen.length]!, wijk: 'Oost', per: NU },
          }
        : n % 3 === 1
          ? {
              type: 'ToewijzingRegistered',
              data: {
                ...toewijzingVelden(toewijzing),
                persoonId,
                toewijzingId: `nieuw-${n}`,
                toewijzingsnummer: `nieuw-${n}`,
                begindatum: '2025-03-01',
                einddatum: '2026-02-28',
              },
            }
          : {
              type: 'ZorgStopped',
              data: {
                persoonId: toewijzing.persoonId,
                toewijzingId: toewijzing.toewijzingId,
                datum: '2025-06-30',
                reden: '31',
              },
            };
    position += 1n;
    apply({
      id: randomUUID(),
      type: event.type,
      schemaVersion: 1,
      data: event.data as unknown as Record<string, unknown>,
      occurredAt: recordedAt,
      actor: { userId: 'u-bench', role: 'contactpersoon' },
      correlationId: randomUUID(),
      causationId: null,
      streamId: 'bench-nieuw',
      revision: n,
      position,
      recordedAt,
    });
  };
  const rows: string[][] = [];
  const cpuRows: string[][] = [];
  let slechtste = 0;
  const belastingVoor = loadavg()[0]!;
  const f = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
  for (const figuur of figuren()) {
    const cpuCellen: string[] = [];
    const herhaald: string[] = [];
    const cellen = PERIODES.map((periode) => {
      const vraag: MonitoringVraag = {
        van: periode.van,
        tot: periode.tot,
        bekendOp: NU,
        filter: WIJK === undefined ? {} : { wijk: WIJK },
      };
      figuur.bereken(model.dataset(null), vraag); // the screen was open before the fact
      const runs: number[] = [];
      const cpuRuns: number[] = [];
      for (let i = 0; i < NIEUW; i++) {
        nieuwFeit();
        const cpu = process.cpuUsage();
        const run = timed(() => figuur.bereken(model.dataset(null), vraag));
        const { user, system } = process.cpuUsage(cpu);
        sink = run.result;
        runs.push(run.ms);
        cpuRuns.push((user + system) / 1000);
      }
      // The same question again, nothing new since: a screen redrawn, or a second user.
      const opnieuw: number[] = [];
      for (let i = 0; i < Math.min(NIEUW, 5); i++) {
        const run = timed(() => figuur.bereken(model.dataset(null), vraag));
        sink = run.result;
        opnieuw.push(run.ms);
      }
      const p95 = percentiel(runs, 0.95);
      slechtste = Math.max(slechtste, p95, percentiel(opnieuw, 0.95));
      cpuCellen.push(`${f(median(cpuRuns))} / ${f(percentiel(cpuRuns, 0.95))}`);
      herhaald.push(`${f(median(opnieuw))} / ${f(percentiel(opnieuw, 0.95))}`);
      return `${f(median(runs))} / ${f(p95)}`;
    });
    rows.push([figuur.naam, ...cellen, ...herhaald]);
    cpuRows.push([figuur.naam, ...cpuCellen]);
  }
  console.log(
    `as known now after a new fact (MonitoringQueries.dataset(null); first fold ` +
      `${start.ms.toFixed(0)} ms, then ${NIEUW} new facts per cell, each figure asked right after one):`,
  );
  printTable(
    [
      'figure (ms: median / p95)',
      ...PERIODES.map((p) => `${p.naam} ${p.van}..${p.tot}`),
      ...PERIODES.map((p) => `${p.naam} again`),
    ],
    rows,
  );
  console.log(`slowest p95 (after a new fact or again): ${slechtste.toFixed(1)} ms`);
  // On a shared machine the wall clock also measures the others' work: the CPU time the process
  // spent (all its threads, the collector's too) is the figure's own cost.
  console.log(
    `load average (1 min) ${belastingVoor.toFixed(1)} before this step, ` +
      `${loadavg()[0]!.toFixed(1)} after; CPU time of the process per question:`,
  );
  printTable(
    ['figure (CPU ms: median / p95)', ...PERIODES.map((p) => `${p.naam} ${p.van}..${p.tot}`)],
    cpuRows,
  );
}

/**
 * Runs `stap` under the CPU profiler when BENCH_PROFIEL names a file, and writes the profile there.
 * The in-thread inspector session answers synchronously, so the step stays synchronous.
 */
function metProfiel(stap: () => void): void {
  if (PROFIEL === undefined) return stap();
  const session = new Session();
  session.connect();
  const post = (methode: string, params?: object): unknown => {
    let antwoord: unknown;
    session.post(methode, params, (fout, resultaat) => {
      if (fout) throw fout;
      antwoord = resultaat;
    });
    return antwoord;
  };
  post('Profiler.enable');
  post('Profiler.setSamplingInterval', { interval: 200 });
  post('Profiler.start');
  try {
    stap();
  } finally {
    const { profile } = post('Profiler.stop') as { profile: unknown };
    writeFileSync(PROFIEL, JSON.stringify(profile));
    session.disconnect();
    console.log(`CPU profile of the step after a new fact: ${PROFIEL}`);
  }
}

/**
 * The side-by-side answer and the report for every provider's cell, over the 1-year period: on a
 * data set whose figure caches are cold (a copy, as after a new fact) and warm (the same question
 * asked before, as a screen asks it again). Median and p95 over the providers.
 */
function naastElkaarPerAanbieder(d: MonitoringDataset): void {
  const vraag = (aanbiederId: string) => ({
    van: PERIODES[0].van,
    tot: PERIODES[0].tot,
    bekendOp: NU,
    bekendTot: BEKEND_TOT,
    filter: { aanbieder: aanbiederId },
  });
  const stappen: [string, (ds: MonitoringDataset, aanbiederId: string) => unknown][] = [
    ['cijfersEnVerhalen', (ds, id) => cijfersEnVerhalen(ds, vraag(id))],
    ['aanbiederRapport', (ds, id) => aanbiederRapport(ds, vraag(id))],
  ];
  const rows = stappen.flatMap(([naam, bereken]) =>
    (['cold', 'warm'] as const).map((soort) => {
      const runs = AANBIEDERS.map(({ aanbiederId }) => {
        const ds = soort === 'cold' ? { ...d } : d;
        if (soort === 'warm') bereken(ds, aanbiederId);
        const run = timed(() => bereken(ds, aanbiederId));
        sink = run.result;
        return run.ms;
      });
      const f = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
      return [`${naam}, ${soort}`, f(median(runs)), f(percentiel(runs, 0.95))];
    }),
  );
  const verhalen = AANBIEDERS.map(
    ({ aanbiederId }) => cijfersEnVerhalen(d, vraag(aanbiederId)).verhalen.items.length,
  );
  console.log(
    `side by side per provider (${AANBIEDERS.length} cells, ${PERIODES[0].van}..${PERIODES[0].tot}; ` +
      `${getal(d.verhalen.size)} stories shown in the monitoring, ${getal(d.oordelen.length)} ` +
      `moments of judgements; stories per cell ${Math.min(...verhalen)}-${Math.max(...verhalen)}):`,
  );
  printTable(['answer (ms)', 'median', 'p95'], rows);
}

/** An assignment's registered fields, without the care dates the fold added. */
function toewijzingVelden(t: ToewijzingFeit): Omit<ToewijzingFeit, 'zorgStart' | 'zorgStop'> {
  const { zorgStart: _start, zorgStop: _stop, ...velden } = t;
  return velden;
}

/** The value below which a share `p` of the runs lie (nearest rank). */
function percentiel(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

/** "median (min-max)" of a step's runs in ms, with their number when fewer than ROUNDS. */
function spreiding(runs: number[]): string {
  const f = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
  if (runs.length === 1) return `${f(runs[0]!)} (1 run)`;
  const aantal = runs.length < ROUNDS ? `, ${runs.length} runs` : '';
  return `${f(median(runs))} (${f(Math.min(...runs))}-${f(Math.max(...runs))}${aantal})`;
}

function printEnvironment(dir: string): void {
  printMachine();
  console.log(`file in ${dir} (ReadModelDatabase: journal_mode=WAL, synchronous=NORMAL)`);
  console.log(
    `${getal(PERSONEN)} youths, seed ${SEED}, log ${BEGIN} to ${NU}, figures known on ${NU}` +
      `${WIJK === undefined ? '' : ` for wijk ${WIJK}`}; median of ${ROUNDS} runs, fewer for ` +
      `a step once its runs took ${BUDGET_MS} ms`,
  );
  console.log();
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'bench-monitoring-'));
  try {
    printEnvironment(dir);

    // 1. The log, in memory.
    const gen = timed(genereer);
    const { events, telling } = gen.result;
    console.log(
      `log: ${getal(events.length)} events (generated in ${(gen.ms / 1000).toFixed(1)} s): ` +
        `${getal(telling.gezinnen)} families, ${getal(telling.toewijzingen)} assignments, ` +
        `${getal(telling.verblijven)} stays, ${getal(telling.verlengingen)} extension requests, ` +
        `${getal(telling.gesprekken)} perspective conversations, ${getal(telling.oordelen)} ` +
        `moments of judgements, ${getal(telling.verhalen)} stories`,
    );

    // 2. Written through the projection, each run to a fresh file; the last file is read.
    let file = '';
    let feiten = 0;
    const schrijfRuns = herhaalGemeten(() => {
      if (file) for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
      file = join(dir, `read-models-${randomUUID()}.db`);
      const geschreven = schrijf(file, events);
      feiten = geschreven.feiten;
      return geschreven.ms;
    });
    const grootte = statSync(file).size;
    const schrijfS = median(schrijfRuns) / 1000;
    console.log(
      `facts: ${getal(feiten)} written through monitoringProjection in ${spreiding(schrijfRuns)} ` +
        `ms = ${getal(feiten / schrijfS)} facts/s (${getal(events.length / schrijfS)} events/s), ` +
        `${BATCH_SIZE} events per transaction`,
    );
    console.log(
      `db file: ${mib(grootte)} (${getal(grootte / feiten)} bytes per fact); ` +
        `peak RSS so far ${peakRss()} (with the generated log in memory)`,
    );
    events.length = 0;

    // 3. Read, parse and fold as the API does: a fresh read model each run, so its cache is empty.
    const readModels = new ReadModelDatabase(file);
    try {
      const leesRuns = herhaal(() => new MonitoringQueries(readModels.db).dataset(BEKEND_TOT));
      sink = null;
      const heapVoor = heapNaGc();
      const model = new MonitoringQueries(readModels.db);
      const d = model.dataset(BEKEND_TOT);
      const heapNa = heapNaGc();
      const cache = timed(() => model.dataset(BEKEND_TOT));
      console.log(
        `data set: ${getal(d.geboortedata.size)} persons, ${getal(d.gezinnen.size)} families, ` +
          `${getal(d.toewijzingen.size)} assignments, ${getal(d.verblijven.size)} stays, ` +
          `${getal(d.verlengingen.size)} extension requests`,
      );
      console.log(
        `read + parse + fold (MonitoringQueries.dataset, empty cache): ${spreiding(leesRuns)} ` +
          `ms = ${getal(feiten / (median(leesRuns) / 1000))} facts/s; from its cache: ` +
          `${cache.ms.toFixed(2)} ms`,
      );
      console.log(
        heapVoor === null || heapNa === null
          ? 'heap of one data set: not measured (global.gc is not exposed; run with ' +
              'NODE_OPTIONS=--expose-gc)'
          : `heap of one data set: ${mib(heapNa - heapVoor)} ` +
              `(${getal((heapNa - heapVoor) / feiten)} bytes per fact; heapUsed after gc)`,
      );
      console.log();

      // 4. Every figure over each period, on that one data set.
      const rows: string[][] = [];
      const totaal = PERIODES.map(() => 0);
      for (const figuur of figuren()) {
        const cellen = PERIODES.map((periode, i) => {
          const vraag: MonitoringVraag = {
            van: periode.van,
            tot: periode.tot,
            bekendOp: NU,
            bekendTot: BEKEND_TOT,
            filter: WIJK === undefined ? {} : { wijk: WIJK },
          };
          // A shallow copy is a new data set to the per-data-set caches (district index,
          // episodes): every run is the first question after a new fact, the expensive case.
          const runs = herhaal(() => figuur.bereken({ ...d }, vraag));
          totaal[i]! += median(runs);
          return spreiding(runs);
        });
        rows.push([figuur.naam, ...cellen]);
      }
      rows.push(['sum of the medians', ...totaal.map((t) => t.toFixed(0))]);
      const zelfdeVraag: MonitoringVraag = {
        van: PERIODES[0].van,
        tot: PERIODES[0].tot,
        bekendOp: NU,
        bekendTot: BEKEND_TOT,
        filter: {},
      };
      zorgepisodeCijfers(d, zelfdeVraag, 'kader');
      const nogEens = herhaal(() => zorgepisodeCijfers(d, zelfdeVraag, 'kader'));
      printTable(
        ['figure (ms: median (min-max))', ...PERIODES.map((p) => `${p.naam} ${p.van}..${p.tot}`)],
        rows,
      );
      console.log(
        `the same question again on the same data set (episodes cached): ${spreiding(nogEens)} ms`,
      );
      console.log();
      naastElkaarPerAanbieder(d);
      console.log();
      metProfiel(() => naNieuwFeit(readModels, d));
      console.log();
      // A copy is a data set the answer caches have not seen: every count is made again.
      nauwkeurigheid({ ...d });
      console.log();
      console.log(`peak RSS of the process: ${peakRss()}`);
      void sink;
    } finally {
      readModels.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
