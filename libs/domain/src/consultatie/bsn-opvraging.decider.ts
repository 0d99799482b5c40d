import { Decider, DomainEvent, NotFound, RuleViolation } from '../decider';
import { isValidBsn } from '../persoon/bsn';
import { PRAKTIJK_NIET_GEVONDEN } from '../toegang';

/**
 * A BSN lookup by a practice user, asked for with consent when logging or correcting a
 * consultation. Every lookup is one event in the user's stream of that clock hour (UTC): counted
 * against the limit per user, listed for application management, and, when the BSN belongs to a
 * known person, put in the processing log of each of that person's families. The BSN itself is
 * never in an event. Known or not, a lookup is one append, so neither the answer nor its timing
 * tells the practice which.
 */
export const BSN_OPVRAGING = 'BsnOpvragingRecorded';

export interface BsnOpvragingData {
  userId: string;
  naam: string;
  rol: string;
  praktijkId: string;
  /** The person the BSN belongs to; null when it belongs to no one known. */
  persoonId: string | null;
  /** That person's families now: the lookup is in each one's processing log. */
  gezinIds: string[];
  /**
   * When the lookup was done (ISO 8601). The envelope says so too, but a decider sees only the
   * data, and the limit counts the last 60 minutes. Lookups recorded before issue 11 lack it.
   */
  op?: string;
}

export type BsnOpvragingRecorded = DomainEvent<typeof BSN_OPVRAGING, BsnOpvragingData>;

/** The lookups in one user's stream of one clock hour: when each was done (null: not recorded). */
export interface BsnOpvragingenState {
  momenten: (string | null)[];
}

export interface RecordBsnOpvraging {
  type: 'RecordBsnOpvraging';
  /** The practice user, and the practice they are linked to (null: none, so no lookup). */
  door: { userId: string; naam: string; rol: string; praktijkId: string | null };
  /** As the practice sent it: checked (eleven-test), then only used to find the person. */
  bsn: string;
  /** The limit: lookups per user in any 60 minutes (BSN_OPVRAGINGEN_PER_UUR). */
  perUur: number;
  /**
   * The user's lookups of the previous clock hour (that stream's `momenten`): those of the last
   * 60 minutes count too. That hour is over, so the moments read once stay true.
   */
  vorigUur: (string | null)[];
  /**
   * The person the BSN belongs to, and their families. Looked up only once the lookup is allowed
   * (the command path's `resolve`): a refused lookup finds nothing out.
   */
  gevonden: { persoonId: string; gezinIds: string[] } | null;
}

/** The user has reached the limit; `retryAfterSeconds` says when the oldest counted lookup expires. */
export class TooManyRequests extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = 'TooManyRequests';
  }
}

const UUR_MS = 60 * 60 * 1000;

/** The clock hour (UTC) a lookup falls in: `2026-11-25T18`. */
export const uurVan = (moment: Date): string => moment.toISOString().slice(0, 13);

/** A user's lookups of one clock hour: small streams, so counting reads little. */
export const bsnOpvragingenStreamId = (userId: string, uur: string): string =>
  `bsn-opvragingen-${userId}-${uur}`;

/**
 * The limit on BSN lookups. The command path appends with the revision it read, so two lookups of
 * one user at the same moment (on two API instances) cannot both be counted on the same count:
 * the one that loses the race is decided again against the new count.
 */
export const bsnOpvragingDecider: Decider<
  RecordBsnOpvraging,
  BsnOpvragingRecorded,
  BsnOpvragingenState
> = {
  initialState: () => ({ momenten: [] }),
  evolve: (state, event) => ({ momenten: [...state.momenten, event.data.op ?? null] }),
  authorize(command) {
    praktijkVan(command);
  },
  decide(command, state, now) {
    const praktijkId = praktijkVan(command);
    // About the input, not about what the municipality knows: refused before anything counts.
    if (!isValidBsn(command.bsn)) {
      throw new RuleViolation('Het BSN is geen geldig BSN (elfproef).');
    }
    checkLimiet(command, state, now);
    const { door, gevonden } = command;
    return [
      {
        type: BSN_OPVRAGING,
        data: {
          userId: door.userId,
          naam: door.naam,
          rol: door.rol,
          praktijkId,
          persoonId: gevonden?.persoonId ?? null,
          gezinIds: gevonden?.gezinIds ?? [],
          op: now.toISOString(),
        },
      },
    ];
  },
};

/** Only a user of a practice looks up a BSN, for that practice. */
function praktijkVan({ door }: RecordBsnOpvraging): string {
  if (door.praktijkId === null) throw new NotFound(PRAKTIJK_NIET_GEVONDEN);
  return door.praktijkId;
}

/**
 * At most `perUur` lookups in the last 60 minutes, over this clock hour and the previous one. A
 * lookup recorded without its moment counts as done as late as it can have been (the end of the
 * previous hour, or now), so the limit never lets more through.
 */
function checkLimiet(
  { perUur, vorigUur }: RecordBsnOpvraging,
  state: BsnOpvragingenState,
  now: Date,
): void {
  const nu = now.getTime();
  const beginDitUur = Math.floor(nu / UUR_MS) * UUR_MS;
  const tijden = [
    ...vorigUur.map((op) => (op === null ? beginDitUur - 1 : Date.parse(op))),
    ...state.momenten.map((op) => (op === null ? nu : Date.parse(op))),
  ]
    .filter((tijd) => tijd > nu - UUR_MS)
    .sort((a, b) => a - b);
  if (tijden.length < perUur) return;
  // Below the limit again once enough of the counted lookups are more than an hour old.
  const vrij = tijden[tijden.length - perUur]! + UUR_MS;
  throw new TooManyRequests(
    `U heeft in het afgelopen uur al ${tijden.length} keer een BSN opgevraagd; dat mag ` +
      `${perUur} keer per uur. Probeer het later opnieuw.`,
    Math.max(1, Math.ceil((vrij - nu) / 1000)),
  );
}
