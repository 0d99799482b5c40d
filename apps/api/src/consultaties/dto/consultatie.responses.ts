import { LEEFTIJDSGROEPEN, ONDERWERPEN, PRAKTIJK_ROLLEN, UITKOMSTEN } from '@app/domain';
import type {
  BsnOpvragingenVanGebruiker,
  ConsultatieDetail,
  ConsultatieView,
  PraktijkDetail,
  PraktijkView,
  Vervolgafspraak as VervolgafspraakView,
  VoorgesteldeKoppeling as VoorgesteldeKoppelingView,
} from '@app/projections';
import { Onderdrukt } from '../../common/cijfers';
import { Door, Field } from '../../common/response-fields';

/** The answers of the practices', consultations' and BSN lookups' reads, as OpenAPI schemas. */

export class Jph {
  @Field.date('The practice has had a JPH without a break since')
  sinds!: string;

  @Field.number('Hours per week at this practice')
  urenPerWeek!: number;
}

export class Praktijk implements PraktijkView {
  @Field.id('The GP practice')
  praktijkId!: string;

  @Field.text('Name')
  naam!: string;

  @Field.text('AGB code')
  agbCode!: string;

  @Field.text('District')
  wijk!: string;

  @Field.object(Jph, 'The JPH today; null without one', { nullable: true })
  jph!: Jph | null;
}

export class JphWijziging {
  @Field.date('From')
  per!: string;

  @Field.number('Hours per week from then; null: no JPH from then', { nullable: true })
  urenPerWeek!: number | null;
}

export class Medewerker {
  @Field.text('User id (token subject)')
  userId!: string;

  @Field.oneOf(PRAKTIJK_ROLLEN, 'What they do at the practice; it grants no role (the token does)')
  rol!: PraktijkDetail['medewerkers'][number]['rol'];

  @Field.moment('Linked at')
  gekoppeldOp!: string;
}

export class PraktijkResponse extends Praktijk implements PraktijkDetail {
  @Field.integer("The practice's version, also the ETag: send it as If-Match when changing it")
  revision!: number;

  @Field.moment('Registered at')
  geregistreerdOp!: string;

  @Field.list(
    JphWijziging,
    'Every dated JPH change, in order; a change never rewrites an earlier one',
  )
  jphHistorie!: JphWijziging[];

  @Field.list(Medewerker, 'The JPH and GP users linked to it now, in the order linked')
  medewerkers!: Medewerker[];
}

export class Professional {
  @Field.text('User id (token subject)')
  userId!: string;

  @Field.oneOf(PRAKTIJK_ROLLEN, 'jph or huisarts')
  rol!: ConsultatieView['professional']['rol'];
}

export class Consultatie implements ConsultatieView {
  @Field.id('The consultation')
  consultatieId!: string;

  @Field.id('Its practice')
  praktijkId!: string;

  @Field.date('When it took place')
  datum!: string;

  @Field.oneOf(LEEFTIJDSGROEPEN, 'Age band of the youth')
  leeftijdsgroep!: ConsultatieView['leeftijdsgroep'];

  @Field.someOf(ONDERWERPEN, 'Topics')
  onderwerpen!: ConsultatieView['onderwerpen'];

  @Field.text('Notes', { nullable: true })
  toelichting!: string | null;

  @Field.integer('Number of contacts (1 to 50)')
  aantalContacten!: number;

  @Field.oneOf(UITKOMSTEN, 'How it ended')
  uitkomst!: ConsultatieView['uitkomst'];

  @Field.date('Follow-up date', { nullable: true })
  vervolgdatum!: string | null;

  @Field.flag('The youth or parent agreed to a link')
  toestemming!: boolean;

  @Field.flag(
    'A BSN was sent with consent: a link was asked for. The same whether or not the BSN was ' +
      'known; what became of it is never shown to the practice',
  )
  koppelingGevraagd!: boolean;

  @Field.object(Professional, 'Who logged it')
  professional!: Professional;

  @Field.moment('When it was logged')
  vastgelegdOp!: string;

  @Field.integer(
    "The consultation's version, also the ETag: send it as If-Match when correcting it",
  )
  revision!: number;

  @Field.flag('Withdrawn: it no longer counts')
  ingetrokken!: boolean;

  @Field.text('Why it was withdrawn', { nullable: true })
  redenIntrekking!: string | null;
}

export class Correctie {
  @Field.moment('When')
  op!: string;

  @Field.object(Door, 'Who')
  door!: Door;

  @Field.text('Why')
  reden!: string;
}

export class ConsultatieResponse extends Consultatie implements ConsultatieDetail {
  @Field.list(Correctie, 'Every correction, in order (the content above is the latest)')
  correcties!: Correctie[];
}

export class PraktijkConsultatiesResponse {
  @Field.id('The practice')
  praktijkId!: string;

  @Field.list(Consultatie, 'By consultation date, then when logged')
  items!: Consultatie[];
}

export class Vervolgafspraak implements VervolgafspraakView {
  @Field.id('The consultation')
  consultatieId!: string;

  @Field.date('The follow-up date')
  vervolgdatum!: string;

  @Field.flag('Overdue: the follow-up date is before today')
  verlopen!: boolean;

