import { ProcessingLog, Role } from '@app/access';
import {
  Bestemming,
  GeenAntwoord,
  Gezinsplan,
  LEEFTIJDSGROEPEN,
  ONDERWERPEN,
  Oordeel,
  ProductGegevens,
  REGIE_SCORES,
  RedenEindeZorg,
  ToewijzingState,
  Uitkomst,
  VOORTGANG_SCORES,
  VerhaalToestemming,
  Verteller,
  WOONVORMEN,
  Woonvorm,
  kalenderdatum,
  leeftijdOp,
  perspectiefgesprekUiterlijk,
  zorgdossierDecider,
  zorgdossierStreamId,
} from '@app/domain';
import { CommandBatch, DeciderStore, EventStore, START } from '@app/event-store';
import {
  BerichtClient,
  IjwImport,
  startBericht,
  stopBericht,
  toewijzingBericht,
  wijzigingsverzoekBericht,
} from '@app/ijw';
import {
  ConsultatiesQueries,
  PraktijkenQueries,
  ProgrammaQueries,
  ProjectionRunner,
  ReadModelDatabase,
  ToegangQueries,
  ZorgQueries,
  gezinnenProjection,
  praktijkenProjection,
  programmaProjection,
  zorgProjection,
} from '@app/projections';
import type { RequestCommandContext } from '../../api/src/common/command-context';
import { ConsultatieCommands } from '../../api/src/consultaties/consultatie.commands';
import { PraktijkCommands } from '../../api/src/consultaties/praktijk.commands';
import { GezinCommands } from '../../api/src/gezinnen/gezin.commands';
import { ProgrammaCommands } from '../../api/src/programma/programma.commands';
import { VerhaalCommands } from '../../api/src/verhalen/verhaal.commands';
import { ZorgCommands } from '../../api/src/zorg/zorg.commands';

/**
 * A demo municipality at Lelystad scale, written through the same paths as real work: families,
 * contact persons, plans and handovers through the command services of the API (GezinCommands),
 * the youths' care as the iJw messages the municipality and its providers exchange (JW301, JW305,
 * JW317 and JW301 for an extension, JW307) through the import (IjwImport), the parents' support
 * under other laws (the own team's Wmo, debt help, re-integration: no message traffic) through
 * ZorgCommands, and the GP practices' consultations (JPH and huisarts) through
 * ConsultatieCommands. The residential stays (their form, a step-down now and then, the exit and
 * where to), the perspective conversations at 16.5 (ZorgCommands), and the judgements at the end
 * of care and the stories told (VerhaalCommands) go through the same command services, in one
 * batch per 250 families (CommandBatch). So the same deciders and rules apply. The baselines are the council's
 * (Uitvoeringsprogramma Samen voor de Jeugd Lelystad 2025-2028): 12.7% of the youths 0-17 in a
 * year in care without residence, 1.7-1.9% with; residential stays mostly foster care; 9 of 25
 * practices with a JPH.
 */
export interface DemoOpties {
  /** Youths aged 0-17 living in the municipality (the population the shares divide by). */
  jeugdigen: number;
  seed: number;
  /** The last month written, YYYY-MM. */
  tot: string;
  /** Progress, one line at a time. */
  meld?: (regel: string) => void;
}

export interface DemoVerslag {
  gezinnen: number;
  jeugdigenInZorg: number;
  toewijzingen: number;
  verlengingen: number;
  overdrachten: number;
  /** iJw messages imported (all accepted: a refusal stops the demo). */
  berichten: number;
  consultaties: number;
  /** Residential stays, their step-downs to a lighter form, and their exits. */
  verblijven: number;
  afschalingen: number;
  uitstroom: number;
  perspectiefgesprekken: number;
  /** Rounds of judgements at the end of care (youth, parent, professional). */
  oordelen: number;
  verhalen: number;
  /** Released for the monitoring by a team lead, and of those withdrawn later. */
  vrijgegeven: number;
  ingetrokken: number;
  gebeurtenissen: bigint;
}

/**
 * A valid BSN of its own for each n (the eleven-test), for generated people: 8 digits of n's
 * own, then the check digit. Not a real person's (real BSNs are issued, not counted).
 */
export function demoBsn(n: number): string {
  for (let d = 0; d < 10; d++) {
    const s = String(10000000 + n * 10 + d);
    const sum = [...s].reduce((t, x, i) => t + Number(x) * (9 - i), 0);
    // The ninth digit counts -1: it must bring the sum to a multiple of 11.
    const last = sum % 11;
    if (last <= 9 && sum - last !== 0) return `${s}${last}`;
  }
  throw new Error(`no BSN for ${n}`);
}

/** The baselines of the seed (2023): shares of the youths 0-17 in care during a year. */
export const BASISLIJN = { zonderVerblijf: 0.127, metVerblijf: 0.018 } as const;
/** Mean days in care (extensions included): ambulant, and residential. */
const DUUR = { zonderVerblijf: 240, metVerblijf: 420 } as const;
const EERSTE_JAAR = 2020;

const WIJKEN = [
  ['Atolwijk', 0.16],
  ['Boswijk', 0.17],
  ['Waterwijk', 0.14],
  ['Zuiderzeewijk', 0.12],
  ['Stadshart', 0.07],
  ['Haven', 0.08],
  ['Warande', 0.16],
  ['Kustwijk', 0.1],
] as const;

