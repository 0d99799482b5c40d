import { Decider, DomainEvent } from '../decider';

/**
 * The processing log (verwerkingslog): every read of a family's personal data is recorded (who,
 * when, which families, what) before the data is sent, so a family can be shown who read its
 * data (AVG art. 15). A read is a fact of the reader, not of the family: the events live in the
 * reader's streams, and the `verwerkingslog` projection indexes them per family.
 */
export type GezinsgegevensViewed = DomainEvent<
  'GezinsgegevensViewed',
  {
    /** The families whose data was read (a worklist shows several), each once. */
    gezinIds: string[];
    /** What was read, in the words of the log: "gezin", "tijdlijn", "werklijst mijn-gezinnen". */
    wat: string;
    /** The reader's user id, and their name as it was then. */
    door: string;
    naam: string;
  }
>;
export type VerwerkingslogEvent = GezinsgegevensViewed;

/** Record that a user read the data of these families. */
export type RecordInzage = {
  type: 'RecordInzage';
  gezinIds: readonly string[];
  wat: string;
  door: { userId: string; naam: string };
};
export type VerwerkingslogCommand = RecordInzage;

export interface VerwerkingslogState {
  /** How many reads the stream holds; nothing depends on it. */
  inzages: number;
}

/**
 * One stream per reader per day (`datum`, YYYY-MM-DD): a read is appended after reading only that
 * day's reads of that user. Reads logged before this were in one stream per reader
 * (`verwerkingslog-<userId>`); the projection reads both, as it goes by event type.
 */
export const verwerkingslogStreamId = (userId: string, datum: string): string =>
  `verwerkingslog-${userId}-${datum}`;

export const verwerkingslogDecider: Decider<
  VerwerkingslogCommand,
  VerwerkingslogEvent,
  VerwerkingslogState
> = {
  appendOnly: true,
  initialState: () => ({ inzages: 0 }),
  evolve: (state) => ({ inzages: state.inzages + 1 }),
  decide(command) {
    const gezinIds = [...new Set(command.gezinIds)];
    // A read that showed no family (an empty worklist) read no one's data.
    if (gezinIds.length === 0) return [];
    const { wat, door } = command;
    return [
      {
        type: 'GezinsgegevensViewed',
        data: { gezinIds, wat, door: door.userId, naam: door.naam },
      },
    ];
  },
};
