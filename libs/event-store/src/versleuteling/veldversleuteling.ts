import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  GEGEVENS_VERWIJDERD,
  Gewist,
  PersoonlijkeVelden,
  Sleutelhouder,
  sleutelId,
} from '@app/domain';

/**
 * One encrypted field as it is stored: the id of the key and AES-256-GCM's output, base64 of
 * IV (12 bytes) + tag (16 bytes) + ciphertext of the value's JSON. The key id and the field's
 * path are authenticated too, so a value cannot be moved to another field or subject unnoticed.
 */
export interface VersleuteldVeld {
  $sleutel: string;
  $versleuteld: string;
}

export const isVersleuteld = (value: unknown): value is VersleuteldVeld =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as VersleuteldVeld).$sleutel === 'string' &&
  typeof (value as VersleuteldVeld).$versleuteld === 'string';

/** The id of the key an event's personal fields are encrypted with; null if it names no subject. */
export function sleutelVan(
  data: Record<string, unknown>,
  definitie: PersoonlijkeVelden,
): string | null {
  const sleutel = definitie.sleutel;
  if ('dossier' in sleutel) {
    const dossier = valueAt(data, sleutel.dossier) as { soort?: unknown; id?: unknown } | null;
    return typeof dossier?.soort === 'string' && typeof dossier.id === 'string'
      ? sleutelId({ soort: dossier.soort as Sleutelhouder, id: dossier.id })
      : null;
  }
  const id = valueAt(data, sleutel.veld);
  return typeof id === 'string' ? sleutelId({ soort: sleutel.soort, id }) : null;
}

export function encrypt(value: unknown, key: Buffer, id: string, pad: string): VersleuteldVeld {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(`${id}|${pad}`));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return {
    $sleutel: id,
    $versleuteld: Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64'),
  };
}

export function decrypt(field: VersleuteldVeld, key: Buffer, pad: string): unknown {
  const bytes = Buffer.from(field.$versleuteld, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(`${field.$sleutel}|${pad}`));
  decipher.setAuthTag(bytes.subarray(12, 28));
  const plain = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
  return JSON.parse(plain.toString('utf8')) as unknown;
}

/** How an erased field reads. */
export const gewisteWaarde = (gewist: Gewist): string | null =>
  gewist === 'tekst' ? GEGEVENS_VERWIJDERD : null;

/**
 * Calls `change` for every value at `pad` (dotted, `[]` steps into each array element) and puts
 * back what it returns; mutates `data`, so callers pass a copy. Absent and null values are skipped.
 */
export async function mapAt(
  data: unknown,
  pad: string,
  change: (value: unknown) => Promise<unknown>,
): Promise<void> {
  const [head, ...rest] = pad.split('.');
  if (head === undefined || typeof data !== 'object' || data === null) return;
  const record = data as Record<string, unknown>;
  const isArray = head.endsWith('[]');
  const name = isArray ? head.slice(0, -2) : head;
  const value = record[name];
  if (value === undefined || value === null) return;
  if (isArray) {
    if (!Array.isArray(value)) return;
    for (let i = 0; i < value.length; i++) {
      if (rest.length === 0) {
        if (value[i] !== null && value[i] !== undefined) value[i] = await change(value[i]);
      } else {
        await mapAt(value[i], rest.join('.'), change);
      }
    }
  } else if (rest.length === 0) {
    record[name] = await change(value);
  } else {
    await mapAt(value, rest.join('.'), change);
  }
}

function valueAt(data: unknown, pad: string): unknown {
  let value = data;
  for (const name of pad.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[name];
  }
  return value;
}
