import { normalizeEntityRef } from '@kubevirt-shepherd/plugin-shepherd-common';
import { createHash, hkdfSync } from 'node:crypto';
import { KEY_BYTES, hasSealedShape, openAesGcm, sealAesGcm } from './aesGcm';
import { EncryptionKey } from './CredentialCipher';

/** First part of every token, so that a later format can be told apart. */
const FORMAT = 'c1';
const SEPARATOR = '.';
/**
 * HKDF info of the token key: console tokens use their own key derived from each configured
 * encryption key, never the key that encrypts cluster credentials itself.
 */
const KEY_DERIVATION_INFO = 'kubevirt-shepherd console session token v1';
/** Additional authenticated data: a sealed credential cannot pass for a token. */
const ASSOCIATED_DATA = Buffer.from('kubevirt-shepherd/console-session');

/** What a console session token binds. */
export interface ConsoleTokenClaims {
  /** Random id; its replay marker makes the token single-use. */
  tokenId: string;
  vmId: string;
  grantId: string;
  /** {@link hashUserRef} of the user the token was issued to. */
  userHash: string;
  /** ISO time after which the token opens nothing. */
  expiresAt: string;
  /**
   * Whether the relay takes the console over from a session someone else holds, checked
   * against its own permission when the token was issued; absent means it does not.
   */
  takeover?: boolean;
}

/** Why a token was not accepted; never carries the token or key material. */
export class ConsoleTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConsoleTokenError';
  }
}

/**
 * SHA-256 of a user entity ref in its normal form, base64url: the token names its user without
 * showing it, and the user is the same whatever the case its sign-in spelled the ref in.
 */
export function hashUserRef(userRef: string): string {
  return createHash('sha256')
    .update(normalizeEntityRef(userRef), 'utf8')
    .digest('base64url');
}

function deriveKey(secret: Buffer): Buffer {
  return Buffer.from(
    hkdfSync('sha256', secret, Buffer.alloc(0), KEY_DERIVATION_INFO, KEY_BYTES),
  );
}

function isClaims(value: unknown): value is ConsoleTokenClaims {
  const claims = value as Record<string, unknown> | null;
  return (
    typeof claims === 'object' &&
    claims !== null &&
    ['tokenId', 'vmId', 'grantId', 'userHash', 'expiresAt'].every(
      field => typeof claims[field] === 'string',
    ) &&
    (claims.takeover === undefined || typeof claims.takeover === 'boolean')
  );
}

/**
 * Seals console session tokens with AES-256-GCM: the claims are encrypted and authenticated,
 * so a client can neither read nor change them. Keys are derived (HKDF-SHA256) from
 * `shepherd.credentials.encryptionKeys`: the first seals, every one opens, so every replica
 * opens what another sealed and keys rotate as the credentials' keys do. The token is made
 * of base64url parts joined by dots, so it is a valid websocket subprotocol.
 */
export class ConsoleTokenSealer {
  readonly #keys: ReadonlyMap<string, Buffer>;
  readonly #currentKeyId?: string;

  constructor(keys: EncryptionKey[]) {
    this.#keys = new Map(keys.map(key => [key.id, deriveKey(key.secret)]));
    this.#currentKeyId = keys[0]?.id;
  }

  get isConfigured(): boolean {
    return this.#currentKeyId !== undefined;
  }

  seal(claims: ConsoleTokenClaims): string {
    const keyId = this.#currentKeyId;
    if (keyId === undefined) {
      throw new ConsoleTokenError('No encryption key is configured');
    }
    const { iv, tag, body } = sealAesGcm(
      this.#keys.get(keyId)!,
      JSON.stringify(claims),
      ASSOCIATED_DATA,
    );
    return [
      FORMAT,
      ...[Buffer.from(keyId, 'utf8'), iv, tag, body].map(part =>
        part.toString('base64url'),
      ),
    ].join(SEPARATOR);
  }

  /** The claims of a token this backend sealed; throws {@link ConsoleTokenError} otherwise. */
  open(token: string): ConsoleTokenClaims {
    const [format, ...encoded] = token.split(SEPARATOR);
    if (format !== FORMAT || encoded.length !== 4) {
      throw new ConsoleTokenError('The console token is malformed');
    }
    const [keyId, iv, tag, body] = encoded.map(part =>
      Buffer.from(part, 'base64url'),
    );
    const key = this.#keys.get(keyId.toString('utf8'));
    const sealed = { iv, tag, body };
    if (!key || !hasSealedShape(sealed)) {
      throw new ConsoleTokenError('The console token is not one of ours');
    }
    let plaintext: string;
    try {
      plaintext = openAesGcm(key, sealed, ASSOCIATED_DATA);
    } catch {
      throw new ConsoleTokenError('The console token does not authenticate');
    }
    const claims: unknown = JSON.parse(plaintext);
    if (!isClaims(claims)) {
      throw new ConsoleTokenError('The console token is malformed');
    }
    return claims;
  }
}
