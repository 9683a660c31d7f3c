import { isShepherdApiError } from '../../../api/ShepherdApiError';

/*
 * Reading the structured details of the backend's catalog errors, so that a form can show a
 * refusal next to the field it concerns. The ShepherdErrorPanel still shows the whole error
 * with its code; these only add the pointer.
 */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `details` of a backend error, or an empty object. */
export function errorDetails(error: unknown): Record<string, unknown> {
  return isShepherdApiError(error) && isRecord(error.details)
    ? error.details
    : {};
}

/** The backend's code of an error, if it came from the backend with one. */
export function errorCode(error: unknown): string | undefined {
  return isShepherdApiError(error) ? error.code : undefined;
}

/** The records of a details list such as `violations` or `findings`. */
export function detailRecords(
  error: unknown,
  name: string,
): Array<Record<string, unknown>> {
  const list = errorDetails(error)[name];
  return Array.isArray(list) ? list.filter(isRecord) : [];
}

/**
 * Messages per form field of a refused catalog entry: `details.findings[]` (resource steps,
 * requests and limits), `details.violations[]` with a `field` (KubeVirt's admission rules)
 * and `details.field` (the error's message belongs to that field).
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!error) return {};
  const messages: Record<string, string> = {};
  const add = (field: unknown, message: unknown) => {
    if (typeof field !== 'string' || typeof message !== 'string') return;
    messages[field] = messages[field]
      ? `${messages[field]}; ${message}`
      : message;
  };
  for (const record of [
    ...detailRecords(error, 'findings'),
    ...detailRecords(error, 'violations'),
  ]) {
    add(record.field, record.message);
  }
  const details = errorDetails(error);
  if (typeof details.field === 'string' && error instanceof Error) {
    add(details.field, error.message);
  }
  return messages;
}
