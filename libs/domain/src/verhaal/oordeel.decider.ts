import { Decider, RuleViolation, assertNever } from '../decider';
import { Door } from '../gezin/gezin.decider';
import { GezinFeiten, alsContactpersoon, checkDatum } from './gezin-feiten';
import {
  Aanleiding,
  GEEN_ANTWOORD,
  HULPVRAAG_ANTWOORDEN,
  Oordeel,
  OordelenRecorded,
  ToewijzingOpname,
  Verteller,
} from './verhaal.events';

/**
 * Why judgements are asked, as the command names it: a plan evaluation (of a version of the
 * plan), or the end of an assignment, with what the care dossiers know of it (null: unknown).
 */
export type AanleidingVraag =
  | { soort: 'evaluatie'; planVersie: number }
  | { soort: 'einde-toewijzing'; toewijzingId: string; toewijzing: ToewijzingOpname | null };

export type RecordOordelen = {
  type: 'RecordOordelen';
  door: Door;
  gezin: GezinFeiten;
  oordeelId: string;
  gezinId: string;
  aanleiding: AanleidingVraag;
  datum: string;
  oordelen: Oordeel[];
};
export type OordeelCommand = RecordOordelen;

export interface OordeelState {
  recorded: boolean;
}

/**
 * Judgements (oordelen), stream `oordeel-{oordeelId}`: at a plan evaluation or at the end of an
 * assignment, the youth, the parent(s) and the professional each say whether the help request was
 * answered, how much they were in charge, and how far each plan goal came. Recorded by the
 * family's contact person; "not asked" and "did not want to answer" are answers too.
 */
export const oordeelDecider: Decider<OordeelCommand, OordelenRecorded, OordeelState> = {
  initialState: () => ({ recorded: false }),
  evolve: (state, event) => (event.type === 'OordelenRecorded' ? { recorded: true } : state),
  authorize(command) {
    alsContactpersoon(command.gezin, command.door.userId, 'oordelen');
  },
  decide(command, state, now) {
    alsContactpersoon(command.gezin, command.door.userId, 'oordelen');
    if (state.recorded) throw new RuleViolation('Deze oordelen zijn al vastgelegd.');
    checkDatum(command.datum, now, 'datum', 'De datum van de oordelen');
    const { aanleiding, doelen } = checkAanleiding(command);
    checkOordelen(command.oordelen, command.gezin, doelen);
    const { oordeelId, gezinId, datum } = command;
    const oordelen = command.oordelen.map((o) => ({
      door: o.door,
      hulpvraagBeantwoord: o.hulpvraagBeantwoord,
      regie: o.regie,
      voortgang: o.voortgang.map((v) => ({ doelId: v.doelId, score: v.score })),
    }));
    return [
      {
        type: 'OordelenRecorded',
        data: { oordeelId, gezinId, aanleiding, datum, oordelen, door: command.door.userId },
      },
    ];
  },
};

/** The occasion as the event keeps it, and the goals the judgements may score. */
function checkAanleiding(command: RecordOordelen): { aanleiding: Aanleiding; doelen: string[] } {
  const { aanleiding, gezin } = command;
  switch (aanleiding.soort) {
    case 'evaluatie': {
      const doelen = gezin.planDoelen[aanleiding.planVersie];
      if (!doelen) {
        throw new RuleViolation(
          `Het plan van het gezin heeft geen versie ${aanleiding.planVersie}.`,
          'aanleiding.planVersie',
        );
      }
      return { aanleiding: { soort: 'evaluatie', planVersie: aanleiding.planVersie }, doelen };
    }
    case 'einde-toewijzing': {
      const { toewijzing } = aanleiding;
      if (toewijzing === null || !gezin.leden.some((l) => l.persoonId === toewijzing.persoonId)) {
        throw new RuleViolation(
          'Deze toewijzing is niet bekend bij een lid van het gezin.',
          'aanleiding.toewijzingId',
        );
      }
      // At the end of an assignment the goals are those of the plan as it is now.
      const versies = Object.keys(gezin.planDoelen).map(Number);
      const doelen = versies.length > 0 ? gezin.planDoelen[Math.max(...versies)]! : [];
      return { aanleiding: { soort: 'einde-toewijzing', toewijzing }, doelen };
    }
    default:
      return assertNever(aanleiding);
  }
}

