import {
  AUDIT_ACTIONS as ACTION_CODES,
  AUDIT_ACTION_DEFINITIONS,
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
 * What the known actions mean, for pages that show an entry to people (a request's
 * timeline); the code stays beside the label, since support and the filters use it.
 */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> =
  Object.fromEntries(
    ACTION_CODES.map(action => [
      action,
      AUDIT_ACTION_DEFINITIONS[action].label,
    ]),
  );

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
