import {
  PermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  ENVIRONMENTS,
  Environment,
  MEMBER_ROLES,
  MemberRole,
  TICKET_STATUSES,
  TicketStatus,
  normalizeEntityRef,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { z } from 'zod';
import {
  ShepherdMemberBinding,
  ShepherdPermissionFilter,
  shepherdNamespacePermissionResourceRef,
  shepherdServicePermissionResourceRef,
  shepherdSystemPermissionResourceRef,
  shepherdTicketPermissionResourceRef,
  shepherdVmPermissionResourceRef,
} from './resources';

/** Rule names, as they appear in conditional policy decisions. @public */
export const SHEPHERD_RULE_NAMES = {
  isSystemMember: 'IS_SYSTEM_MEMBER',
  isInEnvironment: 'IS_IN_ENVIRONMENT',
  isRequester: 'IS_REQUESTER',
  hasTicketStatus: 'HAS_TICKET_STATUS',
} as const;

/**
 * The roles at least as strong as `role`: `memberRolesAtLeast('member')` is owner, admin and
 * member. Useful for the `roles` parameter of `IS_SYSTEM_MEMBER`.
 *
 * @public
 */
export function memberRolesAtLeast(role: MemberRole): MemberRole[] {
  return MEMBER_ROLES.slice(0, MEMBER_ROLES.indexOf(role) + 1);
}

const claimsSchema = z
  .array(z.string())
  .describe('Entity refs of the caller, usually its ownership entity refs');

const memberParamsSchema = z.object({
  claims: claimsSchema,
  roles: z
    .array(z.enum(MEMBER_ROLES))
    .optional()
    .describe('Roles that qualify; any role when omitted'),
});

const environmentParamsSchema = z.object({
  environments: z
    .array(z.enum(ENVIRONMENTS))
    .describe('Environments (of the namespace) that qualify'),
});

const requesterParamsSchema = z.object({ claims: claimsSchema });

const ticketStatusParamsSchema = z.object({
  statuses: z
    .array(z.enum(TICKET_STATUSES))
    .describe('Ticket statuses that qualify'),
});

type MemberParams = z.infer<typeof memberParamsSchema>;

/*
 * Entity refs are case-insensitive: claims and the refs of a resource are compared in their
 * normal form (lowercase), and the database filters receive normalised claims, so that a
 * sign-in resolver issuing `user:default/Alice` keeps the memberships of `user:default/alice`.
 */

/** The claims in their normal form, without duplicates. */
function normalizeClaims(claims: string[]): string[] {
  return [...new Set(claims.map(normalizeEntityRef))];
}

/** Whether one of the claims names the ref, whatever the case of either. */
function claimsInclude(claims: string[], ref: string): boolean {
  return normalizeClaims(claims).includes(normalizeEntityRef(ref));
}

function hasMembership(
  members: ShepherdMemberBinding[],
  { claims, roles }: MemberParams,
): boolean {
  return members.some(
    member =>
      claimsInclude(claims, member.memberRef) &&
      (roles === undefined || roles.includes(member.role)),
  );
}

function memberQuery({
  claims,
  roles,
}: MemberParams): ShepherdPermissionFilter {
  const normalized = normalizeClaims(claims);
  return roles === undefined
    ? { kind: 'member', claims: normalized }
    : { kind: 'member', claims: normalized, roles };
}

function requesterQuery({
  claims,
}: {
  claims: string[];
}): ShepherdPermissionFilter {
  return { kind: 'requester', claims: normalizeClaims(claims) };
}

const IS_SYSTEM_MEMBER_DESCRIPTION =
  "Allow when one of the claims is a member of the resource's System with one of the given roles (inherited System → Service → VM)";
const IS_IN_ENVIRONMENT_DESCRIPTION =
  "Allow when the environment of the resource's namespace is one of the given environments";
const IS_REQUESTER_DESCRIPTION =
  'Allow when one of the claims is the user who requested the resource';

/** The ref of a resource type that Shepherd's stores filter with {@link ShepherdPermissionFilter}. */
type FilteredResourceRef<
  TResource,
  TResourceType extends string,
> = PermissionResourceRef<TResource, ShepherdPermissionFilter, TResourceType>;

/** IS_SYSTEM_MEMBER on a resource type that carries the members of its System. */
function isSystemMemberRule<
  TResource extends { members: ShepherdMemberBinding[] },
  TResourceType extends string,
>(resourceRef: FilteredResourceRef<TResource, TResourceType>) {
  return createPermissionRule({
    name: SHEPHERD_RULE_NAMES.isSystemMember,
    description: IS_SYSTEM_MEMBER_DESCRIPTION,
    resourceRef,
    paramsSchema: memberParamsSchema,
    apply: (resource, params) => hasMembership(resource.members, params),
    toQuery: memberQuery,
  });
}

/** IS_IN_ENVIRONMENT on a resource type that carries its environment. */
function isInEnvironmentRule<
  TResource extends { environment: Environment },
  TResourceType extends string,
>(
  resourceRef: FilteredResourceRef<TResource, TResourceType>,
  description = IS_IN_ENVIRONMENT_DESCRIPTION,
) {
  return createPermissionRule({
    name: SHEPHERD_RULE_NAMES.isInEnvironment,
    description,
    resourceRef,
    paramsSchema: environmentParamsSchema,
    apply: (resource, { environments }) =>
      environments.includes(resource.environment),
    toQuery: ({ environments }) => ({ kind: 'environment', environments }),
  });
}

/** IS_REQUESTER on a resource type, `requesterOf` naming who requested a resource. */
function isRequesterRule<TResource, TResourceType extends string>(
  resourceRef: FilteredResourceRef<TResource, TResourceType>,
  requesterOf: (resource: TResource) => string,
) {
  return createPermissionRule({
    name: SHEPHERD_RULE_NAMES.isRequester,
    description: IS_REQUESTER_DESCRIPTION,
    resourceRef,
    paramsSchema: requesterParamsSchema,
    apply: (resource, { claims }) =>
      claimsInclude(claims, requesterOf(resource)),
    toQuery: requesterQuery,
  });
}

/** @public */
export const isSystemMemberOfSystem = isSystemMemberRule(
  shepherdSystemPermissionResourceRef,
);

/** @public */
export const isSystemMemberOfService = isSystemMemberRule(
  shepherdServicePermissionResourceRef,
);

/** @public */
export const isSystemMemberOfVm = isSystemMemberRule(
  shepherdVmPermissionResourceRef,
);

/** @public */
export const isVmInEnvironment = isInEnvironmentRule(
  shepherdVmPermissionResourceRef,
);

/** @public */
export const isVmRequester = isRequesterRule(
  shepherdVmPermissionResourceRef,
  vm => vm.createdBy,
);

/** @public */
export const isSystemMemberOfTicket = isSystemMemberRule(
  shepherdTicketPermissionResourceRef,
);

/** @public */
export const isTicketInEnvironment = isInEnvironmentRule(
  shepherdTicketPermissionResourceRef,
);

/** @public */
export const isTicketRequester = isRequesterRule(
  shepherdTicketPermissionResourceRef,
  ticket => ticket.requester,
);

/** @public */
export const hasTicketStatus = createPermissionRule({
  name: SHEPHERD_RULE_NAMES.hasTicketStatus,
  description: 'Allow when the ticket has one of the given statuses',
  resourceRef: shepherdTicketPermissionResourceRef,
  paramsSchema: ticketStatusParamsSchema,
  apply: (resource, { statuses }) => statuses.includes(resource.status),
  toQuery: ({ statuses }) => ({ kind: 'ticketStatus', statuses }),
});

/** @public */
export const isNamespaceInEnvironment = isInEnvironmentRule(
  shepherdNamespacePermissionResourceRef,
  'Allow when the namespace belongs to one of the given environments',
);

/** The rules of each Shepherd resource type, as registered with the permissions registry. @public */
export const shepherdPermissionRules = {
  system: { isSystemMember: isSystemMemberOfSystem },
  service: { isSystemMember: isSystemMemberOfService },
  vm: {
    isSystemMember: isSystemMemberOfVm,
    isInEnvironment: isVmInEnvironment,
    isRequester: isVmRequester,
  },
  ticket: {
    isSystemMember: isSystemMemberOfTicket,
    isInEnvironment: isTicketInEnvironment,
    isRequester: isTicketRequester,
    hasTicketStatus,
  },
  namespace: { isInEnvironment: isNamespaceInEnvironment },
};

/** The parameters types, for policy authors. @public */
export type ShepherdMemberRuleParams = MemberParams;
/** @public */
export type ShepherdEnvironmentRuleParams = { environments: Environment[] };
/** @public */
export type ShepherdTicketStatusRuleParams = { statuses: TicketStatus[] };
