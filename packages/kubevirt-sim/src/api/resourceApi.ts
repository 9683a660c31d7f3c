import { parse as parseYaml } from 'yaml';
import { applyJsonPatch, JsonPatchError } from '../apply/jsonPatch';
import { recordUpdate, serverSideApply } from '../apply/managedFields';
import { applyMergePatch } from '../apply/mergePatch';
import { deepClone, formatTimestamp, isPlainObject } from '../apply/objects';
import { ObjectStore, objectKey } from '../store/objectStore';
import {
  matchesFields,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
} from '../store/selectors';
import { SERVER_SET_METADATA } from '../constants';
import { KubeObject, StoredObject } from '../types';
import { applyCreateDefaults, generateName, validate } from './admission';
import {
  assertReached,
  EXACT,
  revisionOf,
  VersionOptions,
} from './listOptions';
import { ResourceType, apiVersionOf, namespaces } from './resources';
import { ApiError, errors } from './status';

/** What a write request says about itself through query parameters and headers. */
export interface WriteOptions {
  dryRun: boolean;
  fieldManager?: string;
  userAgent?: string;
  force?: boolean;
  subresource?: 'status';
}

export interface ListOptions {
  labelSelector?: string | null;
  fieldSelector?: string | null;
  limit?: number;
  continueToken?: string | null;
  /** Which state to list (see `parseVersionOptions`); the current one when absent. */
  versions?: Pick<VersionOptions, 'resourceVersion' | 'resourceVersionMatch'>;
}

export interface ListResult {
  items: StoredObject[];
  resourceVersion: string;
  continueToken?: string;
  remainingItemCount?: number;
}

export interface DeleteOptions {
  dryRun: boolean;
  preconditions?: { uid?: string; resourceVersion?: string };
}

export type PatchType = 'apply' | 'merge' | 'strategic' | 'json';

export function patchTypeOf(contentType: string | undefined): PatchType {
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  switch (mediaType) {
    case 'application/apply-patch+yaml':
    case 'application/apply-patch+cbor':
      return 'apply';
    case 'application/merge-patch+json':
      return 'merge';
    case 'application/strategic-merge-patch+json':
      return 'strategic';
    case 'application/json-patch+json':
      return 'json';
    default:
      throw errors.unsupportedMediaType(mediaType);
  }
}

/** Field manager of ordinary writes without `fieldManager`: the user agent's program name. */
function defaultManager(options: WriteOptions): string {
  if (options.fieldManager) return options.fieldManager;
  const agent = options.userAgent?.split('/')[0]?.trim();
  return agent || 'unknown';
}

function encodeContinue(key: string, resourceVersion: string): string {
  return Buffer.from(JSON.stringify({ key, rv: resourceVersion })).toString(
    'base64url',
  );
}

function decodeContinue(token: string): { key: string } {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed.key === 'string') return parsed;
  } catch {
    // fall through to the error below
  }
  throw errors.badRequest(
    'continue key is not valid: incorrect encoded start resourceVersion',
  );
}

/**
 * The Kubernetes API semantics on top of the store: namespaces that must exist, names,
 * AlreadyExists and resourceVersion conflicts, status subresource rules, finalizers and
 * deletionTimestamp, dry-run, server-side apply and managedFields.
 */
export class ResourceApi {
  constructor(
    private readonly store: ObjectStore,
    private readonly now: () => number,
  ) {}

  get(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): StoredObject {
    const object = this.store.get(type, namespace, name);
    if (!object) throw errors.notFound(type, name);
    return object;
  }

