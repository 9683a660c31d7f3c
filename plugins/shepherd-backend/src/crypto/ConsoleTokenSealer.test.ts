import {
  ConsoleTokenClaims,
  ConsoleTokenError,
  ConsoleTokenSealer,
  hashUserRef,
} from './ConsoleTokenSealer';

const key = (id: string, fill: number) => ({
  id,
  secret: Buffer.alloc(32, fill),
});

const CLAIMS: ConsoleTokenClaims = {
  tokenId: '7f0d1c52-4c47-4c8e-9d53-7a1f0e6b2c11',
  vmId: '0a3f5a8e-2f56-4f0a-8a0e-6f1d2b3c4d5e',
  grantId: '5c2b1a09-8f7e-4d6c-b5a4-39281706f5e4',
  userHash: hashUserRef('user:default/engineer-test'),
  expiresAt: '2026-11-23T10:01:00.000Z',
};

/** Tokens travel as websocket subprotocols: RFC 7230 token characters only. */
const SUBPROTOCOL_SAFE = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;

describe('ConsoleTokenSealer', () => {
  it('opens what it sealed, in a form that is a valid subprotocol and hides the claims', () => {
    const sealer = new ConsoleTokenSealer([key('k1', 1)]);
    const token = sealer.seal(CLAIMS);
    expect(token).toMatch(SUBPROTOCOL_SAFE);
    expect(token).not.toContain(CLAIMS.vmId);
    expect(token).not.toContain(CLAIMS.userHash);
    expect(sealer.open(token)).toEqual(CLAIMS);
    // A fresh IV per token: the same claims never seal to the same token.
    expect(sealer.seal(CLAIMS)).not.toBe(token);
  });

  it('refuses a token with any changed byte', () => {
    const sealer = new ConsoleTokenSealer([key('k1', 1)]);
    const parts = sealer.seal(CLAIMS).split('.');
    const body = Buffer.from(parts[4], 'base64url');
    body[0] ^= 1;
    parts[4] = body.toString('base64url');
    expect(() => sealer.open(parts.join('.'))).toThrow(ConsoleTokenError);
  });

  it('refuses malformed tokens and tokens of other keys', () => {
    const sealer = new ConsoleTokenSealer([key('k1', 1)]);
    for (const token of ['', 'c1', 'c1.a.b.c', 'x1.a.b.c.d', 'not a token']) {
      expect(() => sealer.open(token)).toThrow(ConsoleTokenError);
    }
    const other = new ConsoleTokenSealer([key('k1', 2)]);
    expect(() => sealer.open(other.seal(CLAIMS))).toThrow(
      'The console token does not authenticate',
    );
    const unknown = new ConsoleTokenSealer([key('k9', 1)]);
    expect(() => sealer.open(unknown.seal(CLAIMS))).toThrow(
      'The console token is not one of ours',
    );
  });

  it('seals with the first key and opens with every configured one (rotation, replicas)', () => {
    const before = new ConsoleTokenSealer([key('old', 1)]);
    const rotated = new ConsoleTokenSealer([key('new', 2), key('old', 1)]);
    expect(rotated.open(before.seal(CLAIMS))).toEqual(CLAIMS);
    expect(() => before.open(rotated.seal(CLAIMS))).toThrow(ConsoleTokenError);
  });

  it('does not seal without a key', () => {
    const sealer = new ConsoleTokenSealer([]);
    expect(sealer.isConfigured).toBe(false);
    expect(() => sealer.seal(CLAIMS)).toThrow('No encryption key');
  });

  it('hashes user refs without revealing them', () => {
    const hash = hashUserRef('user:default/engineer-test');
    expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).not.toBe(hashUserRef('user:default/engineer-prod'));
  });
});
