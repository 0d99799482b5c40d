import { addMonths, parseISO } from 'date-fns';
import { BESTEMMINGEN, Bestemming, WOONVORMEN, Woonvorm, kalenderdatum } from '@app/domain';
import { GepubliceerdAandeel } from '../consultatie-cijfers';
import { mergeEpisodes } from '../intervals';
import { ONDERDRUKKING_DEFINITIE, Onderdrukking, Onderdrukt, Telling } from '../disclosure';
import {
  MonitoringDataset,
  ToewijzingFeit,
  VerblijfFeit,
  antwoordPerVersie,
  recordsleutel,
  toewijzingenVan,
  woonvormOp,
} from './dataset';
import {
  MonitoringKop,
  MonitoringVraag,
  Tabel,
  WIJK_DEFINITIE,
  geselecteerdeVerblijven,
  kop,
  peildatum,
} from './selectie';

/**
 * Exits from residential care (002:2179-2491, "still to be defined"): where youths go when a stay
 * ends, whether family-oriented or ambulant care follows, step-downs and step-ups, and the forms of
 * residence on a date. Pure: the data set and the question are passed in.
 */
export const UITSTROOM_DEFINITIE = {
  versie: 'uitstroom-2',
  wijk: WIJK_DEFINITIE,
  selectie:
    'verblijven die het filter kiest: de wijk via de gezinnen van de jeugdige; product, categorie, ' +
    'aanbieder, verwijzer en kader via de toewijzing van het verblijf',
  uitstroom:
    'verblijven met een einddatum van van tot en met de peildatum; per bestemming (elke bestemming, ' +
    'ook als er geen is) en zonder vervolghulp (bij het einde geen vervolghulp vastgelegd), met hun ' +
    'aandeel in de uitstroom; een verblijf dat op de peildatum nog loopt is geen uitstroom',
  vervolgBinnen6Maanden:
    'van de uitstroom alleen de verblijven met einddatum + 6 maanden <= peildatum (de andere zijn ' +
    'nog niet te beoordelen en worden apart geteld): binnen 6 maanden na het einde (na de einddatum ' +
    't/m einddatum + 6 maanden) begon voor dezelfde jeugdige ambulante Jeugdwet-zorg (categorie 45; ' +
    'begin = aanvang zorg, anders begindatum van de toewijzing; aansluitende toewijzingen van ' +
    'hetzelfde product zijn eerst samengevoegd, dus een verlenging van ambulante zorg die voor het ' +
    'einde al liep is geen nieuwe start) of een nieuw verblijf dat begint als pleegzorg of ' +
    'gezinshuis; daarvoor tellen alle toewijzingen en verblijven van de jeugdige in de gegevens, ' +
    'niet alleen die het filter kiest',
  thuisOfLichterBinnen6Maanden:
    'verblijven begonnen van van tot en met tot met begin + 6 maanden <= peildatum (de andere zijn ' +
    'nog niet te beoordelen): het aandeel dat uiterlijk 6 maanden na het begin eindigde met ' +
    'bestemming thuis, zelfstandig of lichtere-vorm; een verblijf dat dan nog liep telt als niet; ' +
    'een verblijf dat na de peildatum begint telt niet mee',
  schaling:
    'afschalingen en opschalingen binnen verblijven gedateerd van van tot en met de peildatum; ' +
    'uitstroom naar een lichtere of zwaardere vorm (bestemming bij het einde) apart geteld',
  woonvormenOpPeildatum:
    'verblijven die op de peildatum lopen (begonnen op of voor de peildatum, niet geëindigd voor de ' +
    'peildatum), per woonvorm op die dag, met hun aandeel; vraag met tot = een datum voor de ' +
    'verdeling op die datum',
  recordsleutels:
    'een verblijf (uitstroom, vervolg, instroom, woonvorm) of een schaling binnen een verblijf ' +
    'telt met de recordsleutel van de jeugdige; een jeugdige met twee verblijven telt twee keer',
  onderdrukking: ONDERDRUKKING_DEFINITIE,
} as const;

/** The window of "within 6 months" after an exit or a start. */
export const SIX_MONTHS = 6;

