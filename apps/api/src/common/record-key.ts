import { randomInt } from 'node:crypto';
import { RECORD_KEY_GRENS } from '@app/domain';

/** A new record key (ADR 0011): random, never derived from an id. */
export const newRecordKey = (): number => randomInt(RECORD_KEY_GRENS);
