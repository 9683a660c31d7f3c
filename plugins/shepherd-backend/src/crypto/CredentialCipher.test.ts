import { ConfigReader } from '@backstage/config';
import { randomBytes } from 'node:crypto';
import { CredentialCipher, CredentialCipherError } from './CredentialCipher';

const secret = () => randomBytes(32).toString('base64');
const KUBECONFIG = 'apiVersion: v1\nusers:\n- user: {token: secret-token}\n';

function cipherOf(keys: Array<{ id: string; secret: string }>) {
  return CredentialCipher.fromConfig(
    new ConfigReader({ shepherd: { credentials: { encryptionKeys: keys } } }),
  );
}

function failure(run: () => unknown): CredentialCipherError {
  try {
    run();
  } catch (error) {
    if (error instanceof CredentialCipherError) return error;
    throw error;
  }
  throw new Error('did not fail');
}

describe('CredentialCipher', () => {
  const k1 = { id: 'k1', secret: secret() };
  const k2 = { id: 'k2', secret: secret() };

  it('round-trips a value under the first key, with a fresh IV each time', () => {
    const cipher = cipherOf([k1]);
    const first = cipher.encrypt(KUBECONFIG, 'cluster-a');
    const second = cipher.encrypt(KUBECONFIG, 'cluster-a');

    expect(first.keyId).toBe('k1');
    expect(first.ciphertext).toMatch(/^v1\./);
    expect(first.ciphertext).not.toContain('secret-token');
    expect(first.ciphertext).not.toBe(second.ciphertext);
    expect(cipher.decrypt(first, 'cluster-a')).toBe(KUBECONFIG);
    expect(cipher.decrypt(second, 'cluster-a')).toBe(KUBECONFIG);
  });

  it('rotates: the new first key encrypts, the old key still decrypts', () => {
    const old = cipherOf([k1]).encrypt(KUBECONFIG, 'cluster-a');
    const rotated = cipherOf([k2, k1]);

    expect(rotated.currentKeyId).toBe('k2');
    expect(rotated.decrypt(old, 'cluster-a')).toBe(KUBECONFIG);
    const fresh = rotated.encrypt(KUBECONFIG, 'cluster-a');
    expect(fresh.keyId).toBe('k2');
    expect(cipherOf([k2]).decrypt(fresh, 'cluster-a')).toBe(KUBECONFIG);
  });

  it('re-encrypts a value under a previous key with the current key, and leaves a current one', () => {
    const old = cipherOf([k1]).encrypt(KUBECONFIG, 'cluster-a');
    const rotated = cipherOf([k2, k1]);
    expect(rotated.previousKeyIds).toEqual(['k1']);

    const moved = rotated.reencrypt(old, 'cluster-a');
    expect(moved.keyId).toBe('k2');
    expect(cipherOf([k2]).decrypt(moved, 'cluster-a')).toBe(KUBECONFIG);
    expect(rotated.reencrypt(moved, 'cluster-a')).toBe(moved);
    // Bound to its row as before.
    expect(failure(() => rotated.decrypt(moved, 'cluster-b'))).toMatchObject({
      reason: 'undecryptable',
    });
  });

  it('refuses a value under a key that is no longer configured', () => {
    const old = cipherOf([k1]).encrypt(KUBECONFIG, 'cluster-a');
    expect(
      failure(() => cipherOf([k2]).decrypt(old, 'cluster-a')),
    ).toMatchObject({ reason: 'unknown-key' });
  });

  it('refuses tampered ciphertexts, other rows and relabelled keys', () => {
    const cipher = cipherOf([k1, { ...k2 }]);
    const value = cipher.encrypt(KUBECONFIG, 'cluster-a');
    const [format, iv, tag, body] = value.ciphertext.split('.');
    const flipped = Buffer.from(body, 'base64');
    flipped[0] ^= 1;

    for (const tampered of [
      `${format}.${iv}.${tag}.${flipped.toString('base64')}`,
      `${format}.${iv}.${Buffer.alloc(16).toString('base64')}.${body}`,
      `${format}.${iv}.${tag}`,
      `v0.${iv}.${tag}.${body}`,
      'garbage',
    ]) {
      expect(
        failure(() =>
          cipher.decrypt({ ...value, ciphertext: tampered }, 'cluster-a'),
        ),
      ).toMatchObject({ reason: 'undecryptable' });
    }
    expect(failure(() => cipher.decrypt(value, 'cluster-b'))).toMatchObject({
      reason: 'undecryptable',
    });
    expect(
      failure(() => cipher.decrypt({ ...value, keyId: 'k2' }, 'cluster-a')),
    ).toMatchObject({ reason: 'undecryptable' });
  });

  it('is not configured without keys, and then refuses to encrypt', () => {
    const cipher = CredentialCipher.fromConfig(new ConfigReader({}));
    expect(cipher.isConfigured).toBe(false);
    expect(failure(() => cipher.encrypt(KUBECONFIG, 'a'))).toMatchObject({
      reason: 'not-configured',
    });
  });

  it.each([
    [[{ id: 'k1', secret: randomBytes(16).toString('base64') }], /32 random/],
    [[{ id: 'k1', secret: 'not base64!' }], /32 random/],
    [[{ id: 'k1', secret: `${secret()}\n` }], /32 random/],
    [[{ id: 'bad id', secret: secret() }], /id must be/],
    [
      [
        { id: 'k1', secret: secret() },
        { id: 'k1', secret: secret() },
      ],
      /used twice/,
    ],
  ])('refuses misconfigured keys %#', (keys, message) => {
    expect(() => cipherOf(keys)).toThrow(message);
  });

  it('never names the key material in its errors', () => {
    const key = { id: 'k1', secret: randomBytes(16).toString('base64') };
    expect(() => cipherOf([key])).toThrow(
      expect.objectContaining({
        message: expect.not.stringContaining(key.secret),
      }),
    );
  });
});
