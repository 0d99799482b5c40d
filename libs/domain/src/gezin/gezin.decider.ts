import { kalenderdatum, nietInDeToekomst } from '../datum';
import { addDays, parseISO } from 'date-fns';
import { Decider, NotAllowed, NotFound, RuleViolation, assertNever } from '../decider';
import {
  Contactpersoon,
  GezinEvent,
  GezinState,
  NetwerkBetrokkene,
  Rol,
  evolveGezin,
  initialGezinState,
  toegangVan,
} from './gezin.events';
import { Gezinsplan, checkPlan } from './gezinsplan';
import {
  GEEN_GEZINSLID,
  GEZIN_NIET_GEVONDEN,
  PERSOON_NIET_GEVONDEN,
  Toegang,
  magSchrijven,
} from '../toegang';

/** Who sends the command; a team lead (teamleider) may assign and hand over contact persons. */
export interface Door {
  userId: string;
  teamleider: boolean;
}

/** A member as the family decider needs it; the person's own data is in the person stream. */
export interface NieuwLid {
  persoonId: string;
  rol: Rol;
  /** From the person's data: a youth needs a birth date. */
  geboortedatum: string | null;
  voornaam: string;
  /**
   * The BSN sent for a new member (not kept in the family's events): one registration never has
   * two members with one BSN, whether or not that BSN is known (ADR 0016).
   */
  bsn?: string | null;
}

type Cmd<Type extends string, T> = { type: Type; door: Door } & T;

export type RegisterGezin = Cmd<
  'RegisterGezin',
  {
    gezinId: string;
    naam: string;
    leden: NieuwLid[];
    vanaf: string;
    /** The district the family lives in, when known at registration. */
    wijk?: string | null;
  }
>;
/** The family lives in this district (wijk) from `per` (YYYY-MM-DD): it moved, or it was unknown. */
export type SetGezinWijk = Cmd<'SetGezinWijk', { wijk: string; per: string }>;
export type AddGezinslid = Cmd<'AddGezinslid', { lid: NieuwLid; vanaf: string }>;
/**
 * A person already known joins the family (a youth of two households). The command path brings
 * the facts: the person's data as their own stream has it (null: no such person), and the
 * sender's access to the person through the families the person is a member of now.
 */
export type AddBekendGezinslid = Cmd<
  'AddBekendGezinslid',
  {
    persoonId: string;
    rol: Rol;
    vanaf: string;
    persoon: Pick<NieuwLid, 'voornaam' | 'geboortedatum'> | null;
    toegangTotPersoon: Toegang;
  }
>;
export type RemoveGezinslid = Cmd<
  'RemoveGezinslid',
  { persoonId: string; per: string; reden: string }
>;
export type AddNetwerkBetrokkene = Cmd<'AddNetwerkBetrokkene', { betrokkene: NetwerkBetrokkene }>;
export type EndNetwerkBetrokkene = Cmd<
  'EndNetwerkBetrokkene',
  { betrokkeneId: string; tot: string; reden: string | null }
>;
export type AssignContactpersoon = Cmd<
  'AssignContactpersoon',
  { contactpersoon: Contactpersoon; vanaf: string }
>;
/**
 * From the configuration: how many days a former contact person may still read the family after
 * the handover or end (a warm handover); 0: access ends at once.
 */
type WarmeOverdracht = { warmeOverdrachtDagen: number };
export type HandOverContactpersoon = Cmd<
  'HandOverContactpersoon',
  { naar: Contactpersoon; per: string; reden: string } & WarmeOverdracht
>;
export type EndContactpersoon = Cmd<
  'EndContactpersoon',
  { per: string; reden: string } & WarmeOverdracht
>;
export type WriteGezinsplan = Cmd<'WriteGezinsplan', { plan: Gezinsplan; reden: string | null }>;

export type GezinCommand =
  | RegisterGezin
  | SetGezinWijk
  | AddGezinslid
  | AddBekendGezinslid
  | RemoveGezinslid
  | AddNetwerkBetrokkene
  | EndNetwerkBetrokkene
  | AssignContactpersoon
  | HandOverContactpersoon
  | EndContactpersoon
  | WriteGezinsplan;