const THUIS_OF_LICHTER: readonly Bestemming[] = ['thuis', 'zelfstandig', 'lichtere-vorm'];
const GEZINSGERICHT: readonly Woonvorm[] = ['pleegzorg', 'gezinshuis'];
const AMBULANT = '45';

/**
 * Raw counts, never published as such. Each carries its cell key: a stay (and a step within it)
 * contributes its person's record key.
 */
export interface RuweUitstroom {
  uitstroom: {
    aantal: Telling;
    perBestemming: Record<Bestemming, Telling>;
    zonderVervolghulp: Telling;
  };
  vervolgBinnen6Maanden: {
    /** Exits whose 6 months ended on or before the peildatum. */
    beoordeeld: Telling;
    metVervolg: Telling;
    nogNietTeBeoordelen: Telling;
  };
  thuisOfLichterBinnen6Maanden: {
    beoordeeld: Telling;
    thuisOfLichter: Telling;
    nogNietTeBeoordelen: Telling;
  };
  schaling: {
    afschalingen: Telling;
    opschalingen: Telling;
    uitstroomNaarLichtereVorm: Telling;
    uitstroomNaarZwaardereVorm: Telling;
  };
  woonvormenOpPeildatum: {
    datum: string;
    aantal: Telling;
    perWoonvorm: Record<Woonvorm, Telling>;
  };
}

export interface UitstroomCijfers extends MonitoringKop {
  definitie: typeof UITSTROOM_DEFINITIE;
  uitstroom: {
    aantal: number | null;
    perBestemming: ({ bestemming: Bestemming } & GepubliceerdAandeel)[];
    zonderVervolghulp: GepubliceerdAandeel;
  };
  vervolgBinnen6Maanden: {
    beoordeeld: number | null;
    metVervolg: GepubliceerdAandeel;
    nogNietTeBeoordelen: number | null;
  };
  thuisOfLichterBinnen6Maanden: {
    beoordeeld: number | null;
    thuisOfLichter: GepubliceerdAandeel;
    nogNietTeBeoordelen: number | null;
  };
  schaling: {
    afschalingen: number | null;
    opschalingen: number | null;
    uitstroomNaarLichtereVorm: number | null;
    uitstroomNaarZwaardereVorm: number | null;
  };
  woonvormenOpPeildatum: {
    datum: string;
    aantal: number | null;
    perWoonvorm: ({ woonvorm: Woonvorm } & GepubliceerdAandeel)[];
  };
  onderdrukt: Onderdrukt[];
}

function plusZesMaanden(datum: string): string {
  return kalenderdatum(addMonths(parseISO(datum), SIX_MONTHS));
}

function telPer<K extends string>(keys: readonly K[]): Record<K, Telling> {
  return Object.fromEntries(keys.map((k) => [k, new Telling()])) as Record<K, Telling>;
}

/** Groups items per person. */
function perPersoon<T extends { persoonId: string }>(items: Iterable<T>): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const lijst = map.get(item.persoonId);
    if (lijst) lijst.push(item);
    else map.set(item.persoonId, [item]);
  }
  return map;
}

/**
 * Whether family-oriented or ambulant care started for the person of `verblijf` after `einde`, up
 * to and including `einde` + 6 months, over all of the person's care whatever the filter selects.
 * Ambulant care is merged into episodes first: an extension of ambulant care that ran before the
 * exit is not a new start.
 */
function vervolgNa(
  ambulant: readonly ToewijzingFeit[],
  verblijven: readonly VerblijfFeit[],
  verblijf: VerblijfFeit,
  einde: string,
): boolean {
  const tot = plusZesMaanden(einde);
  const binnen = (datum: string) => datum > einde && datum <= tot;
  if (mergeEpisodes(ambulant, tot).some((e) => binnen(e.start))) return true;
  return verblijven.some((v) => {
    if (v.verblijfId === verblijf.verblijfId || !binnen(v.startdatum)) return false;
    const vorm = woonvormOp(v, v.startdatum);
    return vorm !== null && GEZINSGERICHT.includes(vorm);
  });
}

