import {
  AFSPRAAK_STATUSSEN,
  LEEFGEBIEDEN,
  NETWERK_SOORTEN,
  ROLLEN,
  TIJDLIJN_SOORTEN,
} from '@app/domain';
import type {
  ContactpersoonView,
  GezinView,
  Inzage as InzageView,
  LidView,
  PlanVersieView,
  TeBevestigenLid as TeBevestigenLidView,
  TijdlijnItem as TijdlijnItemView,
  VerlopenAfspraak as VerlopenAfspraakView,
} from '@app/projections';
import { Door, Field } from '../../common/response-fields';

/** The answers of the families' reads, as OpenAPI schemas. */

export class Gezinslid implements LidView {
  @Field.id('The person (one person can be a member of two families)')
  persoonId!: string;

  @Field.oneOf(ROLLEN, 'Role in the family')
  rol!: LidView['rol'];

  @Field.text('First name')
  voornaam!: string;

  @Field.text('Surname')
  achternaam!: string;

  @Field.date('Birth date', { nullable: true })
  geboortedatum!: string | null;

  @Field.text('BSN', { nullable: true })
  bsn!: string | null;

  @Field.date('Member from')
  vanaf!: string;
}

export class Netwerkbetrokkene implements Readonly<GezinView['netwerk'][number]> {
  @Field.id('The network member')
  betrokkeneId!: string;

  @Field.oneOf(NETWERK_SOORTEN, 'informeel (family, neighbours) or formeel (a professional)')
  soort!: string;

  @Field.text('Name')
  naam!: string;

  @Field.text('Relation or role')
  rol!: string;

  @Field.text('Organisation (of a professional)', { nullable: true })
  organisatie!: string | null;

  @Field.date('Involved from')
  vanaf!: string;

  @Field.date('No longer involved from; null while involved', { nullable: true })
  tot!: string | null;
}

export class HuidigeContactpersoon {
  @Field.text('User id (token subject)')
  userId!: string;

  @Field.text('Name')
  naam!: string;

  @Field.text('Partner organisation')
  organisatie!: string;

  @Field.date('Contact person from')
  vanaf!: string;
}

export class PlanStand {
  @Field.integer('The current version of the plan')
  versie!: number;

  @Field.date('When the plan is to be evaluated', { nullable: true })
  evaluatiedatum!: string | null;
}

export class GezinResponse implements GezinView {
  @Field.id('The family')
  gezinId!: string;

  @Field.text('How the family is called in the team')
  naam!: string;

  @Field.moment('When the family was registered')
  aangemeldOp!: string;

  @Field.text('The district the family lives in now; null when not known', { nullable: true })
  wijk!: string | null;

  @Field.integer("The family's version, also the ETag: send it as If-Match when changing it")
  revision!: number;

  @Field.oneOf(
    ['schrijven', 'lezen'],
    'Your access: schrijven (you coordinate the family, or registered it before its first ' +
      'contact person) or lezen (you did)',
  )
  toegang!: GezinView['toegang'];

  @Field.object(HuidigeContactpersoon, 'The contact person now; null when none', {
    nullable: true,
  })
  contactpersoon!: HuidigeContactpersoon | null;

  @Field.list(Gezinslid, 'The members now, in the order they joined')
  leden!: Gezinslid[];

  @Field.list(Netwerkbetrokkene, 'The network, also those no longer involved, in order')
  netwerk!: Netwerkbetrokkene[];

  @Field.object(PlanStand, 'The plan; null before its first version', { nullable: true })
  plan!: PlanStand | null;
}

export class Contactpersoon implements ContactpersoonView {
  @Field.text('User id (token subject)')
  userId!: string;

  @Field.text('Name')
  naam!: string;

  @Field.text('Partner organisation')
  organisatie!: string;

  @Field.date('From')
  vanaf!: string;

  @Field.date('Until; null for the contact person now', { nullable: true })
  tot!: string | null;

  @Field.text('Why it ended: the reason of the handover or end', { nullable: true })
  redenEinde!: string | null;
}

export class ContactpersonenResponse {
  @Field.id('The family')
  gezinId!: string;

  @Field.list(Contactpersoon, 'Every contact person the family had, the first first')
  contactpersonen!: Contactpersoon[];
}

export class TijdlijnItem implements TijdlijnItemView {
  @Field.text('Log position of the event (digits): the order of the timeline')
  position!: string;

  @Field.moment('When it was recorded (UTC); van and tot filter on its day')
  wanneer!: string;

  @Field.moment('When it was stored in the log')
  vastgelegdOp!: string;

  @Field.oneOf(TIJDLIJN_SOORTEN, 'The kind: filter on it with soort')
  soort!: string;

  @Field.text('What happened, in plain Dutch', {
    example: 'Anna de Vries is de contactpersoon van het gezin vanaf 2026-03-01.',
  })
  wat!: string;

  @Field.object(Door, 'Who did it')
  wie!: Door;
}

export class TijdlijnResponse {
  @Field.id('The family')
  gezinId!: string;

  @Field.list(TijdlijnItem, 'Oldest first')
  items!: TijdlijnItem[];
}