export const gezinDecider: Decider<GezinCommand, GezinEvent, GezinState> = {
  initialState: initialGezinState,
  evolve: evolveGezin,
  authorize(command, state, now) {
    if (!now) throw new Error('gezinDecider.authorize needs the moment (access ends on a date)');
    // A known person first: whether the sender may name them at all, whatever the family.
    if (command.type === 'AddBekendGezinslid') bekendLid(command);
    if (command.type !== 'RegisterGezin') mayAct(command, state, now);
  },
  decide(command, state, now) {
    if (command.type === 'RegisterGezin') return registerGezin(command, state, now);
    if (command.type === 'AddBekendGezinslid') bekendLid(command);
    const gezinId = mayAct(command, state, now);
    switch (command.type) {
      case 'SetGezinWijk':
        return setWijk(command, state, gezinId);
      case 'AddGezinslid':
        return addGezinslid(command.lid, command.vanaf, state, gezinId, now);
      case 'AddBekendGezinslid':
        return addGezinslid(bekendLid(command), command.vanaf, state, gezinId, now);
      case 'RemoveGezinslid':
        return removeGezinslid(command, state, gezinId);
      case 'AddNetwerkBetrokkene':
        return addNetwerk(command, state, gezinId);
      case 'EndNetwerkBetrokkene':
        return endNetwerk(command, state, gezinId);
      case 'AssignContactpersoon':
        return assignContactpersoon(command, state, gezinId, now);
      case 'HandOverContactpersoon':
        return handOver(command, state, gezinId, now);
      case 'EndContactpersoon':
        return endContactpersoon(command, state, gezinId, now);
      case 'WriteGezinsplan':
        return writePlan(command, state, gezinId, now);
      default:
        return assertNever(command);
    }
  },
};

/**
 * Need-to-know: someone who does not work with the family learns nothing, not even that it
 * exists (NotFound); a former contact person during a warm handover may read but not change
 * (NotAllowed). Team leads may assign, hand over and end contact persons of any family, and set
 * its district; but a team lead's rights do not make herself contact person (she would read the
 * family without anyone else deciding she should): another team lead does that.
 */
function mayAct(
  command: Exclude<GezinCommand, RegisterGezin>,
  state: GezinState,
  now: Date,
): string {
  const toegang = toegangVan(state, command.door.userId, kalenderdatum(now));
  const teamleiderTask =
    command.door.teamleider &&
    (command.type === 'AssignContactpersoon' ||
      command.type === 'HandOverContactpersoon' ||
      command.type === 'EndContactpersoon' ||
      command.type === 'SetGezinWijk');
  if (state.registered && teamleiderTask) {
    const nieuw =
      command.type === 'AssignContactpersoon'
        ? command.contactpersoon
        : command.type === 'HandOverContactpersoon'
          ? command.naar
          : null;
    if (toegang !== 'schrijven' && nieuw?.userId === command.door.userId) {
      throw new NotAllowed(
        'Als teamleider kunt u uzelf geen contactpersoon maken; laat een andere teamleider u ' +
          'toewijzen.',
      );
    }
    return state.gezinId;
  }
  magSchrijven(toegang, GEZIN_NIET_GEVONDEN);
  return state.gezinId;
}

/** The first day without access for a former contact person, or null without a warm handover. */
function leestMeeTot(per: string, dagen: number, now: Date): string | null {
  if (dagen <= 0) return null;
  // From the handover, or from today when the handover is recorded afterwards.
  const vanaf = [per, kalenderdatum(now)].sort()[1]!;
  return kalenderdatum(addDays(parseISO(vanaf), dagen));
}

/**
 * A known person as a new member. Only the contact person of a family they are a member of now
 * may add them to another: anyone else learns nothing about the person, not even that they exist.
 * Read access to their families is not enough (NotFound as well: adding them is a write).
 */
function bekendLid(command: AddBekendGezinslid): NieuwLid {
  const { persoonId, rol, persoon, toegangTotPersoon } = command;
  if (persoon === null || toegangTotPersoon !== 'schrijven') {
    throw new NotFound(PERSOON_NIET_GEVONDEN);
  }
  return { persoonId, rol, voornaam: persoon.voornaam, geboortedatum: persoon.geboortedatum };
}