type Product = ProductGegevens & { code: string };
const jw = (
  code: string,
  categorie: '43' | '44' | '45',
  omschrijving: string,
  extra: Partial<ProductGegevens> = {},
): Product => ({
  code,
  wettelijkKader: 'jeugdwet',
  categorie,
  omschrijving,
  woonvorm: null,
  maxDuurMaanden: 6,
  cbsHulpvorm: categorie === '45' ? '01' : '14',
  ...extra,
});
const AMBULANT = [
  jw('45A48', '45', 'Ambulante jeugdhulp'),
  jw('45A49', '45', 'Gezinsbehandeling ambulant', { maxDuurMaanden: 12 }),
  jw('45A52', '45', 'Specialistische jeugd-ggz', { maxDuurMaanden: 12 }),
];
/** Residential products with the seed's mix of forms of residence (mostly foster care). */
const VERBLIJF: [Product, number][] = [
  [jw('44A01', '44', 'Pleegzorg', { woonvorm: 'pleegzorg', maxDuurMaanden: 12 }), 0.45],
  [jw('44A02', '44', 'Gezinshuis', { woonvorm: 'gezinshuis', maxDuurMaanden: 12 }), 0.12],
  [jw('43A11', '43', 'Behandeld wonen', { woonvorm: 'behandeld-wonen', maxDuurMaanden: 12 }), 0.23],
  [jw('44A05', '44', 'Begeleid wonen', { woonvorm: 'begeleid-wonen', maxDuurMaanden: 12 }), 0.1],
  [jw('44A08', '44', 'Kamertraining', { woonvorm: 'kamertraining', maxDuurMaanden: 6 }), 0.05],
  [jw('43A30', '43', 'Gesloten jeugdhulp', { woonvorm: 'gesloten', maxDuurMaanden: 6 }), 0.05],
];
const anders = (code: string, wet: ProductGegevens['wettelijkKader'], omschrijving: string) => ({
  code,
  wettelijkKader: wet,
  categorie: null,
  omschrijving,
  woonvorm: null,
  maxDuurMaanden: 12,
  cbsHulpvorm: null,
});
const ANDERE_WETTEN: Product[] = [
  anders('WMO01', 'wmo', 'Begeleiding individueel (Wmo)'),
  anders('SHV01', 'schuldhulpverlening', 'Schuldhulpverlening'),
  anders('PW001', 'participatiewet', 'Re-integratietraject'),
];
const AANBIEDERS = [
  ['87650001', 'Kompas Jeugdhulp'],
  ['87650002', 'De Rading'],
  ['87650003', 'Triade Vitree'],
  ['87650004', 'Accare'],
  ['kvk:61234567', 'Schuldhulp Flevoland'],
  ['gemeente:wijkteam-lelystad', 'Wijkteam Lelystad'],
] as const;
const JEUGD_AANBIEDERS = AANBIEDERS.slice(0, 4).map(([id]) => id);
/** Lelystad's municipality code (CBS), the sender of its assignments. */
const GEMEENTE = '0995';
/** GP practices: 25, of which 9 with a JPH (002:905-1040), some from the start, more later. */
const PRAKTIJKEN = 25;
const JPH_SINDS = ['2019-01-01', '2019-01-01', '2019-01-01', '2019-01-01', '2019-01-01'];
const JPH_LATER = ['2022-03-01', '2022-09-01', '2024-01-01', '2024-06-01'];
/** Consultations a year per practice at the default size: with a JPH, and by the GP alone. */
const CONSULTATIES_PER_JAAR = { jph: 140, huisarts: 35 } as const;
const STANDAARD_JEUGDIGEN = 19_000;
const CONTACTPERSONEN = Array.from(
  { length: 40 },
  (_, i) => `u-demo-cp-${String(i + 1).padStart(2, '0')}`,
);
const VOORNAMEN = [
  'Sanne',
  'Daan',
  'Noah',
  'Emma',
  'Liam',
  'Julia',
  'Sem',
  'Mila',
  'Lucas',
  'Tess',
];
const ACHTERNAMEN = [
  'de Jong',
  'Jansen',
  'de Vries',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'Mulder',
];
const OUDERS = ['Mark', 'Linda', 'Ahmed', 'Fatima', 'Peter', 'Sandra', 'Kees', 'Naima'];

/** A plan's goals for the youth: the first always, one or two more sometimes. */
const DOELEN: Gezinsplan['doelen'][number][] = [
  { doelId: 'd1', leefgebied: 'onderwijs', persoonId: '', omschrijving: 'Weer naar school' },
  { doelId: 'd2', leefgebied: 'opvoeding', persoonId: '', omschrijving: 'Rust en regelmaat thuis' },
  {
    doelId: 'd3',
    leefgebied: 'sociaal-netwerk',
    persoonId: '',
    omschrijving: 'Vrienden en een club',
  },
];

/** What the stay works towards, per form of residence (the exit perspective). */
const UITSTROOMPERSPECTIEF: Record<Woonvorm, string> = {
  gesloten: 'Behandeld wonen, daarna terug naar huis',
  'behandeld-wonen': 'Terug naar huis met ambulante hulp',
  gezinshuis: 'Opgroeien in het gezinshuis tot 18',
  pleegzorg: 'Terug naar huis als het thuis veilig is',
  'begeleid-wonen': 'Kamertraining, daarna zelfstandig',
  kamertraining: 'Zelfstandig wonen',
};

/**
 * Stories in the teller's own words: a few per kind of teller, with the programme's themes they
 * touch (knop-N, as `programma seed` names them). `naam` is where a teller names the youth: the
 * family's fictitious first name when told, taken out ("[naam]") in the text as released.
 */
const VERHALEN: {
  verteller: Verteller;
  /** Only for residential care (true), only without (false), or either. */
  verblijf?: boolean;
  themas: string[];
  tekst: (naam: string) => string;
}[] = [
  {
    verteller: 'jeugdige',
    themas: ['knop-6', 'knop-7'],
    tekst: () =>
      'Ik ga weer elke dag naar school. In het begin vond ik het eng, maar mijn mentor weet nu wat er speelt en dat helpt.',
  },
  {
    verteller: 'jeugdige',
    verblijf: true,
    themas: ['knop-12', 'knop-14'],
    tekst: () =>
      'In het gezinshuis had ik eindelijk rust. Ik mocht zelf meepraten over wanneer ik terug naar huis kon.',
  },
  {
    verteller: 'jeugdige',
    themas: ['knop-13'],
    tekst: () =>
      'Ik oefen met koken en met mijn geld, want straks wil ik op mezelf wonen. Fijn dat ze daar nu al aan denken.',
  },
  {
    verteller: 'jeugdige',
    verblijf: false,
    themas: ['knop-3', 'knop-11'],
    tekst: () =>
      'Eerst moest ik steeds naar gesprekken. Nu zit ik bij voetbal en heb ik iemand uit de buurt die ik kan bellen.',
  },
  {
    verteller: 'ouder',
    themas: ['knop-4'],
    tekst: (naam) =>
      `Eindelijk één plan en één contactpersoon. Ik hoefde het verhaal van ${naam} niet steeds opnieuw te vertellen.`,
  },
  {
    verteller: 'ouder',
    verblijf: false,
    themas: ['knop-11', 'knop-9'],
    tekst: (naam) =>
      `Het duurde lang voordat er hulp kwam en in de tussentijd liep het thuis uit de hand. Toen het er was, ging het met ${naam} snel beter.`,
  },
  {
    verteller: 'ouder',
    verblijf: true,
    themas: ['knop-12'],
    tekst: (naam) =>
      `Dat ${naam} uit huis moest, was het zwaarste wat we hebben meegemaakt. De pleegouders hielden ons goed op de hoogte.`,
  },
  {
    verteller: 'ouder',
    themas: ['knop-6'],
    tekst: (naam) =>
      `School en hulpverlening praatten eindelijk met elkaar. ${naam} zit nu weer de hele week in de klas.`,
  },
  {
    verteller: 'professional',
    themas: ['knop-10', 'knop-9'],
    tekst: () =>
      'Bij de verlenging hebben we samen met het gezin gekeken wat er echt nog nodig was. Het werd minder uren dan eerst gedacht.',
  },
  {
    verteller: 'professional',
    verblijf: false,
    themas: ['knop-5', 'knop-11'],
    tekst: () =>
      'De huisarts verwees snel naar de praktijkondersteuner jeugd; daardoor was lichte hulp genoeg en bleef specialistische zorg buiten beeld.',
  },
  {
    verteller: 'professional',
    verblijf: true,
    themas: ['knop-14', 'knop-13'],
    tekst: () =>
      'Doordat we vanaf het begin aan de uitstroom werkten, kon de jongere na een half jaar naar een lichtere woonvorm.',
  },
];

