import type { Response } from 'express';
import { etag } from './command-context';

export interface WriteResponse {
  gezinId: string;
  revision: number;
  position: string | null;
  [id: string]: string | number | null;
}

/** Every write answers with the family's version (ETag) and where its events landed in the log. */
export function writeResponse(
  response: Response,
  result: { gezinId: string; revision: number; position: bigint | null },
  extra: Record<string, string> = {},
): WriteResponse {
  response.setHeader('ETag', etag(result.revision));
  const position = result.position === null ? null : result.position.toString();
  if (position !== null) response.setHeader('X-Log-Position', position);
  return { gezinId: result.gezinId, revision: result.revision, position, ...extra };
}