/** Counts exits, follow-up, step-downs/ups and forms of residence (see UITSTROOM_DEFINITIE). */
export function telUitstroom(d: MonitoringDataset, vraag: MonitoringVraag): RuweUitstroom {
  const peil = peildatum(vraag);
  const verblijven = geselecteerdeVerblijven(d, vraag.filter, peil);
  // Only the persons of the exits assessed need their ambulant care: looked up per person, not
  // gone through for every assignment of the municipality.
  const ambulantVan = (persoonId: string) =>
    toewijzingenVan(d, persoonId).filter(
      (t) => t.wettelijkKader === 'jeugdwet' && t.productcategorie === AMBULANT,
    );
  const verblijvenPerPersoon = perPersoon(d.verblijven.values());

  const uitstroom = {
    aantal: new Telling(),
    perBestemming: telPer(BESTEMMINGEN),
    zonderVervolghulp: new Telling(),
  };
  const vervolg = {
    beoordeeld: new Telling(),
    metVervolg: new Telling(),
    nogNietTeBeoordelen: new Telling(),
  };
  const thuisOfLichter = {
    beoordeeld: new Telling(),
    thuisOfLichter: new Telling(),
    nogNietTeBeoordelen: new Telling(),
  };
  const schaling = {
    afschalingen: new Telling(),
    opschalingen: new Telling(),
    uitstroomNaarLichtereVorm: new Telling(),
    uitstroomNaarZwaardereVorm: new Telling(),
  };
  const woonvormen = { datum: peil, aantal: new Telling(), perWoonvorm: telPer(WOONVORMEN) };

  for (const v of verblijven) {
    const { einde } = v;
    // Everything counted here is about this stay: it adds its person's record key to each cell.
    const sleutel = recordsleutel(d, v.persoonId);
    if (einde && einde.datum >= vraag.van && einde.datum <= peil) {
      uitstroom.aantal.telOp(sleutel);
      uitstroom.perBestemming[einde.bestemming].telOp(sleutel);
      if (!einde.vervolghulp) uitstroom.zonderVervolghulp.telOp(sleutel);
      if (einde.bestemming === 'lichtere-vorm') schaling.uitstroomNaarLichtereVorm.telOp(sleutel);
      if (einde.bestemming === 'zwaardere-vorm') schaling.uitstroomNaarZwaardereVorm.telOp(sleutel);
      if (plusZesMaanden(einde.datum) <= peil) {
        vervolg.beoordeeld.telOp(sleutel);
        const ambulant = ambulantVan(v.persoonId);
        const alleVerblijven = verblijvenPerPersoon.get(v.persoonId) ?? [];
        if (vervolgNa(ambulant, alleVerblijven, v, einde.datum)) vervolg.metVervolg.telOp(sleutel);
      } else {
        vervolg.nogNietTeBeoordelen.telOp(sleutel);
      }
    }

    if (v.startdatum >= vraag.van && v.startdatum <= vraag.tot) {
      const grens = plusZesMaanden(v.startdatum);
      if (grens <= peil) {
        thuisOfLichter.beoordeeld.telOp(sleutel);
        if (einde && einde.datum <= grens && THUIS_OF_LICHTER.includes(einde.bestemming)) {
          thuisOfLichter.thuisOfLichter.telOp(sleutel);
        }
      } else if (v.startdatum <= peil) {
        // Its 6 months are not over yet. A stay starting after the peildatum is not counted at
        // all: on the peildatum it does not exist yet.
        thuisOfLichter.nogNietTeBeoordelen.telOp(sleutel);
      }
    }

    for (const w of v.wijzigingen) {
      if (w.datum < vraag.van || w.datum > peil) continue;
      if (w.richting === 'afschaling') schaling.afschalingen.telOp(sleutel);
      else schaling.opschalingen.telOp(sleutel);
    }

    if (v.startdatum <= peil && (!einde || einde.datum >= peil)) {
      const vorm = woonvormOp(v, peil);
      if (vorm !== null) {
        woonvormen.aantal.telOp(sleutel);
        woonvormen.perWoonvorm[vorm].telOp(sleutel);
      }
    }
  }

  return {
    uitstroom,
    vervolgBinnen6Maanden: vervolg,
    thuisOfLichterBinnen6Maanden: thuisOfLichter,
    schaling,
    woonvormenOpPeildatum: woonvormen,
  };
}