/** A small, well-known deterministic PRNG (mulberry32): the same seed gives the same town. */
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

const DAG = 86_400_000;
const datum = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const ms = (d: string): number => Date.parse(`${d}T00:00:00Z`);
const plusDagen = (d: string, n: number): string => datum(ms(d) + n * DAG);
const plusMaanden = (d: string, n: number): string => {
  const x = new Date(ms(d));
  x.setUTCMonth(x.getUTCMonth() + n);
  return plusDagen(datum(x.getTime()), -1);
};

const context = (
  userId: string,
  teamleider = false,
  role: Role = 'contactpersoon',
): RequestCommandContext => ({
  principal: { userId, roles: [role], name: userId, teamleider, actingRole: role },
  actor: { userId, role },
  correlationId: 'demo',
  causationId: 'demo',
});

/** One youth's care, as the demo plans it before writing it. */
interface Traject {
  verblijf: boolean;
  product: Product;
  aanbiederId: string;
  start: string;
  /** The last day of care; beyond the end of the demo, it is still running. */
  einde: string;
}

/** A family the demo registered, with what it needs to record about the youth's care later. */
interface Gezin {
  traject: Traject;
  gezinId: string;
  jeugdige: string;
  voornaam: string;
  geboortedatum: string;
  client: BerichtClient;
  ouder: string;
  /** The family's contact person now (after a handover the new one), and since when. */
  cp: string;
  cpSinds: string;
  /** The goals of its plan. */
  doelIds: string[];
}

/** The youth's care as the dossier holds it after the import: the assignments, and its stop. */
interface Zorg {
  toewijzingen: ToewijzingState[];
  stop: string | null;
}

const PERSPECTIEVEN = [
  'Zelfstandig wonen met begeleiding',
  'Thuis blijven wonen en een opleiding afmaken',
  'Op kamers in de stad, met een studie of werk',
  'Bij het pleeggezin blijven tot 21',
];
const BEHOEFTEN = [
  'Budgetcoaching, hulp bij werk zoeken',
  'Hulp bij geldzaken en de eigen administratie',
  'Een vaste begeleider na 18',
  'Hulp bij het vinden van een kamer',
];

const laatste = (a: string, b: string): string => (a > b ? a : b);
const eerste = (a: string, b: string): string => (a < b ? a : b);

