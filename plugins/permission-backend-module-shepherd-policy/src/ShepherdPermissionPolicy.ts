import { UserInfoService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  Permission,
  PolicyDecision,
  isPermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  ENVIRONMENTS,
  Environment,
  SHEPHERD_PLUGIN_ID,
  normalizeEntityRef,
  shepherdServiceReadPermission,
  shepherdSystemReadPermission,
  shepherdVmReadPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  ShepherdReadDecisions,
  createShepherdCatalogReadDecision,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import {
  ShepherdPolicyConfig,
  ShepherdRoleBindings,
  readShepherdPolicyConfig,
} from './config';
import { SHEPHERD_PERMISSION_GRANTS } from './grants';

/**
 * The roles a caller holds, from its ownership entity refs.
 *
 * @public
 */
export interface ShepherdCallerRoles {
  platformAdmin: boolean;
  approver: boolean;
  viewer: boolean;
  /** The environments of every engineer binding that matches; empty when none does. */
  engineerEnvironments: Environment[];
}

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

/** Whether a permission is one of Shepherd's (including ones newer than this policy). */
function isShepherdPermission(permission: Permission): boolean {
  return permission.name.startsWith(`${SHEPHERD_PLUGIN_ID}.`);
}

/**
 * A permission policy with KubeVirt Shepherd's roles, given to catalog Users and Groups by
 * configuration (`permission.shepherd`):
 *
 * - platform admins: every Shepherd permission;
 * - approvers: the approval workbench, tickets, and reading Systems, Services, VMs, namespaces,
 *   the request catalog and the cluster registry;
 * - engineers: creating Systems, and working on the Systems they are members of (read with any
 *   member role; Services and VM requests, power, modify, delete and console as member or
 *   above; changing Systems and Services and managing members as admin or owner), with VMs,
 *   namespaces and their Systems' requests limited to their environments (a VM of another
 *   environment is invisible to them); reading and cancelling their own requests;
 * - viewers: reading Systems, Services, VMs, tickets, namespaces, the request catalog and
 *   the audit log.
 *
 * A caller holding several roles gets the union. Callers with none get no Shepherd
 * permission. Other plugins' permissions get `defaultDecision`, except that
 * `catalog.entity.read` shows the entities of Shepherd's Systems, Services and VMs only to
 * callers who may read those records in Shepherd.
 *
 * @public
 */
export class ShepherdPermissionPolicy implements PermissionPolicy {
  readonly #config: ShepherdPolicyConfig;
  readonly #userInfo: Pick<UserInfoService, 'getUserInfo'>;

  /** Reads and checks `permission.shepherd`; throws naming the key that is wrong. */
  static fromConfig(
    config: Config,
    options: { userInfo: Pick<UserInfoService, 'getUserInfo'> },
  ): ShepherdPermissionPolicy {
    return new ShepherdPermissionPolicy({
      config: readShepherdPolicyConfig(config),
      userInfo: options.userInfo,
    });
  }

  constructor(options: {
    config: ShepherdPolicyConfig;
    userInfo: Pick<UserInfoService, 'getUserInfo'>;
  }) {
    this.#config = options.config;
    this.#userInfo = options.userInfo;
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    const others = this.#config.defaultDecision === 'allow' ? ALLOW : DENY;
    if (isPermission(permission, catalogEntityReadPermission)) {
      return createShepherdCatalogReadDecision(
        permission,
        await this.#readDecisions(user),
        others,
      );
    }
    if (!isShepherdPermission(permission)) {
      return others;
    }
    return this.#decide(permission, user);
  }

  async #decide(
    permission: Permission,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const claims = await this.#claimsOf(user);
    return claims
      ? decide(permission, rolesOf(this.#config.roles, claims), claims)
      : DENY;
  }

  /** What the caller may read in Shepherd, which its catalog entities follow. */
  async #readDecisions(user?: PolicyQueryUser): Promise<ShepherdReadDecisions> {
    const claims = await this.#claimsOf(user);
    const read = (permission: Permission) =>
      claims
        ? decide(permission, rolesOf(this.#config.roles, claims), claims)
        : DENY;
    return {
      system: read(shepherdSystemReadPermission),
      service: read(shepherdServiceReadPermission),
      vm: read(shepherdVmReadPermission),
    };
  }

  /** The caller's claims; none without a user. */
  async #claimsOf(user?: PolicyQueryUser): Promise<string[] | undefined> {
    if (!user) {
      return undefined;
    }
    const { userEntityRef, ownershipEntityRefs } =
      await this.#userInfo.getUserInfo(user.credentials);
    return claimsOf(userEntityRef, ownershipEntityRefs);
  }

  /** The roles that the given ownership entity refs hold. */
  rolesOf(claims: string[]): ShepherdCallerRoles {
    return rolesOf(this.#config.roles, claims);
  }
}

/**
 * The caller's claims in their normal form, without duplicates: role bindings and the
 * member refs the conditions are matched against are in that form, while a sign-in
 * resolver may issue refs in any case.
 */
function claimsOf(userEntityRef: string, ownershipEntityRefs: string[]) {
  return [
    ...new Set([userEntityRef, ...ownershipEntityRefs].map(normalizeEntityRef)),
  ];
}

function rolesOf(
  bindings: ShepherdRoleBindings,
  claims: string[],
): ShepherdCallerRoles {
  const mine = new Set(claims.map(normalizeEntityRef));
  const holds = (refs: string[]) => refs.some(ref => mine.has(ref));
  const environments = new Set<Environment>();
  for (const engineer of bindings.engineers) {
    if (holds(engineer.refs)) {
      engineer.environments.forEach(e => environments.add(e));
    }
  }
  return {
    platformAdmin: holds(bindings.platformAdmins),
    approver: holds(bindings.approvers),
    viewer: holds(bindings.viewers),
    engineerEnvironments: ENVIRONMENTS.filter(e => environments.has(e)),
  };
}

function decide(
  permission: Permission,
  roles: ShepherdCallerRoles,
  claims: string[],
): PolicyDecision {
  if (roles.platformAdmin) {
    return ALLOW;
  }
  const grant = SHEPHERD_PERMISSION_GRANTS[permission.name];
  if (!grant) {
    // A Shepherd permission this policy does not know: only platform admins hold it.
    return DENY;
  }
  if ((roles.approver && grant.approver) || (roles.viewer && grant.viewer)) {
    return ALLOW;
  }
  if (roles.engineerEnvironments.length > 0 && grant.engineer) {
    return grant.engineer === 'allow'
      ? ALLOW
      : grant.engineer(
          { claims, environments: roles.engineerEnvironments },
          permission,
        );
  }
  return DENY;
}
