import { ApiError } from '../api/status';
import { ResourceType, apiVersionOf } from '../api/resources';
import { KubeObject, ManagedFieldsEntry } from '../types';
import {
  FieldSet,
  decodePath,
  deeper,
  fromFieldsV1,
  overlaps,
  ownedLeaves,
  toFieldsV1,
  valueAt,
} from './fieldSets';
import {
  deepClone,
  deepEqual,
  getPath,
  isPlainObject,
  setPath,
  unsetPath,
} from './objects';
import { JsonValue } from '../types';

interface ManagerEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  subresource?: string;
  apiVersion: string;
  time: string;
  fields: FieldSet;
}

function sameManager(
  entry: ManagerEntry,
  manager: string,
  operation: string,
  subresource?: string,
): boolean {
  return (
    entry.manager === manager &&
    entry.operation === operation &&
    (entry.subresource ?? '') === (subresource ?? '')
  );
}

function readEntries(object: KubeObject | undefined): ManagerEntry[] {
  return (object?.metadata.managedFields ?? []).map(e => ({
    manager: e.manager,
    operation: e.operation,
    subresource: e.subresource,
    apiVersion: e.apiVersion,
    time: e.time,
    fields: fromFieldsV1(e.fieldsV1),
  }));
}

function writeEntries(object: KubeObject, entries: ManagerEntry[]): void {
  const kept = entries.filter(e => e.fields.size > 0);
  if (kept.length === 0) {
    delete object.metadata.managedFields;
    return;
  }
  object.metadata.managedFields = kept.map(
    (e): ManagedFieldsEntry => ({
      manager: e.manager,
      operation: e.operation,
      apiVersion: e.apiVersion,
      time: e.time,
      fieldsType: 'FieldsV1',
      fieldsV1: toFieldsV1(e.fields),
      ...(e.subresource ? { subresource: e.subresource } : {}),
    }),
  );
}

function sameFields(a: FieldSet, b: FieldSet): boolean {
  return a.size === b.size && [...a].every(k => b.has(k));
}

/** `.spec.runStrategy`: how the apiserver names fields in conflict messages. */
function dotted(key: string): string {
  return decodePath(key)
    .map(s => `.${s}`)
    .join('');
}

/** Parameters shared by apply and update bookkeeping. */
export interface ManagedWrite {
  type: ResourceType;
  manager: string;
  /** Timestamp written to the manager's entry when its fields change. */
  time: string;
  subresource?: 'status';
}

/**
 * Server-side apply: merges an apply configuration into the live object (or creates it)
 * and records field ownership. Fields the manager applied before and no longer applies
 * are removed unless another manager also owns them; fields another manager owns with a
 * different value are conflicts unless `force` transfers them.
 */
