/**
 * The form in which Shepherd compares and stores entity refs. Backstage treats entity refs
 * as case-insensitive (the catalog matches `user:default/Alice` and `user:default/alice` to
 * the same entity, and `stringifyEntityRef` writes refs in lowercase), and a sign-in resolver
 * may issue refs in either case. Shepherd stores every ref that names a person (members,
 * requesters, approvers, console grants and tokens) in this form, and every ref it compares
 * goes through here first.
 *
 * @param ref - a full entity ref, e.g. `user:default/Alice`
 * @returns the ref in lowercase, e.g. `user:default/alice`
 * @public
 */
export function normalizeEntityRef(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}

/**
 * Whether two entity refs name the same entity, as Backstage compares them: whatever the
 * case of either. Shepherd's one test of "the same person" (self-approval, cancelling a
 * request, console grants and tokens).
 *
 * @param a - a full entity ref
 * @param b - another full entity ref
 * @public
 */
export function sameEntityRef(a: string, b: string): boolean {
  return normalizeEntityRef(a) === normalizeEntityRef(b);
}