/** The exit figures as published: counted, then put under disclosure control. */
export const uitstroomCijfers = antwoordPerVersie(berekenUitstroomCijfers);

function berekenUitstroomCijfers(d: MonitoringDataset, vraag: MonitoringVraag): UitstroomCijfers {
  const ruw = telUitstroom(d, vraag);
  const o = new Onderdrukking();
  // A share comes from the published counts of both cells, and is withheld with either of them.
  const aandeel = (
    teller: Telling,
    noemer: Telling,
    tabel: string,
    rij: string,
    veld: string,
  ): GepubliceerdAandeel => ({
    aantal: o.aantal(teller, { tabel, rij, veld: `${veld}.aantal` }),
    percentage: o.aandeel(teller, noemer, { tabel, rij, veld: `${veld}.percentage` }),
  });

  const { uitstroom, vervolgBinnen6Maanden: vervolg, schaling } = ruw;
  const thuis = ruw.thuisOfLichterBinnen6Maanden;
  const woonvormen = ruw.woonvormenOpPeildatum;
  return {
    ...kop(UITSTROOM_DEFINITIE.versie, vraag),
    definitie: UITSTROOM_DEFINITIE,
    uitstroom: {
      aantal: o.aantal(uitstroom.aantal, { tabel: 'uitstroom', rij: 'totaal', veld: 'aantal' }),
      perBestemming: BESTEMMINGEN.map((bestemming) => ({
        bestemming,
        ...aandeel(
          uitstroom.perBestemming[bestemming],
          uitstroom.aantal,
          'uitstroom',
          `bestemming ${bestemming}`,
          'perBestemming',
        ),
      })),
      zonderVervolghulp: aandeel(
        uitstroom.zonderVervolghulp,
        uitstroom.aantal,
        'uitstroom',
        'zonder vervolghulp',
        'zonderVervolghulp',
      ),
    },
    vervolgBinnen6Maanden: {
      beoordeeld: o.aantal(vervolg.beoordeeld, {
        tabel: 'vervolgBinnen6Maanden',
        rij: 'te beoordelen uitstroom',
        veld: 'beoordeeld',
      }),
      metVervolg: aandeel(
        vervolg.metVervolg,
        vervolg.beoordeeld,
        'vervolgBinnen6Maanden',
        'met gezinsgerichte of ambulante vervolgzorg',
        'metVervolg',
      ),
      nogNietTeBeoordelen: o.aantal(vervolg.nogNietTeBeoordelen, {
        tabel: 'vervolgBinnen6Maanden',
        rij: 'nog niet te beoordelen',
        veld: 'nogNietTeBeoordelen',
      }),
    },
    thuisOfLichterBinnen6Maanden: {
      beoordeeld: o.aantal(thuis.beoordeeld, {
        tabel: 'thuisOfLichterBinnen6Maanden',
        rij: 'te beoordelen instroom',
        veld: 'beoordeeld',
      }),
      thuisOfLichter: aandeel(
        thuis.thuisOfLichter,
        thuis.beoordeeld,
        'thuisOfLichterBinnen6Maanden',
        'thuis, zelfstandig of lichtere vorm',
        'thuisOfLichter',
      ),
      nogNietTeBeoordelen: o.aantal(thuis.nogNietTeBeoordelen, {
        tabel: 'thuisOfLichterBinnen6Maanden',
        rij: 'nog niet te beoordelen',
        veld: 'nogNietTeBeoordelen',
      }),
    },
    schaling: {
      afschalingen: o.aantal(schaling.afschalingen, {
        tabel: 'schaling',
        rij: 'afschalingen',
        veld: 'afschalingen',
      }),
      opschalingen: o.aantal(schaling.opschalingen, {
        tabel: 'schaling',
        rij: 'opschalingen',
        veld: 'opschalingen',
      }),
      uitstroomNaarLichtereVorm: o.aantal(schaling.uitstroomNaarLichtereVorm, {
        tabel: 'schaling',
        rij: 'uitstroom naar lichtere vorm',
        veld: 'uitstroomNaarLichtereVorm',
      }),
      uitstroomNaarZwaardereVorm: o.aantal(schaling.uitstroomNaarZwaardereVorm, {
        tabel: 'schaling',
        rij: 'uitstroom naar zwaardere vorm',
        veld: 'uitstroomNaarZwaardereVorm',
      }),
    },
    woonvormenOpPeildatum: {
      datum: woonvormen.datum,
      aantal: o.aantal(woonvormen.aantal, {
        tabel: 'woonvormenOpPeildatum',
        rij: 'totaal',
        veld: 'aantal',
      }),
      perWoonvorm: WOONVORMEN.map((woonvorm) => ({
        woonvorm,
        ...aandeel(
          woonvormen.perWoonvorm[woonvorm],
          woonvormen.aantal,
          'woonvormenOpPeildatum',
          `woonvorm ${woonvorm}`,
          'perWoonvorm',
        ),
      })),
    },
    onderdrukt: o.onderdrukt,
  };
}

