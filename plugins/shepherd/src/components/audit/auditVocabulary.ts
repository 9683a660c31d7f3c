import {
  AUDIT_ACTIONS as ACTION_CODES,
  AUDIT_ACTION_DEFINITIONS,
  AUDIT_RESOURCE_TYPE_LABELS,
  AuditCategory,
} from '@kubevirt-shepherd/plugin-shepherd-common';

/*
 * The words of the audit trail, from the vocabulary the backend writes with
 * (`@kubevirt-shepherd/plugin-shepherd-common`). The filters still accept any other code,
 * and entries show whatever the backend wrote.
 */

/** Every known action with its category, in the vocabulary's order. */
export const AUDIT_ACTIONS: ReadonlyArray<{
  action: string;
  category: AuditCategory;
}> = ACTION_CODES.map(action => ({
  action,
  category: AUDIT_ACTION_DEFINITIONS[action].category,
}));

/**
 * What the known actions mean: the primary text wherever an entry is shown to people. The
 * audit log keeps the code beside the label, since auditors filter by it; elsewhere it is
 * at most a tooltip.
 */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> =
  Object.fromEntries(
    ACTION_CODES.map(action => [
      action,
      AUDIT_ACTION_DEFINITIONS[action].label,
    ]),
  );

/** What an entry's action means, in words; an action the vocabulary does not know, as written. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

/** What kind of record an entry is about, in words, e.g. "Request" for `ticket`. */
export function auditResourceTypeLabel(type: string): string {
  return (
    (AUDIT_RESOURCE_TYPE_LABELS as Readonly<Record<string, string>>)[type] ??
    type
  );
}

/**
 * An actor filter as the backend stores actors: entity refs, such as
 * `user:default/jane`, or `service:shepherd` for background work. A bare name means a user
 * of the default namespace; what has a colon is taken as typed.
 */
export function normalizeActor(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  if (trimmed.includes(':')) return trimmed;
  return trimmed.includes('/') ? `user:${trimmed}` : `user:default/${trimmed}`;
}