export function serverSideApply(
  current: KubeObject | undefined,
  applied: KubeObject,
  write: ManagedWrite & { force: boolean },
): KubeObject {
  const statusOnly = write.subresource === 'status';
  const includeStatus = !write.type.hasStatus;
  const appliedFields = ownedLeaves(applied, {
    includeStatus,
    onlyStatus: statusOnly,
  });
  const entries = readEntries(current);
  const base: KubeObject = current
    ? deepClone(current)
    : { apiVersion: applied.apiVersion, kind: applied.kind, metadata: {} };

  // Conflicts: another manager owns an overlapping field whose value would change.
  const conflicts: Array<{ manager: string; field: string }> = [];
  for (const entry of entries) {
    if (entry.manager === write.manager) continue;
    for (const owned of entry.fields) {
      for (const wanted of appliedFields) {
        const ownedPath = decodePath(owned);
        const wantedPath = decodePath(wanted);
        if (!overlaps(ownedPath, wantedPath)) continue;
        const at = deeper(ownedPath, wantedPath);
        if (!deepEqual(getPath(base, at), getPath(applied, at))) {
          conflicts.push({ manager: entry.manager, field: owned });
        }
      }
    }
  }
  if (conflicts.length > 0 && !write.force) {
    const unique = [
      ...new Map(conflicts.map(c => [`${c.manager}${c.field}`, c])).values(),
    ];
    const name = applied.metadata.name ?? '';
    const apiVersion = apiVersionOf(write.type);
    throw new ApiError(
      409,
      'Conflict',
      `Apply failed with ${unique.length} conflict${
        unique.length === 1 ? '' : 's'
      }: ${unique
        .map(
          c =>
            `conflict with "${c.manager}" using ${apiVersion}: ${dotted(
              c.field,
            )}`,
        )
        .join('\n')}`,
      {
        name,
        ...(write.type.group ? { group: write.type.group } : {}),
        kind: write.type.plural,
        causes: unique.map(c => ({
          reason: 'FieldManagerConflict',
          message: `conflict with "${c.manager}" using ${apiVersion}`,
          field: dotted(c.field),
        })),
      },
    );
  }
  if (write.force) {
    for (const { manager, field } of conflicts) {
      for (const entry of entries.filter(e => e.manager === manager)) {
        for (const owned of [...entry.fields]) {
          if (overlaps(decodePath(owned), decodePath(field))) {
            entry.fields.delete(owned);
          }
        }
      }
    }
  }

  const result = deepClone(base);
  // Fields this manager stopped applying, and nobody else owns, go away.
  const mine = entries.find(e =>
    sameManager(e, write.manager, 'Apply', write.subresource),
  );
  const othersOwn = (key: string) =>
    entries.some(
      e =>
        e !== mine &&
        [...e.fields].some(f => overlaps(decodePath(f), decodePath(key))),
    );
  for (const previous of mine?.fields ?? []) {
    if (appliedFields.has(previous) || othersOwn(previous)) continue;
    // Removing first is safe even when an overlapping field is applied: it is set below.
    unsetPath(result, decodePath(previous));
  }
  for (const key of appliedFields) {
    setPath(result, decodePath(key), valueAt(applied, key) as JsonValue);
  }
  if (!isPlainObject(result.metadata)) result.metadata = {};
  result.metadata.name = applied.metadata.name;
  if (applied.metadata.namespace) {
    result.metadata.namespace = applied.metadata.namespace;
  }

  const changedContent =
    !current || !deepEqual(withoutManaged(current), withoutManaged(result));
  if (mine) {
    if (!sameFields(mine.fields, appliedFields) || changedContent) {
      mine.fields = appliedFields;
      mine.time = write.time;
      mine.apiVersion = apiVersionOf(write.type);
    }
  } else {
    entries.push({
      manager: write.manager,
      operation: 'Apply',
      subresource: write.subresource,
      apiVersion: apiVersionOf(write.type),
      time: write.time,
      fields: appliedFields,
    });
  }
  writeEntries(result, entries);
  return result;
}

function withoutManaged(object: KubeObject): KubeObject {
  const copy = deepClone(object);
  delete copy.metadata.managedFields;
  return copy;
}

/**
 * Ownership bookkeeping for ordinary writes (create, update, patch): the fields this
 * write set to a new value become the manager's ("Update" operation) and leave every
 * other manager. Mutates and returns `next`.
 */
export function recordUpdate(
  previous: KubeObject | undefined,
  next: KubeObject,
  write: ManagedWrite,
): KubeObject {
  const statusOnly = write.subresource === 'status';
  const options = {
    includeStatus: !write.type.hasStatus,
    onlyStatus: statusOnly,
  };
  const entries = readEntries(previous);
  const nextLeaves = ownedLeaves(next, options);
  const previousLeaves = previous
    ? ownedLeaves(previous, options)
    : new Set<string>();
  const changed = [...nextLeaves].filter(
    key => !deepEqual(valueAt(previous, key), valueAt(next, key)),
  );
  const removed = [...previousLeaves].filter(
    key => valueAt(next, key) === undefined,
  );
  if (changed.length === 0 && removed.length === 0) {
    writeEntries(next, entries);
    return next;
  }
  for (const entry of entries) {
    if (sameManager(entry, write.manager, 'Update', write.subresource))
      continue;
    for (const owned of [...entry.fields]) {
      if (
        [...changed, ...removed].some(k =>
          overlaps(decodePath(k), decodePath(owned)),
        )
      ) {
        entry.fields.delete(owned);
      }
    }
  }
  let mine = entries.find(e =>
    sameManager(e, write.manager, 'Update', write.subresource),
  );
  if (!mine) {
    mine = {
      manager: write.manager,
      operation: 'Update',
      subresource: write.subresource,
      apiVersion: apiVersionOf(write.type),
      time: write.time,
      fields: new Set(),
    };
    entries.push(mine);
  }
  for (const key of removed) mine.fields.delete(key);
  for (const key of changed) {
    for (const owned of [...mine.fields]) {
      if (overlaps(decodePath(owned), decodePath(key)))
        mine.fields.delete(owned);
    }
    mine.fields.add(key);
  }
  mine.time = write.time;
  writeEntries(next, entries);
  return next;
}
