import { ONDERDRUKKING_DEFINITIE, Onderdrukking, Onderdrukt, Telling } from '../disclosure';
import { EPISODES_DEFINITIE, compareText } from '../intervals';
import { MonitoringDataset, antwoordPerVersie } from './dataset';
import {
  MonitoringKop,
  MonitoringVraag,
  Tabel,
  WIJK_DEFINITIE,
  ZorgEpisode,
  aanbiederNaam,
  kop,
  peildatum,
  productOmschrijving,
  gedeeldeZorgEpisodes,
} from './selectie';

export const ZORGEPISODES_DEFINITIE = {
  versie: 'zorgepisodes-2',
  wijk: WIJK_DEFINITIE,
  episodes: EPISODES_DEFINITIE,
  filters:
    'de filters kiezen toewijzingen; episodes worden daarna uit de gekozen toewijzingen gevormd',
  actief: 'een episode is actief als ze minstens één dag in de periode valt',
  gestart: 'episodes waarvan de eerste dag in de periode valt',
  beeindigd:
    'episodes waarvan de laatste dag in de periode valt en die op de peildatum niet meer lopen',
  lopend: 'actieve episodes die op de peildatum nog lopen (hun duur is daar afgekapt)',
  personen: 'verschillende personen met een actieve episode',
  toewijzingen: 'toewijzingen die in de actieve episodes zijn samengevoegd',
  groepen:
    'per aanbieder telt een episode met meer aanbieders bij elk van hen mee; kader, categorie, ' +
    'product en verwijzer komen van de eerste toewijzing van de episode; leeftijd op de eerste dag',
  onderdrukking: ONDERDRUKKING_DEFINITIE,
} as const;

export const EPISODE_GROEPEN = [
  'kader',
  'categorie',
  'product',
  'aanbieder',
  'verwijzer',
  'leeftijd',
] as const;
export type EpisodeGroep = (typeof EPISODE_GROEPEN)[number];

export const LEEFTIJDSKLASSEN = ['0-3', '4-11', '12-17', '18+', 'onbekend'] as const;
const KLASSEN: readonly string[] = LEEFTIJDSKLASSEN;

export function leeftijdsklasse(leeftijd: number | null): (typeof LEEFTIJDSKLASSEN)[number] {
  if (leeftijd === null) return 'onbekend';
  if (leeftijd <= 3) return '0-3';
  if (leeftijd <= 11) return '4-11';
  if (leeftijd <= 17) return '12-17';
  return '18+';
}

/** Each count with its cell key: episodes and assignments carry their person's record key. */
export interface EpisodeTelling {
  actief: Telling;
  gestart: Telling;
  beeindigd: Telling;
  lopend: Telling;
  personen: Telling;
  toewijzingen: Telling;
}

export interface RuweZorgepisodes {
  /** Per group value: the key (code or id) and its name in words. */
  perGroep: { sleutel: string; naam: string; telling: EpisodeTelling }[];
  totaal: EpisodeTelling;
}

/** Counts the episodes active in the period, per group; unrounded. */
export function telZorgepisodes(
  d: MonitoringDataset,
  vraag: MonitoringVraag,
  groep: EpisodeGroep,
): RuweZorgepisodes {
  const peil = peildatum(vraag);
  const actief = gedeeldeZorgEpisodes(d, vraag.filter, peil, vraag.bekendOp).filter(
    (e) => e.start <= vraag.tot && e.end >= vraag.van,
  );
  const groepen = new Map<string, { naam: string; episodes: ZorgEpisode[] }>();
  for (const episode of actief) {
    for (const [sleutel, naam] of groepVan(d, episode, groep)) {
      const entry = groepen.get(sleutel) ?? { naam, episodes: [] };
      entry.episodes.push(episode);
      groepen.set(sleutel, entry);
    }
  }
  const volgorde = (a: string, b: string) =>
    groep === 'leeftijd' ? KLASSEN.indexOf(a) - KLASSEN.indexOf(b) : compareText(a, b);
  return {
    perGroep: [...groepen.entries()]
      .sort(([a], [b]) => volgorde(a, b))
      .map(([sleutel, { naam, episodes }]) => ({
        sleutel,
        naam,
        telling: telEpisodes(d, episodes, vraag),
      })),
    totaal: telEpisodes(d, actief, vraag),
  };
}

