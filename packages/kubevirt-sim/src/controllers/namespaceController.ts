import { RESOURCE_TYPES, namespaces } from '../api/resources';
import { ControllerContext, deleteQuietly } from './context';

/**
 * The namespace lifecycle controller: a namespace being deleted is Terminating, its
 * content is deleted (going through each object's own finalizers), and when nothing is
 * left the namespace itself goes.
 */
export function reconcileNamespace(ctx: ControllerContext, name: string): void {
  const ns = ctx.store.get(namespaces, undefined, name);
  if (!ns || !ns.metadata.deletionTimestamp) return;
  const now = ctx.now();
  let remaining = 0;
  for (const type of RESOURCE_TYPES.filter(t => t.namespaced)) {
    for (const object of ctx.store.list(type, name)) {
      remaining += 1;
      if (!object.metadata.deletionTimestamp) {
        deleteQuietly(ctx, type, name, object.metadata.name);
      }
    }
  }
  if (remaining > 0) return; // each removal requeues the namespace
  const since = ctx.phaseClock.since(ns.metadata.uid, 'Terminating', now);
  const due = since + ctx.timings.namespaceTerminating;
  if (now < due) {
    ctx.requeue(namespaces, undefined, name, due - now);
    return;
  }
  ctx.phaseClock.forget(ns.metadata.uid);
  ctx.store.remove(namespaces, undefined, name);
}
