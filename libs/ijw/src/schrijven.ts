import { XMLBuilder } from 'fast-xml-parser';
import { BERICHTSOORTEN, Berichtsoort } from './berichten';

/**
 * Writes iJw/iWmo 3.x messages as a municipality's or a provider's system would send them: the
 * demo municipality sends its care this way through the import, so the demo's care takes the same
 * path as real message traffic. The elements are those `lezen.ts` reads (and the schema in
 * `schema.ts` requires), under the message's own namespace prefix and the basisschema's, written
 * by fast-xml-parser's builder (which escapes the text). Only what the demo needs: an assignment
 * with a product code and an end date, a start, a stop, and a request to change the end date.
 */

/** Who sends, to whom, and the message's identification (at most 12 characters) and date. */
export interface Kop {
  /** A municipality (4 digits) sends 301; a provider (AGB code, 8 digits) the others. */
  afzender: string;
  ontvanger: string;
  identificatie: string;
  dagtekening: string;
}

export interface BerichtClient {
  bsn: string;
  geboortedatum: string;
  /** COD046: 0 unknown, 1 male, 2 female. */
  geslacht: '0' | '1' | '2';
  achternaam: string;
  voorletters: string;
}

export interface ToewijzingRegel {
  toewijzingNummer: string;
  referentieAanbieder: string;
  categorie: string;
  productcode: string;
  toewijzingsdatum: string;
  ingangsdatum: string;
  einddatum: string;
  /** JZ002; `04` for an extension after a request (herbeoordeling). */
  redenWijziging?: string;
}

export interface StartRegel {
  toewijzingNummer: string;
  categorie: string;
  productcode: string;
  toewijzingIngangsdatum: string;
  begindatum: string;
}

export interface StopRegel extends StartRegel {
  einddatum: string;
  /** JZ588 reden beëindiging. */
  redenBeeindiging: string;
}

export interface WijzigingRegel {
  toewijzingNummer: string;
  gewensteIngangsdatum: string;
  einddatum: string;
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
});

type Element = Record<string, unknown>;

/** The document: root element, namespaces, header, client (with the message's own prefix). */
function bericht(soort: Berichtsoort, kop: Kop, client: Element): string {
  const { code, standaard } = BERICHTSOORTEN[soort];
  const [p, basis] = prefixen(soort);
  /** Puts the message's own prefix before names that have none. */
  const eigen = (element: Element): Element =>
    Object.fromEntries(
      Object.entries(element).map(([naam, waarde]) => [
        naam.includes(':') ? naam : `${p}:${naam}`,
        waarde,
      ]),
    );
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    [`${p}:Bericht`]: {
      [`@_xmlns:${p}`]: `http://www.istandaarden.nl/${standaard}/3_2/${p}/schema`,
      [`@_xmlns:${basis}`]: `http://www.istandaarden.nl/${standaard}/3_2/basisschema/schema`,
      ...eigen({
        Header: eigen({
          BerichtCode: code,
          BerichtVersie: '3',
          BerichtSubversie: '2',
          Afzender: kop.afzender,
          Ontvanger: kop.ontvanger,
          BerichtIdentificatie: {
            [`${basis}:Identificatie`]: kop.identificatie,
            [`${basis}:Dagtekening`]: kop.dagtekening,
          },
          XsdVersie: {
            [`${basis}:BasisschemaXsdVersie`]: '1.0.0',
            [`${basis}:BerichtXsdVersie`]: '1.0.0',
          },
        }),
        Client: client,
      }),
    },
  };
  return builder.build(document);
}

/** The prefixes of a message: its own (`jw301`) and the basisschema's (`ijw`, `iwmo`). */
const prefixen = (soort: Berichtsoort) =>
  [soort.toLowerCase(), BERICHTSOORTEN[soort].standaard] as const;

function product(soort: Berichtsoort, categorie: string, code: string): Element {
  const [, b] = prefixen(soort);
  return { [`${b}:Categorie`]: categorie, [`${b}:Code`]: code };
}

/** Bsn, birth date, gender and the short name of a start, stop or request. */
function clientKort(soort: Berichtsoort, c: BerichtClient): Element {
  const [p, b] = prefixen(soort);
  return {
    [`${p}:Bsn`]: c.bsn,
    [`${p}:Geboortedatum`]: { [`${b}:Datum`]: c.geboortedatum },
    [`${p}:Geslacht`]: c.geslacht,
    [`${p}:Naam`]: { [`${b}:Achternaam`]: c.achternaam, [`${b}:Voorletters`]: c.voorletters },
  };
}

