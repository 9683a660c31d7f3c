import {
  MEMBER_ROLES,
  MemberRole,
  SHEPHERD_ENTITY_ACCESS_FIELDS,
  SystemMember,
  normalizeEntityRef,
} from '@kubevirt-shepherd/plugin-shepherd-common';

/** The access fields of an entity, as they sit under its `spec`. */
export interface EntityAccess {
  /** The refs of the System's members, by role; roles without members are left out. */
  members: Partial<Record<MemberRole, string[]>>;
  /** Who requested the VM (VMs only). */
  requester?: string;
}

/**
 * The `spec` field that says who may see an entity: the members of its System by role and,
 * on a VM, its requester, refs in their normal form (SHEPHERD_ENTITY_ACCESS_FIELDS). A
 * permission policy shows the entity to whoever may read its record in Shepherd with the
 * catalog's own rules on these fields; without them nobody but readers of every record would.
 */
export function accessOf(
  members: SystemMember[] = [],
  requester?: string,
): Record<string, EntityAccess> {
  const byRole: EntityAccess['members'] = {};
  for (const role of MEMBER_ROLES) {
    const refs = [
      ...new Set(
        members
          .filter(member => member.role === role)
          .map(member => normalizeEntityRef(member.memberRef)),
      ),
    ].sort();
    if (refs.length > 0) {
      byRole[role] = refs;
    }
  }
  return {
    [SHEPHERD_ENTITY_ACCESS_FIELDS.root]: {
      members: byRole,
      ...(requester && { requester: normalizeEntityRef(requester) }),
    },
  };
}
