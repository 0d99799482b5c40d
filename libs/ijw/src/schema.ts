import type { SchemaObject } from 'ajv';
import { REDEN_EINDE_CODES, VERWIJZER_CODES } from '@app/domain';
import { BERICHTSOORTEN, Berichtsoort } from './berichten';

/**
 * The structure of each message, after the standard's XSDs (iJw/iWmo 3.x, basisschema and the
 * message schemas), written as JSON Schema for the object fast-xml-parser makes of the XML: which
 * elements a class has, which are required (minOccurs 1), which repeat, and their types and code
 * lists. Written by this project from the published documentation; the XSDs themselves are not
 * copied. The order of elements (xs:sequence) is not checked. Each `description` is the message
 * a refusal shows.
 */

const tekst = (max: number): SchemaObject => ({
  type: 'string',
  minLength: 1,
  maxLength: max,
  description: `moet gevuld zijn, ten hoogste ${max} tekens`,
});
const patroon = (pattern: string, description: string): SchemaObject => ({
  type: 'string',
  pattern,
  description,
});
const codes = (lijst: readonly string[], naam: string): SchemaObject => ({
  type: 'string',
  enum: [...lijst],
  description: `moet een code uit ${naam} zijn: ${lijst.join(', ')}`,
});
/** Any content: an element the import does not read, accepted as the standard allows it. */
const vrij: SchemaObject = {};

const DATUM: SchemaObject = {
  type: 'string',
  format: 'datum',
  description: 'moet een datum zijn (JJJJ-MM-DD, zonder tijdzone)',
};
const TIJD = patroon('^\\d{2}:\\d{2}:\\d{2}$', 'moet een tijd zijn (uu:mm:ss, zonder tijdzone)');
const GEMEENTE = patroon('^\\d{4}$', 'moet een gemeentecode zijn: 4 cijfers');
const AGB = patroon('^\\d{8}$', 'moet een AGB-code zijn: 8 cijfers');
const BSN: SchemaObject = {
  type: 'string',
  format: 'bsn',
  description: 'moet een BSN zijn: 9 cijfers die aan de elfproef voldoen',
};
const NUMMER = tekst(20);
const REFERENTIE = tekst(15);
const COMMENTAAR = tekst(1000);

/** An element with these children; `verplicht` are required, the rest optional. */
function klasse(
  kinderen: Record<string, SchemaObject>,
  verplicht: string[],
  description?: string,
): SchemaObject {
  return {
    type: 'object',
    properties: kinderen,
    required: verplicht,
    // Attributes (xmlns, xsi:...) are not elements.
    patternProperties: { '^@_': {} },
    additionalProperties: false,
    ...(description ? { description } : {}),
  };
}
/** A repeating element (maxOccurs unbounded), at least once. */
const herhaald = (item: SchemaObject): SchemaObject => ({
  type: 'array',
  minItems: 1,
  items: item,
});

const PRODUCT = klasse(
  {
    Categorie: patroon('^\\d{2}$', 'moet een productcategorie zijn: 2 cijfers'),
    Code: patroon('^[0-9A-Z]{5}$', 'moet een productcode zijn: 5 cijfers of hoofdletters'),
  },
  ['Categorie'],
);
const OMVANG = klasse(
  {
    Volume: patroon('^\\d{1,8}$', 'moet een geheel aantal zijn'),
    Eenheid: codes(['01', '04', '14', '16', '82', '83', '84'], 'WJ756 (eenheid)'),
    Frequentie: codes(['1', '2', '4', '6'], 'WMO757 (frequentie)'),
  },
  ['Volume', 'Eenheid', 'Frequentie'],
);
const GEBOORTEDATUM = klasse({ Datum: DATUM, DatumGebruik: codes(['1', '2', '3'], 'COD170') }, [
  'Datum',
]);
const GESLACHT = codes(['0', '1', '2'], 'COD046 (geslacht)');
const VERKORTE_NAAM = klasse(
  { Achternaam: tekst(200), Voorvoegsel: tekst(10), Voorletters: tekst(6) },
  ['Achternaam'],
);
const VOLLEDIGE_NAAM = klasse(
  {
    Geslachtsnaam: klasse({ Achternaam: tekst(200), Voorvoegsel: tekst(10) }, ['Achternaam']),
    Partnernaam: vrij,
    Voornamen: tekst(200),
    Voorletters: tekst(6),
    NaamGebruik: codes(['1', '2', '3', '4', '5'], 'COD700 (naamgebruik)'),
  },
  ['Geslachtsnaam', 'NaamGebruik'],
);
/** StatusAanlevering in a start or stop: 1 or 3 (constraint CS058; 2 is not used in 3.x). */
const STATUS_AANLEVERING = codes(['1', '3'], 'COD467 (1 eerste aanlevering, 3 verwijderen)');

