import { isOneOf } from './enums';

/**
 * The OpenSSH public key types a requester may give a new VM: current OpenSSH defaults and
 * FIDO security keys. DSA and other legacy types are left out on purpose.
 *
 * @public
 */
export const SSH_PUBLIC_KEY_TYPES = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'ssh-rsa',
  'sk-ssh-ed25519@openssh.com',
  'sk-ecdsa-sha2-nistp256@openssh.com',
] as const;

/** @public */
export type SshPublicKeyType = (typeof SSH_PUBLIC_KEY_TYPES)[number];

/**
 * The longest public key line accepted, comment included. It holds an RSA 4096 key with a
 * long comment, and leaves room in KubeVirt's 2048 bytes of inline cloud-init for the
 * template's own user data.
 *
 * @public
 */
export const SSH_PUBLIC_KEY_MAX_LENGTH = 1024;

/** RSA moduli below this many bits are refused, as current OpenSSH refuses them. @public */
export const SSH_RSA_MIN_BITS = 2048;

/** The result of checking a public key: the key as it will be installed, or why not. @public */
export type SshPublicKeyCheck =
  | { ok: true; key: string; type: SshPublicKeyType }
  | { ok: false; message: string };

const BASE64_PATTERN = /^[A-Za-z0-9+/]+={0,2}$/;
/** Comments are free text, but printable and on one line. */
const COMMENT_PATTERN = /^[\x20-\x7e]*$/;

function decodeBase64(base64: string): Uint8Array | undefined {
  if (!BASE64_PATTERN.test(base64) || base64.length % 4 !== 0) return undefined;
  try {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

/** Reads the SSH wire format's length-prefixed strings (RFC 4251 §5) of a key blob. */
function readStrings(blob: Uint8Array): Uint8Array[] | undefined {
  const strings: Uint8Array[] = [];
  let offset = 0;
  while (offset < blob.length) {
    if (offset + 4 > blob.length) return undefined;
    const length =
      ((blob[offset] << 24) >>> 0) +
      (blob[offset + 1] << 16) +
      (blob[offset + 2] << 8) +
      blob[offset + 3];
    offset += 4;
    if (offset + length > blob.length) return undefined;
    strings.push(blob.subarray(offset, offset + length));
    offset += length;
  }
  return strings;
}

function latin1(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

/** The bit length of an unsigned big-endian integer (an SSH mpint without its sign byte). */
function bitLength(mpint: Uint8Array): number {
  let start = 0;
  while (start < mpint.length && mpint[start] === 0) start++;
  if (start === mpint.length) return 0;
  return (mpint.length - start - 1) * 8 + (32 - Math.clz32(mpint[start]));
}

/** Why a decoded key blob does not hold a key of its declared type, if it does not. */
function blobProblem(
  type: SshPublicKeyType,
  strings: Uint8Array[],
): string | undefined {
  if (latin1(strings[0] ?? new Uint8Array()) !== type) {
    return `the key data is not a ${type} key`;
  }
  if (type === 'ssh-rsa') {
    const modulus = strings[2];
    if (strings.length !== 3 || !modulus) return 'the RSA key data is broken';
    const bits = bitLength(modulus);
    if (bits < SSH_RSA_MIN_BITS) {
      return `the RSA key has ${bits} bits; at least ${SSH_RSA_MIN_BITS} are needed`;
    }
    return undefined;
  }
  if (type.includes('ecdsa-sha2-')) {
    const curve = type.replace(/^(sk-)?ecdsa-sha2-/, '').split('@')[0];
    if (latin1(strings[1] ?? new Uint8Array()) !== curve) {
      return `the key data is not on the curve ${curve}`;
    }
  }
  return undefined;
}

/**
 * Checks one OpenSSH public key line (`<type> <base64> [comment]`, as in a `.pub` file): one
 * key, of an accepted type, whose data decodes to a key of that type (RSA at least
 * {@link SSH_RSA_MIN_BITS} bits), on one line of at most {@link SSH_PUBLIC_KEY_MAX_LENGTH}
 * characters. `authorized_keys` options (`command=…`, `from=…`) are refused: a key given to a
 * VM grants a plain login. Private keys are refused with a message that says so, and never
 * echoed.
 *
 * @public
 */
export function checkSshPublicKey(input: string): SshPublicKeyCheck {
  const line = input.trim();
  if (line.length === 0) {
    return { ok: false, message: 'The SSH public key is empty' };
  }
  if (line.includes('PRIVATE KEY')) {
    return {
      ok: false,
      message:
        'This is a private key; paste the public key (the .pub file) instead, and never share the private key',
    };
  }
  if (line.length > SSH_PUBLIC_KEY_MAX_LENGTH) {
    return {
      ok: false,
      message: `The SSH public key has ${line.length} characters; at most ${SSH_PUBLIC_KEY_MAX_LENGTH} are accepted`,
    };
  }
  if (/[\r\n]/.test(line)) {
    return {
      ok: false,
      message: 'Give one SSH public key, on one line',
    };
  }
  const [type, data, ...comment] = line.split(/[ \t]+/);
  if (!isOneOf(SSH_PUBLIC_KEY_TYPES, type)) {
    return {
      ok: false,
      message: `The SSH public key must start with its type, one of ${SSH_PUBLIC_KEY_TYPES.join(
        ', ',
      )}`,
    };
  }
  const keyType = type;
  const blob = data === undefined ? undefined : decodeBase64(data);
  const strings = blob && readStrings(blob);
  if (!strings) {
    return {
      ok: false,
      message: `The SSH public key's data after '${keyType}' is not valid base64 key data`,
    };
  }
  const problem = blobProblem(keyType, strings);
  if (problem) {
    return { ok: false, message: `The SSH public key is invalid: ${problem}` };
  }
  const commentText = comment.join(' ');
  if (!COMMENT_PATTERN.test(commentText)) {
    return {
      ok: false,
      message:
        "The SSH public key's comment may hold printable ASCII characters only",
    };
  }
  return {
    ok: true,
    type: keyType,
    key: [keyType, data, ...(commentText ? [commentText] : [])].join(' '),
  };
}