function registerGezin(command: RegisterGezin, state: GezinState, now: Date): GezinEvent[] {
  if (state.registered) throw new RuleViolation('Dit gezin is al geregistreerd.');
  if (!command.leden.some((lid) => lid.rol === 'jeugdige')) {
    throw new RuleViolation('Een gezin heeft ten minste één jeugdige.');
  }
  const bsns = command.leden.map((lid) => lid.bsn).filter((bsn) => bsn != null);
  if (new Set(bsns).size < bsns.length) {
    // Before the check on persons below: a known BSN sent twice is one person twice.
    throw new RuleViolation(
      'Twee leden hebben hetzelfde BSN; één persoon staat één keer in een gezin.',
    );
  }
  const ids = new Set<string>();
  for (const lid of command.leden) {
    checkLid(lid, now);
    if (ids.has(lid.persoonId))
      throw new RuleViolation('Een persoon staat twee keer in het gezin.');
    ids.add(lid.persoonId);
  }
  const { gezinId, naam, vanaf } = command;
  // The district, when given, from the day of registration.
  const wijk: GezinEvent[] =
    command.wijk == null
      ? []
      : [
          {
            type: 'GezinWijkSet',
            data: { gezinId, wijk: checkWijk(command.wijk), per: kalenderdatum(now) },
          },
        ];
  return [
    { type: 'GezinRegistered', data: { gezinId, naam, registeredBy: command.door.userId } },
    ...wijk,
    ...command.leden.map((lid): GezinEvent => ({
      type: 'GezinslidAdded',
      data: { gezinId, persoonId: lid.persoonId, rol: lid.rol, vanaf },
    })),
  ];
}

function setWijk(command: SetGezinWijk, state: GezinState, gezinId: string): GezinEvent[] {
  const wijk = checkWijk(command.wijk);
  if (state.wijk === wijk) {
    throw new RuleViolation(`Gezin ${state.naam} woont al in wijk ${wijk}; er verandert niets.`);
  }
  return [{ type: 'GezinWijkSet', data: { gezinId, wijk, per: command.per } }];
}

/** A district is named: surrounding spaces do not count. */
function checkWijk(wijk: string): string {
  const trimmed = wijk.trim();
  if (trimmed === '') throw new RuleViolation('Geef de naam van de wijk.');
  return trimmed;
}

function addGezinslid(
  lid: NieuwLid,
  vanaf: string,
  state: GezinState,
  gezinId: string,
  now: Date,
): GezinEvent[] {
  checkLid(lid, now);
  if (state.leden.some((l) => l.persoonId === lid.persoonId)) {
    throw new RuleViolation(`${lid.voornaam} hoort al bij het gezin.`);
  }
  const { persoonId, rol } = lid;
  return [{ type: 'GezinslidAdded', data: { gezinId, persoonId, rol, vanaf } }];
}

function removeGezinslid(
  command: RemoveGezinslid,
  state: GezinState,
  gezinId: string,
): GezinEvent[] {
  const lid = state.leden.find((l) => l.persoonId === command.persoonId);
  if (!lid) throw new NotFound(GEEN_GEZINSLID);
  if (lid.rol === 'jeugdige' && !state.leden.some((l) => l.rol === 'jeugdige' && l !== lid)) {
    throw new RuleViolation(
      'Dit is de laatste jeugdige van het gezin; een gezin heeft ten minste één jeugdige.',
    );
  }
  const inPlan = state.plan?.doelen.some((d) => d.persoonId === command.persoonId);
  if (inPlan) {
    throw new RuleViolation('Het plan heeft nog doelen voor deze persoon; pas eerst het plan aan.');
  }
  const { persoonId, per, reden } = command;
  return [{ type: 'GezinslidRemoved', data: { gezinId, persoonId, per, reden } }];
}

function addNetwerk(
  command: AddNetwerkBetrokkene,
  state: GezinState,
  gezinId: string,
): GezinEvent[] {
  const { betrokkene } = command;
  if (state.netwerk.some((b) => b.betrokkeneId === betrokkene.betrokkeneId)) {
    throw new RuleViolation('Deze betrokkene staat al in het netwerk.');
  }
  if (betrokkene.tot !== null && betrokkene.tot < betrokkene.vanaf) {
    throw new RuleViolation('De einddatum ligt voor de begindatum.');
  }
  if (betrokkene.soort === 'formeel' && betrokkene.organisatie === null) {
    throw new RuleViolation('Bij een professional hoort de organisatie waarvoor hij of zij werkt.');
  }
  return [{ type: 'NetwerkBetrokkeneAdded', data: { gezinId, ...betrokkene } }];
}

function endNetwerk(
  command: EndNetwerkBetrokkene,
  state: GezinState,
  gezinId: string,
): GezinEvent[] {
  const betrokkene = state.netwerk.find((b) => b.betrokkeneId === command.betrokkeneId);
  if (!betrokkene) throw new NotFound('Deze betrokkene staat niet in het netwerk van het gezin.');
  if (betrokkene.tot !== null)
    throw new RuleViolation(
      `${betrokkene.naam} is al niet meer betrokken sinds ${betrokkene.tot}.`,
    );
  if (command.tot < betrokkene.vanaf) {
    throw new RuleViolation(`${betrokkene.naam} is pas betrokken sinds ${betrokkene.vanaf}.`);
  }
  const { betrokkeneId, tot, reden } = command;
  return [{ type: 'NetwerkBetrokkeneEnded', data: { gezinId, betrokkeneId, tot, reden } }];
}

