import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isKalenderdatum, isValidBsn } from '@app/domain';
import {
  BERICHTSOORTEN,
  Berichtsoort,
  Header,
  IjwBericht,
  berichtsoortVanCode,
  klassePad,
} from './berichten';
import { HERHAALDE_ELEMENTEN, berichtSchema } from './schema';

/** Why a message is refused, and the element it is about (XPath-like, 1-based). */
export interface Fout {
  reden: string;
  pad: string;
}

export type Gelezen =
  | { ok: true; bericht: IjwBericht }
  | { ok: false; fout: Fout; soort: Berichtsoort | null; header: Header | null };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Every value stays text: "01" is a code, not the number 1.
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => HERHAALDE_ELEMENTEN.has(name),
  // Callbacks get a matcher instead of a path string built for every element: a quarter faster.
  jPath: false,
});

const ajv = new Ajv({ allErrors: false, verbose: true, strict: true });
ajv.addFormat('datum', { type: 'string', validate: isKalenderdatum });
ajv.addFormat('bsn', { type: 'string', validate: isValidBsn });
const validators = new Map<Berichtsoort, ValidateFunction>();
const validatorVoor = (soort: Berichtsoort): ValidateFunction => {
  let validate = validators.get(soort);
  if (!validate) {
    validate = ajv.compile(berichtSchema(soort));
    validators.set(soort, validate);
  }
  return validate;
};

/**
 * Reads one message: well-formed XML (fast-xml-parser), the structure of its kind of message
 * (JSON Schema after the standard's XSD, ajv), then the standard's rules that look across
 * elements. Never throws on bad input: a refusal says why and where.
 */
export function leesBericht(xml: string): Gelezen {
  const weigering = (fout: Fout, soort: Berichtsoort | null = null, header: Header | null = null) =>
    ({ ok: false, fout, soort, header }) as const;
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    const { msg, line, col } = wellFormed.err;
    return weigering({ reden: `geen geldige XML: ${msg} (regel ${line}, kolom ${col})`, pad: '/' });
  }
  const document = parser.parse(xml) as Record<string, unknown>;
  const bericht = document.Bericht as { Header?: { BerichtCode?: unknown } } | undefined;
  if (typeof bericht !== 'object' || bericht === null) {
    return weigering({ reden: 'het document heeft geen element Bericht', pad: '/' });
  }
  const code = bericht.Header?.BerichtCode;
  const soort = typeof code === 'string' ? berichtsoortVanCode(code) : null;
  if (!soort) {
    const bekend = Object.entries(BERICHTSOORTEN).map(([s, { code }]) => `${code} (${s})`);
    return weigering({
      reden: `onbekende of ontbrekende BerichtCode; ingelezen worden ${bekend.join(', ')}`,
      pad: 'Bericht/Header/BerichtCode',
    });
  }
  const validate = validatorVoor(soort);
  if (!validate(document)) {
    const header = (bericht as { Header?: Header }).Header ?? null;
    return weigering(foutVan(validate.errors?.[0]), soort, header);
  }
  const gelezen = naarBericht(soort, (document as { Bericht: Ruw }).Bericht);
  const fout = regels(gelezen);
  return fout ? weigering(fout, soort, gelezen.header) : { ok: true, bericht: gelezen };
}

type Ruw = { Header: Header; Client: Record<string, unknown> };

