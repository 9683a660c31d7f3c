import {
  SSH_PUBLIC_KEY_MAX_LENGTH,
  SSH_PUBLIC_KEY_TYPES,
  checkSshPublicKey,
} from './sshKeys';

// Generated with ssh-keygen for these tests; the private halves were discarded.
const KEYS = {
  'ssh-ed25519':
    'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBQT6xxEi0Sa9fgQTbWso2HvfA+IkBP/dJTsDxgQCAl2 dev@example.com',
  'ecdsa-sha2-nistp256':
    'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBK79euGZQTdhcZ8wbbIjrEaF/58DxQe+hSqAPqVJLAxaqIpWZ9912/tKofonl2xrPOeZgieUjsAPOXEtuwQcSug= dev@example.com',
  'ecdsa-sha2-nistp384':
    'ecdsa-sha2-nistp384 AAAAE2VjZHNhLXNoYTItbmlzdHAzODQAAAAIbmlzdHAzODQAAABhBKJX3l4S6ooKyd4+ocaeWrQCslGZH6HhFJYIJr3Ob92I2s9yoxIcdsj/1UWw1qpZZpsoJHKUthS93TNQNat4ll0qwNZVJAt41WxAEgBa/rESYvOS8ffvEvupyA6OPJmwaA== dev@example.com',
  'ecdsa-sha2-nistp521':
    'ecdsa-sha2-nistp521 AAAAE2VjZHNhLXNoYTItbmlzdHA1MjEAAAAIbmlzdHA1MjEAAACFBAEtHlAZMFDQDDeBSsp5Xf9h2DvsCpOyH+5E8W3jlh1JizS5INGeS/mK6clPAJp5EbKCeCrtbFrUlvSHzmIhTFHK3AGIaFUwPUVDz087DcUYP40kXSZ85E+V12NJ0YP1pAow/ABjla+VvE/LJ593DKPd0h4LHtfMb6EjvPFQ8HpSmpAjqA== dev@example.com',
  'ssh-rsa':
    'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDLNvNr2VVhByhkyHeDjxCozfRat6PgfFC5X6ItK09aWatJxmhoe8amg55fEch1NF7s7+zgPGJGjoZE7t5nWaYOR5JWXWgr9WkbylWpiQhiJSA18GdS+tFCH0TF3TDou3Y53L2jai31K6U9PYWcuWVp7+t3DOC8rsrmfGUikhX+5HFim3Sop4E2wmd7ZotO7FBL5LT0M5yZiXa7TBzuYzCSzUPE8aynRzO53VfDdrAJPw5E6ue+mswyhkcmtnoUPYusPxjzlePoStdVjulPaO1bMaT0Eia+1OFxHJd+Yz7qLtxX5TdL6WUZWItrhVG5/XZJWclb1k432262UsOTBL0J dev@example.com',
};
const RSA_1024 =
  'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC9Isn8nI1IGwkVxXSbjxlVHjqYxxa6JRuYDEAHyd8MdTdknl7c8vqlaOIdF8X2IV/jS/WvPHYiT72T/ZCnIAfFp6s+LD0AiUdk/hMrQvqbbn9/zZPX/3LPqu4Dx+MgQnzvSSnSpTdnXKuKZbjvrAaZqfUPIkxvPXkIPZwXHwudEw== dev@example.com';

/** A key blob in SSH wire format: length-prefixed strings. */
function blob(...parts: (string | Buffer)[]): string {
  return Buffer.concat(
    parts.flatMap(part => {
      const bytes = typeof part === 'string' ? Buffer.from(part) : part;
      const length = Buffer.alloc(4);
      length.writeUInt32BE(bytes.length);
      return [length, bytes];
    }),
  ).toString('base64');
}

describe('checkSshPublicKey', () => {
  it.each(Object.entries(KEYS))('accepts a %s key', (type, key) => {
    expect(checkSshPublicKey(`  ${key}\n`)).toEqual({ ok: true, type, key });
  });

  it('accepts FIDO security keys', () => {
    const ed25519 = `sk-ssh-ed25519@openssh.com ${blob(
      'sk-ssh-ed25519@openssh.com',
      Buffer.alloc(32, 7),
      'ssh:',
    )}`;
    const ecdsa = `sk-ecdsa-sha2-nistp256@openssh.com ${blob(
      'sk-ecdsa-sha2-nistp256@openssh.com',
      'nistp256',
      Buffer.alloc(65, 4),
      'ssh:',
    )} yubikey`;
    expect(checkSshPublicKey(ed25519)).toMatchObject({ ok: true });
    expect(checkSshPublicKey(ecdsa)).toEqual({
      ok: true,
      type: 'sk-ecdsa-sha2-nistp256@openssh.com',
      key: ecdsa,
    });
  });

  it('accepts a key without a comment and keeps one space between parts', () => {
    const [type, data] = KEYS['ssh-ed25519'].split(' ');
    expect(checkSshPublicKey(`${type}\t ${data}`)).toMatchObject({
      key: `${type} ${data}`,
    });
  });

  it('names every accepted type when the type is not one of them', () => {
    const result = checkSshPublicKey(
      `ssh-dss ${blob('ssh-dss', 'p', 'q', 'g', 'y')}`,
    );
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining(SSH_PUBLIC_KEY_TYPES.join(', ')),
    });
  });

  it.each([
    ['an empty key', '   ', /is empty/],
    [
      'a private key',
      '-----BEGIN OPENSSH PRIVATE KEY-----',
      /This is a private key/,
    ],
    ['two keys', `${KEYS['ssh-ed25519']}\n${KEYS['ssh-rsa']}`, /one line/],
    [
      'authorized_keys options',
      `command="/bin/true" ${KEYS['ssh-ed25519']}`,
      /must start with its type/,
    ],
    ['a password', 'hunter2', /must start with its type/],
    ['data that is not base64', 'ssh-ed25519 not*base64', /not valid base64/],
    ['a type without data', 'ssh-ed25519', /not valid base64/],
    [
      'data of another type',
      `ssh-ed25519 ${KEYS['ssh-rsa'].split(' ')[1]}`,
      /not a ssh-ed25519 key/,
    ],
    [
      'an ECDSA key on another curve',
      `ecdsa-sha2-nistp384 ${blob(
        'ecdsa-sha2-nistp384',
        'nistp256',
        Buffer.alloc(65, 4),
      )}`,
      /not on the curve nistp384/,
    ],
    ['truncated key data', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA', /base64/],
    ['an RSA key below 2048 bits', RSA_1024, /has 1024 bits; at least 2048/],
    [
      'a comment with control characters',
      `${KEYS['ssh-ed25519']}\u0007bell`,
      /printable ASCII/,
    ],
    [
      'a key longer than the bound',
      `${KEYS['ssh-ed25519']} ${'x'.repeat(SSH_PUBLIC_KEY_MAX_LENGTH)}`,
      new RegExp(`at most ${SSH_PUBLIC_KEY_MAX_LENGTH} are accepted`),
    ],
  ])('refuses %s', (_, input, message) => {
    const result = checkSshPublicKey(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });

  it('never echoes a private key', () => {
    const secret = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk=';
    const result = checkSshPublicKey(secret);
    expect(!result.ok && result.message).not.toContain('b3BlbnNzaC1rZXk');
  });
});
