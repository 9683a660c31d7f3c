import { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  MemberRole,
  SHEPHERD_RESOURCE_TYPES,
  shepherdServiceCreatePermission,
  shepherdServiceDeletePermission,
  shepherdServiceReadPermission,
  shepherdServiceUpdatePermission,
  shepherdSystemCreatePermission,
  shepherdSystemDeletePermission,
  shepherdSystemMembersManagePermission,
  shepherdSystemReadPermission,
  shepherdSystemUpdatePermission,
  ShepherdService,
  ShepherdSystem,
  normalizeEntityRef,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdAuthorizer } from '../../permissions/ShepherdAuthorizer';
import { Actor, Reader } from '../Actor';
import { emptyPage } from '../emptyPage';
import { notAllowed, notFound } from '../errors';
import { ListRequest, SystemsService } from './SystemsService';

/**
 * Puts the permission framework in front of {@link SystemsService}: lists are filtered by
 * conditional decisions in SQL, what the caller may not read answers 404, and what it may
 * read but not change answers 403.
 */
export class AuthorizedSystemsService implements SystemsService {
  constructor(
    private readonly inner: SystemsService,
    private readonly authorizer: ShepherdAuthorizer,
  ) {}

  async #allowedOnSystem(
    actor: Reader,
    permission: ResourcePermission<typeof SHEPHERD_RESOURCE_TYPES.system>,
    system: ShepherdSystem,
  ) {
    return this.authorizer.isAllowedOn(actor.credentials, permission, system);
  }

  async #allowedOnService(
    actor: Reader,
    permission: ResourcePermission<typeof SHEPHERD_RESOURCE_TYPES.service>,
    service: ShepherdService,
  ) {
    return this.authorizer.isAllowedOn(actor.credentials, permission, service);
  }

  /** The System, if the caller may read it; 404 otherwise, as if it did not exist. */
  async #readableSystem(actor: Reader, id: string) {
    const system = await this.inner.getSystem(actor, id);
    if (
      !(await this.#allowedOnSystem(
        actor,
        shepherdSystemReadPermission,
        system,
      ))
    ) {
      throw notFound('System');
    }
    return system;
  }

  async #readableService(actor: Reader, id: string) {
    const service = await this.inner.getService(actor, id);
    if (
      !(await this.#allowedOnService(
        actor,
        shepherdServiceReadPermission,
        service,
      ))
    ) {
      throw notFound('Service');
    }
    return service;
  }

  async #requireOnSystem(
    actor: Actor,
    permission: ResourcePermission<typeof SHEPHERD_RESOURCE_TYPES.system>,
    system: ShepherdSystem,
    what: string,
  ) {
    if (!(await this.#allowedOnSystem(actor, permission, system))) {
      throw notAllowed(`You may not ${what} of the System '${system.name}'`);
    }
  }

  async listSystems(actor: Reader, request: ListRequest) {
    const access = await this.authorizer.listAccess(
      actor.credentials,
      shepherdSystemReadPermission,
    );
    if (access.type === 'none') return emptyPage<ShepherdSystem>(request);
    return this.inner.listSystems(actor, {
      ...request,
      conditions: access.type === 'some' ? access.conditions : undefined,
    });
  }

  async getSystem(actor: Reader, id: string) {
    return this.#readableSystem(actor, id);
  }

  async createSystem(
    actor: Actor,
    input: Parameters<SystemsService['createSystem']>[1],
  ) {
    if (
      !(await this.authorizer.isAllowed(
        actor.credentials,
        shepherdSystemCreatePermission,
      ))
    ) {
      throw notAllowed('You may not create Systems');
    }
    return this.inner.createSystem(actor, input);
  }

  async registerSystem(actor: Actor, entityRef: string) {
    if (
      !(await this.authorizer.isAllowed(
        actor.credentials,
        shepherdSystemCreatePermission,
      ))
    ) {
      throw notAllowed('You may not register Systems');
    }
    return this.inner.registerSystem(actor, entityRef);
  }

  async updateSystem(actor: Actor, id: string, input: { description: string }) {
    const system = await this.#readableSystem(actor, id);
    await this.#requireOnSystem(
      actor,
      shepherdSystemUpdatePermission,
      system,
      'change the description',
    );
    return this.inner.updateSystem(actor, id, input);
  }

  async deleteSystem(
    actor: Actor,
    id: string,
    confirmName: string | undefined,
  ) {
    const system = await this.#readableSystem(actor, id);
    await this.#requireOnSystem(
      actor,
      shepherdSystemDeletePermission,
      system,
      'delete this',
    );
    return this.inner.deleteSystem(actor, id, confirmName);
  }

  async listMembers(actor: Reader, systemId: string) {
    await this.#readableSystem(actor, systemId);
    return this.inner.listMembers(actor, systemId);
  }

  /**
   * Whether the caller may manage members, and also owners: owners of the System may, and so
   * may whoever the policy allows to manage members of every System unconditionally.
   */
  async #memberManagement(actor: Actor, system: ShepherdSystem) {
    await this.#requireOnSystem(
      actor,
      shepherdSystemMembersManagePermission,
      system,
      'manage the members',
    );
    const access = await this.authorizer.listAccess(
      actor.credentials,
      shepherdSystemMembersManagePermission,
    );
    if (access.type === 'all') {
      return { mayManageOwners: true };
    }
    const claims = new Set(
      [actor.userEntityRef, ...actor.ownershipEntityRefs].map(
        normalizeEntityRef,
      ),
    );
    const members = await this.inner.listMembers(actor, system.id);
    return {
      mayManageOwners: members.some(
        member => member.role === 'owner' && claims.has(member.memberRef),
      ),
    };
  }

  async addMember(
    actor: Actor,
    systemId: string,
    input: { memberRef: string; role: MemberRole },
  ) {
    const system = await this.#readableSystem(actor, systemId);
    const options = await this.#memberManagement(actor, system);
    return this.inner.addMember(actor, systemId, input, options);
  }

  async updateMember(
    actor: Actor,
    systemId: string,
    memberId: string,
    input: { role: MemberRole },
  ) {
    const system = await this.#readableSystem(actor, systemId);
    const options = await this.#memberManagement(actor, system);
    return this.inner.updateMember(actor, systemId, memberId, input, options);
  }

  async removeMember(actor: Actor, systemId: string, memberId: string) {
    const system = await this.#readableSystem(actor, systemId);
    const options = await this.#memberManagement(actor, system);
    return this.inner.removeMember(actor, systemId, memberId, options);
  }

  async listServices(
    actor: Reader,
    request: ListRequest & { systemId?: string },
  ) {
    const access = await this.authorizer.listAccess(
      actor.credentials,
      shepherdServiceReadPermission,
    );
    if (access.type === 'none') return emptyPage<ShepherdService>(request);
    return this.inner.listServices(actor, {
      ...request,
      conditions: access.type === 'some' ? access.conditions : undefined,
    });
  }

  async getService(actor: Reader, id: string) {
    return this.#readableService(actor, id);
  }

  async createService(
    actor: Actor,
    systemId: string,
    input: { name: string; description?: string },
  ) {
    const system = await this.#readableSystem(actor, systemId);
    await this.#requireOnSystem(
      actor,
      shepherdServiceCreatePermission,
      system,
      'create Services',
    );
    return this.inner.createService(actor, systemId, input);
  }

  async registerService(actor: Actor, systemId: string, entityRef: string) {
    const system = await this.#readableSystem(actor, systemId);
    await this.#requireOnSystem(
      actor,
      shepherdServiceCreatePermission,
      system,
      'create Services',
    );
    return this.inner.registerService(actor, systemId, entityRef);
  }

  async updateService(
    actor: Actor,
    id: string,
    input: { description: string },
  ) {
    const service = await this.#readableService(actor, id);
    if (
      !(await this.#allowedOnService(
        actor,
        shepherdServiceUpdatePermission,
        service,
      ))
    ) {
      throw notAllowed(`You may not change the Service '${service.name}'`);
    }
    return this.inner.updateService(actor, id, input);
  }

  async deleteService(actor: Actor, id: string, confirm: boolean) {
    const service = await this.#readableService(actor, id);
    if (
      !(await this.#allowedOnService(
        actor,
        shepherdServiceDeletePermission,
        service,
      ))
    ) {
      throw notAllowed(`You may not delete the Service '${service.name}'`);
    }
    return this.inner.deleteService(actor, id, confirm);
  }
}
