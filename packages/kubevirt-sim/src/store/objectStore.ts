import { randomUUID } from 'node:crypto';
import { RESOURCE_TYPES, ResourceType, apiVersionOf } from '../api/resources';
import { deepClone, deepEqual, formatTimestamp } from '../apply/objects';
import { KubeObject, StoredObject } from '../types';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: WatchEventType;
  resource: ResourceType;
  object: StoredObject;
  /** The object before a MODIFIED or DELETED event. */
  previous?: StoredObject;
}

export type StoreListener = (event: StoreEvent) => void;

/** How many past events watches can resume from (`watch&resourceVersion=N`) by default. */
export const DEFAULT_HISTORY_SIZE = 2000;

/** Upper bound of the configurable history (each kept event holds two object copies). */
export const MAX_HISTORY_SIZE = 1_000_000;

/** The revision of an empty cluster; the first write makes it 1001. */
const INITIAL_REVISION = 1000;

/** Everything a store holds that outlives a restart: its objects and its revision. */
export interface StoreSnapshot {
  /** The revision counter when the snapshot was taken (≥ every object's resourceVersion). */
  revision: number;
  /** Objects by resource (`group/plural`, core resources as `/plural`). */
  resources: Record<string, StoredObject[]>;
}

function typeKey(type: ResourceType): string {
  return `${type.group}/${type.plural}`;
}

export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/** Fields of an object that make up its generation: everything but metadata and status. */
function specPart(object: KubeObject): Record<string, unknown> {
  const {
    metadata: _m,
    status: _s,
    apiVersion: _a,
    kind: _k,
    ...rest
  } = object;
  return rest;
}

/**
 * The simulator's etcd: objects per resource, one global resourceVersion counter that
 * increases with every write, uid/creationTimestamp/generation bookkeeping, and change
 * events for watches and controllers. It enforces no API semantics (see ResourceApi).
 */
export class ObjectStore {
  private revision = INITIAL_REVISION;
  private readonly objects = new Map<string, Map<string, StoredObject>>();
  private readonly listeners = new Set<StoreListener>();
  private history: Array<{ revision: number; event: StoreEvent }> = [];
  /**
   * The revision up to which history was compacted away: watches cannot resume from
   * before it even when the size limit has not been reached.
   */
  private compactedRevision = INITIAL_REVISION;
  /** apiVersion/kind → resource, to find the type of an object met by uid. */
  private readonly types = new Map<string, ResourceType>();
  private readonly historySize: number;

  constructor(
    private readonly now: () => number,
    options: { historySize?: number } = {},
  ) {
    const size = options.historySize ?? DEFAULT_HISTORY_SIZE;
    if (!Number.isInteger(size) || size < 0 || size > MAX_HISTORY_SIZE) {
      throw new Error(
        `the watch history size must be an integer from 0 to ${MAX_HISTORY_SIZE}`,
      );
    }
    this.historySize = size;
  }

  get resourceVersion(): string {
    return String(this.revision);
  }

  /** The current revision: the resourceVersion of the latest write. */
  get currentRevision(): number {
    return this.revision;
  }

  /** The oldest resourceVersion a watch can still resume from. */
  get oldestResumableRevision(): number {
    return this.history.length > 0
      ? this.history[0].revision - 1
      : Math.max(this.compactedRevision, this.revision);
  }

  /**
   * Forgets every past event, as etcd's compaction does: watches and exact lists can
   * only start from the current revision on. Returns that revision.
   */
  compact(): string {
    this.history = [];
    this.compactedRevision = this.revision;
    return this.resourceVersion;
  }

  /** A copy of every object and the revision counter, for persisting. */
  snapshot(): StoreSnapshot {
    const resources: Record<string, StoredObject[]> = {};
    for (const type of RESOURCE_TYPES) {
      const items = this.list(type);
      if (items.length > 0) resources[typeKey(type)] = items;
    }
    return { revision: this.revision, resources };
  }

