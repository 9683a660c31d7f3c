import {
  AuthorizeResult,
  Permission,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  Environment,
  MemberRole,
  SHEPHERD_RESOURCE_TYPES,
  shepherdAuditReadPermission,
  shepherdCatalogManagePermission,
  shepherdVmAdoptPermission,
  shepherdCatalogReadPermission,
  shepherdClusterManagePermission,
  shepherdClusterReadPermission,
  shepherdNamespaceReadPermission,
  shepherdReconcileReadPermission,
  shepherdReconcileRunPermission,
  shepherdServiceCreatePermission,
  shepherdServiceDeletePermission,
  shepherdServiceReadPermission,
  shepherdServiceUpdatePermission,
  shepherdSystemCreatePermission,
  shepherdSystemDeletePermission,
  shepherdSystemMembersManagePermission,
  shepherdSystemReadPermission,
  shepherdSystemUpdatePermission,
  shepherdTicketApprovePermission,
  shepherdTicketCancelPermission,
  shepherdTicketReadPermission,
  shepherdVmConsolePermission,
  shepherdVmConsoleTakeoverPermission,
  shepherdVmCreatePermission,
  shepherdVmDeletePermission,
  shepherdVmModifyPermission,
  shepherdVmPowerPermission,
  shepherdVmReadPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  createShepherdNamespaceConditionalDecision,
  createShepherdServiceConditionalDecision,
  createShepherdSystemConditionalDecision,
  createShepherdTicketConditionalDecision,
  createShepherdVmConditionalDecision,
  memberRolesAtLeast,
  shepherdNamespaceConditions,
  shepherdServiceConditions,
  shepherdSystemConditions,
  shepherdTicketConditions,
  shepherdVmConditions,
} from '@kubevirt-shepherd/plugin-shepherd-node';

/** What an engineer's grant is evaluated with. */
export interface EngineerContext {
  /** The caller's user entity ref and ownership entity refs, as the backend records them. */
  claims: string[];
  /** The environments of the engineer bindings that match the caller. */
  environments: Environment[];
}

/**
 * An engineer's grant on one permission: unconditional, or a CONDITIONAL decision on the
 * resource, made with the condition exports of shepherd-node.
 */
export type EngineerGrant =
  | 'allow'
  | ((context: EngineerContext, permission: Permission) => PolicyDecision);

/** Which roles a permission is granted to. Platform admins hold every permission. */
export interface PermissionGrant {
  approver: boolean;
  viewer: boolean;
  engineer?: EngineerGrant;
}

const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

type Conditions<TResourceType extends string> = (
  context: EngineerContext,
) => PermissionCriteria<PermissionCondition<TResourceType>>;

/*
 * One helper per resource type, so that each conditional decision is made by that type's
 * createConditionalDecision. A permission of another type (a mistake in the table below)
 * is denied, never allowed; the policy's tests check that none is.
 */
function onSystem(conditions: Conditions<'shepherd-system'>): EngineerGrant {
  return (context, permission) =>
    isResourcePermission(permission, SHEPHERD_RESOURCE_TYPES.system)
      ? createShepherdSystemConditionalDecision(permission, conditions(context))
      : DENY;
}

function onService(conditions: Conditions<'shepherd-service'>): EngineerGrant {
  return (context, permission) =>
    isResourcePermission(permission, SHEPHERD_RESOURCE_TYPES.service)
      ? createShepherdServiceConditionalDecision(
          permission,
          conditions(context),
        )
      : DENY;
}

function onVm(conditions: Conditions<'shepherd-vm'>): EngineerGrant {
  return (context, permission) =>
    isResourcePermission(permission, SHEPHERD_RESOURCE_TYPES.vm)
      ? createShepherdVmConditionalDecision(permission, conditions(context))
      : DENY;
}

function onTicket(conditions: Conditions<'shepherd-ticket'>): EngineerGrant {
  return (context, permission) =>
    isResourcePermission(permission, SHEPHERD_RESOURCE_TYPES.ticket)
      ? createShepherdTicketConditionalDecision(permission, conditions(context))
      : DENY;
}

function onNamespace(
  conditions: Conditions<'shepherd-namespace'>,
): EngineerGrant {
  return (context, permission) =>
    isResourcePermission(permission, SHEPHERD_RESOURCE_TYPES.namespace)
      ? createShepherdNamespaceConditionalDecision(
          permission,
          conditions(context),
        )
      : DENY;
}

/** Member roles that may add to a System: Services, VM requests, operations on VMs. */
const CONTRIBUTORS = memberRolesAtLeast('member');
/** Member roles that may change or delete a System or Service and manage its members. */
const MANAGERS = memberRolesAtLeast('admin');

const READERS = { approver: true, viewer: true } as const;
const NEITHER = { approver: false, viewer: false } as const;

/*
 * IS_SYSTEM_MEMBER without `roles` matches any member role (owner, admin, member, viewer):
 * what members of a System may read.
 */
const systemMember = onSystem(({ claims }) =>
  shepherdSystemConditions.isSystemMember({ claims }),
);
const systemManager = onSystem(({ claims }) =>
  shepherdSystemConditions.isSystemMember({ claims, roles: MANAGERS }),
);
const serviceManager = onService(({ claims }) =>
  shepherdServiceConditions.isSystemMember({ claims, roles: MANAGERS }),
);

