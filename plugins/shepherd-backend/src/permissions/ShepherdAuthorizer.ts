import {
  BackstageCredentials,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  createConditionTransformer,
} from '@backstage/plugin-permission-node';
import {
  SHEPHERD_ERROR_CODES,
  SHEPHERD_RESOURCE_TYPES,
  ShepherdErrorCode,
  ShepherdNamespace,
  ShepherdService,
  ShepherdSystem,
  ShepherdTicket,
  shepherdNamespaceReadPermission,
  shepherdServiceReadPermission,
  shepherdSystemReadPermission,
  shepherdTicketReadPermission,
  shepherdVmReadPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  shepherdNamespacePermissionResourceRef,
  shepherdServicePermissionResourceRef,
  shepherdSystemPermissionResourceRef,
  shepherdTicketPermissionResourceRef,
  shepherdVmPermissionResourceRef,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { PermissionConditions } from '../database/permissionFilter';
import { Reader } from '../service/Actor';
import { notAllowed, notFound } from '../service/errors';
import { ResourceLoader, VmRecord } from './ResourceLoader';

/** What a caller may see of a list: everything, nothing, or what matches conditions. */
export type ListAccess =
  | { type: 'all' }
  | { type: 'none' }
  | { type: 'some'; conditions: PermissionConditions };

/** The records of each Shepherd resource type, as services load them. */
export interface ShepherdRecords {
  [SHEPHERD_RESOURCE_TYPES.system]: ShepherdSystem;
  [SHEPHERD_RESOURCE_TYPES.service]: ShepherdService;
  /** A VM, or one that is only being requested (no id yet). */
  [SHEPHERD_RESOURCE_TYPES.vm]: VmRecord;
  [SHEPHERD_RESOURCE_TYPES.ticket]: ShepherdTicket;
  [SHEPHERD_RESOURCE_TYPES.namespace]: ShepherdNamespace;
}

/** A Shepherd resource type. */
export type ShepherdResourceType = keyof ShepherdRecords;

const RESOURCE_REFS = {
  [SHEPHERD_RESOURCE_TYPES.system]: shepherdSystemPermissionResourceRef,
  [SHEPHERD_RESOURCE_TYPES.service]: shepherdServicePermissionResourceRef,
  [SHEPHERD_RESOURCE_TYPES.vm]: shepherdVmPermissionResourceRef,
  [SHEPHERD_RESOURCE_TYPES.ticket]: shepherdTicketPermissionResourceRef,
  [SHEPHERD_RESOURCE_TYPES.namespace]: shepherdNamespacePermissionResourceRef,
} as const;

/** The key of a Shepherd resource type, e.g. `system` for `shepherd-system`. */
export type ShepherdResourceKind = keyof typeof SHEPHERD_RESOURCE_TYPES;

/** The records of a kind of resource, e.g. a System for `system`. */
type RecordOf<K extends ShepherdResourceKind> =
  ShepherdRecords[(typeof SHEPHERD_RESOURCE_TYPES)[K]];

/** What reading a record of each type takes, and what "not found" calls the record. */
const READING: {
  [T in ShepherdResourceType]: {
    permission: ResourcePermission<T>;
    what: string;
  };
} = {
  [SHEPHERD_RESOURCE_TYPES.system]: {
    permission: shepherdSystemReadPermission,
    what: 'System',
  },
  [SHEPHERD_RESOURCE_TYPES.service]: {
    permission: shepherdServiceReadPermission,
    what: 'Service',
  },
  [SHEPHERD_RESOURCE_TYPES.vm]: {
    permission: shepherdVmReadPermission,
    what: 'VM',
  },
  [SHEPHERD_RESOURCE_TYPES.ticket]: {
    permission: shepherdTicketReadPermission,
    what: 'Ticket',
  },
  [SHEPHERD_RESOURCE_TYPES.namespace]: {
    permission: shepherdNamespaceReadPermission,
    what: 'Namespace',
  },
};

/** How a record that the caller may read, but not act on, is refused. */
export interface Refusal {
  message: string;
  code?: ShepherdErrorCode;
}

/**
 * Asks the permission framework, and evaluates conditional decisions here: against a record
 * (in the shape the rules evaluate, with its System's members) with the rules' `apply`, or
 * as SQL for lists with their `toQuery`. One round trip to the policy per check, the same
 * rules either way, and one call per question: "may the caller do this to this record?"
 */
export class ShepherdAuthorizer {
  constructor(
    private readonly permissions: PermissionsService,
    private readonly registry: PermissionsRegistryService,
    private readonly resources: ResourceLoader,
  ) {}

  /** A basic (resource-less) permission. */
  async isAllowed(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ): Promise<boolean> {
    const [decision] = await this.permissions.authorize([{ permission }], {
      credentials,
    });
    return decision.result === AuthorizeResult.ALLOW;
  }

  /** A resource permission, on one record of the permission's resource type. */
  async isAllowedOn<T extends ShepherdResourceType>(
    credentials: BackstageCredentials,
    permission: ResourcePermission<T>,
    record: ShepherdRecords[T],
  ): Promise<boolean> {
    const [allowed] = await this.isAllowedOnEach(credentials, permission, [
      record,
    ]);
    return allowed;
  }

  /**
   * A resource permission, on each of several records: one decision of the policy, a
   * conditional one applied to every record (their Systems' members read at once).
   */
  async isAllowedOnEach<T extends ShepherdResourceType>(
    credentials: BackstageCredentials,
    permission: ResourcePermission<T>,
    records: ReadonlyArray<ShepherdRecords[T]>,
  ): Promise<boolean[]> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.CONDITIONAL) {
      return records.map(() => decision.result === AuthorizeResult.ALLOW);
    }
    const type = permission.resourceType as T;
    const authorize = createConditionAuthorizer(
      this.registry.getPermissionRuleset(RESOURCE_REFS[type] as any),
    );
    const resources = await this.resources.resourcesOf(type, [...records]);
    return resources.map(resource => authorize(decision, resource));
  }

  /**
   * Whether a resource permission may allow the caller anything: allowed, or conditional
   * (allowed on the records that match its conditions).
   */
  async isAllowedOnSome(
    credentials: BackstageCredentials,
    permission: ResourcePermission<ShepherdResourceType>,
  ): Promise<boolean> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    return decision.result !== AuthorizeResult.DENY;
  }

  /** The record, if the caller may read it: 404 otherwise, as if it did not exist. */
  async authorizeRead<K extends ShepherdResourceKind, R extends RecordOf<K>>(
    reader: Reader,
    kind: K,
    record: R,
  ): Promise<R> {
    await this.#requireReadable(reader, SHEPHERD_RESOURCE_TYPES[kind], record);
    return record;
  }

  /**
   * Lets the caller on only if it may read the record (404 otherwise) and do `permission`
   * to it (403 with the refusal otherwise).
   */
  async authorize<T extends ShepherdResourceType>(
    reader: Reader,
    record: ShepherdRecords[T],
    permission: ResourcePermission<T>,
    refusal: Refusal,
  ): Promise<void> {
    await this.#requireReadable(reader, permission.resourceType as T, record);
    if (!(await this.isAllowedOn(reader.credentials, permission, record))) {
      throw notAllowed(
        refusal.message,
        refusal.code ?? SHEPHERD_ERROR_CODES.PERMISSION_DENIED,
      );
    }
  }

  async #requireReadable<T extends ShepherdResourceType>(
    reader: Reader,
    type: T,
    record: ShepherdRecords[T],
  ) {
    const reading = READING[type];
    if (
      !(await this.isAllowedOn(reader.credentials, reading.permission, record))
    ) {
      throw notFound(reading.what);
    }
  }

  /**
   * Runs a list under a resource permission: `list` with the conditions of a conditional
   * decision (applied in SQL), or with none when the caller is allowed everything; `nothing`,
   * without asking the store, when it is allowed nothing.
   */
  async listAuthorized<R>(
    reader: Reader,
    permission: ResourcePermission<ShepherdResourceType>,
    nothing: R,
    list: (conditions: PermissionConditions | undefined) => Promise<R>,
  ): Promise<R> {
    const access = await this.listAccess(reader.credentials, permission);
    if (access.type === 'none') return nothing;
    return list(access.type === 'some' ? access.conditions : undefined);
  }

  /** A resource permission, for a list: what to filter the query by. */
  async listAccess(
    credentials: BackstageCredentials,
    permission: ResourcePermission<ShepherdResourceType>,
  ): Promise<ListAccess> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.CONDITIONAL) {
      return decision.result === AuthorizeResult.ALLOW
        ? { type: 'all' }
        : { type: 'none' };
    }
    const transform = createConditionTransformer(
      this.registry.getPermissionRuleset(
        RESOURCE_REFS[permission.resourceType as ShepherdResourceType] as any,
      ),
    );
    return {
      type: 'some',
      conditions: transform(decision.conditions) as PermissionConditions,
    };
  }
}