  list(
    type: ResourceType,
    namespace: string | undefined,
    options: ListOptions,
  ): ListResult {
    const labels = parseLabelSelector(options.labelSelector ?? null);
    const fields = parseFieldSelector(options.fieldSelector ?? null);
    let resourceVersion = this.store.resourceVersion;
    let state: StoredObject[];
    const wanted = options.versions?.resourceVersion ?? '';
    if (options.versions?.resourceVersionMatch === EXACT) {
      assertReached(this.store, wanted);
      const past = this.store.listAt(
        type,
        type.namespaced ? namespace : undefined,
        revisionOf(wanted),
      );
      if (!past) throw errors.listExpired();
      state = past;
      resourceVersion = wanted;
    } else {
      // Not older than `wanted`: the current state is, once the cluster reached it.
      assertReached(this.store, wanted);
      state = this.store.list(type, type.namespaced ? namespace : undefined);
    }
    let items = state.filter(
      o => matchesLabels(labels, o.metadata.labels) && matchesFields(fields, o),
    );
    if (options.continueToken) {
      const { key } = decodeContinue(options.continueToken);
      items = items.filter(
        o => objectKey(o.metadata.namespace, o.metadata.name) > key,
      );
    }
    if (options.limit && options.limit > 0 && items.length > options.limit) {
      const page = items.slice(0, options.limit);
      const last = page[page.length - 1];
      return {
        items: page,
        resourceVersion,
        continueToken: encodeContinue(
          objectKey(last.metadata.namespace, last.metadata.name),
          resourceVersion,
        ),
        remainingItemCount: items.length - page.length,
      };
    }
    return { items, resourceVersion };
  }

  /** Namespaced writes need an existing namespace that is not being deleted. */
  private assertNamespaceAccepts(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): void {
    if (!type.namespaced) return;
    if (!namespace)
      throw errors.badRequest('a namespace is required for this resource');
    const ns = this.store.get(namespaces, undefined, namespace);
    if (!ns) throw errors.namespaceNotFound(namespace);
    if (ns.metadata.deletionTimestamp) {
      const error = errors.forbidden(
        type,
        name,
        `unable to create new content in namespace ${namespace} because it is being terminated`,
      );
      error.details!.causes = [
        {
          reason: 'NamespaceTerminating',
          message: `namespace ${namespace} is being terminated`,
          field: 'metadata.namespace',
        },
      ];
      throw error;
    }
  }

  private checkBody(type: ResourceType, body: unknown): KubeObject {
    if (!isPlainObject(body)) {
      throw errors.badRequest('the request body must be a JSON or YAML object');
    }
    const object = deepClone(body) as KubeObject;
    if (object.apiVersion && object.apiVersion !== apiVersionOf(type)) {
      throw errors.badRequest(
        `the API version in the data (${
          object.apiVersion
        }) does not match the expected API version (${apiVersionOf(type)})`,
      );
    }
    if (object.kind && object.kind !== type.kind) {
      throw errors.badRequest(
        `the kind in the data (${object.kind}) does not match the expected kind (${type.kind})`,
      );
    }
    object.apiVersion = apiVersionOf(type);
    object.kind = type.kind;
    if (!isPlainObject(object.metadata)) object.metadata = {};
    return object;
  }