/**
 * VMs of the engineer's Systems, in the engineer's environments: to members with one of
 * `roles` (any member role when omitted). A VM of another environment is invisible, as the
 * namespaces of that environment are.
 */
function vmInEnvironments(roles?: MemberRole[]): EngineerGrant {
  return onVm(({ claims, environments }) => ({
    allOf: [
      shepherdVmConditions.isSystemMember(
        roles === undefined ? { claims } : { claims, roles },
      ),
      shepherdVmConditions.isInEnvironment({ environments }),
    ],
  }));
}

/**
 * Shepherd's roles, permission by permission. Platform admins hold all of them; approvers
 * decide requests and read; viewers read (the audit log included, the cluster registry not);
 * engineers work on the Systems they are members of, with VMs, namespaces and their Systems'
 * tickets limited to their environments (their own requests stay readable). Member roles
 * (owner, admin, member, viewer) are inherited from a System by its Services, VMs and
 * tickets.
 */
export const SHEPHERD_PERMISSION_GRANTS: Record<string, PermissionGrant> = {
  [shepherdSystemCreatePermission.name]: { ...NEITHER, engineer: 'allow' },
  [shepherdSystemReadPermission.name]: { ...READERS, engineer: systemMember },
  [shepherdSystemUpdatePermission.name]: {
    ...NEITHER,
    engineer: systemManager,
  },
  [shepherdSystemDeletePermission.name]: {
    ...NEITHER,
    engineer: systemManager,
  },
  [shepherdSystemMembersManagePermission.name]: {
    ...NEITHER,
    engineer: systemManager,
  },
  // The resource of shepherd.service.create is the System the Service goes into.
  [shepherdServiceCreatePermission.name]: {
    ...NEITHER,
    engineer: onSystem(({ claims }) =>
      shepherdSystemConditions.isSystemMember({ claims, roles: CONTRIBUTORS }),
    ),
  },
  [shepherdServiceReadPermission.name]: {
    ...READERS,
    engineer: onService(({ claims }) =>
      shepherdServiceConditions.isSystemMember({ claims }),
    ),
  },
  [shepherdServiceUpdatePermission.name]: {
    ...NEITHER,
    engineer: serviceManager,
  },
  [shepherdServiceDeletePermission.name]: {
    ...NEITHER,
    engineer: serviceManager,
  },
  // The resource of shepherd.vm.create is the VM to be: its System and environment.
  [shepherdVmCreatePermission.name]: {
    ...NEITHER,
    engineer: vmInEnvironments(CONTRIBUTORS),
  },
  [shepherdVmReadPermission.name]: {
    ...READERS,
    engineer: vmInEnvironments(),
  },
  [shepherdVmPowerPermission.name]: {
    ...NEITHER,
    engineer: vmInEnvironments(CONTRIBUTORS),
  },
  [shepherdVmModifyPermission.name]: {
    ...NEITHER,
    engineer: vmInEnvironments(CONTRIBUTORS),
  },
  [shepherdVmDeletePermission.name]: {
    ...NEITHER,
    engineer: vmInEnvironments(CONTRIBUTORS),
  },
  [shepherdVmConsolePermission.name]: {
    ...NEITHER,
    engineer: vmInEnvironments(CONTRIBUTORS),
  },
  [shepherdVmConsoleTakeoverPermission.name]: {
    ...NEITHER,
    engineer: vmInEnvironments(MANAGERS),
  },
  // Their own requests wherever they are; their Systems' requests in their environments.
  [shepherdTicketReadPermission.name]: {
    ...READERS,
    engineer: onTicket(({ claims, environments }) => ({
      anyOf: [
        shepherdTicketConditions.isRequester({ claims }),
        {
          allOf: [
            shepherdTicketConditions.isSystemMember({ claims }),
            shepherdTicketConditions.isInEnvironment({ environments }),
          ],
        },
      ],
    })),
  },
  // Requesters never decide their own tickets; the backend enforces that for every role.
  [shepherdTicketApprovePermission.name]: { approver: true, viewer: false },
  [shepherdTicketCancelPermission.name]: {
    ...NEITHER,
    engineer: onTicket(({ claims }) =>
      shepherdTicketConditions.isRequester({ claims }),
    ),
  },
  [shepherdNamespaceReadPermission.name]: {
    ...READERS,
    engineer: onNamespace(({ environments }) =>
      shepherdNamespaceConditions.isInEnvironment({ environments }),
    ),
  },
  [shepherdCatalogReadPermission.name]: { ...READERS, engineer: 'allow' },
  [shepherdAuditReadPermission.name]: { approver: false, viewer: true },
  [shepherdClusterReadPermission.name]: { approver: true, viewer: false },
  [shepherdClusterManagePermission.name]: NEITHER,
  [shepherdCatalogManagePermission.name]: NEITHER,
  // The reconciler: platform admins only (its reports name every cluster's VMs).
  [shepherdReconcileReadPermission.name]: NEITHER,
  [shepherdReconcileRunPermission.name]: NEITHER,
  // Adoption brings VMs under governance: a platform admin's decision alone.
  [shepherdVmAdoptPermission.name]: NEITHER,
};
