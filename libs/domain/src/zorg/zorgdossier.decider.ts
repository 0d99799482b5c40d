import { kalenderdatum, nietInDeToekomst, nietVoorDeGeboorte } from '../datum';
import { addDays, parseISO } from 'date-fns';
import { Decider, NotFound, RuleViolation, assertNever } from '../decider';
import {
  Bestemming,
  RedenEindeZorg,
  VerwijzerType,
  WettelijkKader,
  Woonvorm,
  richtingVan,
} from './codes';
import { PERSOON_NIET_GEVONDEN, Toegang, magSchrijven } from '../toegang';
import { AanbiederVersie, ProductVersie } from './referentiedata';
import {
  Toewijzing,
  ToewijzingState,
  ZorgEvent,
  ZorgStop,
  ZorgdossierState,
  evolveZorgdossier,
  initialZorgdossierState,
} from './zorgdossier.events';

/**
 * Every care command carries the sender's access to the person's families (`toegang`), fetched
 * by the command path from the families' history: only the contact person of a family the person
 * is in may write. And the person's birth date, from the person's stream (null: unknown, or
 * erased): no care fact lies before it.
 */
type Cmd<Type extends string, T> = {
  type: Type;
  persoonId: string;
  toegang: Toegang;
  geboortedatum: string | null;
} & T;

export type RegisterToewijzing = Cmd<
  'RegisterToewijzing',
  {
    toewijzingId: string;
    /** The law: the product's; when given, it must be the product's. */
    wettelijkKader?: WettelijkKader;
    productcode: string;
    /** The product as reference data knows it on the start date; null when unknown. */
    product: ProductVersie | null;
    aanbiederId: string;
    aanbieder: AanbiederVersie | null;
    verwijzer: { type: VerwijzerType; naam: string | null };
    toewijzingsnummer: string;
    begindatum: string;
    einddatum: string;
    omvang: Toewijzing['omvang'];
  }
>;
export type StartZorg = Cmd<'StartZorg', { toewijzingId: string; datum: string }>;
export type StopZorg = Cmd<
  'StopZorg',
  { toewijzingId: string; datum: string; reden: RedenEindeZorg }
>;
export type CorrectZorgStart = Cmd<
  'CorrectZorgStart',
  { toewijzingId: string; datum: string | null; reden: string }
>;
export type CorrectZorgStop = Cmd<
  'CorrectZorgStop',
  { toewijzingId: string; stop: ZorgStop | null; reden: string }
>;
export type RequestVerlenging = Cmd<
  'RequestVerlenging',
  {
    verlengingId: string;
    toewijzingId: string;
    aangevraagdOp: string;
    aanvrager: string;
    reden: string;
    gevraagdTot: string;
  }
>;
export type DecideVerlenging = Cmd<
  'DecideVerlenging',
  {
    verlengingId: string;
    besluit: 'toegekend' | 'afgewezen';
    besluitdatum: string;
    toelichting: string | null;
    alternatieven: string[];
    /** For a grant: the id and number of the new assignment that continues the old one. */
    nieuweToewijzing: { toewijzingId: string; toewijzingsnummer: string };
  }
>;
export type StartVerblijf = Cmd<
  'StartVerblijf',
  {
    verblijfId: string;
    toewijzingId: string | null;
    woonvorm: Woonvorm;
    startdatum: string;
    indicatieEinddatum: string;
    uitstroomperspectief: string | null;
  }
>;
export type ChangeWoonvorm = Cmd<
  'ChangeWoonvorm',
  { verblijfId: string; datum: string; naar: Woonvorm }
>;
export type SetUitstroomperspectief = Cmd<
  'SetUitstroomperspectief',
  { verblijfId: string; datum: string; perspectief: string }
>;
export type EndVerblijf = Cmd<
  'EndVerblijf',
  { verblijfId: string; datum: string; bestemming: Bestemming; vervolghulp: boolean }
>;
export type RecordPerspectiefgesprek = Cmd<
  'RecordPerspectiefgesprek',
  {
    gesprekId: string;
    datum: string;
    door: string;
    perspectief: string;
    behoeften: string;
    zorgNa18Verwacht: boolean;
  }
>;
export type RequestVerlengdeJeugdhulp = Cmd<
  'RequestVerlengdeJeugdhulp',
  { aanvraagId: string; datum: string; reden: string }
>;
export type DecideVerlengdeJeugdhulp = Cmd<
  'DecideVerlengdeJeugdhulp',
  {
    aanvraagId: string;
    datum: string;
    besluit: 'toegekend' | 'afgewezen';
    toelichting: string | null;
  }
>;