  /**
   * Replaces the store's content with a snapshot, without events (nothing happened: the
   * objects were there all along). The revision counter continues after the snapshot's
   * and after every restored resourceVersion; the history starts empty, as after a
   * compaction, so a watch can resume from the restored revision but not from before it.
   * Resources the simulator no longer serves are reported through `skipped`.
   */
  restore(
    snapshot: StoreSnapshot,
    skipped: (resource: string) => void = () => {},
  ): void {
    this.objects.clear();
    let revision = Math.max(INITIAL_REVISION, snapshot.revision);
    for (const [key, items] of Object.entries(snapshot.resources)) {
      const type = RESOURCE_TYPES.find(t => typeKey(t) === key);
      if (!type) {
        skipped(key);
        continue;
      }
      this.types.set(`${apiVersionOf(type)}/${type.kind}`, type);
      const bucket = this.bucket(type);
      for (const object of items) {
        const stored = deepClone(object);
        bucket.set(
          objectKey(
            type.namespaced ? stored.metadata.namespace : undefined,
            stored.metadata.name,
          ),
          stored,
        );
        const rv = Number(stored.metadata.resourceVersion);
        if (Number.isFinite(rv)) revision = Math.max(revision, rv);
      }
    }
    this.revision = revision;
    this.compact();
  }

  private bucket(type: ResourceType): Map<string, StoredObject> {
    let bucket = this.objects.get(typeKey(type));
    if (!bucket) {
      bucket = new Map();
      this.objects.set(typeKey(type), bucket);
    }
    return bucket;
  }

  get(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): StoredObject | undefined {
    return deepClone(
      this.bucket(type).get(
        objectKey(type.namespaced ? namespace : undefined, name),
      ),
    );
  }

  has(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): boolean {
    return this.bucket(type).has(
      objectKey(type.namespaced ? namespace : undefined, name),
    );
  }

  /** Objects sorted by namespace and name, as etcd's key order gives them. */
  list(type: ResourceType, namespace?: string): StoredObject[] {
    const items = [...this.bucket(type).values()].filter(
      o => !namespace || o.metadata.namespace === namespace,
    );
    items.sort((a, b) =>
      objectKey(a.metadata.namespace, a.metadata.name).localeCompare(
        objectKey(b.metadata.namespace, b.metadata.name),
      ),
    );
    return items.map(o => deepClone(o));
  }

  /** Objects (of any type) whose ownerReferences name the given uid. */
  dependentsOf(
    uid: string,
  ): Array<{ type: ResourceType; object: StoredObject }> {
    const result: Array<{ type: ResourceType; object: StoredObject }> = [];
    for (const bucket of this.objects.values()) {
      for (const object of bucket.values()) {
        if (object.metadata.ownerReferences?.some(ref => ref.uid === uid)) {
          result.push({
            type: this.typeOf(object)!,
            object: deepClone(object),
          });
        }
      }
    }
    return result;
  }

  private typeOf(object: KubeObject): ResourceType | undefined {
    return this.types.get(`${object.apiVersion}/${object.kind}`);
  }

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Events after `revision`, or undefined when they are no longer kept (410 Gone). */
  eventsSince(revision: number): StoreEvent[] | undefined {
    if (revision < this.oldestResumableRevision) return undefined;
    return this.history.filter(h => h.revision > revision).map(h => h.event);
  }

