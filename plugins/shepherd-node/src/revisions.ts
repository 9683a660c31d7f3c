/*
 * resourceVersions as orderable revisions (see ShepherdVmObservedState.revision). Kubernetes calls them opaque, but every API server
 * backed by etcd hands out one increasing integer per write; watches use them only to say
 * "after this one". Decimal strings are compared as numbers of any length; anything else
 * cannot be ordered and counts as newer when it differs.
 */
const DECIMAL = /^\d+$/;

/** Whether `a` is a later revision than `b` (any revision is later than none). @public */
export function isNewerRevision(a: string, b: string | undefined): boolean {
  if (b === undefined) return true;
  if (!DECIMAL.test(a) || !DECIMAL.test(b)) return a !== b;
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  return x.length === y.length ? x > y : x.length > y.length;
}

/** The later of two revisions. @public */
export function laterRevision(a: string, b: string | undefined): string {
  return isNewerRevision(a, b) ? a : (b as string);
}
