import { JphWijziging, UITKOMSTEN, Uitkomst, jphOp } from '@app/domain';
import { Onderdrukking, Onderdrukt } from './disclosure';
import { Periodesoort, datumsTussen, periodeVan, periodesTussen } from './periods';

/**
 * Consultation figures for policy staff (002:905-1040, 1577-1654): per practice and period the
 * number of consultations and the share of each outcome; practices with and without a JPH; the
 * monthly trend of referrals to specialist youth mental health (SGGZ); JPH hours against
 * consultations. Aggregates only, under disclosure control. Pure: the API reads the facts.
 */
export const CONSULTATIE_CIJFERS_DEFINITIE = {
  versie: 'consultaties-1',
  eenheid: 'consultatie (een jeugdige met meer consultaties telt vaker)',
  periode: 'de datum van de consultatie; van en tot tellen mee',
  correcties: 'ingetrokken consultaties tellen niet; van een gecorrigeerde telt de laatste inhoud',
  jph: 'met JPH: de praktijk had op de datum van de consultatie een JPH',
  sggz: 'uitkomst verwezen-specialistische-zorg-sggz',
  jphUren:
    'uren die de JPH van van tot en met tot volgens de praktijkgegevens werkte (uren per week / 7 per dag)',
  onderdrukking:
    'aantallen onder 10 worden niet getoond (null, zie onderdrukt); andere aantallen zijn afgerond ' +
    'op 5, dus optellingen kloppen niet altijd; percentages komen uit de onafgeronde aantallen en ' +
    'worden niet getoond als de noemer onder 10 ligt; consultatiesPerJphUur komt uit het ' +
    'afgeronde aantal',
} as const;

const SGGZ: Uitkomst = 'verwezen-specialistische-zorg-sggz';

export interface ConsultatieFeit {
  praktijkId: string;
  /** YYYY-MM-DD */
  datum: string;
  uitkomst: Uitkomst;
  recordKey: number;
}

export interface PraktijkFeit {
  praktijkId: string;
  naam: string;
  wijk: string;
  jph: readonly JphWijziging[];
}

export interface CijferVraag {
  van: string;
  tot: string;
  per: Periodesoort;
}

/** Unrounded counts: never published as such. */
export interface Telling {
  aantal: number;
  perUitkomst: Record<Uitkomst, number>;
}

export interface RuweConsultatieCijfers {
  /** Every practice in every period, also those without consultations. */
  perPraktijk: { praktijk: PraktijkFeit; periode: string; telling: Telling }[];
  metEnZonderJph: { periode: string; metJph: Telling; zonderJph: Telling }[];
  sggzPerMaand: { maand: string; telling: Telling }[];
  jphUren: { praktijk: PraktijkFeit; jphUren: number; jphUrenPerWeek: number; telling: Telling }[];
}

export interface GepubliceerdAandeel {
  aantal: number | null;
  percentage: number | null;
}

export interface GepubliceerdeTelling {
  aantal: number | null;
  uitkomsten: Record<Uitkomst, GepubliceerdAandeel>;
}

export interface ConsultatieCijfers {
  definitieVersie: string;
  definitie: typeof CONSULTATIE_CIJFERS_DEFINITIE;
  van: string;
  tot: string;
  per: Periodesoort;
  perPraktijk: ({
    praktijkId: string;
    praktijk: string;
    wijk: string;
    periode: string;
  } & GepubliceerdeTelling)[];
  metEnZonderJph: {
    periode: string;
    metJph: GepubliceerdeTelling;
    zonderJph: GepubliceerdeTelling;
  }[];
  sggzTrend: { maand: string; totaal: number | null; verwezenSggz: GepubliceerdAandeel }[];
  jphUrenEnConsultaties: {
    praktijkId: string;
    praktijk: string;
    wijk: string;
    /** Average over the days from van to tot (0 on days without a JPH), one decimal. */
    jphUrenPerWeek: number;
    /** Hours worked from van to tot, whole hours. */
    jphUren: number;
    aantal: number | null;
    afgehandeldDoorJph: GepubliceerdAandeel;
    verwezenSggz: GepubliceerdAandeel;
    /** The published (rounded) count per JPH hour; null when it is suppressed or there were no hours. */
    consultatiesPerJphUur: number | null;
  }[];
  onderdrukt: Onderdrukt[];
}