/** The regie scale, 1 (not at all in charge) to 5 (fully). */
export const REGIE_SCORES = [1, 2, 3, 4, 5] as const;
/** The goal attainment scale, -2 to +2. */
export const VOORTGANG_SCORES = [-2, -1, 0, 1, 2] as const;
const isGeenAntwoord = (value: unknown): boolean =>
  (GEEN_ANTWOORD as readonly unknown[]).includes(value);

/**
 * One judgement per youth and per parent of the family at most, one of the professional; each on
 * the scales, and progress only on goals of the plan, each goal once.
 */
function checkOordelen(oordelen: readonly Oordeel[], gezin: GezinFeiten, doelen: string[]): void {
  if (oordelen.length === 0) {
    throw new RuleViolation('Leg ten minste één oordeel vast.', 'oordelen');
  }
  const ruimte: Record<Verteller, number> = {
    jeugdige: gezin.leden.filter((l) => l.rol === 'jeugdige').length,
    ouder: gezin.leden.filter((l) => l.rol === 'ouder').length,
    professional: 1,
  };
  const woorden: Record<Verteller, string> = {
    jeugdige: 'jeugdigen',
    ouder: 'ouders',
    professional: 'professionals',
  };
  oordelen.forEach((oordeel, i) => {
    const veld = `oordelen[${i}]`;
    const gelijk = oordelen.slice(0, i + 1).filter((o) => o.door === oordeel.door).length;
    if (gelijk > ruimte[oordeel.door]) {
      throw new RuleViolation(
        oordeel.door === 'professional'
          ? 'De professional geeft één oordeel.'
          : `Er zijn meer oordelen van ${woorden[oordeel.door]} dan het gezin ${woorden[oordeel.door]} heeft (${ruimte[oordeel.door]}).`,
        `${veld}.door`,
      );
    }
    if (!(HULPVRAAG_ANTWOORDEN as readonly string[]).includes(oordeel.hulpvraagBeantwoord)) {
      throw new RuleViolation(
        `Is de hulpvraag beantwoord: ${HULPVRAAG_ANTWOORDEN.join(', ')}.`,
        `${veld}.hulpvraagBeantwoord`,
      );
    }
    if (
      !(REGIE_SCORES as readonly unknown[]).includes(oordeel.regie) &&
      !isGeenAntwoord(oordeel.regie)
    ) {
      throw new RuleViolation(
        'Regie is 1 tot en met 5, niet-gevraagd of wil-niet-antwoorden.',
        `${veld}.regie`,
      );
    }
    const gescoord = new Set<string>();
    oordeel.voortgang.forEach((v, j) => {
      const doelVeld = `${veld}.voortgang[${j}]`;
      if (!doelen.includes(v.doelId)) {
        throw new RuleViolation(
          `Doel ${v.doelId} staat niet in het plan van het gezin.`,
          `${doelVeld}.doelId`,
        );
      }
      if (gescoord.has(v.doelId)) {
        throw new RuleViolation(
          `Doel ${v.doelId} staat twee keer in dit oordeel.`,
          `${doelVeld}.doelId`,
        );
      }
      gescoord.add(v.doelId);
      if (!(VOORTGANG_SCORES as readonly unknown[]).includes(v.score) && !isGeenAntwoord(v.score)) {
        throw new RuleViolation(
          'De voortgang op een doel is -2 tot en met +2, niet-gevraagd of wil-niet-antwoorden.',
          `${doelVeld}.score`,
        );
      }
    });
  });
}
