import { addDays, format, parseISO } from 'date-fns';
import {
  Bestemming,
  CbsHulpvorm,
  Productcategorie,
  RedenEindeZorg,
  VerwijzerType,
  WettelijkKader,
  Woonvorm,
  ZorgEvent,
  isVerblijfsproduct,
  richtingVan,
} from '@app/domain';
import { MonitoringFeit, OordeelFeit, OordelenFeit, VerhaalFeit } from '../feiten';

/**
 * Builders of monitoring facts for tests: one way to write a hand-made data set. Each takes what
 * a test is about and defaults the rest; a builder of several facts returns them in the order a
 * log would have them (an assignment before its care start, a stay before its changes and end).
 */

/** `n` days after `basis` (before it when `n` is negative): dagNa('2025-01-30', 2) is 2025-02-01. */
export const dagNa = (basis: string, n: number): string =>
  format(addDays(parseISO(basis), n), 'yyyy-MM-dd');

/** `n` ids: reeks('p', 3) is p0, p1, p2. */
export const reeks = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}`);

export const zorg = (event: ZorgEvent): MonitoringFeit => ({ type: 'Zorg', event });

export const persoon = (persoonId: string, geboortedatum: string | null): MonitoringFeit => ({
  type: 'Persoon',
  persoonId,
  geboortedatum,
});

export const gezinslid = (gezinId: string, persoonId: string, vanaf = '2020-01-01') =>
  ({ type: 'Gezinslid', gezinId, persoonId, vanaf }) satisfies MonitoringFeit;

export const wijk = (gezinId: string, naam: string, per = '2020-01-01') =>
  ({ type: 'Wijk', gezinId, wijk: naam, per }) satisfies MonitoringFeit;

/** A person in a family that lives in district `naam`, both from `vanaf`. */
export const gezinInWijk = (
  gezinId: string,
  persoonId: string,
  naam: string,
  vanaf = '2020-01-01',
): MonitoringFeit[] => [gezinslid(gezinId, persoonId, vanaf), wijk(gezinId, naam, vanaf)];

/** Reference data: a provider, valid from 2020 unless said otherwise. */
export const aanbieder = (
  aanbiederId: string,
  naam: string,
  geldigVanaf = '2020-01-01',
): MonitoringFeit => ({ type: 'Aanbieder', data: { aanbiederId, naam, geldigVanaf } });

export interface ProductOpties {
  code: string;
  /** Jeugdwet unless said otherwise. */
  kader?: WettelijkKader;
  /** Null for a product under another law than the Jeugdwet. */
  categorie: Productcategorie | null;
  omschrijving: string;
  geldigVanaf?: string;
  woonvorm?: Woonvorm | null;
  maxDuurMaanden?: number | null;
  cbsHulpvorm?: CbsHulpvorm | null;
}

/** Reference data: a product, valid from 2020, without form of residence, maximum or CBS form. */
export const product = (p: ProductOpties): MonitoringFeit => ({
  type: 'Product',
  data: {
    productcode: p.code,
    geldigVanaf: p.geldigVanaf ?? '2020-01-01',
    wettelijkKader: p.kader ?? 'jeugdwet',
    categorie: p.categorie,
    omschrijving: p.omschrijving,
    woonvorm: p.woonvorm ?? null,
    maxDuurMaanden: p.maxDuurMaanden ?? null,
    cbsHulpvorm: p.cbsHulpvorm ?? null,
  },
});

/**
 * Reference data: the youths 0-17 of `jaar` per district, e.g. bevolking(2024, { Noord: 100 });
 * the whole municipality is the sum of the districts unless `totaal` is given.
 */
export const bevolking = (
  jaar: number,
  perWijk: Record<string, number>,
  totaal?: number,
): MonitoringFeit => {
  const wijken = Object.entries(perWijk).map(([naam, aantal]) => ({ wijk: naam, aantal }));
  return {
    type: 'Bevolking',
    jaar,
    totaal: totaal ?? wijken.reduce((som, w) => som + w.aantal, 0),
    wijken,
  };
};

export interface ToewijzingOpties {
  id: string;
  persoon: string;
  begin: string;
  eind: string;
  kader?: WettelijkKader;
  product?: string;
  /** 45 for a Jeugdwet assignment, none under another law, unless said otherwise. */
  categorie?: string | null;
  aanbieder?: string;
  aanbiederNaam?: string;
  verwijzer?: VerwijzerType;
  maxDuurMaanden?: number | null;
  /** JW305 care start. */
  start?: string | null;
  /** JW307 care stop. */
  stop?: string | null;
  reden?: RedenEindeZorg;
}

/**
 * An assignment: ambulant Jeugdwet care (product 45A48, category 45) at provider 12345678, referred
 * by a GP (02), without a maximum duration unless said otherwise; with its care start and stop
 * when given. Residential or not follows from category and product, as in the domain.
 */
export function toewijzing(t: ToewijzingOpties): MonitoringFeit[] {
  const productcode = t.product ?? '45A48';
  const kader = t.kader ?? 'jeugdwet';
  const productcategorie =
    t.categorie !== undefined ? t.categorie : kader === 'jeugdwet' ? '45' : null;
  const persoonId = t.persoon;
  const toewijzingId = t.id;
  return [
    zorg({
      type: 'ToewijzingRegistered',
      data: {
        persoonId,
        toewijzingId,
        wettelijkKader: kader,
        productcode,
        productcategorie,
        verblijf: isVerblijfsproduct(productcategorie, productcode, kader),
        aanbiederId: t.aanbieder ?? '12345678',
        aanbiederNaam: t.aanbiederNaam ?? '',
        verwijzer: { type: t.verwijzer ?? '02', naam: null },
        toewijzingsnummer: toewijzingId,
        begindatum: t.begin,
        einddatum: t.eind,
        omvang: null,
        maxDuurMaanden: t.maxDuurMaanden ?? null,
        verlengingVan: null,
      },
    }),
    ...(t.start == null
      ? []
      : [zorg({ type: 'ZorgStarted', data: { persoonId, toewijzingId, datum: t.start } })]),
    ...(t.stop == null
      ? []
      : [
          zorg({
            type: 'ZorgStopped',
            data: { persoonId, toewijzingId, datum: t.stop, reden: t.reden ?? '31' },
          }),
        ]),
  ];
}

export interface VerblijfOpties {
  id: string;
  /** `persoon-<id>` unless said otherwise. */
  persoon?: string;
  vorm: Woonvorm;
  start: string;
  /** The end date of the indication, 2027-12-31 unless said otherwise. */
  indicatieEinde?: string;
  /**
   * The residential assignment the stay is under, registered just before it: by default `t-<id>`
   * for product 43A01 (category 43), from the start to the end of the indication. Without it the
   * stay has no assignment.
   */
  toewijzing?: Partial<ToewijzingOpties>;
  /** Changes of form in date order; a change to the form the stay already has is left out. */
  wijzigingen?: { datum: string; naar: Woonvorm }[];
  einde?: string | null;
  /** Where the youth went at the end: home (thuis) with follow-up help unless said otherwise. */
  bestemming?: Bestemming;
  vervolghulp?: boolean;
}

/** A residential stay with its changes of form and its end, when given. */
export function verblijf(v: VerblijfOpties): MonitoringFeit[] {
  const persoonId = v.persoon ?? `persoon-${v.id}`;
  const verblijfId = v.id;
  const indicatieEinddatum = v.indicatieEinde ?? '2027-12-31';
  const onder = v.toewijzing && {
    id: `t-${verblijfId}`,
    product: '43A01',
    categorie: '43',
    begin: v.start,
    eind: indicatieEinddatum,
    ...v.toewijzing,
    persoon: persoonId,
  };
  const feiten: MonitoringFeit[] = [
    ...(onder ? toewijzing(onder) : []),
    zorg({
      type: 'VerblijfStarted',
      data: {
        persoonId,
        verblijfId,
        toewijzingId: onder ? onder.id : null,
        woonvorm: v.vorm,
        startdatum: v.start,
        indicatieEinddatum,
        uitstroomperspectief: null,
      },
    }),
  ];
  let vorm = v.vorm;
  for (const { datum, naar } of v.wijzigingen ?? []) {
    if (naar === vorm) continue;
    feiten.push(
      zorg({
        type: 'WoonvormChanged',
        data: { persoonId, verblijfId, datum, van: vorm, naar, richting: richtingVan(vorm, naar) },
      }),
    );
    vorm = naar;
  }
  if (v.einde != null) {
    feiten.push(
      zorg({
        type: 'VerblijfEnded',
        data: {
          persoonId,
          verblijfId,
          datum: v.einde,
          bestemming: v.bestemming ?? 'thuis',
          vervolghulp: v.vervolghulp ?? true,
        },
      }),
    );
  }
  return feiten;
}

export interface VerlengingOpties {
  id: string;
  persoon: string;
  toewijzing: string;
  /** The day of the request, and of the decision unless `besluitOp` says otherwise. */
  op: string;
  /** The end date asked for. */
  tot: string;
  reden: string;
  /** Asked after the assignment had ended; not by default. */
  telaat?: boolean;
  /** Open (no decision) by default. */
  besluit?: 'toegekend' | 'afgewezen' | null;
  besluitOp?: string;
  /** The assignment a granted request continues in: `<id>-nieuw` by default. */
  nieuweToewijzing?: string;
  /** The explanation of a refusal: "nee, tenzij" by default. */
  toelichting?: string;
}

/** A request to extend an assignment, with its decision when given. */
export function verlenging(v: VerlengingOpties): MonitoringFeit[] {
  const persoonId = v.persoon;
  const verlengingId = v.id;
  const besluitdatum = v.besluitOp ?? v.op;
  return [
    zorg({
      type: 'VerlengingRequested',
      data: {
        persoonId,
        verlengingId,
        toewijzingId: v.toewijzing,
        aangevraagdOp: v.op,
        aanvrager: '',
        reden: v.reden,
        gevraagdTot: v.tot,
        telaat: v.telaat ?? false,
      },
    }),
    ...(v.besluit === 'toegekend'
      ? [
          zorg({
            type: 'VerlengingGranted',
            data: {
              persoonId,
              verlengingId,
              besluitdatum,
              nieuweToewijzingId: v.nieuweToewijzing ?? `${verlengingId}-nieuw`,
            },
          }),
        ]
      : []),
    ...(v.besluit === 'afgewezen'
      ? [
          zorg({
            type: 'VerlengingRefused',
            data: {
              persoonId,
              verlengingId,
              besluitdatum,
              toelichting: v.toelichting ?? 'nee, tenzij',
              alternatieven: [],
            },
          }),
        ]
      : []),
  ];
}

export interface GesprekOpties {
  /** `gesprek-<persoon>-<datum>` by default. */
  id?: string;
  /** Care after 18 expected: yes by default. */
  zorgNa18Verwacht?: boolean;
}

/** A perspective conversation (perspectiefgesprek) held with `persoon` on `datum`. */
export const gesprek = (persoonId: string, datum: string, g: GesprekOpties = {}): MonitoringFeit =>
  zorg({
    type: 'PerspectiefgesprekHeld',
    data: {
      persoonId,
      gesprekId: g.id ?? `gesprek-${persoonId}-${datum}`,
      datum,
      door: '',
      perspectief: '',
      behoeften: '',
      zorgNa18Verwacht: g.zorgNa18Verwacht ?? true,
    },
  });

export interface VerlengdeJeugdhulpOpties {
  persoon: string;
  datum: string;
  /** `vjh-<persoon>` by default. */
  id?: string;
  /** Decided on the day of the request; open (no decision) by default. */
  besluit?: 'toegekend' | 'afgewezen' | null;
}

/** A request for verlengde jeugdhulp (care after 18), with its decision when given. */
export function verlengdeJeugdhulp(a: VerlengdeJeugdhulpOpties): MonitoringFeit[] {
  const persoonId = a.persoon;
  const aanvraagId = a.id ?? `vjh-${persoonId}`;
  const datum = a.datum;
  return [
    zorg({
      type: 'VerlengdeJeugdhulpRequested',
      data: { persoonId, aanvraagId, datum, reden: '' },
    }),
    ...(a.besluit == null
      ? []
      : [
          zorg({
            type: 'VerlengdeJeugdhulpDecided',
            data: { persoonId, aanvraagId, datum, besluit: a.besluit, toelichting: null },
          }),
        ]),
  ];
}

/** A released story with consent, about an assignment when `toewijzing` is given. */
export const verhaal = (
  v: Pick<VerhaalFeit, 'verhaalId' | 'gezinId'> & Partial<VerhaalFeit>,
): MonitoringFeit => ({
  type: 'Verhaal',
  toewijzing: null,
  verteller: 'ouder',
  maand: '2025-03',
  themaIds: ['knop-8'],
  citeerbaar: false,
  tekst: `Verhaal ${v.verhaalId}`,
  ...v,
});

/** One teller's judgement: everything answered "ja", regie 4 and one goal at +1 unless said. */
export const oordeel = (o: Partial<OordeelFeit> = {}): OordeelFeit => ({
  door: 'jeugdige',
  hulpvraagBeantwoord: 'ja',
  regie: 4,
  voortgang: [1],
  ...o,
});

/** Judgements at a plan evaluation, or at the end of an assignment when `toewijzing` is given. */
export const oordelen = (
  o: Pick<OordelenFeit, 'gezinId'> & Partial<OordelenFeit>,
): MonitoringFeit => ({
  type: 'Oordelen',
  aanleiding: o.toewijzing ? 'einde-toewijzing' : 'evaluatie',
  toewijzing: null,
  maand: '2025-03',
  oordelen: [oordeel()],
  ...o,
});