/** The figures as published: counted, then put under disclosure control. */
export function consultatieCijfers(
  consultaties: readonly ConsultatieFeit[],
  praktijken: readonly PraktijkFeit[],
  vraag: CijferVraag,
): ConsultatieCijfers {
  return publiceerConsultatieCijfers(telConsultaties(consultaties, praktijken, vraag), vraag);
}

/** Counts consultations from `van` to `tot` (inclusive) of known practices. Order of input is irrelevant. */
export function telConsultaties(
  consultaties: readonly ConsultatieFeit[],
  praktijken: readonly PraktijkFeit[],
  { van, tot, per }: CijferVraag,
): RuweConsultatieCijfers {
  const gesorteerd = [...praktijken].sort(
    (a, b) =>
      a.naam.localeCompare(b.naam, 'nl') ||
      (a.praktijkId < b.praktijkId ? -1 : a.praktijkId > b.praktijkId ? 1 : 0),
  );
  const byId = new Map(gesorteerd.map((p) => [p.praktijkId, p]));
  const feiten = consultaties.flatMap((c) => {
    const praktijk = byId.get(c.praktijkId);
    if (!praktijk || c.datum < van || c.datum > tot) return [];
    const metJph = jphOp(praktijk.jph, c.datum) !== null;
    return [
      { ...c, periode: periodeVan(c.datum, per), maand: periodeVan(c.datum, 'maand'), metJph },
    ];
  });
  const tel = (key: (f: (typeof feiten)[number]) => string) => {
    const tellingen = new Map<string, Telling>();
    for (const feit of feiten) {
      const k = key(feit);
      const telling = tellingen.get(k) ?? leeg();
      telling.aantal += 1;
      telling.perUitkomst[feit.uitkomst] += 1;
      tellingen.set(k, telling);
    }
    return (k: string): Telling => tellingen.get(k) ?? leeg();
  };

  const periodes = periodesTussen(van, tot, per);
  const perPraktijkPeriode = tel((f) => `${f.praktijkId} ${f.periode}`);
  const perJphPeriode = tel((f) => `${f.metJph} ${f.periode}`);
  const perMaand = tel((f) => f.maand);
  const perPraktijk = tel((f) => f.praktijkId);
  const dagen = datumsTussen(van, tot);

  return {
    perPraktijk: gesorteerd.flatMap((praktijk) =>
      periodes.map((periode) => ({
        praktijk,
        periode,
        telling: perPraktijkPeriode(`${praktijk.praktijkId} ${periode}`),
      })),
    ),
    metEnZonderJph: periodes.map((periode) => ({
      periode,
      metJph: perJphPeriode(`true ${periode}`),
      zonderJph: perJphPeriode(`false ${periode}`),
    })),
    sggzPerMaand: periodesTussen(van, tot, 'maand').map((maand) => ({
      maand,
      telling: perMaand(maand),
    })),
    jphUren: gesorteerd.map((praktijk) => {
      const urenPerDag = dagen.reduce((som, dag) => som + (jphOp(praktijk.jph, dag) ?? 0), 0);
      return {
        praktijk,
        jphUren: urenPerDag / 7,
        jphUrenPerWeek: urenPerDag / dagen.length,
        telling: perPraktijk(praktijk.praktijkId),
      };
    }),
  };
}

