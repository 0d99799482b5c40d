import {
  BESTEMMINGEN,
  REDEN_EINDE_CODES,
  VERWIJZER_CODES,
  WETTELIJKE_KADERS,
  WOONVORMEN,
} from '@app/domain';
import type { BevolkingJaar as BevolkingJaarView } from '@app/projections';
import { Field } from '../../common/response-fields';

/** The answers of the care reads and the reference data, as OpenAPI schemas. */

const BESLUITEN = ['toegekend', 'afgewezen'];

export class Omvang {
  @Field.number('How much', { example: 4 })
  hoeveelheid!: number;

  @Field.text('Unit (iJW code)', { example: '04' })
  eenheid!: string;

  @Field.text('Per period (iJW code)', { example: '2' })
  frequentie!: string;
}

export class Toewijzing {
  @Field.id('The assignment')
  toewijzingId!: string;

  @Field.oneOf(WETTELIJKE_KADERS, 'The law it is given under')
  wettelijkKader!: string;

  @Field.text('iJW product code')
  productcode!: string;

  @Field.text('Product category, copied from the product valid on begindatum')
  productcategorie!: string;

  @Field.flag('A residential product (category 43/44 or 90002)')
  verblijf!: boolean;

  @Field.text('Provider (AGB code)')
  aanbiederId!: string;

  @Field.text("The provider's name on begindatum")
  aanbiederNaam!: string;

  @Field.oneOf(VERWIJZER_CODES, 'Referrer type (iJW)')
  verwijzerType!: string;

  @Field.text("The referrer's name", { nullable: true })
  verwijzerNaam!: string | null;

  @Field.text('Assignment number')
  toewijzingsnummer!: string;

  @Field.date('First day')
  begindatum!: string;

  @Field.date('Last day')
  einddatum!: string;

  @Field.object(Omvang, 'Volume', { nullable: true })
  omvang!: Omvang | null;

  @Field.integer("The product's contracted maximum duration on begindatum, in months", {
    nullable: true,
  })
  maxDuurMaanden!: number | null;

  @Field.id('The granted extension request this assignment continues', { nullable: true })
  verlengingVan!: string | null;

  @Field.date('Care started (JW305)', { nullable: true })
  zorgStart!: string | null;

  @Field.date('Care stopped (JW307)', { nullable: true })
  zorgStop!: string | null;

  @Field.oneOf(REDEN_EINDE_CODES, 'Why care stopped (iJW)', { nullable: true })
  redenEinde!: string | null;
}

export class Verlenging {
  @Field.id('The extension request')
  verlengingId!: string;

  @Field.id('The assignment it would extend')
  toewijzingId!: string;

  @Field.date('Requested on')
  aangevraagdOp!: string;

  @Field.text('Who asked')
  aanvrager!: string;

  @Field.text('Why')
  reden!: string;

  @Field.date('Extension asked until')
  gevraagdTot!: string;

  @Field.flag('Requested after the assignment ended')
  telaat!: boolean;

  @Field.oneOf(BESLUITEN, 'The decision; null while undecided', { nullable: true })
  besluit!: string | null;

  @Field.date('Decided on', { nullable: true })
  besluitdatum!: string | null;

  @Field.text('The explanation of a refusal ("nee, tenzij")', { nullable: true })
  toelichting!: string | null;

  @Field.texts('The alternatives offered with a refusal')
  alternatieven!: string[];

  @Field.id('The new assignment a grant made', { nullable: true })
  nieuweToewijzingId!: string | null;
}

export class WoonvormWijziging {
  @Field.date('From')
  datum!: string;

  @Field.oneOf(WOONVORMEN, 'Form of residence before')
  van!: string;

  @Field.oneOf(WOONVORMEN, 'Form of residence after')
  naar!: string;

  @Field.oneOf(['afschaling', 'opschaling'], 'Step-down (lighter) or step-up (heavier)')
  richting!: string;
}

export class Verblijf {
  @Field.id('The residential stay')
  verblijfId!: string;

  @Field.id('Its assignment', { nullable: true })
  toewijzingId!: string | null;

  @Field.oneOf(WOONVORMEN, 'Form of residence now')
  woonvorm!: string;

  @Field.date('Started')
  startdatum!: string;

  @Field.date('The indication ends')
  indicatieEinddatum!: string;

  @Field.text('Exit perspective, the latest recorded', { nullable: true })
  uitstroomperspectief!: string | null;

  @Field.date('Ended; null while it runs', { nullable: true })
  einddatum!: string | null;

  @Field.oneOf(BESTEMMINGEN, 'Where the youth went', { nullable: true })
  bestemming!: string | null;

  @Field.flag('Follow-up help arranged; null while it runs', { nullable: true })
  vervolghulp!: boolean | null;

  @Field.list(WoonvormWijziging, 'Step-downs and step-ups, in order')
  wijzigingen!: WoonvormWijziging[];
}

export class Perspectiefgesprek {
  @Field.id('The conversation')
  gesprekId!: string;

  @Field.date('Held on')
  datum!: string;

  @Field.text('Held by (name)')
  door!: string;