function header(soort: Berichtsoort, vanGemeente: boolean): SchemaObject {
  return klasse(
    {
      BerichtCode: {
        type: 'string',
        const: BERICHTSOORTEN[soort].code,
        description: `moet ${BERICHTSOORTEN[soort].code} zijn (${soort})`,
      },
      BerichtVersie: { type: 'string', const: '3', description: 'moet 3 zijn (release 3.x)' },
      BerichtSubversie: patroon('^\\d$', 'moet een cijfer zijn'),
      Afzender: vanGemeente ? GEMEENTE : AGB,
      Ontvanger: vanGemeente ? AGB : GEMEENTE,
      BerichtIdentificatie: klasse({ Identificatie: tekst(12), Dagtekening: DATUM }, [
        'Identificatie',
        'Dagtekening',
      ]),
      XsdVersie: klasse(
        {
          BasisschemaXsdVersie: patroon('^\\d+\\.\\d+\\.\\d+$', 'moet een versie zijn (x.y.z)'),
          BerichtXsdVersie: patroon('^\\d+\\.\\d+\\.\\d+$', 'moet een versie zijn (x.y.z)'),
        },
        ['BasisschemaXsdVersie', 'BerichtXsdVersie'],
      ),
    },
    [
      'BerichtCode',
      'BerichtVersie',
      'BerichtSubversie',
      'Afzender',
      'Ontvanger',
      'BerichtIdentificatie',
      'XsdVersie',
    ],
  );
}

/** The client of a start, stop or request: BSN, birth date, gender, short name. */
function clientKort(producten: string, product: string, item: SchemaObject): SchemaObject {
  return klasse(
    {
      Bsn: BSN,
      Geboortedatum: GEBOORTEDATUM,
      Geslacht: GESLACHT,
      Naam: VERKORTE_NAAM,
      GezagsdragerBekend: codes(['1', '2'], 'COD260 (ja/nee)'),
      Commentaar: COMMENTAAR,
      [producten]: klasse({ [product]: herhaald(item) }, [product]),
    },
    ['Bsn', 'Geboortedatum', 'Geslacht', 'Naam', producten],
  );
}

const TOEGEWEZEN_PRODUCT = klasse(
  {
    ToewijzingNummer: NUMMER,
    ReferentieAanbieder: REFERENTIE,
    Product: PRODUCT,
    Toewijzingsdatum: DATUM,
    Toewijzingstijd: TIJD,
    Ingangsdatum: DATUM,
    Einddatum: DATUM,
    RedenWijziging: codes(
      ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14'],
      'JZ002 (reden wijziging toewijzing)',
    ),
    Omvang: OMVANG,
    Budget: vrij,
    Commentaar: COMMENTAAR,
  },
  ['ToewijzingNummer', 'Toewijzingsdatum', 'Toewijzingstijd', 'Ingangsdatum'],
);

