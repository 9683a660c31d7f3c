import {
  AuditAction,
  SHEPHERD_ERROR_CODES,
  ShepherdSystem,
  SystemMember,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { randomUUID } from 'node:crypto';
import { ShepherdStore } from '../../database/ShepherdStore';
import { Actor, Reader } from '../Actor';
import { conflict, notFound, writeUnique } from '../errors';
import { GovernanceContext, UnitOfWork } from '../GovernanceContext';
import { loadSystem, normalizeMemberRef } from './hierarchyRules';
import { MembersService } from './MembersService';

/** A member of the System; 404 when the System has no such member. */
async function memberOf(
  store: Pick<ShepherdStore, 'members'>,
  systemId: string,
  memberId: string,
): Promise<SystemMember> {
  const member = await store.members.get(memberId);
  if (!member || member.systemId !== systemId) {
    throw notFound('Member');
  }
  return member;
}

/**
 * The members of Systems. Every method trusts its caller to have checked permissions,
 * including who may grant, change or revoke the owner role (see AuthorizedMembersService);
 * it enforces the domain's own rules: member refs, one membership per member, and that a
 * System keeps an owner.
 */
export class DefaultMembersService implements MembersService {
  constructor(private readonly context: GovernanceContext) {}

  /** The System of the members or Services asked about; 404 when it does not exist. */
  async getSystem(systemId: string) {
    return loadSystem(this.context.store, systemId);
  }

  /** The member of the System; 404 when there is none. */
  async getMember(systemId: string, memberId: string): Promise<SystemMember> {
    return memberOf(this.context.store, systemId, memberId);
  }

  async listMembers(_reader: Reader, systemId: string) {
    await loadSystem(this.context.store, systemId);
    return this.context.store.members.listForSystem(systemId);
  }

  async addMember(
    actor: Actor,
    systemId: string,
    input: Parameters<MembersService['addMember']>[2],
  ) {
    const system = await loadSystem(this.context.store, systemId);
    const memberRef = normalizeMemberRef(input.memberRef);
    const now = this.context.now();
    const member: SystemMember = {
      id: randomUUID(),
      systemId,
      memberRef,
      role: input.role,
      grantedBy: actor.userEntityRef,
      createdAt: now,
      updatedAt: now,
    };
    await writeUnique(
      () =>
        this.context.execute(async unit => {
          await unit.tx.members.insert(member);
          await this.#auditMember(unit, actor, 'member.add', system, member);
        }),
      () =>
        conflict(
          SHEPHERD_ERROR_CODES.MEMBER_ALREADY_EXISTS,
          `${memberRef} is already a member of '${system.name}'; change its role instead`,
        ),
    );
    return member;
  }

  async updateMember(
    actor: Actor,
    systemId: string,
    memberId: string,
    input: Parameters<MembersService['updateMember']>[3],
  ) {
    const system = await loadSystem(this.context.store, systemId);
    const updatedAt = this.context.now();
    return this.context.execute(async unit => {
      await unit.tx.systems.lockForUpdate(systemId);
      const member = await memberOf(unit.tx, systemId, memberId);
      if (member.role === input.role) {
        return member;
      }
      if (member.role === 'owner') {
        await this.#assertAnotherOwner(unit, systemId, memberId);
      }
      await unit.tx.members.updateRole(memberId, {
        role: input.role,
        updatedAt,
      });
      const updated = { ...member, role: input.role, updatedAt };
      await this.#auditMember(unit, actor, 'member.update', system, updated, {
        previousRole: member.role,
      });
      return updated;
    });
  }

  async removeMember(actor: Actor, systemId: string, memberId: string) {
    const system = await loadSystem(this.context.store, systemId);
    await this.context.execute(async unit => {
      await unit.tx.systems.lockForUpdate(systemId);
      const member = await memberOf(unit.tx, systemId, memberId);
      if (member.role === 'owner') {
        await this.#assertAnotherOwner(unit, systemId, memberId);
      }
      await unit.tx.members.delete(memberId);
      await this.#auditMember(unit, actor, 'member.remove', system, member);
    });
  }

  /**
   * Refuses to take the owner role from its last holder. Called after the System is locked
   * for the unit of work: two removals (or demotions) of two different owners would otherwise
   * each see the other owner and together leave the System without one.
   */
  async #assertAnotherOwner(
    unit: UnitOfWork,
    systemId: string,
    memberId: string,
  ) {
    const members = await unit.tx.members.listForSystem(systemId);
    if (!members.some(m => m.role === 'owner' && m.id !== memberId)) {
      throw conflict(
        SHEPHERD_ERROR_CODES.LAST_OWNER,
        'A System must keep at least one owner; grant the owner role to someone else first',
      );
    }
  }

  async #auditMember(
    unit: UnitOfWork,
    actor: Actor,
    action: AuditAction,
    system: ShepherdSystem,
    member: SystemMember,
    extra: Record<string, unknown> = {},
  ) {
    await unit.audit({
      action,
      actor: actor.userEntityRef,
      resourceType: 'member',
      resourceId: member.id,
      resourceName: member.memberRef,
      parentType: 'system',
      parentId: system.id,
      details: { memberRef: member.memberRef, role: member.role, ...extra },
    });
  }
}
