import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  MEMBER_ROLES,
  SHEPHERD_ANNOTATIONS,
  MemberRole,
  ShepherdSystem,
  SystemMember,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ConfirmationTier } from '../common';

/*
 * The backend's rules on Systems, Services and members, as far as the UI can tell in
 * advance. The backend checks them again and answers with its codes
 * (DELETE_RESTRICTED, LAST_OWNER, …), which the UI shows as they come.
 */

/** Deleting a System: its name typed (the backend's `confirm_name`). */
export function systemDeletionTier(system: ShepherdSystem): ConfirmationTier {
  return { kind: 'type-name', name: system.name };
}

/** Deleting a Service: a tick (the backend's `confirm=true`). */
export function serviceDeletionTier(serviceName: string): ConfirmationTier {
  return {
    kind: 'checkbox',
    label: `I understand that the Service ${serviceName} will be deleted`,
  };
}

/** Why a System cannot be deleted yet, or undefined: the backend refuses while it has Services. */
export function systemDeleteBlockedReason(
  serviceCount: number | undefined,
): string | undefined {
  if (!serviceCount) {
    return undefined;
  }
  return `Delete its ${serviceCount} ${
    serviceCount === 1 ? 'Service' : 'Services'
  } first`;
}

/** Why a Service cannot be deleted yet, or undefined: the backend refuses while it has VMs. */
export function serviceDeleteBlockedReason(
  vmCount: number | undefined,
): string | undefined {
  if (!vmCount) {
    return undefined;
  }
  return `Delete its ${vmCount} ${vmCount === 1 ? 'VM' : 'VMs'} first`;
}

/**
 * What each role is for under the product's roles (the portal's permission policy decides
 * in the end); roles are inherited by the System's Services and VMs.
 */
export const MEMBER_ROLE_DESCRIPTIONS: Record<MemberRole, string> = {
  owner: 'Everything an admin may, and grant or revoke the owner role',
  admin: 'Change or delete the System and its Services, manage members',
  member: 'Create Services, request and operate VMs',
  viewer: 'See the System, its Services and VMs',
};

/** Why the last owner's role cannot change nor be removed (the backend's LAST_OWNER rule). */
export const LAST_OWNER_REASON =
  'A System must keep at least one owner; make someone else an owner first';

/** Whether the member is the only owner of its System. */
export function isLastOwner(
  member: SystemMember,
  members: SystemMember[],
): boolean {
  return (
    member.role === 'owner' &&
    !members.some(other => other.role === 'owner' && other.id !== member.id)
  );
}

/** Members ordered by role, strongest first, then by ref. */
export function sortMembers(members: SystemMember[]): SystemMember[] {
  return [...members].sort(
    (a, b) =>
      MEMBER_ROLES.indexOf(a.role) - MEMBER_ROLES.indexOf(b.role) ||
      a.memberRef.localeCompare(b.memberRef),
  );
}

/** The kinds a member ref may name. */
const MEMBER_KINDS = ['user', 'group'];

/**
 * A member ref in the backend's normal form (the kind defaults to group, the namespace to
 * default), or an error message; the backend refuses what is not a User or Group.
 */
export function normalizeMemberRef(
  ref: string,
): { ok: true; ref: string } | { ok: false; message: string } {
  const trimmed = ref.trim();
  if (!trimmed) {
    return { ok: false, message: 'Name a User or Group' };
  }
  try {
    const parsed = parseEntityRef(trimmed, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    if (!MEMBER_KINDS.includes(parsed.kind.toLocaleLowerCase('en-US'))) {
      throw new Error('not a User or Group');
    }
    return {
      ok: true,
      ref: stringifyEntityRef(parsed).toLocaleLowerCase('en-US'),
    };
  } catch {
    return {
      ok: false,
      message: `'${trimmed}' is not the entity ref of a User or Group`,
    };
  }
}

/** `User` or `Group`, read from a member's ref. */
export function memberKindOf(memberRef: string): string {
  const kind = memberRef.split(':')[0]?.toLocaleLowerCase('en-US');
  return kind === 'user' ? 'User' : 'Group';
}

/**
 * How to find, in the catalog, the System whose service Components can be registered into a
 * Shepherd System (the backend's rule, SYSTEM_NOT_REGISTERED otherwise): the entity it was
 * registered from, or, for a System created in Shepherd, the entity the catalog module
 * publishes for it, which carries its id, in whatever namespace the module is configured to
 * publish in.
 */
export function catalogSystemFilter(
  system: ShepherdSystem,
): Record<string, string> {
  if (system.entityRef) {
    const ref = parseEntityRef(system.entityRef, { defaultKind: 'system' });
    return {
      kind: ref.kind,
      'metadata.namespace': ref.namespace,
      'metadata.name': ref.name,
    };
  }
  return {
    kind: 'system',
    [`metadata.annotations.${SHEPHERD_ANNOTATIONS.systemId}`]: system.id,
  };
}

/**
 * The ref of the catalog System whose service Components can be registered into a Shepherd
 * System, in the catalog's lowercase form: the entity it was registered from, or the one
 * the catalog module published for it (found with {@link catalogSystemFilter}). Undefined
 * while a System created in Shepherd has no catalog entity (yet).
 */
export function catalogRefOfSystem(
  system: ShepherdSystem,
  published?: Entity,
): string | undefined {
  if (system.entityRef) {
    return stringifyEntityRef(
      parseEntityRef(system.entityRef, { defaultKind: 'system' }),
    ).toLocaleLowerCase('en-US');
  }
  if (
    published?.metadata.annotations?.[SHEPHERD_ANNOTATIONS.systemId] !==
    system.id
  ) {
    return undefined;
  }
  return stringifyEntityRef(published).toLocaleLowerCase('en-US');
}
