import type { Response } from 'express';
import { etag } from './command-context';

/** The body of every write: the ids the client needs, the stream's new version, the log position. */
export type WriteResponse = Record<string, string | number | null> & {
  revision: number;
  position: string | null;
};

/**
 * Every write answers with the stream's new version (ETag, to send back in If-Match) and where its
 * events landed in the log (X-Log-Position, to pass as ?minPosition= on the next read).
 */
export function writeResponse(
  response: Response,
  result: { revision: number; position: bigint | string | null },
  ids: Record<string, string>,
): WriteResponse {
  response.setHeader('ETag', etag(result.revision));
  const position = result.position === null ? null : result.position.toString();
  if (position !== null) response.setHeader('X-Log-Position', position);
  return { ...ids, revision: result.revision, position };
}
