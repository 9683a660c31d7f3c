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
  PermissionResourceRef,
  createConditionAuthorizer,
  createConditionTransformer,
} from '@backstage/plugin-permission-node';
import { ShepherdPermissionFilter } from '@kubevirt-shepherd/plugin-shepherd-node';
import { PermissionConditions } from '../database/permissionFilter';

/** What a caller may see of a list: everything, nothing, or what matches conditions. */
export type ListAccess =
  | { type: 'all' }
  | { type: 'none' }
  | { type: 'some'; conditions: PermissionConditions };

type ShepherdResourceRef<TResource> = PermissionResourceRef<
  TResource,
  ShepherdPermissionFilter,
  string
>;

/**
 * Asks the permission framework, and evaluates conditional decisions here: against a loaded
 * (or prospective) resource with the rules' `apply`, or as SQL for lists with their
 * `toQuery`. One round trip to the policy per check, and the same rules either way.
 */
export class ShepherdAuthorizer {
  constructor(
    private readonly permissions: PermissionsService,
    private readonly registry: PermissionsRegistryService,
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

  /** A resource permission, for one resource. */
  async isAllowedOn<TResource>(
    credentials: BackstageCredentials,
    permission: ResourcePermission,
    resourceRef: ShepherdResourceRef<TResource>,
    resource: TResource,
  ): Promise<boolean> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.CONDITIONAL) {
      return decision.result === AuthorizeResult.ALLOW;
    }
    const authorize = createConditionAuthorizer(
      this.registry.getPermissionRuleset(resourceRef),
    );
    return authorize(decision, resource);
  }

  /** A resource permission, for a list: what to filter the query by. */
  async listAccess(
    credentials: BackstageCredentials,
    permission: ResourcePermission,
    resourceRef: ShepherdResourceRef<unknown>,
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
      this.registry.getPermissionRuleset(resourceRef),
    );
    return { type: 'some', conditions: transform(decision.conditions) };
  }
}
