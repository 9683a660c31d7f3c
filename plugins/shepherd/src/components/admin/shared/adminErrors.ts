import { detailRecords, errorDetails } from '../../common';

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
