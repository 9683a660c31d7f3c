import { ControllerContext, deleteQuietly } from './context';

/**
 * Kubernetes' garbage collector, background propagation only: once an owner is gone,
 * objects whose ownerReferences name it are deleted.
 */
export function collectDependents(
  ctx: ControllerContext,
  ownerUid: string,
): void {
  for (const { type, object } of ctx.store.dependentsOf(ownerUid)) {
    if (object.metadata.deletionTimestamp) continue;
    deleteQuietly(ctx, type, object.metadata.namespace, object.metadata.name);
  }
}