/** JW301 / WMO301: the municipality's assignment(s) of a client. */
export function toewijzingBericht(
  soort: 'JW301' | 'WMO301',
  kop: Kop,
  c: BerichtClient,
  regels: readonly ToewijzingRegel[],
): string {
  const [p, b] = prefixen(soort);
  return bericht(soort, kop, {
    [`${p}:Bsn`]: c.bsn,
    [`${p}:Geboortedatum`]: { [`${b}:Datum`]: c.geboortedatum },
    [`${p}:Geslacht`]: c.geslacht,
    [`${p}:Naam`]: {
      [`${p}:Geslachtsnaam`]: { [`${b}:Achternaam`]: c.achternaam },
      [`${p}:Voorletters`]: c.voorletters,
      [`${p}:NaamGebruik`]: '1',
    },
    [`${p}:Contactgegevens`]: '',
    [`${p}:ToegewezenProducten`]: {
      [`${p}:ToegewezenProduct`]: regels.map((r) => ({
        [`${p}:ToewijzingNummer`]: r.toewijzingNummer,
        [`${p}:ReferentieAanbieder`]: r.referentieAanbieder,
        [`${p}:Product`]: product(soort, r.categorie, r.productcode),
        [`${p}:Toewijzingsdatum`]: r.toewijzingsdatum,
        [`${p}:Toewijzingstijd`]: '09:00:00',
        [`${p}:Ingangsdatum`]: r.ingangsdatum,
        [`${p}:Einddatum`]: r.einddatum,
        ...(r.redenWijziging ? { [`${p}:RedenWijziging`]: r.redenWijziging } : {}),
      })),
    },
  });
}

/** JW305 / WMO305: the provider started the care (StatusAanlevering 1). */
export function startBericht(
  soort: 'JW305' | 'WMO305',
  kop: Kop,
  c: BerichtClient,
  regels: readonly StartRegel[],
): string {
  return startOfStop(soort, 'StartProducten', 'StartProduct', kop, c, regels, () => ({}));
}

/** JW307 / WMO307: the provider stopped the care (StatusAanlevering 1). */
export function stopBericht(
  soort: 'JW307' | 'WMO307',
  kop: Kop,
  c: BerichtClient,
  regels: readonly StopRegel[],
): string {
  return startOfStop(soort, 'StopProducten', 'StopProduct', kop, c, regels, (r) => ({
    RedenBeeindiging: r.redenBeeindiging,
    Einddatum: r.einddatum,
  }));
}

/** A start or a stop: the same product class, a stop with its reason and end date. */
function startOfStop<R extends StartRegel>(
  soort: Berichtsoort,
  lijst: string,
  element: string,
  kop: Kop,
  c: BerichtClient,
  regels: readonly R[],
  extra: (r: R) => Record<string, string>,
): string {
  const [p] = prefixen(soort);
  const metPrefix = (velden: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(velden).map(([naam, v]) => [`${p}:${naam}`, v]));
  return bericht(soort, kop, {
    ...clientKort(soort, c),
    [`${p}:${lijst}`]: {
      [`${p}:${element}`]: regels.map((r) =>
        metPrefix({
          ToewijzingNummer: r.toewijzingNummer,
          Product: product(soort, r.categorie, r.productcode),
          ToewijzingIngangsdatum: r.toewijzingIngangsdatum,
          Begindatum: r.begindatum,
          ...extra(r),
          StatusAanlevering: '1',
        }),
      ),
    },
  });
}

/** JW317 / WMO317: the provider asks for a later end date (RedenVerzoek 2: a change). */
export function wijzigingsverzoekBericht(
  soort: 'JW317' | 'WMO317',
  kop: Kop,
  bsn: string,
  referentieAanbieder: string,
  regels: readonly WijzigingRegel[],
): string {
  const [p] = prefixen(soort);
  return bericht(soort, kop, {
    [`${p}:Bsn`]: bsn,
    [`${p}:Verzoek`]: {
      [`${p}:ReferentieAanbieder`]: referentieAanbieder,
      [`${p}:RedenVerzoek`]: '2',
      [`${p}:TeWijzigenProducten`]: {
        [`${p}:TeWijzigenProduct`]: regels.map((r) => ({
          [`${p}:ToewijzingNummer`]: r.toewijzingNummer,
          [`${p}:GewensteIngangsdatum`]: r.gewensteIngangsdatum,
          [`${p}:Einddatum`]: r.einddatum,
        })),
      },
    },
  });
}