  @Field.date('When the consultation took place')
  datum!: string;

  @Field.oneOf(LEEFTIJDSGROEPEN, 'Age band of the youth')
  leeftijdsgroep!: string;

  @Field.someOf(ONDERWERPEN, 'Topics')
  onderwerpen!: string[];

  @Field.oneOf(UITKOMSTEN, 'How it ended')
  uitkomst!: VervolgafspraakView['uitkomst'];

  @Field.object(Professional, 'Who logged it')
  professional!: Professional;

  @Field.flag('A link was asked for (never what became of it)')
  koppelingGevraagd!: boolean;
}

export class VervolgafsprakenResponse {
  @Field.id('The practice')
  praktijkId!: string;

  @Field.list(Vervolgafspraak, 'Soonest first')
  items!: Vervolgafspraak[];
}

export class VoorgesteldeKoppeling implements VoorgesteldeKoppelingView {
  @Field.id('The consultation')
  consultatieId!: string;

  @Field.integer(
    "The consultation's version: send it as If-Match to confirm or reject what you saw",
  )
  revision!: number;

  @Field.id('The family it is listed for (one you coordinate)')
  gezinId!: string;

  @Field.text("The family's name")
  naam!: string;

  @Field.id('The member the BSN matched; null for a link to a family (older consultations)', {
    nullable: true,
  })
  persoonId!: string | null;

  @Field.text('Their first name', { nullable: true })
  voornaam!: string | null;

  @Field.text('Their surname', { nullable: true })
  achternaam!: string | null;

  @Field.text("The practice's name")
  praktijk!: string;

  @Field.date('When the consultation took place')
  datum!: string;

  @Field.oneOf(LEEFTIJDSGROEPEN, 'Age band')
  leeftijdsgroep!: VoorgesteldeKoppelingView['leeftijdsgroep'];

  @Field.someOf(ONDERWERPEN, 'Topics')
  onderwerpen!: VoorgesteldeKoppelingView['onderwerpen'];

  @Field.oneOf(UITKOMSTEN, 'How it ended')
  uitkomst!: VoorgesteldeKoppelingView['uitkomst'];

  @Field.moment('When the link was proposed')
  voorgesteldOp!: string;
}

export class BsnOpvragingen implements BsnOpvragingenVanGebruiker {
  @Field.text('User id (token subject)')
  userId!: string;

  @Field.text('Their name (from their latest lookup)')
  naam!: string;

  @Field.text('Their role (from their latest lookup)')
  rol!: string;

  @Field.id('The practice they looked up for')
  praktijkId!: string;

  @Field.text("The practice's name", { nullable: true })
  praktijk!: string | null;

  @Field.integer('Lookups in the period')
  aantal!: number;

  @Field.moment('The first')
  eerste!: string;

  @Field.moment('The last')
  laatste!: string;
}

export class BsnOpvragingenResponse {
  @Field.date('From (UTC day), included')
  van!: string;

  @Field.date('Up to (UTC day), included')
  tot!: string;

  @Field.integer('All lookups in the period')
  totaal!: number;

  @Field.list(BsnOpvragingen, 'Per user and practice: most lookups first')
  gebruikers!: BsnOpvragingen[];
}

const TELLING =
  'aantal (consultations) and uitkomsten: per outcome its aantal and percentage of aantal';

export class ConsultatieCijfersResponse {
  @Field.text('The version of the definition the figures follow', { example: 'consultaties-2' })
  definitieVersie!: string;

  @Field.map('The definition, in Dutch, one entry per rule: the last word on what is counted')
  definitie!: Record<string, string>;

  @Field.date('From: the first day of the first whole period')
  van!: string;

  @Field.date('Up to: the last day of the last whole period')
  tot!: string;

  @Field.oneOf(['maand', 'kwartaal'], 'The periods')
  per!: string;

  @Field.rows(
    `Per practice and period: praktijkId, praktijk, wijk, periode, ${TELLING}. Every practice in ` +
      'every period, also without consultations; by practice name.',
  )
  perPraktijk!: unknown[];

  @Field.rows(
    'Per period: metJph and zonderJph, each with ' +
      TELLING +
      '; with JPH: the practice had a JPH on the date of the consultation.',
  )
  metEnZonderJph!: unknown[];

  @Field.rows(
    'Per month: maand, totaal, and verwezenSggz (aantal and percentage of totaal): the trend of ' +
      'referrals to specialist youth mental health.',
  )
  sggzTrend!: unknown[];

  @Field.rows(
    'Per practice: praktijkId, praktijk, wijk; jphUren, the hours its JPH worked from van to ' +
      'tot by the practice data (hours per week / 7 each day, whole hours); jphUrenPerWeek, their ' +
      'average over those days (0 on days without a JPH, one decimal); aantal; ' +
      'afgehandeldDoorJph and verwezenSggz (aantal and percentage); consultatiesPerJphUur, the ' +
      'published aantal divided by jphUren (two decimals; null when aantal is withheld or there ' +
      'were no hours).',
  )
  jphUrenEnConsultaties!: unknown[];

  @Field.list(Onderdrukt, 'Every withheld cell, per table and row, with its reason')
  onderdrukt!: Onderdrukt[];
}
