import { SHEPHERD_REDACTED } from '@kubevirt-shepherd/plugin-shepherd-common';

/*
 * The one home of redaction: what never leaves Shepherd in clear (the audit trail's secrets)
 * and what only some callers see (cloud-init user data).
 */

/** Keys whose values never reach the audit trail. */
const SECRET_KEY_PATTERN =
  /password|secret|token|credential|kubeconfig|private_?key|api_?key/i;

export const REDACTED = SHEPHERD_REDACTED;

/**
 * The field of templates (and of tickets' template snapshots) that holds cloud-init user
 * data. The audit trail records only that it changed, never its value.
 */
export const CLOUD_INIT_FIELD = 'cloudInit';

/**
 * Keys that hold cloud-init user data: {@link CLOUD_INIT_FIELD}, and the `userData` or
 * `userDataBase64` of a rendered VirtualMachine's cloud-init volume. User data often holds
 * passwords and keys.
 */
const CLOUD_INIT_KEYS: ReadonlySet<string> = new Set([
  CLOUD_INIT_FIELD,
  'userData',
  'userDataBase64',
]);

/** A deep copy of `value` with the values of the keys `redacts` names replaced. */
function redactKeys(
  value: unknown,
  redacts: (key: string, entry: unknown) => boolean,
): unknown {
  if (Array.isArray(value)) {
    return value.map(item => redactKeys(item, redacts));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [
        key,
        redacts(key, entry) ? REDACTED : redactKeys(entry, redacts),
      ]),
    );
  }
  return value;
}

/** A deep copy of `value` with every secret-looking key's value replaced. */
export function redactSecrets(value: unknown): unknown {
  return redactKeys(value, key => SECRET_KEY_PATTERN.test(key));
}

/**
 * A deep copy of `value` (a template, a ticket, a page of them, a rendered manifest) with
 * cloud-init user data replaced by {@link REDACTED}. Empty user data stays empty, so that a
 * reader still sees that there is none.
 */
export function redactCloudInit<T>(value: T): T {
  return redactKeys(
    value,
    (key, entry) =>
      CLOUD_INIT_KEYS.has(key) && typeof entry === 'string' && entry !== '',
  ) as T;
}
