import { Config } from '@backstage/config';
import { KEY_BYTES, hasSealedShape, openAesGcm, sealAesGcm } from './aesGcm';

/** Prefix of the stored format, so that a later format can be told apart. */
const FORMAT = 'v1';
const SEPARATOR = '.';
const KEY_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
const BASE64_PATTERN = /^[A-Za-z0-9+/]+={0,2}$/;

/** Where the keys are configured. */
export const ENCRYPTION_KEYS_CONFIG_KEY = 'shepherd.credentials.encryptionKeys';

export interface EncryptionKey {
  id: string;
  /** 32 bytes. */
  secret: Buffer;
}

/** A value encrypted under the key with id `keyId`. */
export interface EncryptedValue {
  keyId: string;
  ciphertext: string;
}

export type CredentialCipherFailure =
  | 'not-configured'
  | 'unknown-key'
  | 'undecryptable';

/** Why a value could not be encrypted or decrypted; never carries key material or plaintext. */
export class CredentialCipherError extends Error {
  constructor(readonly reason: CredentialCipherFailure, message: string) {
    super(message);
    this.name = 'CredentialCipherError';
  }
}

function parseKey(id: unknown, secret: unknown, index: number): EncryptionKey {
  if (typeof id !== 'string' || !KEY_ID_PATTERN.test(id)) {
    throw new Error(
      `${ENCRYPTION_KEYS_CONFIG_KEY}[${index}].id must be 1-64 letters, digits, dots, dashes or underscores`,
    );
  }
  const bytes =
    typeof secret === 'string' && BASE64_PATTERN.test(secret)
      ? Buffer.from(secret, 'base64')
      : undefined;
  // A round trip rejects text that Buffer.from would decode leniently.
  if (
    !bytes ||
    bytes.length !== KEY_BYTES ||
    bytes.toString('base64') !== secret
  ) {
    throw new Error(
      `${ENCRYPTION_KEYS_CONFIG_KEY}[${index}].secret (key '${id}') must be the base64 encoding of ${KEY_BYTES} random bytes`,
    );
  }
  return { id, secret: bytes };
}

/** The keys of `shepherd.credentials.encryptionKeys`, validated; none when the setting is absent. */
export function readEncryptionKeys(config: Config): EncryptionKey[] {
  const entries = config.getOptionalConfigArray(ENCRYPTION_KEYS_CONFIG_KEY);
  return (entries ?? []).map((entry, index) =>
    parseKey(entry.getOptional('id'), entry.getOptional('secret'), index),
  );
}

/**
 * Encrypts credentials at rest with AES-256-GCM. The first configured key is the current one
 * and encrypts; the keys after it are previous keys, which only decrypt. Keys rotate by
 * putting a new key first and keeping the old ones until the re-encryption task has moved
 * every value to the new key ([ADR 0025](../../../../docs/adr/0025-encryption-key-rotation.md)).
 * Callers bind each value to its row with additional authenticated data, so that a
 * ciphertext copied to another row does not decrypt.
 */
export class CredentialCipher {
  readonly #keys: ReadonlyMap<string, Buffer>;
  readonly #current?: EncryptionKey;

  constructor(keys: EncryptionKey[]) {
    const byId = new Map<string, Buffer>();
    for (const key of keys) {
      if (byId.has(key.id)) {
        throw new Error(`The encryption key id '${key.id}' is used twice`);
      }
      if (key.secret.length !== KEY_BYTES) {
        throw new Error(
          `The encryption key '${key.id}' must have ${KEY_BYTES} bytes`,
        );
      }
      byId.set(key.id, key.secret);
    }
    this.#keys = byId;
    this.#current = keys[0];
  }

  /** The keys of `shepherd.credentials.encryptionKeys`; none when the setting is absent. */
  static fromConfig(config: Config): CredentialCipher {
    return new CredentialCipher(readEncryptionKeys(config));
  }

  get isConfigured(): boolean {
    return this.#current !== undefined;
  }

  /** The id of the key new values are encrypted with. */
  get currentKeyId(): string | undefined {
    return this.#current?.id;
  }

  /** The ids of the configured keys that only decrypt: values under them await re-encryption. */
  get previousKeyIds(): string[] {
    return [...this.#keys.keys()].filter(id => id !== this.#current?.id);
  }

  /**
   * The same plaintext encrypted under the current key (with a fresh IV); the value as it is
   * when it already is under the current key. Throws as {@link CredentialCipher.decrypt}.
   */
  reencrypt(value: EncryptedValue, associatedData: string): EncryptedValue {
    if (value.keyId === this.#current?.id) return value;
    return this.encrypt(this.decrypt(value, associatedData), associatedData);
  }

  encrypt(plaintext: string, associatedData: string): EncryptedValue {
    const key = this.#current;
    if (!key) {
      throw new CredentialCipherError(
        'not-configured',
        `No encryption key is configured (${ENCRYPTION_KEYS_CONFIG_KEY})`,
      );
    }
    const { iv, tag, body } = sealAesGcm(
      key.secret,
      plaintext,
      Buffer.from(associatedData, 'utf8'),
    );
    return {
      keyId: key.id,
      ciphertext: [
        FORMAT,
        ...[iv, tag, body].map(part => part.toString('base64')),
      ].join(SEPARATOR),
    };
  }

  decrypt(value: EncryptedValue, associatedData: string): string {
    const secret = this.#keys.get(value.keyId);
    if (!secret) {
      throw new CredentialCipherError(
        'unknown-key',
        `The encryption key '${value.keyId}' is not configured`,
      );
    }
    const [format, ...encoded] = value.ciphertext.split(SEPARATOR);
    const [iv, tag, body] = encoded.map(part => Buffer.from(part, 'base64'));
    const sealed = { iv, tag, body };
    if (format !== FORMAT || encoded.length !== 3 || !hasSealedShape(sealed)) {
      throw new CredentialCipherError(
        'undecryptable',
        'The encrypted value is not in a known format',
      );
    }
    try {
      return openAesGcm(secret, sealed, Buffer.from(associatedData, 'utf8'));
    } catch {
      throw new CredentialCipherError(
        'undecryptable',
        `The encrypted value does not authenticate under the key '${value.keyId}'`,
      );
    }
  }
}