  @Field.text('The perspective')
  perspectief!: string;

  @Field.text('Needs')
  behoeften!: string;

  @Field.flag('Care after 18 expected')
  zorgNa18Verwacht!: boolean;
}

export class VerlengdeJeugdhulp {
  @Field.id('The request for care after 18')
  aanvraagId!: string;

  @Field.date('Requested on')
  datum!: string;

  @Field.text('Why')
  reden!: string;

  @Field.oneOf(BESLUITEN, 'The decision; null while undecided', { nullable: true })
  besluit!: string | null;

  @Field.date('Decided on', { nullable: true })
  besluitdatum!: string | null;

  @Field.text('Explanation', { nullable: true })
  toelichting!: string | null;
}

export class PerspectiefgesprekStand {
  @Field.date(
    'Due: at 16 years and 6 months, or at the start of the first Jeugdwet care when that is ' +
      'later; null without a birth date or Jeugdwet care, or for someone 18 at that start',
    { nullable: true },
  )
  uiterlijk!: string | null;

  @Field.date('The first conversation held', { nullable: true })
  gevoerdOp!: string | null;

  @Field.oneOf(
    ['niet-van-toepassing', 'gevoerd', 'gepland', 'te-laat'],
    'niet-van-toepassing (uiterlijk null), gevoerd (one was held), te-laat (none held and ' +
      'uiterlijk before today), or gepland',
  )
  status!: string;
}

export class ZorgdossierResponse {
  @Field.id('The person')
  persoonId!: string;

  @Field.integer(
    "The care dossier's version (-1: nothing recorded yet), also the ETag: send it as If-Match",
  )
  revision!: number;

  @Field.object(PerspectiefgesprekStand, 'The perspective conversation at 16.5')
  perspectiefgesprek!: PerspectiefgesprekStand;

  @Field.list(Toewijzing, 'Assignments, by begindatum')
  toewijzingen!: Toewijzing[];

  @Field.list(Verlenging, 'Extension requests, by request date')
  verlengingen!: Verlenging[];

  @Field.list(Verblijf, 'Residential stays, by start')
  verblijven!: Verblijf[];

  @Field.list(Perspectiefgesprek, 'Perspective conversations held, by date')
  perspectiefgesprekken!: Perspectiefgesprek[];

  @Field.list(VerlengdeJeugdhulp, 'Requests for care after 18, by date')
  verlengdeJeugdhulp!: VerlengdeJeugdhulp[];
}

export class Product {
  @Field.text('iJW product code')
  productcode!: string;

  @Field.date('This version applies from')
  geldigVanaf!: string;

  @Field.text('iJW product category')
  categorie!: string;

  @Field.text('Description')
  omschrijving!: string;

  @Field.oneOf(WOONVORMEN, 'Form of residence (residential products only)', { nullable: true })
  woonvorm!: string | null;

  @Field.integer('Contracted maximum duration, in months', { nullable: true })
  maxDuurMaanden!: number | null;

  @Field.text('CBS form of help', { nullable: true })
  cbsHulpvorm!: string | null;

  @Field.flag('Residential: category 43 or 44, or product 90002')
  verblijf!: boolean;
}

export class Aanbieder {
  @Field.text('AGB code')
  aanbiederId!: string;

  @Field.date('This version applies from')
  geldigVanaf!: string;

  @Field.text('Name')
  naam!: string;
}

export class BevolkingWijk {
  @Field.text('District')
  wijk!: string;

  @Field.integer('Youths aged 0-17 living there on 31 December')
  aantal!: number;
}

export class BevolkingJaar implements BevolkingJaarView {
  @Field.integer('Year')
  jaar!: number;

  @Field.integer('Youths aged 0-17 in all districts')
  totaal!: number;

  @Field.list(BevolkingWijk, 'Per district, by name')
  wijken!: BevolkingWijk[];
}

class Jeugdige {
  @Field.id('The youth')
  persoonId!: string;

  @Field.text('First name')
  voornaam!: string;

  @Field.text('Surname')
  achternaam!: string;

  @Field.id('Their family you coordinate (a youth of two such families is listed twice)')
  gezinId!: string;
}

export class TeVoerenPerspectiefgesprek extends Jeugdige {
  @Field.date('Due')
  uiterlijk!: string;

  @Field.flag('Overdue: due before today')
  teLaat!: boolean;
}

export class AflopendeVerblijfsindicatie extends Jeugdige {
  @Field.id('The residential stay')
  verblijfId!: string;

  @Field.oneOf(WOONVORMEN, 'Form of residence now')
  woonvorm!: string;

  @Field.date('Started')
  startdatum!: string;

  @Field.date('The indication ends')
  indicatieEinddatum!: string;

  @Field.text('Exit perspective', { nullable: true })
  uitstroomperspectief!: string | null;
}

export class AflopendeToewijzing extends Jeugdige {
  @Field.id('The assignment')
  toewijzingId!: string;

  @Field.text('iJW product code')
  productcode!: string;

  @Field.text("The provider's name")
  aanbiederNaam!: string;

  @Field.date('Last day')
  einddatum!: string;
}
