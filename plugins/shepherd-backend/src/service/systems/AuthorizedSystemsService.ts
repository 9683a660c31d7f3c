import {
  ShepherdSystem,
  shepherdSystemCreatePermission,
  shepherdSystemDeletePermission,
  shepherdSystemReadPermission,
  shepherdSystemUpdatePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdAuthorizer } from '../../permissions/ShepherdAuthorizer';
import { Actor, Reader } from '../Actor';
import { emptyPage } from '../emptyPage';
import { notAllowed } from '../errors';
import { DefaultSystemsService } from './DefaultSystemsService';
import { ListRequest, SystemsService } from './SystemsService';

/**
 * Puts the permission framework in front of {@link SystemsService}: lists are filtered by
 * conditional decisions in SQL, what the caller may not read answers 404, and what it may
 * read but not change answers 403.
 */
export class AuthorizedSystemsService implements SystemsService {
  constructor(
    private readonly inner: DefaultSystemsService,
    private readonly authorizer: ShepherdAuthorizer,
  ) {}

  async listSystems(reader: Reader, request: ListRequest) {
    return this.authorizer.listAuthorized(
      reader,
      shepherdSystemReadPermission,
      emptyPage<ShepherdSystem>(request),
      conditions => this.inner.listSystems(reader, { ...request, conditions }),
    );
  }

  async getSystem(reader: Reader, id: string) {
    return this.authorizer.authorizeRead(
      reader,
      'system',
      await this.inner.getSystem(reader, id),
    );
  }

  async createSystem(
    actor: Actor,
    input: Parameters<SystemsService['createSystem']>[1],
  ) {
    await this.#requireCreate(actor, 'You may not create Systems');
    return this.inner.createSystem(actor, input);
  }

  async registerSystem(actor: Actor, entityRef: string) {
    await this.#requireCreate(actor, 'You may not register Systems');
    return this.inner.registerSystem(actor, entityRef);
  }

  async #requireCreate(actor: Actor, refusal: string) {
    if (
      !(await this.authorizer.isAllowed(
        actor.credentials,
        shepherdSystemCreatePermission,
      ))
    ) {
      throw notAllowed(refusal);
    }
  }

  async updateSystem(
    actor: Actor,
    id: string,
    input: Parameters<SystemsService['updateSystem']>[2],
  ) {
    const system = await this.inner.getSystem(actor, id);
    await this.authorizer.authorize(
      actor,
      system,
      shepherdSystemUpdatePermission,
      {
        message: `You may not change the description of the System '${system.name}'`,
      },
    );
    return this.inner.updateSystem(actor, id, input);
  }

  async deleteSystem(
    actor: Actor,
    id: string,
    confirmName: string | undefined,
  ) {
    const system = await this.inner.getSystem(actor, id);
    await this.authorizer.authorize(
      actor,
      system,
      shepherdSystemDeletePermission,
      { message: `You may not delete the System '${system.name}'` },
    );
    return this.inner.deleteSystem(actor, id, confirmName);
  }
}