/** Disclosure control over the counts: what policy staff may see. */
export function publiceerConsultatieCijfers(
  ruw: RuweConsultatieCijfers,
  { van, tot, per }: CijferVraag,
): ConsultatieCijfers {
  const o = new Onderdrukking();
  return {
    definitieVersie: CONSULTATIE_CIJFERS_DEFINITIE.versie,
    definitie: CONSULTATIE_CIJFERS_DEFINITIE,
    van,
    tot,
    per,
    perPraktijk: ruw.perPraktijk.map(({ praktijk, periode, telling }) => ({
      praktijkId: praktijk.praktijkId,
      praktijk: praktijk.naam,
      wijk: praktijk.wijk,
      periode,
      ...publiceerTelling(o, telling, 'perPraktijk', `${praktijk.naam}, ${periode}`),
    })),
    metEnZonderJph: ruw.metEnZonderJph.map(({ periode, metJph, zonderJph }) => ({
      periode,
      metJph: publiceerTelling(o, metJph, 'metEnZonderJph', `${periode}, met JPH`),
      zonderJph: publiceerTelling(o, zonderJph, 'metEnZonderJph', `${periode}, zonder JPH`),
    })),
    sggzTrend: ruw.sggzPerMaand.map(({ maand, telling }) => ({
      maand,
      totaal: o.aantal(telling.aantal, { tabel: 'sggzTrend', rij: maand, veld: 'totaal' }),
      verwezenSggz: publiceerAandeel(o, telling, SGGZ, 'sggzTrend', maand, 'verwezenSggz'),
    })),
    jphUrenEnConsultaties: ruw.jphUren.map(({ praktijk, jphUren, jphUrenPerWeek, telling }) => {
      const tabel = 'jphUrenEnConsultaties';
      const rij = praktijk.naam;
      const aantal = o.aantal(telling.aantal, { tabel, rij, veld: 'aantal' });
      return {
        praktijkId: praktijk.praktijkId,
        praktijk: praktijk.naam,
        wijk: praktijk.wijk,
        jphUrenPerWeek: Math.round(jphUrenPerWeek * 10) / 10,
        jphUren: Math.round(jphUren),
        aantal,
        afgehandeldDoorJph: publiceerAandeel(
          o,
          telling,
          'afgehandeld-door-jph',
          tabel,
          rij,
          'afgehandeldDoorJph',
        ),
        verwezenSggz: publiceerAandeel(o, telling, SGGZ, tabel, rij, 'verwezenSggz'),
        consultatiesPerJphUur:
          aantal !== null && jphUren > 0 ? Math.round((aantal / jphUren) * 100) / 100 : null,
      };
    }),
    onderdrukt: o.onderdrukt,
  };
}

function publiceerTelling(
  o: Onderdrukking,
  telling: Telling,
  tabel: string,
  rij: string,
): GepubliceerdeTelling {
  const uitkomsten = {} as Record<Uitkomst, GepubliceerdAandeel>;
  for (const uitkomst of UITKOMSTEN) {
    uitkomsten[uitkomst] = publiceerAandeel(
      o,
      telling,
      uitkomst,
      tabel,
      rij,
      `uitkomsten.${uitkomst}`,
    );
  }
  return { aantal: o.aantal(telling.aantal, { tabel, rij, veld: 'aantal' }), uitkomsten };
}

function publiceerAandeel(
  o: Onderdrukking,
  telling: Telling,
  uitkomst: Uitkomst,
  tabel: string,
  rij: string,
  veld: string,
): GepubliceerdAandeel {
  const teller = telling.perUitkomst[uitkomst];
  return {
    aantal: o.aantal(teller, { tabel, rij, veld: `${veld}.aantal` }),
    percentage: o.aandeel(teller, telling.aantal, { tabel, rij, veld: `${veld}.percentage` }),
  };
}

function leeg(): Telling {
  return {
    aantal: 0,
    perUitkomst: Object.fromEntries(UITKOMSTEN.map((u) => [u, 0])) as Record<Uitkomst, number>,
  };
}
