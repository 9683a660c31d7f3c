import { isShepherdApiError } from '../../api/ShepherdApiError';

/*
 * Reading the structured details of the backend's errors, so that a form can show a refusal
 * next to the field it concerns. The ShepherdErrorPanel still shows the whole error with its
 * code; these only add the pointer.
 */

/** Label of the stable code beside a refusal, warning or finding that is not an error. */
export const CODE_LABEL = 'Code';

/**
 * A message of the backend as one line of text, e.g. for a field's helper text: the words
 * first, then the stable code in parentheses, which support and platform teams search for.
 */
export function withCode(message: string, code?: string): string {
  return code ? `${message} (${CODE_LABEL}: ${code})` : message;
}

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
 * The messages a refusal puts next to a form's fields, in words with the code after them, one per field (the
 * first wins): each of `details.violations[]` on the field it names, then the error itself on
 * `details.field`. `fieldOf` maps the API's field names to the form's; names it does not know
 * are left out. `add` puts further messages, e.g. of codes that name no field.
 */
export function collectFieldMessages<F extends string>(
  error: unknown,
  fieldOf: (apiField: unknown) => F | undefined,
) {
  const messages: Partial<Record<F, string>> = {};
  const add = (field: F | undefined, code: unknown, message: unknown) => {
    if (field && !messages[field]) {
      messages[field] = withCode(
        String(message),
        typeof code === 'string' ? code : undefined,
      );
    }
  };
  if (isShepherdApiError(error)) {
    for (const violation of detailRecords(error, 'violations')) {
      add(
        fieldOf(violation.field),
        violation.code ?? error.code,
        violation.message ?? error.message,
      );
    }
    add(fieldOf(errorDetails(error).field), error.code, error.message);
  }
  return { messages, add };
}