export type ZorgCommand =
  | RegisterToewijzing
  | StartZorg
  | StopZorg
  | CorrectZorgStart
  | CorrectZorgStop
  | RequestVerlenging
  | DecideVerlenging
  | StartVerblijf
  | ChangeWoonvorm
  | SetUitstroomperspectief
  | EndVerblijf
  | RecordPerspectiefgesprek
  | RequestVerlengdeJeugdhulp
  | DecideVerlengdeJeugdhulp;

/** The care facts of one person: assignments, extensions, residential stays, perspective. */
export const zorgdossierDecider: Decider<ZorgCommand, ZorgEvent, ZorgdossierState> = {
  initialState: initialZorgdossierState,
  evolve: evolveZorgdossier,
  authorize(command) {
    magSchrijven(command.toegang, PERSOON_NIET_GEVONDEN);
  },
  decide(command, state, now) {
    magSchrijven(command.toegang, PERSOON_NIET_GEVONDEN);
    const { persoonId } = command;
    const gedateerd = datumVan(command);
    if (gedateerd)
      nietVoorDeGeboorte(gedateerd.datum, command.geboortedatum, gedateerd.wat, gedateerd.field);
    switch (command.type) {
      case 'RegisterToewijzing':
        return registerToewijzing(command, state);
      case 'StartZorg': {
        const t = toewijzing(state, command.toewijzingId);
        if (t.zorgStart !== null)
          throw new RuleViolation(
            `De zorg is al gestart op ${t.zorgStart}; corrigeer de start als die niet klopt.`,
          );
        checkStart(t, command.datum, now);
        return [
          {
            type: 'ZorgStarted',
            data: { persoonId, toewijzingId: t.toewijzingId, datum: command.datum },
          },
        ];
      }
      case 'StopZorg': {
        const t = toewijzing(state, command.toewijzingId);
        if (t.zorgStart === null)
          throw new RuleViolation('De zorg is nog niet gestart; een stop kan pas na een start.');
        if (t.zorgStop !== null)
          throw new RuleViolation(`De zorg is al gestopt op ${t.zorgStop.datum}.`);
        checkStop(t, command.datum, now);
        return [
          {
            type: 'ZorgStopped',
            data: {
              persoonId,
              toewijzingId: t.toewijzingId,
              datum: command.datum,
              reden: command.reden,
            },
          },
        ];
      }
      case 'CorrectZorgStart': {
        const t = toewijzing(state, command.toewijzingId);
        if (t.zorgStart === null) throw new RuleViolation('Er is geen start om te corrigeren.');
        if (command.datum === null && t.zorgStop !== null) {
          throw new RuleViolation(
            'Verwijder eerst de stop: zorg kan niet stoppen zonder te zijn gestart.',
          );
        }
        if (command.datum !== null) {
          checkStart(t, command.datum, now);
          if (t.zorgStop !== null && t.zorgStop.datum < command.datum) {
            throw new RuleViolation(`De start kan niet na de stop (${t.zorgStop.datum}) liggen.`);
          }
        }
        return [
          {
            type: 'ZorgStartCorrected',
            data: {
              persoonId,
              toewijzingId: t.toewijzingId,
              datum: command.datum,
              reden: command.reden,
            },
          },
        ];
      }
      case 'CorrectZorgStop': {
        const t = toewijzing(state, command.toewijzingId);
        if (t.zorgStop === null) throw new RuleViolation('Er is geen stop om te corrigeren.');
        if (command.stop !== null) checkStop(t, command.stop.datum, now);
        return [
          {
            type: 'ZorgStopCorrected',
            data: {
              persoonId,
              toewijzingId: t.toewijzingId,
              stop: command.stop,
              reden: command.reden,
            },
          },
        ];
      }
      case 'RequestVerlenging':
        return requestVerlenging(command, state, now);
      case 'DecideVerlenging':
        return decideVerlenging(command, state, now);
      case 'StartVerblijf':
        return startVerblijf(command, state, now);
      case 'ChangeWoonvorm': {
        const v = openVerblijf(state, command.verblijfId);
        if (v.woonvorm === command.naar)
          throw new RuleViolation(`De woonvorm is al ${v.woonvorm}.`);
        if (command.datum < v.laatsteWijziging) {
          throw new RuleViolation(
            `De wijziging kan niet voor ${v.laatsteWijziging} liggen.`,
            'datum',
          );
        }
        nietInDeToekomst(command.datum, now, 'De wijziging van de woonvorm', 'datum');
        const richting = richtingVan(v.woonvorm, command.naar);
        return [
          {
            type: 'WoonvormChanged',
            data: {
              persoonId,
              verblijfId: v.verblijfId,
              datum: command.datum,
              van: v.woonvorm,
              naar: command.naar,
              richting,
            },
          },
        ];
      }
      case 'SetUitstroomperspectief': {
        const v = openVerblijf(state, command.verblijfId);
        return [
          {
            type: 'UitstroomperspectiefSet',
            data: {
              persoonId,
              verblijfId: v.verblijfId,
              datum: command.datum,
              perspectief: command.perspectief,
            },
          },
        ];
      }
      case 'EndVerblijf': {
        const v = openVerblijf(state, command.verblijfId);
        if (command.datum < v.laatsteWijziging) {
          // The start, or the last step-down or step-up: the stay was still there on that day.
          throw new RuleViolation(
            v.laatsteWijziging === v.startdatum
              ? `De uitstroom kan niet voor de start van het verblijf (${v.startdatum}) liggen.`
              : `De uitstroom kan niet voor de laatste wijziging van de woonvorm (${v.laatsteWijziging}) liggen.`,
            'datum',
          );
        }
        nietInDeToekomst(command.datum, now, 'De uitstroom', 'datum');
        const { datum, bestemming, vervolghulp } = command;
        return [
          {
            type: 'VerblijfEnded',
            data: { persoonId, verblijfId: v.verblijfId, datum, bestemming, vervolghulp },
          },
        ];
      }
      case 'RecordPerspectiefgesprek': {
        nietInDeToekomst(command.datum, now, 'Het perspectiefgesprek', 'datum');
        if (state.gesprekken.some((g) => g.gesprekId === command.gesprekId)) {
          throw new RuleViolation('Dit perspectiefgesprek is al vastgelegd.');
        }
        const { gesprekId, datum, door, perspectief, behoeften, zorgNa18Verwacht } = command;
        return [
          {
            type: 'PerspectiefgesprekHeld',
            data: { persoonId, gesprekId, datum, door, perspectief, behoeften, zorgNa18Verwacht },
          },
        ];
      }
      case 'RequestVerlengdeJeugdhulp': {
        if (state.verlengdeJeugdhulp[command.aanvraagId])
          throw new RuleViolation('Deze aanvraag bestaat al.');
        nietInDeToekomst(command.datum, now, 'De aanvraag', 'datum');
        const { aanvraagId, datum, reden } = command;
        return [
          { type: 'VerlengdeJeugdhulpRequested', data: { persoonId, aanvraagId, datum, reden } },
        ];
      }
      case 'DecideVerlengdeJeugdhulp': {
        const aanvraag = state.verlengdeJeugdhulp[command.aanvraagId];
        if (!aanvraag) throw new NotFound('Deze aanvraag voor verlengde jeugdhulp bestaat niet.');
        if (aanvraag.besluit !== null)
          throw new RuleViolation(`Over deze aanvraag is al besloten (${aanvraag.besluit}).`);
        nietInDeToekomst(command.datum, now, 'Het besluit', 'datum');
        if (command.datum < aanvraag.datum) {
          throw new RuleViolation(
            `Het besluit kan niet voor de aanvraag (${aanvraag.datum}) liggen.`,
            'datum',
          );
        }
        if (command.besluit === 'afgewezen' && !command.toelichting) {
          throw new RuleViolation('Een afwijzing heeft een toelichting.');
        }
        const { aanvraagId, datum, besluit, toelichting } = command;
        return [
          {
            type: 'VerlengdeJeugdhulpDecided',
            data: { persoonId, aanvraagId, datum, besluit, toelichting },
          },
        ];
      }
      default:
        return assertNever(command);
    }
  },
};

