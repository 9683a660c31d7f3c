import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/*
 * AES-256-GCM as Shepherd seals values with it: a 32-byte key, a fresh random IV per value
 * (the 12 bytes GCM is specified for) and a 16-byte tag, bound to associated data so that a
 * value sealed for one purpose cannot pass for another.
 */

const ALGORITHM = 'aes-256-gcm';
/** The length of a key, in bytes. */
export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What sealing gives: each caller encodes these in its own format. */
export interface SealedParts {
  iv: Buffer;
  tag: Buffer;
  body: Buffer;
}

export function sealAesGcm(
  key: Buffer,
  plaintext: string,
  associatedData: Buffer,
): SealedParts {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, {
    authTagLength: TAG_BYTES,
  });
  cipher.setAAD(associatedData);
  const body = Buffer.concat([
    cipher.update(plaintext, 'utf8'),
    cipher.final(),
  ]);
  return { iv, tag: cipher.getAuthTag(), body };
}

/** Whether decoded parts have the sizes {@link sealAesGcm} gives them. */
export function hasSealedShape(parts: SealedParts): boolean {
  return parts.iv.length === IV_BYTES && parts.tag.length === TAG_BYTES;
}

/** The plaintext of sealed parts; throws when they do not authenticate under the key. */
export function openAesGcm(
  key: Buffer,
  { iv, tag, body }: SealedParts,
  associatedData: Buffer,
): string {
  const decipher = createDecipheriv(ALGORITHM, key, iv, {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(associatedData);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString(
    'utf8',
  );
}
