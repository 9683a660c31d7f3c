import {
  MemberRole,
  SHEPHERD_ERROR_CODES,
  ShepherdSystem,
  normalizeEntityRef,
  shepherdSystemMembersManagePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdAuthorizer } from '../../permissions/ShepherdAuthorizer';
import { Actor, Reader } from '../Actor';
import { notAllowed } from '../errors';
import { DefaultMembersService } from './DefaultMembersService';
import { MembersService } from './MembersService';

/**
 * Puts the permission framework in front of {@link MembersService}: members of a System the
 * caller may not read answer 404; changing them needs `shepherd.system.members.manage` on
 * the System, and granting, changing or revoking the owner role also needs the caller to be
 * an owner of the System, or to manage the members of every System (403
 * OWNER_GRANT_FORBIDDEN).
 */
export class AuthorizedMembersService implements MembersService {
  constructor(
    private readonly inner: DefaultMembersService,
    private readonly authorizer: ShepherdAuthorizer,
  ) {}

  async #readableSystem(reader: Reader, systemId: string) {
    return this.authorizer.authorizeRead(
      reader,
      'system',
      await this.inner.getSystem(systemId),
    );
  }

  async listMembers(reader: Reader, systemId: string) {
    await this.#readableSystem(reader, systemId);
    return this.inner.listMembers(reader, systemId);
  }

  /** The System whose members the caller may manage; 404 or 403 otherwise. */
  async #managedSystem(actor: Actor, systemId: string) {
    const system = await this.inner.getSystem(systemId);
    await this.authorizer.authorize(
      actor,
      system,
      shepherdSystemMembersManagePermission,
      {
        message: `You may not manage the members of the System '${system.name}'`,
      },
    );
    return system;
  }

  /**
   * Refuses an owner change to whoever is not an owner of the System and may not manage the
   * members of every System unconditionally.
   */
  async #authorizeOwnerChange(
    actor: Actor,
    system: ShepherdSystem,
    roles: MemberRole[],
  ) {
    if (!roles.includes('owner')) return;
    const access = await this.authorizer.listAccess(
      actor.credentials,
      shepherdSystemMembersManagePermission,
    );
    if (access.type === 'all') return;
    const claims = new Set(
      [actor.userEntityRef, ...actor.ownershipEntityRefs].map(
        normalizeEntityRef,
      ),
    );
    const members = await this.inner.listMembers(actor, system.id);
    if (
      !members.some(
        member => member.role === 'owner' && claims.has(member.memberRef),
      )
    ) {
      throw notAllowed(
        'Only an owner of the System can grant, change or revoke the owner role',
        SHEPHERD_ERROR_CODES.OWNER_GRANT_FORBIDDEN,
      );
    }
  }

  async addMember(
    actor: Actor,
    systemId: string,
    input: Parameters<MembersService['addMember']>[2],
  ) {
    const system = await this.#managedSystem(actor, systemId);
    await this.#authorizeOwnerChange(actor, system, [input.role]);
    return this.inner.addMember(actor, systemId, input);
  }

  async updateMember(
    actor: Actor,
    systemId: string,
    memberId: string,
    input: Parameters<MembersService['updateMember']>[3],
  ) {
    const system = await this.#managedSystem(actor, systemId);
    const member = await this.inner.getMember(systemId, memberId);
    if (member.role !== input.role) {
      await this.#authorizeOwnerChange(actor, system, [
        member.role,
        input.role,
      ]);
    }
    return this.inner.updateMember(actor, systemId, memberId, input);
  }

  async removeMember(actor: Actor, systemId: string, memberId: string) {
    const system = await this.#managedSystem(actor, systemId);
    const member = await this.inner.getMember(systemId, memberId);
    await this.#authorizeOwnerChange(actor, system, [member.role]);
    return this.inner.removeMember(actor, systemId, memberId);
  }
}