function groepVan(
  d: MonitoringDataset,
  e: ZorgEpisode,
  groep: EpisodeGroep,
): [sleutel: string, naam: string][] {
  switch (groep) {
    case 'kader':
      return [[e.wettelijkKader, e.wettelijkKader]];
    case 'categorie':
      return [[e.categorie, e.categorie]];
    case 'product':
      return [[e.productcode, productOmschrijving(d, e.productcode, e.start)]];
    case 'aanbieder':
      return e.aanbiederIds.map((id) => [id, aanbiederNaam(d, id, e.start)]);
    case 'verwijzer':
      return [[e.verwijzer, e.verwijzer]];
    case 'leeftijd': {
      const klasse = leeftijdsklasse(e.leeftijd);
      return [[klasse, klasse]];
    }
  }
}

function telEpisodes(
  d: MonitoringDataset,
  episodes: readonly ZorgEpisode[],
  { van, tot }: MonitoringVraag,
): EpisodeTelling {
  // One pass: the figures are asked of every episode of a municipality, per group.
  const t: EpisodeTelling = {
    actief: new Telling(),
    gestart: new Telling(),
    beeindigd: new Telling(),
    lopend: new Telling(),
    personen: new Telling(),
    toewijzingen: new Telling(),
  };
  // The episodes come in the order of `gedeeldeZorgEpisodes`, sorted by person (a group keeps
  // that order): a person's episodes are next to each other, so a new person is counted without
  // a set of tens of thousands.
  let vorige: string | null = null;
  for (const e of episodes) {
    const sleutel = e.recordsleutel;
    t.actief.telOp(sleutel);
    if (e.start >= van) t.gestart.telOp(sleutel);
    if (!e.running && e.end <= tot) t.beeindigd.telOp(sleutel);
    if (e.running) t.lopend.telOp(sleutel);
    if (e.persoonId !== vorige) {
      vorige = e.persoonId;
      t.personen.telOp(sleutel);
    }
    for (let i = 0; i < e.assignmentIds.length; i++) t.toewijzingen.telOp(sleutel);
  }
  return t;
}

type GepubliceerdeTelling = { [K in keyof EpisodeTelling]: number | null };

export interface ZorgepisodeCijfers extends MonitoringKop {
  definitie: typeof ZORGEPISODES_DEFINITIE;
  groep: EpisodeGroep;
  perGroep: ({ sleutel: string; naam: string } & GepubliceerdeTelling)[];
  totaal: GepubliceerdeTelling;
  onderdrukt: Onderdrukt[];
}

const VELDEN: readonly (keyof EpisodeTelling)[] = [
  'actief',
  'gestart',
  'beeindigd',
  'lopend',
  'personen',
  'toewijzingen',
];

/** Asked again with nothing new since, from the cache (see `antwoordPerVersie`). */
export const zorgepisodeCijfers = antwoordPerVersie(berekenZorgepisodeCijfers);

function berekenZorgepisodeCijfers(
  d: MonitoringDataset,
  vraag: MonitoringVraag,
  groep: EpisodeGroep,
): ZorgepisodeCijfers {
  const ruw = telZorgepisodes(d, vraag, groep);
  const o = new Onderdrukking();
  const publiceer = (telling: EpisodeTelling, rij: string): GepubliceerdeTelling =>
    Object.fromEntries(
      VELDEN.map((veld) => [veld, o.aantal(telling[veld], { tabel: 'perGroep', rij, veld })]),
    ) as GepubliceerdeTelling;
  return {
    ...kop(ZORGEPISODES_DEFINITIE.versie, vraag),
    definitie: ZORGEPISODES_DEFINITIE,
    groep,
    perGroep: ruw.perGroep.map(({ sleutel, naam, telling }) => ({
      sleutel,
      naam,
      ...publiceer(telling, naam),
    })),
    totaal: publiceer(ruw.totaal, 'totaal'),
    onderdrukt: o.onderdrukt,
  };
}

export function zorgepisodeTabel(c: ZorgepisodeCijfers): Tabel {
  const rij = (sleutel: string, naam: string, t: GepubliceerdeTelling) => [
    sleutel,
    naam,
    ...VELDEN.map((v) => t[v]),
    VELDEN.filter((v) => t[v] === null).join(' '),
  ];
  return {
    kolommen: [c.groep, 'naam', ...VELDEN, 'onderdrukt'],
    rijen: [...c.perGroep.map((r) => rij(r.sleutel, r.naam, r)), rij('totaal', 'totaal', c.totaal)],
  };
}