export class Doel {
  @Field.text('Your id for the goal, unique within the plan', { example: 'd-1' })
  doelId!: string;

  @Field.oneOf(LEEFGEBIEDEN, 'Life area')
  leefgebied!: string;

  @Field.id('The member it is for; null for the whole family', { nullable: true })
  persoonId!: string | null;

  @Field.text('The goal')
  omschrijving!: string;
}

export class Afspraak {
  @Field.text('Your id for the agreement, unique within the plan', { example: 'a-1' })
  afspraakId!: string;

  @Field.text('Who')
  wie!: string;

  @Field.text('Does what')
  wat!: string;

  @Field.date('By when')
  uiterlijk!: string;

  @Field.oneOf(AFSPRAAK_STATUSSEN, 'Status')
  status!: string;

  @Field.text('The goal it serves', { nullable: true })
  doelId!: string | null;
}

export class Toestemming {
  @Field.flag('The family agrees that the plan is shared with those involved')
  delen!: boolean;

  @Field.date('When the family said so')
  vastgelegdOp!: string;

  @Field.text('Notes', { nullable: true })
  toelichting!: string | null;
}

export class Gezinsplan {
  @Field.text("The family's request for help, in its own words")
  hulpvraag!: string;

  @Field.list(Doel, 'Goals per member and life area')
  doelen!: Doel[];

  @Field.list(Afspraak, 'Agreements: who does what by when')
  afspraken!: Afspraak[];

  @Field.date('When the plan is evaluated')
  evaluatiedatum!: string;

  @Field.object(Toestemming, 'Consent to share the plan')
  toestemming!: Toestemming;
}

export class PlanVersie implements PlanVersieView {
  @Field.integer('The version: 1, 2, ...')
  versie!: number;

  @Field.moment('When it was written')
  vastgelegdOp!: string;

  @Field.object(Door, 'Who wrote it')
  door!: Door;

  @Field.text('Why it changed; null for the first version', { nullable: true })
  reden!: string | null;
}

export class PlanVersiesResponse {
  @Field.id('The family')
  gezinId!: string;

  @Field.list(PlanVersie, 'Every version, the first first, without the content')
  versies!: PlanVersie[];
}

export class PlanResponse extends PlanVersie {
  @Field.object(Gezinsplan, 'The whole plan as this version has it')
  plan!: Gezinsplan;
}

export class MijnGezin {
  @Field.id('The family')
  gezinId!: string;

  @Field.text('Its name')
  naam!: string;

  @Field.oneOf(['schrijven', 'lezen'], 'schrijven: you coordinate it; lezen: you did')
  toegang!: string;

  @Field.date("The plan's evaluation date; null without a plan", { nullable: true })
  evaluatiedatum!: string | null;
}

export class VerlopenEvaluatie {
  @Field.id('The family')
  gezinId!: string;

  @Field.text('Its name')
  naam!: string;

  @Field.date("The plan's evaluation date, before today")
  evaluatiedatum!: string;
}

export class VerlopenAfspraak implements VerlopenAfspraakView {
  @Field.id('The family')
  gezinId!: string;

  @Field.text('Its name')
  naam!: string;

  @Field.text('The agreement in the current plan')
  afspraakId!: string;

  @Field.text('Who')
  wie!: string;

  @Field.text('Does what')
  wat!: string;

  @Field.date('By when: before today')
  uiterlijk!: string;

  @Field.oneOf(['open', 'lopend'], 'Not done')
  status!: string;
}

export class TeBevestigenLid implements TeBevestigenLidView {
  @Field.id('The person, as the family you coordinate knows them')
  persoonId!: string;

  @Field.text('Their first name')
  voornaam!: string;

  @Field.text('Their last name')
  achternaam!: string;

  @Field.date('Their birth date', { nullable: true })
  geboortedatum!: string | null;

  @Field.id('The other family: the one that registered them as a new member')
  gezinId!: string;

  @Field.text("That family's name")
  gezinsnaam!: string;

  @Field.text('Who registered them there (user id)', { example: 'u-carla' })
  geregistreerdDoor!: string;

  @Field.moment('When')
  geregistreerdOp!: string;
}

export class GezinZonderContactpersoon {
  @Field.id('The family')
  gezinId!: string;

  @Field.text('Its name')
  naam!: string;

  @Field.moment('When it was registered')
  aangemeldOp!: string;
}

export class Inzage implements InzageView {
  @Field.moment('When')
  wanneer!: string;

  @Field.text(
    'What was read: gezin, tijdlijn, gezinsplan, contactpersonen, zorg, a worklist ' +
      '("werklijst mijn-gezinnen"), a consultation, bsn-opvraging, ...',
  )
  wat!: string;

  @Field.text("The reader's user id")
  door!: string;

  @Field.text("The reader's name")
  naam!: string;

  @Field.text('The role they read in')
  rol!: string;
}

export class VerwerkingslogResponse {
  @Field.id('The family')
  gezinId!: string;

  @Field.list(Inzage, 'Every read of its data, oldest first')
  inzages!: Inzage[];
}
