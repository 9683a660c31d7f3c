/** Keys whose values never reach the audit trail. */
const SECRET_KEY_PATTERN =
  /password|secret|token|credential|kubeconfig|private_?key|api_?key/i;

export const REDACTED = '***REDACTED***';

/** A deep copy of `value` with every secret-looking key's value replaced. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(redactSecrets);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [
        key,
        SECRET_KEY_PATTERN.test(key) ? REDACTED : redactSecrets(entry),
      ]),
    );
  }
  return value;
}