export async function demo(
  store: EventStore,
  readModels: ReadModelDatabase,
  opties: DemoOpties,
): Promise<DemoVerslag> {
  if ((await store.headPosition()) !== START) {
    throw new Error('demo fills an empty store only: this one already holds events');
  }
  const meld = opties.meld ?? (() => undefined);
  const random = prng(opties.seed);
  // The stays, conversations, judgements and stories draw from a stream of their own, so the
  // same seed still gives the same families, care and consultations as before they were added.
  const meer = prng(opties.seed ^ 0x5eed5eed);
  const kies = <T>(lijst: readonly T[], r = random): T => lijst[Math.floor(r() * lijst.length)]!;
  const gewogen = <T>(lijst: readonly [T, number][], rnd = random): T => {
    let r = rnd() * lijst.reduce((s, [, w]) => s + w, 0);
    for (const [x, w] of lijst) if ((r -= w) <= 0) return x;
    return lijst[lijst.length - 1]![0];
  };
  // Durations: exponential around the mean, at least a month (care rarely ends within weeks).
  const duur = (gemiddeld: number) => Math.round(30 + -Math.log(1 - random()) * (gemiddeld - 30));

  const [jaar, maand] = opties.tot.split('-').map(Number) as [number, number];
  const eind = datum(Date.UTC(jaar, maand, 1) - DAG); // the last day of `tot`
  let nu = new Date(`${eind}T12:00:00Z`);
  const deciders = new DeciderStore(store, () => nu);
  const toegang = new ToegangQueries(readModels.db);
  const gezinnen = new GezinCommands(deciders, toegang, { warmeOverdrachtDagen: 0 });
  const zorg = new ZorgCommands(deciders, toegang);
  const importer = new IjwImport(deciders, toegang, new ProcessingLog(deciders));
  const verhalen = new VerhaalCommands(
    deciders,
    new ZorgQueries(readModels.db),
    new ProgrammaQueries(readModels.db),
  );
  const berichtenverkeer = {
    principal: {
      userId: 'u-demo-berichtenverkeer',
      roles: ['koppeling' as const],
      name: 'Berichtenverkeer (demo)',
      teamleider: false,
      actingRole: 'koppeling' as const,
    },
    correlationId: 'demo',
  };
  // Who works with whom (access, matching by BSN), the practices, the care dossiers (what a
  // judgement or story says about an assignment) and the programme's themes.
  const runner = new ProjectionRunner(store, readModels, [
    gezinnenProjection,
    praktijkenProjection,
    zorgProjection,
    programmaProjection,
  ]);
  const beheer = context('u-demo-beheer');
  const teamleider = context('u-demo-teamleider', true);
  const verslag: DemoVerslag = {
    gezinnen: 0,
    jeugdigenInZorg: 0,
    toewijzingen: 0,
    verlengingen: 0,
    overdrachten: 0,
    berichten: 0,
    consultaties: 0,
    verblijven: 0,
    afschalingen: 0,
    uitstroom: 0,
    perspectiefgesprekken: 0,
    oordelen: 0,
    verhalen: 0,
    vrijgegeven: 0,
    ingetrokken: 0,
    gebeurtenissen: 0n,
  };
  let jeugdigeNr = 0;
  let berichtNr = 0;
  /** A message's header: its identification is short (at most 12) and unique in the demo. */
  const kop = (afzender: string, ontvanger: string, dagtekening: string) => ({
    afzender,
    ontvanger,
    identificatie: `D${(++berichtNr).toString(36).toUpperCase()}`,
    dagtekening,
  });

  // Reference data: products under their law, providers by AGB, KvK or as the own team.
  for (const { code, ...gegevens } of [
    ...AMBULANT,
    ...VERBLIJF.map(([p]) => p),
    ...ANDERE_WETTEN,
  ]) {
    await zorg.referentiedata(
      { type: 'SetProductVersion', productcode: code, geldigVanaf: '2015-01-01', gegevens },
      beheer,
    );
  }
  for (const [aanbiederId, naam] of AANBIEDERS) {
    await zorg.referentiedata(
      { type: 'SetAanbiederVersion', aanbiederId, naam, geldigVanaf: '2015-01-01' },
      beheer,
    );
  }
  for (let j = EERSTE_JAAR - 1; j <= jaar; j++) {
    // The whole municipality, and its districts (growing slowly, like Lelystad).
    const totaal = Math.round(opties.jeugdigen * (1 + 0.005 * (j - 2024)));
    const wijken = WIJKEN.map(([wijk, aandeel]) => ({
      wijk,
      aantal: Math.floor(totaal * aandeel),
    }));
    await zorg.referentiedata({ type: 'SetBevolking', jaar: j, wijken, totaal }, beheer);
  }
  // The programme's knoppen, actions and a theme per knop, as `programma seed` writes them.
  await new ProgrammaCommands(deciders).seed(beheer);

  // The read models' tables exist before the first family: registering one with a BSN asks
  // whether that person is known already.
  await runner.runUntilCaughtUp();

  // Arrivals: at a steady rate such that the share in care during a year meets the baseline
  // (in care during a year of 365 days: arrivals over 365 + the mean duration days).
  // Two years of run-in, so 2020 already has the care that started before it.
  const begin = `${EERSTE_JAAR - 2}-01-01`;
  const dagen = (ms(eind) - ms(begin)) / DAG + 1;
  const trajecten: Traject[] = [];
  for (const verblijf of [false, true]) {
    const soort = verblijf ? 'metVerblijf' : 'zonderVerblijf';
    const perDag = (BASISLIJN[soort] * opties.jeugdigen) / (365 + DUUR[soort]);
    const aantal = Math.round(perDag * dagen);
    for (let i = 0; i < aantal; i++) {
      const start = plusDagen(begin, Math.floor(random() * dagen));
      const product = verblijf ? gewogen(VERBLIJF) : kies(AMBULANT);
      const einde = plusDagen(start, duur(DUUR[soort]) - 1);
      trajecten.push({ verblijf, product, aanbiederId: kies(JEUGD_AANBIEDERS), start, einde });
    }
  }
  trajecten.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  meld(`${trajecten.length} youths in care from ${begin} to ${eind}`);

  const BATCH = 250;
  for (let i = 0; i < trajecten.length; i += BATCH) {
    const batch = trajecten.slice(i, i + BATCH);
    // Families first, each registered the day its care starts (the clock is that day), with a
    // contact person and a plan; then the read models learn who works with whom.
    const geregistreerd: Gezin[] = [];
    for (const traject of batch) {
      nu = new Date(`${traject.start}T09:00:00Z`);
      const gezinId = crypto.randomUUID();
      const jeugdige = crypto.randomUUID();
      const ouder = crypto.randomUUID();
      const achternaam = kies(ACHTERNAMEN);
      // Age 0-17 at the start, most often 8-15.
      const leeftijd = Math.min(
        17,
        Math.max(0, Math.round(11 + (random() + random() + random() - 1.5) * 6)),
      );
      const geboortedatum = plusDagen(traject.start, -Math.round((leeftijd + random()) * 365.25));
      const voornaam = kies(VOORNAMEN);
      const bsn = demoBsn(++jeugdigeNr);
      const { leden } = {
        leden: [
          {
            persoonId: jeugdige,
            rol: 'jeugdige' as const,
            gegevens: { voornaam, achternaam, geboortedatum, bsn },
          },
          {
            persoonId: ouder,
            rol: 'ouder' as const,
            gegevens: { voornaam: kies(OUDERS), achternaam, geboortedatum: null, bsn: null },
          },
        ],
      };
      const wijk = gewogen(WIJKEN.map(([w, a]) => [w, a] as [string, number]));
      await gezinnen.register(gezinId, { naam: achternaam, wijk, leden }, teamleider);
      const cp = kies(CONTACTPERSONEN);
      await gezinnen.gezin(
        gezinId,
        {
          type: 'AssignContactpersoon',
          contactpersoon: { userId: cp, naam: cp, organisatie: 'Wijkteam Lelystad' },
          vanaf: traject.start,
        },
        teamleider,
      );
      const client: BerichtClient = {
        bsn,
        geboortedatum,
        geslacht: random() < 0.5 ? '1' : '2',
        achternaam,
        voorletters: voornaam[0]!,
      };
      geregistreerd.push({
        traject,
        gezinId,
        jeugdige,
        voornaam,
        geboortedatum,
        client,
        ouder,
        cp,
        cpSinds: traject.start,
        doelIds: [],
      });
    }
    await runner.runUntilCaughtUp();

    nu = new Date(`${eind}T12:00:00Z`);
    const berichten: { bron: string; xml: string }[] = [];
    for (const gezin of geregistreerd) {
      const { traject, gezinId, jeugdige, client, ouder, cp } = gezin;
      const door = context(cp);
      const gezinsplan = plan(traject, jeugdige);
      gezin.doelIds = gezinsplan.doelen.map((d) => d.doelId);
      await gezinnen.gezin(
        gezinId,
        { type: 'WriteGezinsplan', plan: gezinsplan, reden: null },
        door,
      );
      berichten.push(...berichtenVan(client, traject));
      // Some parents have support under another law too: the own team's Wmo, debt help,
      // re-integration. No provider sends messages for those: they are written as commands.
      if (random() < 0.08) {
        const product = kies(ANDERE_WETTEN);
        const aanbiederId =
          product.code === 'SHV01' ? 'kvk:61234567' : 'gemeente:wijkteam-lelystad';
        await zorgZonderBerichten(
          ouder,
          { ...traject, verblijf: false, product, aanbiederId },
          door,
        );
      }
      // A handover now and then, in the middle of the care.
      const midden = plusDagen(
        traject.start,
        Math.floor((Math.min(ms(traject.einde), ms(eind)) - ms(traject.start)) / DAG / 2),
      );
      if (random() < 0.15 && midden > traject.start) {
        const naar = kies(CONTACTPERSONEN.filter((c) => c !== cp));
        await gezinnen.gezin(
          gezinId,
          {
            type: 'HandOverContactpersoon',
            naar: { userId: naar, naam: naar, organisatie: 'Wijkteam Lelystad' },
            per: midden,
            reden: 'Andere caseload',
          },
          teamleider,
        );
        gezin.cp = naar;
        gezin.cpSinds = midden;
        verslag.overdrachten++;
      }
      verslag.gezinnen++;
      verslag.jeugdigenInZorg++;
    }
    // The youths' care: the batch's messages through the import, as the message traffic comes in.
    for (const uitkomst of await importer.importeer(berichten, berichtenverkeer)) {
      if (uitkomst.uitkomst !== 'accepted' || uitkomst.teKoppelen) {
        throw new Error(
          `demo message ${uitkomst.sleutel ?? uitkomst.bron} was ${uitkomst.uitkomst}: ${uitkomst.reden ?? ''} ${uitkomst.pad ?? ''}`,
        );
      }
    }
    verslag.berichten += berichten.length;
    // Then what the contact persons record about that care: the read models first learn the
    // handovers (who writes now) and the care just imported, and then the stays (what the
    // judgements and stories say about an assignment).
    await runner.runUntilCaughtUp();
    const zorgVan = await verblijvenEnGesprekken(geregistreerd);
    await runner.runUntilCaughtUp();
    await oordelenEnVerhalen(geregistreerd, zorgVan);
    meld(`${Math.min(i + BATCH, trajecten.length)} of ${trajecten.length} youths written`);
  }
  await consultaties();
  meld(`${verslag.consultaties} consultations logged by ${PRAKTIJKEN} practices`);
  meld(
    `${verslag.verblijven} residential stays (${verslag.afschalingen} step-downs, ${verslag.uitstroom} exits), ` +
      `${verslag.perspectiefgesprekken} perspective conversations, ${verslag.oordelen} rounds of judgements, ` +
      `${verslag.verhalen} stories (${verslag.vrijgegeven} released, ${verslag.ingetrokken} withdrawn)`,
  );
  verslag.gebeurtenissen = await store.headPosition();
  return verslag;

  /**
   * Per family of the batch, in one batch of commands through the care command service: a
   * residential stay in the form of its product (linked to the first assignment, with its exit
   * perspective mostly), a step-down to a lighter form in a quarter of the stays (after a month
   * at the least) and, when the care stopped, the exit on its last day with where the youth
   * went; and the perspective conversation of a youth in care on the day it is due (16.5, or the
   * intake when later): 75% on time (up to two months before), 15% late (two weeks to four months
   * after, if the care still runs then), 10% never. Returns the youth's care as the dossier holds it.
   */
  async function verblijvenEnGesprekken(lijst: Gezin[]): Promise<Map<string, Zorg>> {
    const batch = deciders.batch();
    const zorgVan = new Map<string, Zorg>();
    nu = new Date(`${eind}T12:00:00Z`);
    for (const g of lijst) {
      const { state } = await batch.load(zorgdossierStreamId(g.jeugdige), zorgdossierDecider);
      const toewijzingen = Object.values(state.toewijzingen).sort((a, b) =>
        a.begindatum < b.begindatum ? -1 : 1,
      );
      const stop = toewijzingen[toewijzingen.length - 1]!.zorgStop?.datum ?? null;
      zorgVan.set(g.jeugdige, { toewijzingen, stop });
      const door = context(g.cp);
      const start = toewijzingen[0]!.zorgStart ?? toewijzingen[0]!.begindatum;
      const tot = stop ?? eind;
      if (g.traject.verblijf) await verblijf(batch, g, toewijzingen[0]!, start, stop, door);

      const uiterlijk = perspectiefgesprekUiterlijk(g.geboortedatum, start);
      if (uiterlijk === null || uiterlijk > tot) continue;
      const r = meer();
      const datum =
        r < 0.75
          ? laatste(start, plusDagen(uiterlijk, -Math.floor(meer() * 60)))
          : r < 0.9
            ? plusDagen(uiterlijk, 14 + Math.floor(meer() * 110))
            : null;
      if (datum === null || datum > tot) continue;
      await zorg.dossierInBatch(
        batch,
        g.jeugdige,
        {
          type: 'RecordPerspectiefgesprek',
          gesprekId: crypto.randomUUID(),
          datum,
          door: g.cp,
          perspectief: kies(PERSPECTIEVEN, meer),
          behoeften: kies(BEHOEFTEN, meer),
          zorgNa18Verwacht: meer() < (g.traject.verblijf ? 0.5 : 0.2),
        },
        door,
      );
      verslag.perspectiefgesprekken++;
    }
    await batch.commit();
    return zorgVan;
  }

  async function verblijf(
    batch: CommandBatch,
    g: Gezin,
    toewijzing: ToewijzingState,
    start: string,
    stop: string | null,
    door: RequestCommandContext,
  ): Promise<void> {
    const verblijfId = crypto.randomUUID();
    let woonvorm = g.traject.product.woonvorm!;
    await zorg.dossierInBatch(
      batch,
      g.jeugdige,
      {
        type: 'StartVerblijf',
        verblijfId,
        toewijzingId: toewijzing.toewijzingId,
        woonvorm,
        startdatum: start,
        indicatieEinddatum: toewijzing.einddatum,
        uitstroomperspectief: meer() < 0.7 ? UITSTROOMPERSPECTIEF[woonvorm] : null,
      },
      door,
    );
    verslag.verblijven++;
    const dagen = (ms(stop ?? eind) - ms(start)) / DAG;
    const i = WOONVORMEN.indexOf(woonvorm);
    const lichter = WOONVORMEN.slice(i + 1, i + 3);
    if (lichter.length > 0 && dagen > 60 && meer() < 0.25) {
      // A step-down lies before the exit: an exit cannot lie before its last step-down.
      const datum = plusDagen(start, 30 + Math.floor(meer() * (dagen - 30)));
      woonvorm = kies(lichter, meer);
      await zorg.dossierInBatch(
        batch,
        g.jeugdige,
        { type: 'ChangeWoonvorm', verblijfId, datum, naar: woonvorm },
        door,
      );
      verslag.afschalingen++;
    }
    if (stop === null) return;
    const leeftijd = leeftijdOp(g.geboortedatum, stop);
    const bestemming = gewogen<Bestemming>(
      [
        ['thuis', leeftijd >= 17 ? 0.3 : 0.55],
        ['zelfstandig', leeftijd >= 17 ? 0.35 : leeftijd >= 16 ? 0.05 : 0],
        ['lichtere-vorm', woonvorm === 'kamertraining' ? 0 : 0.2],
        ['zwaardere-vorm', 0.08],
        ['anders', 0.1],
      ],
      meer,
    );
    const metVervolghulp = {
      thuis: 0.7,
      zelfstandig: 0.5,
      'lichtere-vorm': 1,
      'zwaardere-vorm': 1,
      anders: 0.4,
    }[bestemming];
    await zorg.dossierInBatch(
      batch,
      g.jeugdige,
      {
        type: 'EndVerblijf',
        verblijfId,
        datum: stop,
        bestemming,
        vervolghulp: meer() < metVervolghulp,
      },
      door,
    );
    verslag.uitstroom++;
  }

  /**
   * Per family of the batch, in one batch of commands through the stories' command service: at
   * the end of care the judgements on its last assignment, recorded by the contact person; and
   * for about one youth in ten a story (see `verhaal`).
   */
  async function oordelenEnVerhalen(lijst: Gezin[], zorgVan: Map<string, Zorg>): Promise<void> {
    const batch = deciders.batch();
    for (const g of lijst) {
      const { toewijzingen, stop } = zorgVan.get(g.jeugdige)!;
      const door = context(g.cp);
      if (stop !== null) {
        nu = new Date(`${stop}T16:00:00Z`);
        await verhalen.oordelenInBatch(
          batch,
          g.gezinId,
          crypto.randomUUID(),
          {
            aanleiding: {
              soort: 'einde-toewijzing',
              toewijzingId: toewijzingen[toewijzingen.length - 1]!.toewijzingId,
            },
            datum: stop,
            oordelen: oordelenBij(g, stop),
          },
          door,
        );
        verslag.oordelen++;
      }
      if (meer() < 0.1) await verhaal(batch, g, toewijzingen, stop, door);
    }
    await batch.commit();
  }

  /**
   * The judgements at the end of care: the youth (not asked under 12, nor one in ten older),
   * a parent in 85% of the families, and the professional; each on whether the help request was
   * answered, regie 1-5 and each goal of the plan -2..+2, around how well the care went for this
   * family (the tellers mostly agree); one in about seventeen does not want to answer.
   */
  function oordelenBij(g: Gezin, datum: string): Oordeel[] {
    const goed = meer();
    const oordeel = (door: Verteller, gevraagd: boolean): Oordeel => {
      const geen: GeenAntwoord | null = !gevraagd
        ? 'niet-gevraagd'
        : meer() < 0.06
          ? 'wil-niet-antwoorden'
          : null;
      if (geen !== null) {
        const voortgang = g.doelIds.map((doelId) => ({ doelId, score: geen }));
        return { door, hulpvraagBeantwoord: geen, regie: geen, voortgang };
      }
      const toon = Math.min(0.999, Math.max(0, goed + (meer() - 0.5) * 0.4));
      return {
        door,
        hulpvraagBeantwoord: toon > 0.45 ? 'ja' : toon > 0.2 ? 'deels' : 'nee',
        regie: REGIE_SCORES[Math.floor(toon * 5)]!,
        voortgang: g.doelIds.map((doelId) => ({
          doelId,
          score: VOORTGANG_SCORES[Math.min(4, Math.max(0, Math.round(toon * 4 + meer() - 0.5)))]!,
        })),
      };
    };
    return [
      oordeel('jeugdige', leeftijdOp(g.geboortedatum, datum) >= 12 && meer() < 0.9),
      ...(meer() < 0.85 ? [oordeel('ouder', true)] : []),
      oordeel('professional', true),
    ];
  }

  /**
   * A story about the youth's care, told at the end of care or while it runs (after the first
   * month, and with the contact person of then), by the youth (12 or older), a parent or the
   * professional, from the templates; consent 30% file only, 45% pseudonymised, 25% quotable.
   * A team lead releases one the monitoring may use 3 to 20 days later, with the name taken
   * out; 8% of the tellers withdraw their consent later.
   */
  async function verhaal(
    batch: CommandBatch,
    g: Gezin,
    toewijzingen: ToewijzingState[],
    stop: string | null,
    door: RequestCommandContext,
  ): Promise<void> {
    const vanaf = eerste(laatste(g.cpSinds, plusDagen(g.traject.start, 30)), eind);
    const datum = stop ?? plusDagen(vanaf, Math.floor((meer() * (ms(eind) - ms(vanaf))) / DAG));
    const soort = gewogen<Verteller>(
      [
        ['jeugdige', leeftijdOp(g.geboortedatum, datum) >= 12 ? 0.35 : 0],
        ['ouder', 0.45],
        ['professional', 0.2],
      ],
      meer,
    );
    const sjabloon = kies(
      VERHALEN.filter(
        (v) =>
          v.verteller === soort && (v.verblijf === undefined || v.verblijf === g.traject.verblijf),
      ),
      meer,
    );
    const toewijzing = toewijzingen.filter((t) => t.begindatum <= datum).pop() ?? toewijzingen[0]!;
    const toestemming = gewogen<VerhaalToestemming>(
      [
        ['dossier', 0.3],
        ['gepseudonimiseerd', 0.45],
        ['citeerbaar', 0.25],
      ],
      meer,
    );
    const organisatie =
      soort === 'professional' ? AANBIEDERS.find(([id]) => id === g.traject.aanbiederId)![1] : null;
    const verhaalId = crypto.randomUUID();
    nu = new Date(`${datum}T15:00:00Z`);
    await verhalen.verhaalInBatch(
      batch,
      g.gezinId,
      verhaalId,
      {
        type: 'RecordVerhaal',
        persoonId: g.jeugdige,
        toewijzingId: toewijzing.toewijzingId,
        verteller: { soort, organisatie },
        datum,
        tekst: sjabloon.tekst(g.voornaam),
        themaIds: sjabloon.themas,
        toestemming,
      },
      door,
    );
    verslag.verhalen++;
    const vrijgegevenOp = plusDagen(datum, 3 + Math.floor(meer() * 18));
    if (toestemming === 'dossier' || vrijgegevenOp > eind) return;
    nu = new Date(`${vrijgegevenOp}T10:00:00Z`);
    await verhalen.verhaalInBatch(
      batch,
      g.gezinId,
      verhaalId,
      { type: 'ReleaseVerhaal', tekst: sjabloon.tekst('[naam]') },
      teamleider,
    );
    verslag.vrijgegeven++;
    const ingetrokkenOp = plusDagen(vrijgegevenOp, 7 + Math.floor(meer() * 180));
    if (meer() >= 0.08 || ingetrokkenOp > eind) return;
    nu = new Date(`${ingetrokkenOp}T10:00:00Z`);
    await verhalen.verhaalInBatch(
      batch,
      g.gezinId,
      verhaalId,
      { type: 'ChangeVerhaalToestemming', toestemming: 'dossier', datum: ingetrokkenOp },
      door,
    );
    verslag.ingetrokken++;
  }

  /** A family's first plan: its request for help and one to three goals for the youth. */
  function plan(traject: Traject, jeugdige: string): Gezinsplan {
    const doelen = meer() < 0.5 ? 1 : meer() < 0.6 ? 2 : 3;
    return {
      hulpvraag: traject.verblijf ? 'Veilig opgroeien, thuis of zo thuis mogelijk' : 'Rust in huis',
      doelen: DOELEN.slice(0, doelen).map((d) => ({ ...d, persoonId: jeugdige })),
      afspraken: [
        {
          afspraakId: 'a1',
          wie: 'ouder',
          wat: 'Gesprek met school',
          uiterlijk: plusDagen(traject.start, 30),
          status: 'afgerond',
          doelId: 'd1',
        },
      ],
      evaluatiedatum: plusDagen(traject.start, 180),
      toestemming: { delen: true, vastgelegdOp: traject.start, toelichting: null },
    };
  }

  /**
   * One youth's care as the messages about it: the municipality's assignment (JW301) of the
   * product's contracted length, the provider's start (JW305) on its first day, while care lasts
   * longer a request for a later end (JW317) a month before the end and the municipality's
   * extended assignment (JW301, reason 04: legally a new assignment from the day after), the
   * start of that one, and the provider's stop (JW307) on the last day (unless care runs past
   * the end of the demo).
   */
  function berichtenVan(client: BerichtClient, t: Traject): { bron: string; xml: string }[] {
    const uit: { bron: string; xml: string }[] = [];
    const bericht = (xml: string) => uit.push({ bron: `demo-${berichtNr}`, xml });
    const nummer = `TW-${client.bsn}`;
    const referentie = `R-${berichtNr + 1}`;
    const product = { categorie: t.product.categorie!, productcode: t.product.code };
    const maanden = t.product.maxDuurMaanden ?? 12;
    let begindatum = t.start;
    let einddatum = plusMaanden(begindatum, maanden);
    bericht(
      toewijzingBericht('JW301', kop(GEMEENTE, t.aanbiederId, t.start), client, [
        {
          toewijzingNummer: nummer,
          referentieAanbieder: referentie,
          ...product,
          toewijzingsdatum: t.start,
          ingangsdatum: t.start,
          einddatum,
        },
      ]),
    );
    verslag.toewijzingen++;
    const start = () =>
      bericht(
        startBericht('JW305', kop(t.aanbiederId, GEMEENTE, begindatum), client, [
          { toewijzingNummer: nummer, ...product, toewijzingIngangsdatum: begindatum, begindatum },
        ]),
      );
    start();
    // Extensions: asked a month before the end, while care goes on past it (at most 4).
    for (let n = 0; n < 4 && t.einde > einddatum && einddatum < eind; n++) {
      const aangevraagdOp = plusDagen(einddatum, -30);
      const gevraagdTot = plusMaanden(plusDagen(einddatum, 1), maanden);
      bericht(
        wijzigingsverzoekBericht(
          'JW317',
          kop(t.aanbiederId, GEMEENTE, aangevraagdOp),
          client.bsn,
          referentie,
          [{ toewijzingNummer: nummer, gewensteIngangsdatum: begindatum, einddatum: gevraagdTot }],
        ),
      );
      const besluitdatum = plusDagen(aangevraagdOp, 14);
      bericht(
        toewijzingBericht('JW301', kop(GEMEENTE, t.aanbiederId, besluitdatum), client, [
          {
            toewijzingNummer: nummer,
            referentieAanbieder: referentie,
            ...product,
            toewijzingsdatum: besluitdatum,
            ingangsdatum: t.start,
            einddatum: gevraagdTot,
            redenWijziging: '04',
          },
        ]),
      );
      verslag.verlengingen++;
      verslag.toewijzingen++;
      begindatum = plusDagen(einddatum, 1);
      einddatum = gevraagdTot;
      start();
    }
    const stop = t.einde < einddatum ? t.einde : einddatum;
    if (stop <= eind && stop <= kalenderdatum(nu)) {
      const reden: RedenEindeZorg = random() < 0.8 ? '31' : kies(['32', '33', '34'] as const);
      bericht(
        stopBericht('JW307', kop(t.aanbiederId, GEMEENTE, stop), client, [
          {
            toewijzingNummer: nummer,
            ...product,
            toewijzingIngangsdatum: begindatum,
            begindatum,
            einddatum: stop,
            redenBeeindiging: reden,
          },
        ]),
      );
    }
    return uit;
  }

  /**
   * Support under another law that no message brings: an assignment of the contracted length,
   * started on its first day and stopped on its last (or at the end of care).
   */
  async function zorgZonderBerichten(
    persoonId: string,
    t: Traject,
    door: RequestCommandContext,
  ): Promise<void> {
    const toewijzingId = crypto.randomUUID();
    const einddatum = plusMaanden(t.start, t.product.maxDuurMaanden ?? 12);
    await zorg.dossier(
      persoonId,
      {
        type: 'RegisterToewijzing',
        toewijzingId,
        productcode: t.product.code,
        product: null,
        aanbiederId: t.aanbiederId,
        aanbieder: null,
        verwijzer: { type: kies(['01', '02', '02', '03', '04'] as const), naam: null },
        toewijzingsnummer: `TW-${toewijzingId.slice(0, 8)}`,
        begindatum: t.start,
        einddatum,
        omvang: null,
      },
      door,
    );
    verslag.toewijzingen++;
    await zorg.dossier(persoonId, { type: 'StartZorg', toewijzingId, datum: t.start }, door);
    const stop = t.einde < einddatum ? t.einde : einddatum;
    if (stop <= eind) {
      await zorg.dossier(
        persoonId,
        { type: 'StopZorg', toewijzingId, datum: stop, reden: '31' },
        door,
      );
    }
  }

  /**
   * The GP practices: 25, a JPH in 5 of them from the start and in 4 more later, a GP in each;
   * then their consultations through the consultation command path, without consent to link
   * (counted, not traced: ADR 0008), spread over the years. A JPH handles most itself or advises;
   * a GP alone refers more often, and more often to specialist care.
   */
  async function consultaties(): Promise<void> {
    const praktijken = new PraktijkCommands(deciders, new PraktijkenQueries(readModels.db));
    const consultatie = new ConsultatieCommands(
      deciders,
      new PraktijkenQueries(readModels.db),
      new ConsultatiesQueries(readModels.db),
      toegang,
      { bsnOpvragingenPerUur: 0 },
    );
    const jphSinds = [...JPH_SINDS, ...JPH_LATER];
    const schaal = opties.jeugdigen / STANDAARD_JEUGDIGEN;
    const werk: {
      praktijkId: string;
      door: RequestCommandContext;
      van: string;
      perJaar: number;
    }[] = [];
    for (let p = 0; p < PRAKTIJKEN; p++) {
      const praktijkId = crypto.randomUUID();
      const sinds = jphSinds[p] ?? null;
      const nr = String(p + 1).padStart(2, '0');
      await praktijken.register(
        {
          type: 'RegisterPraktijk',
          praktijkId,
          naam: `Huisartsenpraktijk ${WIJKEN[p % WIJKEN.length]![0]} ${nr}`,
          agbCode: `0105${String(p + 1).padStart(4, '0')}`,
          wijk: WIJKEN[p % WIJKEN.length]![0],
          jph: sinds && sinds <= JPH_SINDS[0]! ? { sinds, urenPerWeek: 16 } : null,
        },
        beheer,
      );
      if (sinds && sinds > JPH_SINDS[0]!) {
        await praktijken.change(
          praktijkId,
          { type: 'SetJph', per: sinds, urenPerWeek: 12 },
          beheer,
        );
      }
      const huisarts = `u-demo-huisarts-${nr}`;
      await praktijken.linkMedewerker(praktijkId, { userId: huisarts, rol: 'huisarts' }, beheer);
      werk.push({
        praktijkId,
        door: context(huisarts, false, 'huisarts'),
        van: `${EERSTE_JAAR}-01-01`,
        perJaar: CONSULTATIES_PER_JAAR.huisarts * schaal,
      });
      if (sinds) {
        const jph = `u-demo-jph-${nr}`;
        await praktijken.linkMedewerker(praktijkId, { userId: jph, rol: 'jph' }, beheer);
        werk.push({
          praktijkId,
          door: context(jph, false, 'jph'),
          van: sinds < `${EERSTE_JAAR}-01-01` ? `${EERSTE_JAAR}-01-01` : sinds,
          perJaar: CONSULTATIES_PER_JAAR.jph * schaal,
        });
      }
    }
    await runner.runUntilCaughtUp();
    nu = new Date(`${eind}T12:00:00Z`);
    for (const { praktijkId, door, van, perJaar } of werk) {
      const dagen = (ms(eind) - ms(van)) / DAG + 1;
      const aantal = Math.round((perJaar * dagen) / 365);
      const jph = door.principal.actingRole === 'jph';
      const uitkomsten: [Uitkomst, number][] = jph
        ? [
            ['afgehandeld-door-jph', 0.45],
            ['alleen-advies', 0.2],
            ['verwezen-algemene-voorziening', 0.15],
            ['verwezen-lichte-zorg-bggz', 0.1],
            ['verwezen-specialistische-zorg-sggz', 0.05],
            ['verwezen-via-gemeente', 0.05],
          ]
        : [
            ['alleen-advies', 0.3],
            ['verwezen-algemene-voorziening', 0.1],
            ['verwezen-lichte-zorg-bggz', 0.25],
            ['verwezen-specialistische-zorg-sggz', 0.25],
            ['verwezen-via-gemeente', 0.1],
          ];
      for (let c = 0; c < aantal; c++) {
        await consultatie.log(
          crypto.randomUUID(),
          {
            praktijkId,
            datum: plusDagen(van, Math.floor(random() * dagen)),
            leeftijdsgroep: kies(LEEFTIJDSGROEPEN.slice(0, 3)),
            // 'overig' asks for a note, which is personal data the demo does not invent.
            onderwerpen: [kies(ONDERWERPEN.filter((o) => o !== 'overig'))],
            aantalContacten: 1 + Math.floor(random() * 3),
            uitkomst: gewogen(uitkomsten),
            toestemming: false,
          },
          door,
        );
        verslag.consultaties++;
      }
    }
  }
}