function registerToewijzing(command: RegisterToewijzing, state: ZorgdossierState): ZorgEvent[] {
  if (state.toewijzingen[command.toewijzingId])
    throw new RuleViolation('Deze toewijzing bestaat al.');
  if (!command.product)
    throw new RuleViolation(`Product ${command.productcode} is onbekend op ${command.begindatum}.`);
  if (!command.aanbieder)
    throw new RuleViolation(
      `Aanbieder ${command.aanbiederId} is onbekend op ${command.begindatum}.`,
    );
  if (command.einddatum < command.begindatum) {
    throw new RuleViolation(
      `De einddatum (${command.einddatum}) ligt voor de begindatum (${command.begindatum}).`,
    );
  }
  const { product, aanbieder } = command;
  if (command.wettelijkKader !== undefined && command.wettelijkKader !== product.wettelijkKader) {
    throw new RuleViolation(
      `Product ${product.productcode} valt onder de ${product.wettelijkKader}, niet onder de ${command.wettelijkKader}.`,
    );
  }
  return [
    {
      type: 'ToewijzingRegistered',
      data: {
        persoonId: command.persoonId,
        toewijzingId: command.toewijzingId,
        wettelijkKader: product.wettelijkKader,
        productcode: product.productcode,
        productcategorie: product.categorie,
        verblijf: product.verblijf,
        aanbiederId: aanbieder.aanbiederId,
        aanbiederNaam: aanbieder.naam,
        verwijzer: command.verwijzer,
        toewijzingsnummer: command.toewijzingsnummer,
        begindatum: command.begindatum,
        einddatum: command.einddatum,
        omvang: command.omvang,
        maxDuurMaanden: product.maxDuurMaanden,
        verlengingVan: null,
      },
    },
  ];
}

