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
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.CONDITIONAL) {
      return decision.result === AuthorizeResult.ALLOW;
    }
    const type = permission.resourceType as T;
    const authorize = createConditionAuthorizer(
      this.registry.getPermissionRuleset(RESOURCE_REFS[type] as any),
    );
    return authorize(decision, await this.resources.resourceOf(type, record));
  }

  /**
   * Lets the caller on only if it may read the record (404 otherwise, as if it did not exist)
   * and, when a `permission` is given, also do that to it (403 with the refusal otherwise).
   */
  async authorize<T extends ShepherdResourceType>(
    reader: Reader,
    record: ShepherdRecords[T],
    checks: {
      read: ResourcePermission<T>;
      /** What "not found" calls the record, e.g. `VM`. */
      what: string;
      permission?: ResourcePermission<T>;
      refusal?: Refusal;
    },
  ): Promise<void> {
    const { credentials } = reader;
    if (!(await this.isAllowedOn(credentials, checks.read, record))) {
      throw notFound(checks.what);
    }
    if (
      checks.permission &&
      !(await this.isAllowedOn(credentials, checks.permission, record))
    ) {
      throw notAllowed(
        checks.refusal?.message ?? `You may not do this to this ${checks.what}`,
        checks.refusal?.code ?? SHEPHERD_ERROR_CODES.PERMISSION_DENIED,
      );
    }
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
