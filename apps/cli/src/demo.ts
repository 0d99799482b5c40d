import { Gezinsplan, ProductGegevens, RedenEindeZorg, kalenderdatum } from '@app/domain';
import { DeciderStore, EventStore, START } from '@app/event-store';
import {
  ProjectionRunner,
  ReadModelDatabase,
  ToegangQueries,
  gezinnenProjection,
} from '@app/projections';
import type { RequestCommandContext } from '../../api/src/common/command-context';
import { GezinCommands } from '../../api/src/gezinnen/gezin.commands';
import { ProgrammaCommands } from '../../api/src/programma/programma.commands';
import { ZorgCommands, ZorgCommandBody } from '../../api/src/zorg/zorg.commands';

/**
 * A demo municipality at Lelystad scale, written through the same command services as the API
 * (GezinCommands, ZorgCommands) and so through the same deciders and rules. The baselines are the
 * council's (Uitvoeringsprogramma Samen voor de Jeugd Lelystad 2025-2028): 12.7% of the youths
 * 0-17 in a year in care without residence, 1.7-1.9% with; residential stays mostly foster care.
 *
 * Care is written as single commands of the care command service. Seam: once the iJW import
 * exists, `zorgVan` below is where JW315/JW301/JW305/JW307 messages would be made and imported
 * instead; everything else (families, contact persons, plans) stays as it is.
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
  gebeurtenissen: bigint;
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

const context = (userId: string, teamleider = false): RequestCommandContext => ({
  principal: {
    userId,
    roles: ['contactpersoon'],
    name: userId,
    teamleider,
    actingRole: 'contactpersoon',
  },
  actor: { userId, role: 'contactpersoon' },
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
  const kies = <T>(lijst: readonly T[]): T => lijst[Math.floor(random() * lijst.length)]!;
  const gewogen = <T>(lijst: readonly [T, number][]): T => {
    let r = random() * lijst.reduce((s, [, w]) => s + w, 0);
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
  const runner = new ProjectionRunner(store, readModels, [gezinnenProjection]);
  const beheer = context('u-demo-beheer');
  const teamleider = context('u-demo-teamleider', true);
  const verslag: DemoVerslag = {
    gezinnen: 0,
    jeugdigenInZorg: 0,
    toewijzingen: 0,
    verlengingen: 0,
    overdrachten: 0,
    gebeurtenissen: 0n,
  };

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
    const geregistreerd: {
      traject: Traject;
      gezinId: string;
      jeugdige: string;
      ouder: string;
      cp: string;
    }[] = [];
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
      const { leden } = {
        leden: [
          {
            persoonId: jeugdige,
            rol: 'jeugdige' as const,
            gegevens: { voornaam: kies(VOORNAMEN), achternaam, geboortedatum, bsn: null },
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
      geregistreerd.push({ traject, gezinId, jeugdige, ouder, cp });
    }
    await runner.runUntilCaughtUp();

    nu = new Date(`${eind}T12:00:00Z`);
    for (const { traject, gezinId, jeugdige, ouder, cp } of geregistreerd) {
      const door = context(cp);
      await gezinnen.gezin(
        gezinId,
        { type: 'WriteGezinsplan', plan: plan(traject, jeugdige), reden: null },
        door,
      );
      await zorgVan(jeugdige, traject, door);
      // Some parents have support under another law too: Wmo, debt help, re-integration.
      if (random() < 0.08) {
        const product = kies(ANDERE_WETTEN);
        const aanbiederId =
          product.code === 'SHV01' ? 'kvk:61234567' : 'gemeente:wijkteam-lelystad';
        await zorgVan(ouder, { ...traject, verblijf: false, product, aanbiederId }, door);
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
        verslag.overdrachten++;
      }
      verslag.gezinnen++;
      verslag.jeugdigenInZorg++;
    }
    meld(`${Math.min(i + BATCH, trajecten.length)} of ${trajecten.length} youths written`);
  }
  verslag.gebeurtenissen = await store.headPosition();
  return verslag;

  /** A family's first plan: its request for help and one goal for the youth. */
  function plan(traject: Traject, jeugdige: string): Gezinsplan {
    return {
      hulpvraag: traject.verblijf ? 'Veilig opgroeien, thuis of zo thuis mogelijk' : 'Rust in huis',
      doelen: [
        {
          doelId: 'd1',
          leefgebied: 'opvoeding',
          persoonId: jeugdige,
          omschrijving: 'Weer naar school',
        },
      ],
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
   * One youth's care: an assignment of the product's contracted length, care started on its
   * first day, extensions while care lasts longer, and care stopped on its last day (unless it
   * runs past the end of the demo). The seam for the iJW import: these would be messages.
   */
  async function zorgVan(
    persoonId: string,
    t: Traject,
    door: RequestCommandContext,
  ): Promise<void> {
    const send = (body: ZorgCommandBody) => zorg.dossier(persoonId, body, door);
    let toewijzingId = crypto.randomUUID();
    let begindatum = t.start;
    let einddatum = plusMaanden(begindatum, t.product.maxDuurMaanden ?? 12);
    await send({
      type: 'RegisterToewijzing',
      toewijzingId,
      productcode: t.product.code,
      product: null,
      aanbiederId: t.aanbiederId,
      aanbieder: null,
      verwijzer: { type: kies(['01', '02', '02', '03', '04'] as const), naam: null },
      toewijzingsnummer: `TW-${toewijzingId.slice(0, 8)}`,
      begindatum,
      einddatum,
      omvang: null,
    });
    verslag.toewijzingen++;
    await send({ type: 'StartZorg', toewijzingId, datum: begindatum });
    // Extensions: asked a month before the end, while care goes on past it (at most 4).
    for (let n = 0; n < 4 && t.einde > einddatum && einddatum < eind; n++) {
      const verlengingId = crypto.randomUUID();
      const aangevraagdOp = plusDagen(einddatum, -30);
      await send({
        type: 'RequestVerlenging',
        verlengingId,
        toewijzingId,
        aangevraagdOp,
        aanvrager: t.aanbiederId,
        reden: 'Doelen nog niet bereikt',
        gevraagdTot: plusMaanden(plusDagen(einddatum, 1), t.product.maxDuurMaanden ?? 12),
      });
      const nieuw = crypto.randomUUID();
      await send({
        type: 'DecideVerlenging',
        verlengingId,
        besluit: 'toegekend',
        besluitdatum: plusDagen(aangevraagdOp, 14),
        toelichting: null,
        alternatieven: [],
        nieuweToewijzing: { toewijzingId: nieuw, toewijzingsnummer: `TW-${nieuw.slice(0, 8)}` },
      });
      verslag.verlengingen++;
      verslag.toewijzingen++;
      begindatum = plusDagen(einddatum, 1);
      einddatum = plusMaanden(begindatum, t.product.maxDuurMaanden ?? 12);
      toewijzingId = nieuw;
      await send({ type: 'StartZorg', toewijzingId, datum: begindatum });
    }
    const stop = t.einde < einddatum ? t.einde : einddatum;
    if (stop <= eind && stop <= kalenderdatum(nu)) {
      const reden: RedenEindeZorg = random() < 0.8 ? '31' : kies(['32', '33', '34'] as const);
      await send({ type: 'StopZorg', toewijzingId, datum: stop, reden });
    }
  }
}