/**
 * All figures in one long table, one indicator per row: `aantal`, and where it is a share its
 * `percentage` of `noemer` (the published denominator). The last column lists the withheld cells.
 */
export function uitstroomTabel(c: UitstroomCijfers): Tabel {
  type Rij = [string, string, number | null, number | null, number | null];
  const rijen: { rij: Rij; metAandeel: boolean }[] = [];
  const aantal = (onderdeel: string, categorie: string, n: number | null) =>
    rijen.push({ rij: [onderdeel, categorie, n, null, null], metAandeel: false });
  const aandeel = (
    onderdeel: string,
    categorie: string,
    a: GepubliceerdAandeel,
    noemer: number | null,
  ) =>
    rijen.push({ rij: [onderdeel, categorie, a.aantal, a.percentage, noemer], metAandeel: true });

  aantal('uitstroom', 'totaal', c.uitstroom.aantal);
  for (const b of c.uitstroom.perBestemming) {
    aandeel('uitstroom', `bestemming ${b.bestemming}`, b, c.uitstroom.aantal);
  }
  aandeel('uitstroom', 'zonder vervolghulp', c.uitstroom.zonderVervolghulp, c.uitstroom.aantal);
  const vervolg = c.vervolgBinnen6Maanden;
  aandeel('vervolgBinnen6Maanden', 'met vervolgzorg', vervolg.metVervolg, vervolg.beoordeeld);
  aantal('vervolgBinnen6Maanden', 'nog niet te beoordelen', vervolg.nogNietTeBeoordelen);
  const thuis = c.thuisOfLichterBinnen6Maanden;
  aandeel(
    'thuisOfLichterBinnen6Maanden',
    'thuis, zelfstandig of lichtere vorm',
    thuis.thuisOfLichter,
    thuis.beoordeeld,
  );
  aantal('thuisOfLichterBinnen6Maanden', 'nog niet te beoordelen', thuis.nogNietTeBeoordelen);
  aantal('schaling', 'afschalingen', c.schaling.afschalingen);
  aantal('schaling', 'opschalingen', c.schaling.opschalingen);
  aantal('schaling', 'uitstroom naar lichtere vorm', c.schaling.uitstroomNaarLichtereVorm);
  aantal('schaling', 'uitstroom naar zwaardere vorm', c.schaling.uitstroomNaarZwaardereVorm);
  const woonvormen = c.woonvormenOpPeildatum;
  aantal(`woonvormenOp ${woonvormen.datum}`, 'totaal', woonvormen.aantal);
  for (const w of woonvormen.perWoonvorm) {
    aandeel(`woonvormenOp ${woonvormen.datum}`, `woonvorm ${w.woonvorm}`, w, woonvormen.aantal);
  }

  const kolommen = ['aantal', 'percentage', 'noemer'];
  return {
    kolommen: ['onderdeel', 'categorie', ...kolommen, 'onderdrukt'],
    rijen: rijen.map(({ rij, metAandeel }) => {
      const [, , ...waarden] = rij;
      const onderdrukt = kolommen.filter(
        (k, i) => waarden[i] === null && (metAandeel || k === 'aantal'),
      );
      return [...rij, onderdrukt.join(' ')];
    }),
  };
}