const START_PRODUCT_KINDEREN: Record<string, SchemaObject> = {
  ToewijzingNummer: NUMMER,
  Product: PRODUCT,
  ToewijzingIngangsdatum: DATUM,
  Begindatum: DATUM,
  StatusAanlevering: STATUS_AANLEVERING,
};
const START_PRODUCT = klasse(START_PRODUCT_KINDEREN, ['Begindatum', 'StatusAanlevering']);
const STOP_PRODUCT = klasse(
  {
    ...START_PRODUCT_KINDEREN,
    RedenBeeindiging: codes(REDEN_EINDE_CODES, 'JZ588 (reden beëindiging)'),
    Einddatum: DATUM,
  },
  ['Begindatum', 'RedenBeeindiging', 'Einddatum', 'StatusAanlevering'],
);
const AANGEVRAAGD_PRODUCT = klasse(
  {
    ReferentieAanbieder: REFERENTIE,
    BeschikkingNummer: NUMMER,
    Product: PRODUCT,
    BeschikkingIngangsdatum: DATUM,
    ToewijzingIngangsdatum: DATUM,
    ToewijzingEinddatum: DATUM,
    Omvang: OMVANG,
    Budget: vrij,
    Verwijzer: klasse(
      {
        Type: codes(VERWIJZER_CODES, 'COD327 (code verwijzer)'),
        Naam: tekst(70),
        ZorgverlenerCode: patroon('^\\d{8}$', 'moet een zorgverlenerscode zijn: 8 cijfers'),
      },
      ['Type'],
    ),
    Raamcontract: codes(['1', '2'], 'COD260 (ja/nee)'),
    Commentaar: COMMENTAAR,
  },
  ['ReferentieAanbieder', 'ToewijzingIngangsdatum', 'Verwijzer'],
);
const TE_WIJZIGEN_PRODUCT = klasse(
  {
    ToewijzingNummer: NUMMER,
    GewensteIngangsdatum: DATUM,
    Einddatum: DATUM,
    Omvang: OMVANG,
    Budget: vrij,
  },
  ['ToewijzingNummer', 'GewensteIngangsdatum'],
);

function client(soort: Berichtsoort): SchemaObject {
  switch (BERICHTSOORTEN[soort].inhoud) {
    case 'toewijzing':
      return klasse(
        {
          Bsn: BSN,
          Geboortedatum: GEBOORTEDATUM,
          Geslacht: GESLACHT,
          Naam: VOLLEDIGE_NAAM,
          Communicatie: vrij,
          JuridischeStatus: vrij,
          WettelijkeVertegenwoordiging: vrij,
          Commentaar: COMMENTAAR,
          Relaties: vrij,
          Contactgegevens: vrij,
          ToegewezenProducten: klasse({ ToegewezenProduct: herhaald(TOEGEWEZEN_PRODUCT) }, [
            'ToegewezenProduct',
          ]),
        },
        ['Bsn', 'Geboortedatum', 'Geslacht', 'Naam', 'Contactgegevens', 'ToegewezenProducten'],
      );
    case 'start':
      return clientKort('StartProducten', 'StartProduct', START_PRODUCT);
    case 'stop':
      return clientKort('StopProducten', 'StopProduct', STOP_PRODUCT);
    case 'verzoek-om-toewijzing':
      return clientKort('AangevraagdeProducten', 'AangevraagdProduct', AANGEVRAAGD_PRODUCT);
    case 'verzoek-om-wijziging':
      return klasse(
        {
          Bsn: BSN,
          Verzoek: klasse(
            {
              ReferentieAanbieder: REFERENTIE,
              RedenVerzoek: codes(['1', '2'], 'WJ758 (reden verzoek)'),
              OngewijzigdeProducten: vrij,
              TeWijzigenProducten: klasse({ TeWijzigenProduct: herhaald(TE_WIJZIGEN_PRODUCT) }, [
                'TeWijzigenProduct',
              ]),
              NieuweProducten: vrij,
            },
            ['ReferentieAanbieder', 'RedenVerzoek', 'TeWijzigenProducten'],
          ),
        },
        ['Bsn', 'Verzoek'],
      );
  }
}

/** The whole document of one kind of message: one root element `Bericht`. */
export function berichtSchema(soort: Berichtsoort): SchemaObject {
  const vanGemeente = BERICHTSOORTEN[soort].inhoud === 'toewijzing';
  return klasse(
    {
      Bericht: klasse({ Header: header(soort, vanGemeente), Client: client(soort) }, [
        'Header',
        'Client',
      ]),
    },
    ['Bericht'],
  );
}

/** The elements that may occur more than once: the parser always makes arrays of them. */
export const HERHAALDE_ELEMENTEN: ReadonlySet<string> = new Set([
  'ToegewezenProduct',
  'StartProduct',
  'StopProduct',
  'AangevraagdProduct',
  'TeWijzigenProduct',
  'NieuwProduct',
  'OngewijzigdProduct',
  'Relatie',
  'Contact',
]);
