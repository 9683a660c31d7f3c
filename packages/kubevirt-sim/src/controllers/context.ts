import { createHash } from 'node:crypto';
import { ResourceApi } from '../api/resourceApi';
import { ResourceType } from '../api/resources';
import { recordUpdate } from '../apply/managedFields';
import { deepClone, deepEqual, formatTimestamp } from '../apply/objects';
import { ObjectStore } from '../store/objectStore';
import { StoredObject } from '../types';
import { PhaseTimings } from './timings';

/** Printable statuses a test can force on a VirtualMachine (see `failVirtualMachine`). */
export type VmFailureReason =
  | 'ErrImagePull'
  | 'ImagePullBackOff'
  | 'CrashLoopBackOff'
  | 'ErrorUnschedulable'
  | 'ErrorPvcNotFound'
  | 'DataVolumeError'
  | 'Unknown';

export interface ForcedFailure {
  reason: VmFailureReason;
  message: string;
}

/** What the simulated controllers share: the API, the clock and their own memory. */
export interface ControllerContext {
  store: ObjectStore;
  api: ResourceApi;
  timings: PhaseTimings;
  now(): number;
  /** Runs the reconcile of `type` `namespace/name` after `delayMs`. */
  requeue(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    delayMs: number,
  ): void;
  kubevirtVersion: string;
  nodes: string[];
  /** Forced failures by `namespace/name` of the VirtualMachine. */
  failures: Map<string, ForcedFailure>;
  /** DataVolumes forced to fail, by `namespace/name`. */
  failedDataVolumes: Map<string, string>;
  phaseClock: PhaseClock;
  addresses: AddressAllocator;
}

/**
 * When each object entered its current phase. Kept out of the objects so that clients
 * rewriting status cannot confuse the simulated timing.
 */
export class PhaseClock {
  private readonly entered = new Map<
    string,
    { phase: string; since: number }
  >();

  /** The time `uid` entered `phase`; starts counting now if it was in another phase. */
  since(uid: string, phase: string, now: number): number {
    const current = this.entered.get(uid);
    if (current && current.phase === phase) return current.since;
    this.entered.set(uid, { phase, since: now });
    return now;
  }

  forget(uid: string): void {
    this.entered.delete(uid);
  }
}

/** Pod-network addresses and MACs, stable per VMI uid. */
export class AddressAllocator {
  private next = 0;
  private readonly byUid = new Map<string, string>();
  private readonly taken = new Set<string>();

  ip(uid: string, nodeIndex: number): string {
    const known = this.byUid.get(uid);
    if (known) return known;
    let ip: string;
    let attempts = 0;
    // Skips addresses restored VMIs hold; a full /24 repeats addresses, as before.
    do {
      const n = this.next++;
      ip = `10.244.${nodeIndex % 250}.${(n % 250) + 4}`;
    } while (this.taken.has(ip) && ++attempts < 250);
    this.byUid.set(uid, ip);
    this.taken.add(ip);
    return ip;
  }

  /** Keeps the address a VMI already has (one restored from a state directory). */
  reserve(uid: string, ip: string): void {
    this.byUid.set(uid, ip);
    this.taken.add(ip);
  }

  mac(uid: string): string {
    const hash = createHash('sha256').update(uid).digest();
    return [
      '02',
      ...[...hash.subarray(0, 5)].map(b => b.toString(16).padStart(2, '0')),
    ].join(':');
  }
}

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastProbeTime: null;
  lastTransitionTime: string;
}

/** Builds a condition list, keeping lastTransitionTime when a status did not change. */
export function conditions(
  previous: Condition[] | undefined,
  wanted: Array<Omit<Condition, 'lastProbeTime' | 'lastTransitionTime'>>,
  now: number,
): Condition[] {
  return wanted.map(c => {
    const before = previous?.find(p => p.type === c.type);
    return {
      type: c.type,
      status: c.status,
      ...(c.reason ? { reason: c.reason } : {}),
      ...(c.message ? { message: c.message } : {}),
      lastProbeTime: null,
      lastTransitionTime:
        before && before.status === c.status
          ? before.lastTransitionTime
          : formatTimestamp(now),
    };
  });
}

/**
 * Writes an object's status as its controller, through the status subresource: no-op
 * when nothing changed (so the resourceVersion only moves on real transitions).
 */
export function writeStatus(
  ctx: ControllerContext,
  type: ResourceType,
  object: StoredObject,
  status: unknown,
  manager: string,
): StoredObject {
  if (deepEqual(object.status, status)) return object;
  const next = deepClone(object);
  next.status = deepClone(status);
  recordUpdate(object, next, {
    type,
    manager,
    time: formatTimestamp(ctx.now()),
    subresource: 'status',
  });
  return ctx.store.update(type, next);
}

/** Writes metadata (finalizers, labels) as a controller. */
export function writeObject(
  ctx: ControllerContext,
  type: ResourceType,
  object: StoredObject,
  next: StoredObject,
  manager: string,
): StoredObject {
  if (deepEqual(object, next)) return object;
  recordUpdate(object, next, {
    type,
    manager,
    time: formatTimestamp(ctx.now()),
  });
  return ctx.store.update(type, next);
}

/** Deletes through the API (finalizers respected); a missing object is fine. */
export function deleteQuietly(
  ctx: ControllerContext,
  type: ResourceType,
  namespace: string | undefined,
  name: string,
): void {
  if (!ctx.store.has(type, namespace, name)) return;
  ctx.api.delete(type, namespace, name, { dryRun: false });
}

export function isControlledBy(
  object: StoredObject,
  owner: StoredObject,
): boolean {
  return (
    object.metadata.ownerReferences?.some(
      ref => ref.uid === owner.metadata.uid && ref.controller,
    ) ?? false
  );
}

export function controllerRef(owner: StoredObject) {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

export function keyOf(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}
