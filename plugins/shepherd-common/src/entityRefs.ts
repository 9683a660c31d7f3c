/**
 * The form in which Shepherd compares and stores entity refs. Backstage treats entity refs
 * as case-insensitive (the catalog matches `user:default/Alice` and `user:default/alice` to
 * the same entity), and a sign-in resolver may issue refs in either case; Shepherd stores
 * member refs in lowercase, so every ref it compares goes through here first.
 *
 * @param ref - a full entity ref, e.g. `user:default/Alice`
 * @returns the ref in lowercase, e.g. `user:default/alice`
 * @public
 */
export function normalizeEntityRef(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}