function assignContactpersoon(
  command: AssignContactpersoon,
  state: GezinState,
  gezinId: string,
  now: Date,
): GezinEvent[] {
  // Access follows the role at once: a date to come would give it (or take it) before its time.
  nietInDeToekomst(command.vanaf, now, 'De start van de contactpersoon', 'vanaf');
  const active = state.contactpersoon;
  if (active) {
    throw new RuleViolation(
      `Gezin ${state.naam} heeft al een contactpersoon (${active.naam}, ${active.organisatie}, ` +
        `sinds ${active.vanaf}). Eén gezin heeft één contactpersoon: draag het gezin over in plaats ` +
        `van een tweede toe te wijzen.`,
    );
  }
  return [
    {
      type: 'ContactpersoonAssigned',
      data: { gezinId, contactpersoon: command.contactpersoon, vanaf: command.vanaf },
    },
  ];
}

function handOver(
  command: HandOverContactpersoon,
  state: GezinState,
  gezinId: string,
  now: Date,
): GezinEvent[] {
  nietInDeToekomst(command.per, now, 'De overdracht', 'per');
  const active = state.contactpersoon;
  if (!active) {
    throw new RuleViolation(
      'Dit gezin heeft geen contactpersoon om over te dragen; wijs er een toe.',
    );
  }
  if (active.userId === command.naar.userId) {
    throw new RuleViolation(`${active.naam} is al de contactpersoon van dit gezin.`);
  }
  if (command.per < active.vanaf) {
    throw new RuleViolation(
      `De overdracht kan niet voor ${active.vanaf} liggen, de start van ${active.naam}.`,
      'per',
    );
  }
  const { userId, naam, organisatie } = active;
  return [
    {
      type: 'ContactpersoonHandedOver',
      data: {
        gezinId,
        van: { userId, naam, organisatie },
        naar: command.naar,
        per: command.per,
        reden: command.reden,
        leestMeeTot: leestMeeTot(command.per, command.warmeOverdrachtDagen, now),
      },
    },
  ];
}

function endContactpersoon(
  command: EndContactpersoon,
  state: GezinState,
  gezinId: string,
  now: Date,
): GezinEvent[] {
  nietInDeToekomst(command.per, now, 'Het einde van de contactpersoon', 'per');
  const active = state.contactpersoon;
  if (!active) throw new RuleViolation('Dit gezin heeft geen contactpersoon.');
  if (command.per < active.vanaf) {
    throw new RuleViolation(
      `Het einde kan niet voor ${active.vanaf} liggen, de start van ${active.naam}.`,
      'per',
    );
  }
  const { userId, naam, organisatie } = active;
  return [
    {
      type: 'ContactpersoonEnded',
      data: {
        gezinId,
        contactpersoon: { userId, naam, organisatie },
        per: command.per,
        reden: command.reden,
        leestMeeTot: leestMeeTot(command.per, command.warmeOverdrachtDagen, now),
      },
    },
  ];
}

function writePlan(
  command: WriteGezinsplan,
  state: GezinState,
  gezinId: string,
  now: Date,
): GezinEvent[] {
  // A consent is recorded when it was given, not before.
  nietInDeToekomst(
    command.plan.toestemming.vastgelegdOp,
    now,
    'De toestemming',
    'toestemming.vastgelegdOp',
  );
  checkPlan(
    command.plan,
    state.leden.map((l) => l.persoonId),
  );
  if (state.plan !== null && !command.reden) {
    throw new RuleViolation(
      'Zeg waarom het plan verandert (reden): elke wijziging wordt bewaard met wie, wanneer en waarom.',
    );
  }
  if (state.plan !== null && JSON.stringify(state.plan) === JSON.stringify(command.plan)) {
    return []; // Nothing changed: no new version.
  }
  return [
    {
      type: 'GezinsplanWritten',
      data: { gezinId, versie: state.planVersie + 1, plan: command.plan, reden: command.reden },
    },
  ];
}

function checkLid(lid: NieuwLid, now: Date): void {
  if (lid.rol === 'jeugdige' && lid.geboortedatum === null) {
    throw new RuleViolation(
      `De geboortedatum van ${lid.voornaam} ontbreekt; die is nodig voor een jeugdige.`,
    );
  }
  if (lid.geboortedatum !== null && lid.geboortedatum > kalenderdatum(now)) {
    throw new RuleViolation(`De geboortedatum van ${lid.voornaam} ligt in de toekomst.`);
  }
}