function naarBericht(soort: Berichtsoort, ruw: Ruw): IjwBericht {
  const { Header: header, Client: client } = ruw;
  const naam = client.Naam as
    | { Achternaam?: string; Voorletters?: string; Geslachtsnaam?: { Achternaam: string } }
    | undefined;
  const achternaam = naam?.Achternaam ?? naam?.Geslachtsnaam?.Achternaam;
  const basis = {
    header,
    soort,
    bsn: client.Bsn as string,
    naam: achternaam ? [naam?.Voorletters, achternaam].filter(Boolean).join(' ') : null,
    geboortedatum: (client.Geboortedatum as { Datum: string } | undefined)?.Datum ?? null,
  };
  const lijst = <T>(container: string, element: string): T[] =>
    (client[container] as Record<string, T[]>)[element]!;
  const inhoud = BERICHTSOORTEN[soort].inhoud;
  switch (inhoud) {
    case 'toewijzing':
      return { ...basis, inhoud, producten: lijst('ToegewezenProducten', 'ToegewezenProduct') };
    case 'start':
      return { ...basis, inhoud, producten: lijst('StartProducten', 'StartProduct') };
    case 'stop':
      return { ...basis, inhoud, producten: lijst('StopProducten', 'StopProduct') };
    case 'verzoek-om-toewijzing':
      return {
        ...basis,
        inhoud,
        producten: lijst('AangevraagdeProducten', 'AangevraagdProduct'),
      };
    case 'verzoek-om-wijziging': {
      const verzoek = client.Verzoek as {
        ReferentieAanbieder: string;
        RedenVerzoek: string;
        TeWijzigenProducten: { TeWijzigenProduct: [] };
      };
      return {
        ...basis,
        inhoud,
        referentieAanbieder: verzoek.ReferentieAanbieder,
        redenVerzoek: verzoek.RedenVerzoek,
        producten: verzoek.TeWijzigenProducten.TeWijzigenProduct,
      };
    }
  }
}

/** The rules of the standard that the schema cannot say: across elements of one class. */
function regels(b: IjwBericht): Fout | null {
  const fout = (index: number, element: string, reden: string): Fout => ({
    reden,
    pad: klassePad(b.inhoud, index, element),
  });
  for (const [i, p] of b.producten.entries()) {
    switch (b.inhoud) {
      case 'toewijzing': {
        const t = p as (typeof b.producten)[number];
        if (t.Einddatum !== undefined && t.Einddatum < t.Ingangsdatum) {
          return fout(i, 'Einddatum', 'de einddatum ligt voor de ingangsdatum');
        }
        break;
      }
      case 'start':
      case 'stop': {
        const s = p as (typeof b.producten)[number];
        // The import finds the assignment by its number; a start or stop without one names none.
        if (s.ToewijzingNummer === undefined) {
          return fout(i, 'ToewijzingNummer', 'het toewijzingnummer ontbreekt');
        }
        if (b.inhoud === 'stop') {
          const stop = p as (typeof b.producten)[number];
          if (stop.Einddatum < stop.Begindatum) {
            return fout(i, 'Einddatum', 'de einddatum ligt voor de begindatum');
          }
        }
        break;
      }
      case 'verzoek-om-toewijzing': {
        const a = p as (typeof b.producten)[number];
        if (
          a.ToewijzingEinddatum !== undefined &&
          a.ToewijzingEinddatum < a.ToewijzingIngangsdatum
        ) {
          return fout(i, 'ToewijzingEinddatum', 'de einddatum ligt voor de ingangsdatum');
        }
        break;
      }
      case 'verzoek-om-wijziging':
        break;
    }
  }
  return null;
}

/** ajv's error as a reason and an XPath-like element path (`StartProduct[2]/Begindatum`). */
function foutVan(error: ErrorObject | undefined): Fout {
  if (!error) return { reden: 'het bericht voldoet niet aan het schema', pad: '/' };
  const pad = error.instancePath
    .split('/')
    .filter((s) => s !== '')
    .reduce<string[]>((delen, deel) => {
      if (/^\d+$/.test(deel) && delen.length > 0) {
        delen[delen.length - 1] += `[${Number(deel) + 1}]`;
      } else delen.push(deel);
      return delen;
    }, []);
  const params = error.params as Record<string, string>;
  switch (error.keyword) {
    case 'required':
      return {
        reden: 'verplicht element ontbreekt',
        pad: [...pad, params.missingProperty].join('/'),
      };
    case 'additionalProperties':
      return {
        reden: 'onbekend element in dit bericht',
        pad: [...pad, params.additionalProperty].join('/'),
      };
    case 'type':
      return {
        reden:
          error.params && (params.type === 'object' || params.type === 'array')
            ? 'element moet kind-elementen hebben'
            : 'element moet tekst bevatten',
        pad: pad.join('/'),
      };
    default: {
      const description = (error.parentSchema as { description?: string } | undefined)?.description;
      return { reden: description ?? error.message ?? 'ongeldige waarde', pad: pad.join('/') };
    }
  }
}