/** Late requests are taken, and marked: steering on timeliness needs to see them. */
function requestVerlenging(
  command: RequestVerlenging,
  state: ZorgdossierState,
  now: Date,
): ZorgEvent[] {
  const t = toewijzing(state, command.toewijzingId);
  if (state.verlengingen[command.verlengingId])
    throw new RuleViolation('Deze verlengingsaanvraag bestaat al.');
  nietInDeToekomst(command.aangevraagdOp, now, 'De aanvraag', 'aangevraagdOp');
  if (command.gevraagdTot <= t.einddatum) {
    throw new RuleViolation(`Een verlenging loopt tot na de huidige einddatum (${t.einddatum}).`);
  }
  const open = Object.values(state.verlengingen).find(
    (v) => v.toewijzingId === t.toewijzingId && v.besluit === null,
  );
  if (open)
    throw new RuleViolation(
      'Voor deze toewijzing loopt al een verlengingsaanvraag zonder besluit.',
    );
  const { persoonId, verlengingId, aangevraagdOp, aanvrager, reden, gevraagdTot } = command;
  return [
    {
      type: 'VerlengingRequested',
      data: {
        persoonId,
        verlengingId,
        toewijzingId: t.toewijzingId,
        aangevraagdOp,
        aanvrager,
        reden,
        gevraagdTot,
        telaat: aangevraagdOp > t.einddatum,
      },
    },
  ];
}

function decideVerlenging(
  command: DecideVerlenging,
  state: ZorgdossierState,
  now: Date,
): ZorgEvent[] {
  const verlenging = state.verlengingen[command.verlengingId];
  if (!verlenging) throw new NotFound('Deze verlengingsaanvraag bestaat niet.');
  if (command.besluitdatum < verlenging.aangevraagdOp) {
    throw new RuleViolation(
      `Het besluit kan niet voor de aanvraag (${verlenging.aangevraagdOp}) liggen.`,
      'besluitdatum',
    );
  }
  nietInDeToekomst(command.besluitdatum, now, 'Het besluit', 'besluitdatum');
  if (verlenging.besluit !== null)
    throw new RuleViolation(`Over deze verlenging is al besloten (${verlenging.besluit}).`);
  const { persoonId, verlengingId, besluitdatum } = command;
  if (command.besluit === 'afgewezen') {
    if (!command.toelichting) {
      throw new RuleViolation(
        'Een afwijzing ("nee, tenzij") heeft een toelichting, met de geboden alternatieven.',
      );
    }
    return [
      {
        type: 'VerlengingRefused',
        data: {
          persoonId,
          verlengingId,
          besluitdatum,
          toelichting: command.toelichting,
          alternatieven: command.alternatieven,
        },
      },
    ];
  }
  const oud = state.toewijzingen[verlenging.toewijzingId]!;
  if (state.toewijzingen[command.nieuweToewijzing.toewijzingId])
    throw new RuleViolation('Deze toewijzing bestaat al.');
  // Legally an extension is a new assignment of the same product, from the day after the old one ends.
  const { zorgStart: _start, zorgStop: _stop, ...rest } = oud;
  return [
    {
      type: 'VerlengingGranted',
      data: {
        persoonId,
        verlengingId,
        besluitdatum,
        nieuweToewijzingId: command.nieuweToewijzing.toewijzingId,
      },
    },
    {
      type: 'ToewijzingRegistered',
      data: {
        ...rest,
        persoonId,
        toewijzingId: command.nieuweToewijzing.toewijzingId,
        toewijzingsnummer: command.nieuweToewijzing.toewijzingsnummer,
        begindatum: kalenderdatum(addDays(parseISO(oud.einddatum), 1)),
        einddatum: verlenging.gevraagdTot,
        verlengingVan: verlengingId,
      },
    },
  ];
}