  private checkNamespace(
    type: ResourceType,
    object: KubeObject,
    namespace: string | undefined,
  ): void {
    if (!type.namespaced) {
      delete object.metadata.namespace;
      return;
    }
    if (object.metadata.namespace && object.metadata.namespace !== namespace) {
      throw errors.badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    object.metadata.namespace = namespace;
  }

  private timestamp(): string {
    return formatTimestamp(this.now());
  }

  create(
    type: ResourceType,
    namespace: string | undefined,
    body: unknown,
    options: WriteOptions,
  ): StoredObject {
    const object = this.checkBody(type, body);
    this.checkNamespace(type, object, namespace);
    const meta = object.metadata;
    for (const key of SERVER_SET_METADATA) {
      delete meta[key];
    }
    if (!meta.name) {
      if (!meta.generateName) {
        throw errors.invalid(type, '', [
          {
            reason: 'FieldValueRequired',
            field: 'metadata.name',
            message: 'Required value: name or generateName is required',
          },
        ]);
      }
      meta.name = generateName(meta.generateName);
    }
    const name = meta.name;
    if (type.hasStatus) delete object.status;
    this.assertNamespaceAccepts(type, namespace, name);
    if (this.store.has(type, namespace, name))
      throw errors.alreadyExists(type, name);
    applyCreateDefaults(type, object);
    validate(type, object);
    recordUpdate(undefined, object, {
      type,
      manager: defaultManager(options),
      time: this.timestamp(),
    });
    if (options.dryRun) return this.store.prepareCreate(type, object);
    return this.store.create(type, object);
  }

  /** Carries the fields clients cannot change from the live object into the next one. */
  private carryOver(
    type: ResourceType,
    current: StoredObject,
    next: KubeObject,
    subresource?: 'status',
  ): KubeObject {
    let result: KubeObject;
    if (subresource === 'status') {
      // The status endpoint changes status and nothing else.
      result = deepClone(current);
      result.status = deepClone(next.status);
    } else {
      result = deepClone(next);
      if (type.hasStatus) result.status = deepClone(current.status);
      if (type.plural === 'namespaces' && !type.group)
        result.spec = deepClone(current.spec);
    }
    const meta = result.metadata;
    meta.name = current.metadata.name;
    meta.namespace = current.metadata.namespace;
    meta.uid = current.metadata.uid;
    meta.creationTimestamp = current.metadata.creationTimestamp;
    meta.resourceVersion = current.metadata.resourceVersion;
    meta.generation = current.metadata.generation;
    meta.managedFields = current.metadata.managedFields;
    if (current.metadata.deletionTimestamp) {
      meta.deletionTimestamp = current.metadata.deletionTimestamp;
      meta.deletionGracePeriodSeconds =
        current.metadata.deletionGracePeriodSeconds;
    } else {
      delete meta.deletionTimestamp;
      delete meta.deletionGracePeriodSeconds;
    }
    if (!type.namespaced) delete meta.namespace;
    return result;
  }

  private commitUpdate(
    type: ResourceType,
    current: StoredObject,
    next: KubeObject,
    options: WriteOptions,
    manager: string | null,
  ): StoredObject {
    if (options.subresource !== 'status') validate(type, next);
    if (manager !== null) {
      recordUpdate(current, next, {
        type,
        manager,
        time: this.timestamp(),
        subresource: options.subresource,
      });
    }
    if (options.dryRun) {
      const { object, changed } = this.store.prepareUpdate(type, next);
      return changed ? object : current;
    }
    return this.store.update(type, next);
  }

  replace(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    body: unknown,
    options: WriteOptions,
  ): StoredObject {
    const object = this.checkBody(type, body);
    if (object.metadata.name && object.metadata.name !== name) {
      throw errors.badRequest(
        `the name of the object (${object.metadata.name}) does not match the name on the URL (${name})`,
      );
    }
    this.checkNamespace(type, object, namespace);
    const current = this.get(type, namespace, name);
    const requested = object.metadata.resourceVersion;
    if (requested) {
      if (requested !== current.metadata.resourceVersion)
        throw errors.modified(type, name);
    } else if (type.custom) {
      throw errors.invalid(type, name, [
        {
          reason: 'FieldValueInvalid',
          field: 'metadata.resourceVersion',
          message: 'Invalid value: 0x0: must be specified for an update',
        },
      ]);
    }
    const next = this.carryOver(type, current, object, options.subresource);
    return this.commitUpdate(
      type,
      current,
      next,
      options,
      defaultManager(options),
    );
  }

  /** Returns the object and whether it was created (server-side apply may create). */
  patch(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    patchType: PatchType,
    rawBody: string,
    options: WriteOptions,
  ): { object: StoredObject; created: boolean } {
    if (patchType === 'apply')
      return this.apply(type, namespace, name, rawBody, options);
    if (options.force) {
      throw errors.badRequest(
        'force=true is only valid for server-side apply (application/apply-patch+yaml)',
      );
    }
    let patch: unknown;
    try {
      patch = JSON.parse(rawBody);
    } catch (error) {
      throw errors.badRequest(
        `error decoding patch: ${(error as Error).message}`,
      );
    }
    const current = this.get(type, namespace, name);
    let patched: unknown;
    if (patchType === 'json') {
      try {
        patched = applyJsonPatch(current, patch);
      } catch (error) {
        if (error instanceof JsonPatchError) {
          throw new ApiError(422, 'Invalid', error.message, {
            name,
            ...(type.group ? { group: type.group } : {}),
            kind: type.kind,
          });
        }
        throw error;
      }
    } else {
      if (!isPlainObject(patch))
        throw errors.badRequest('a merge patch must be a JSON object');
      const wanted = patch.metadata?.resourceVersion;
      if (wanted && wanted !== current.metadata.resourceVersion)
        throw errors.modified(type, name);
      patched = applyMergePatch(current, patch);
    }
    const object = this.checkBody(type, patched);
    const next = this.carryOver(type, current, object, options.subresource);
    // Patches may edit finalizers; the name and identity stay those of the live object.
    return {
      object: this.commitUpdate(
        type,
        current,
        next,
        options,
        defaultManager(options),
      ),
      created: false,
    };
  }

  private apply(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    rawBody: string,
    options: WriteOptions,
  ): { object: StoredObject; created: boolean } {
    if (!options.fieldManager) {
      throw errors.badRequest(
        'PATCH, application/apply-patch+yaml requests must provide a fieldManager',
      );
    }
    let parsed: unknown;
    try {
      parsed = parseYaml(rawBody);
    } catch (error) {
      throw errors.badRequest(
        `error decoding YAML: ${(error as Error).message}`,
      );
    }
    const applied = this.checkBody(type, parsed);
    if (!applied.apiVersion || !applied.kind) {
      throw errors.badRequest(
        'apiVersion and kind must be set in an apply configuration',
      );
    }
    if (applied.metadata.name && applied.metadata.name !== name) {
      throw errors.badRequest(
        `the name of the object (${applied.metadata.name}) does not match the name on the URL (${name})`,
      );
    }
    applied.metadata.name = name;
    this.checkNamespace(type, applied, namespace);
    const write = {
      type,
      manager: options.fieldManager,
      time: this.timestamp(),
      force: options.force ?? false,
      subresource: options.subresource,
    };
    const current = this.store.get(type, namespace, name);
    if (!current) {
      if (options.subresource === 'status') throw errors.notFound(type, name);
      this.assertNamespaceAccepts(type, namespace, name);
      const object = serverSideApply(undefined, applied, write);
      if (type.hasStatus) delete object.status;
      applyCreateDefaults(type, object);
      validate(type, object);
      const created = options.dryRun
        ? this.store.prepareCreate(type, object)
        : this.store.create(type, object);
      return { object: created, created: true };
    }
    // As in the API server, a resourceVersion in the configuration is a precondition.
    const wanted = applied.metadata.resourceVersion;
    if (wanted && wanted !== current.metadata.resourceVersion)
      throw errors.modified(type, name);
    const merged = serverSideApply(current, applied, write);
    const next = this.carryOver(type, current, merged, options.subresource);
    next.metadata.managedFields = merged.metadata.managedFields;
    return {
      object: this.commitUpdate(type, current, next, options, null),
      created: false,
    };
  }

  delete(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    options: DeleteOptions,
  ): StoredObject {
    const current = this.get(type, namespace, name);
    const pre = options.preconditions;
    if (pre?.uid && pre.uid !== current.metadata.uid) {
      throw errors.conflict(
        type,
        name,
        `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${current.metadata.uid}`,
      );
    }
    if (
      pre?.resourceVersion &&
      pre.resourceVersion !== current.metadata.resourceVersion
    ) {
      throw errors.conflict(
        type,
        name,
        `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${current.metadata.resourceVersion}`,
      );
    }
    if (current.metadata.deletionTimestamp) return current;
    const isNamespace = type.plural === 'namespaces' && !type.group;
    const finalizers = current.metadata.finalizers ?? [];
    if (finalizers.length === 0 && !isNamespace) {
      return options.dryRun
        ? current
        : this.store.remove(type, namespace, name);
    }
    // Finalizers hold the object: it is marked and its controllers finish the deletion.
    const next = deepClone(current);
    next.metadata.deletionTimestamp = this.timestamp();
    next.metadata.deletionGracePeriodSeconds = 0;
    if (isNamespace) next.status = { ...next.status, phase: 'Terminating' };
    if (options.dryRun) return { ...next };
    return this.store.update(type, next);
  }

  deleteCollection(
    type: ResourceType,
    namespace: string | undefined,
    list: ListOptions,
    options: DeleteOptions,
  ): StoredObject[] {
    const { items } = this.list(type, namespace, list);
    return items.map(item =>
      this.delete(type, item.metadata.namespace, item.metadata.name, options),
    );
  }
}
