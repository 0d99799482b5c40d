import type { Onderdrukt } from '../disclosure';
import {
  GepubliceerdeHerhaling,
  INDICATOREN_DEFINITIE,
  InEnUitstroomMaand,
  IndicatorCijfers,
  IndicatorJaar,
  NULWAARDEN,
} from './indicatoren';
import { MonitoringKop } from './selectie';

/** The indicators of the council's set (indicatoren.ts) a knop can be followed by. */
export const KNOP_INDICATOREN = [
  'zonderVerblijf',
  'alleenZonderVerblijf',
  'inEnUitstroom',
  'herhaaldeInstroom',
  'metVerblijf',
  'jeugdigenInVerblijf',
] as const;
export type KnopIndicator = (typeof KNOP_INDICATOREN)[number];

/**
 * The council's starting points for 2028 (vertrekpunten) with the indicators the programme gives
 * each (002:2179-2491), and the knoppen that work towards each: "de vertrekpunten zijn vertaald in
 * knoppen" (002:2086-2087). The first knoppen (the family and its network, the city, school, the
 * GP, what does not work, 'nee, tenzij', extensions, light care) aim at fewer youths needing
 * youth care; knoppen 12 to 14 at fewer youths in residential care. This grouping is the
 * project's reading of the programme, which names no knop per indicator; a knop not in it (one
 * added later) has no indicators.
 */
export const VERTREKPUNTEN = [
  {
    vertrekpunt: 'In 2028 hebben minder jeugdigen jeugdhulp nodig',
    bron: '002:2205-2370',
    knoppen: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
    indicatoren: ['zonderVerblijf', 'alleenZonderVerblijf', 'inEnUitstroom', 'herhaaldeInstroom'],
  },
  {
    vertrekpunt:
      'In 2028 groeien meer jeugdigen thuis, of zo thuis mogelijk, op; een verdere afname van ' +
      'het aantal jeugdigen in verblijf',
    bron: '002:2371-2491',
    knoppen: [12, 13, 14],
    indicatoren: ['metVerblijf', 'jeugdigenInVerblijf', 'alleenZonderVerblijf'],
  },
] as const satisfies readonly {
  vertrekpunt: string;
  bron: string;
  knoppen: readonly number[];
  indicatoren: readonly KnopIndicator[];
}[];

type JaarIndicator = Exclude<KnopIndicator, 'inEnUitstroom'>;

/** A year with only the knop's indicators (the others left out, not recomputed). */
export type KnopIndicatorJaar = Pick<
  IndicatorJaar,
  'jaar' | 'van' | 'tot' | 'peildatum' | 'heelJaar' | 'bevolking' | 'bevolkingOnbekend'
> &
  Partial<Pick<IndicatorJaar, JaarIndicator>>;

export interface KnopIndicatorCijfers extends MonitoringKop {
  vertrekpunt: string | null;
  indicatoren: KnopIndicator[];
  definitie: typeof INDICATOREN_DEFINITIE;
  nulwaarden: Partial<typeof NULWAARDEN>;
  jaren: KnopIndicatorJaar[];
  /** Per month; empty when in- and outflow is not one of the knop's indicators. */
  inEnUitstroom: InEnUitstroomMaand[];
  /** Over the whole period; null when it is not one of the knop's indicators. */
  herhaaldeInstroom: GepubliceerdeHerhaling | null;
  onderdrukt: Onderdrukt[];
}

/**
 * The indicators of a knop, taken from the council's indicator set as it is published (the same
 * counts, the same disclosure control): only the ones of the knop's starting point are kept.
 */
export function knopIndicatorCijfers(c: IndicatorCijfers, knop: number): KnopIndicatorCijfers {
  const punt = VERTREKPUNTEN.find((v) => (v.knoppen as readonly number[]).includes(knop));
  const namen: readonly KnopIndicator[] = punt?.indicatoren ?? [];
  const heeft = (naam: KnopIndicator) => namen.includes(naam);
  const jaarNamen = namen.filter((n): n is JaarIndicator => n !== 'inEnUitstroom');
  const { definitieVersie, van, tot, bekendOp, bekendTot, peildatum, filter } = c;
  return {
    definitieVersie,
    van,
    tot,
    bekendOp,
    ...(bekendTot === undefined ? {} : { bekendTot }),
    peildatum,
    filter,
    vertrekpunt: punt?.vertrekpunt ?? null,
    indicatoren: [...namen],
    definitie: c.definitie,
    nulwaarden: Object.fromEntries(
      Object.entries(c.nulwaarden).filter(([naam]) => heeft(naam as KnopIndicator)),
    ),
    jaren: c.jaren.map((j) => ({
      jaar: j.jaar,
      van: j.van,
      tot: j.tot,
      peildatum: j.peildatum,
      heelJaar: j.heelJaar,
      bevolking: j.bevolking,
      bevolkingOnbekend: j.bevolkingOnbekend,
      ...Object.fromEntries(jaarNamen.map((naam) => [naam, j[naam]])),
    })),
    inEnUitstroom: heeft('inEnUitstroom') ? c.inEnUitstroom : [],
    herhaaldeInstroom: heeft('herhaaldeInstroom') ? c.herhaaldeInstroom : null,
    onderdrukt: c.onderdrukt.flatMap((o) => {
      const velden =
        o.tabel === 'jaren'
          ? o.velden.filter((v) => heeft(v.split('.')[0] as KnopIndicator))
          : heeft(o.tabel as KnopIndicator)
            ? o.velden
            : [];
      return velden.length === 0 ? [] : [{ ...o, velden }];
    }),
  };
}