function startVerblijf(command: StartVerblijf, state: ZorgdossierState, now: Date): ZorgEvent[] {
  nietInDeToekomst(command.startdatum, now, 'De start van het verblijf', 'startdatum');
  if (state.verblijven[command.verblijfId]) throw new RuleViolation('Dit verblijf bestaat al.');
  if (command.indicatieEinddatum < command.startdatum) {
    throw new RuleViolation(
      `De einddatum van de indicatie (${command.indicatieEinddatum}) ligt voor de start (${command.startdatum}).`,
    );
  }
  if (command.toewijzingId !== null && !toewijzing(state, command.toewijzingId).verblijf) {
    throw new RuleViolation('Deze toewijzing is geen verblijfsproduct (categorie 43/44 of 90002).');
  }
  const open = Object.values(state.verblijven).find((v) => v.einde === null);
  if (open)
    throw new RuleViolation(
      `Er loopt al een verblijf (${open.woonvorm}, sinds ${open.startdatum}); wijzig de woonvorm of sluit het af.`,
    );
  const {
    persoonId,
    verblijfId,
    toewijzingId,
    woonvorm,
    startdatum,
    indicatieEinddatum,
    uitstroomperspectief,
  } = command;
  return [
    {
      type: 'VerblijfStarted',
      data: {
        persoonId,
        verblijfId,
        toewijzingId,
        woonvorm,
        startdatum,
        indicatieEinddatum,
        uitstroomperspectief,
      },
    },
  ];
}

function toewijzing(state: ZorgdossierState, toewijzingId: string): ToewijzingState {
  const t = state.toewijzingen[toewijzingId];
  if (!t) throw new NotFound('Deze toewijzing bestaat niet.');
  return t;
}

function openVerblijf(state: ZorgdossierState, verblijfId: string) {
  const v = state.verblijven[verblijfId];
  if (!v) throw new NotFound('Dit verblijf bestaat niet.');
  if (v.einde !== null) throw new RuleViolation(`Dit verblijf is al beëindigd op ${v.einde}.`);
  return v;
}

/** A start (or corrected start) lies within the assignment, and not in the future. */
function checkStart(t: ToewijzingState, datum: string, now: Date): void {
  nietInDeToekomst(datum, now, 'De start van de zorg', 'datum');
  if (datum < t.begindatum || datum > t.einddatum) {
    throw new RuleViolation(
      `De zorg kan alleen starten binnen de toewijzing (${t.begindatum} tot en met ${t.einddatum}).`,
    );
  }
}

/** A stop lies after the start, within the assignment, and not in the future. */
function checkStop(t: ToewijzingState, datum: string, now: Date): void {
  if (t.zorgStart !== null && datum < t.zorgStart) {
    throw new RuleViolation(`De stop (${datum}) ligt voor de start van de zorg (${t.zorgStart}).`);
  }
  if (datum > t.einddatum) {
    throw new RuleViolation(
      `De zorg kan niet na het einde van de toewijzing (${t.einddatum}) stoppen; een verlenging is een nieuwe toewijzing.`,
    );
  }
  nietInDeToekomst(datum, now, 'De stop van de zorg', 'datum');
}

/**
 * The day a command says something happened to the person, with its field: none of it lies
 * before their birth. (Later dates of the same command lie after this one, by the other rules.)
 */
function datumVan(command: ZorgCommand): { datum: string; wat: string; field: string } | null {
  switch (command.type) {
    case 'RegisterToewijzing':
      return { datum: command.begindatum, wat: 'De begindatum', field: 'begindatum' };
    case 'RequestVerlenging':
      return { datum: command.aangevraagdOp, wat: 'De aanvraag', field: 'aangevraagdOp' };
    case 'DecideVerlenging':
      return { datum: command.besluitdatum, wat: 'Het besluit', field: 'besluitdatum' };
    case 'StartVerblijf':
      return { datum: command.startdatum, wat: 'De start van het verblijf', field: 'startdatum' };
    case 'CorrectZorgStart':
      return command.datum === null
        ? null
        : { datum: command.datum, wat: 'De start van de zorg', field: 'datum' };
    case 'CorrectZorgStop':
      return command.stop === null
        ? null
        : { datum: command.stop.datum, wat: 'De stop van de zorg', field: 'datum' };
    case 'StartZorg':
    case 'StopZorg':
    case 'ChangeWoonvorm':
    case 'SetUitstroomperspectief':
    case 'EndVerblijf':
    case 'RecordPerspectiefgesprek':
    case 'RequestVerlengdeJeugdhulp':
    case 'DecideVerlengdeJeugdhulp':
      return { datum: command.datum, wat: 'De datum', field: 'datum' };
    default:
      return assertNever(command);
  }
}