  /**
   * The objects of a type as they were at `revision` (rewinding the kept history), or
   * undefined when that revision was compacted away (410 Gone).
   */
  listAt(
    type: ResourceType,
    namespace: string | undefined,
    revision: number,
  ): StoredObject[] | undefined {
    if (revision < this.oldestResumableRevision || revision > this.revision)
      return undefined;
    const state = new Map(
      this.list(type, namespace).map(o => [
        objectKey(o.metadata.namespace, o.metadata.name),
        o,
      ]),
    );
    for (let i = this.history.length - 1; i >= 0; i--) {
      const { revision: at, event } = this.history[i];
      if (at <= revision) break;
      const { object } = event;
      if (
        event.resource !== type ||
        (namespace && object.metadata.namespace !== namespace)
      )
        continue;
      const key = objectKey(object.metadata.namespace, object.metadata.name);
      if (event.type === 'ADDED') state.delete(key);
      else if (event.previous) state.set(key, deepClone(event.previous));
    }
    return [...state.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, object]) => object);
  }

  private emit(event: StoreEvent): void {
    if (this.historySize > 0) {
      this.history.push({ revision: this.revision, event });
      if (this.history.length > this.historySize) this.history.shift();
    } else {
      this.compactedRevision = this.revision;
    }
    for (const listener of [...this.listeners]) listener(event);
  }

  /** Returns a copy of the object as it would be stored by `create`, without storing it. */
  prepareCreate(type: ResourceType, object: KubeObject): StoredObject {
    const prepared = deepClone(object) as StoredObject;
    prepared.apiVersion = apiVersionOf(type);
    prepared.kind = type.kind;
    prepared.metadata.uid = randomUUID();
    prepared.metadata.creationTimestamp = formatTimestamp(this.now());
    prepared.metadata.generation = 1;
    if (!type.namespaced) delete prepared.metadata.namespace;
    return prepared;
  }

  create(type: ResourceType, object: KubeObject): StoredObject {
    this.types.set(`${apiVersionOf(type)}/${type.kind}`, type);
    const stored = this.prepareCreate(type, object);
    if (object.metadata.uid) stored.metadata.uid = object.metadata.uid;
    this.revision += 1;
    stored.metadata.resourceVersion = String(this.revision);
    this.bucket(type).set(
      objectKey(stored.metadata.namespace, stored.metadata.name),
      stored,
    );
    this.emit({ type: 'ADDED', resource: type, object: deepClone(stored) });
    return deepClone(stored);
  }

  /**
   * Computes what `update` would store: generation moves when anything outside
   * metadata and status changed. Returns the current object when nothing changed.
   */
  prepareUpdate(
    type: ResourceType,
    object: KubeObject,
  ): { object: StoredObject; changed: boolean } {
    const key = objectKey(
      type.namespaced ? object.metadata.namespace : undefined,
      object.metadata.name!,
    );
    const current = this.bucket(type).get(key);
    if (!current) throw new Error(`update of missing object ${key}`);
    const next = deepClone(object) as StoredObject;
    next.apiVersion = current.apiVersion;
    next.kind = current.kind;
    next.metadata.uid = current.metadata.uid;
    next.metadata.creationTimestamp = current.metadata.creationTimestamp;
    next.metadata.resourceVersion = current.metadata.resourceVersion;
    next.metadata.generation =
      (current.metadata.generation ?? 1) +
      (deepEqual(specPart(current), specPart(next)) ? 0 : 1);
    if (!type.namespaced) delete next.metadata.namespace;
    return { object: next, changed: !deepEqual(current, next) };
  }

  /**
   * Stores a new version of an existing object. No-op writes keep the resourceVersion,
   * like the apiserver. An update that clears the last finalizer of an object being
   * deleted removes it, as Kubernetes does (namespaces, finalized through
   * `spec.finalizers`, are removed by their controller).
   */
  update(type: ResourceType, object: KubeObject): StoredObject {
    const { object: next, changed } = this.prepareUpdate(type, object);
    const key = objectKey(next.metadata.namespace, next.metadata.name);
    const current = this.bucket(type).get(key)!;
    if (!changed) return deepClone(current);
    const clearedLastFinalizer =
      (current.metadata.finalizers?.length ?? 0) > 0 &&
      !next.metadata.finalizers?.length;
    if (next.metadata.deletionTimestamp && clearedLastFinalizer) {
      return this.remove(
        type,
        next.metadata.namespace,
        next.metadata.name,
        next,
      );
    }
    this.revision += 1;
    next.metadata.resourceVersion = String(this.revision);
    this.bucket(type).set(key, next);
    this.emit({
      type: 'MODIFIED',
      resource: type,
      object: deepClone(next),
      previous: deepClone(current),
    });
    return deepClone(next);
  }

  /** Removes an object at once (finalizers are the caller's business). */
  remove(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    lastState?: KubeObject,
  ): StoredObject {
    const key = objectKey(type.namespaced ? namespace : undefined, name);
    const current = this.bucket(type).get(key);
    if (!current) throw new Error(`removal of missing object ${key}`);
    this.bucket(type).delete(key);
    this.revision += 1;
    const removed = deepClone((lastState as StoredObject) ?? current);
    removed.metadata.resourceVersion = String(this.revision);
    this.emit({
      type: 'DELETED',
      resource: type,
      object: deepClone(removed),
      previous: deepClone(current),
    });
    return removed;
  }
}
