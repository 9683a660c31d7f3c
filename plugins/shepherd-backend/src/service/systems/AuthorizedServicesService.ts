import {
  ShepherdService,
  shepherdServiceCreatePermission,
  shepherdServiceDeletePermission,
  shepherdServiceReadPermission,
  shepherdServiceUpdatePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdAuthorizer } from '../../permissions/ShepherdAuthorizer';
import { Actor, Reader } from '../Actor';
import { emptyPage } from '../emptyPage';
import { DefaultServicesService } from './DefaultServicesService';
import { ServicesService } from './ServicesService';
import { ListRequest } from './SystemsService';

/**
 * Puts the permission framework in front of {@link ServicesService}: lists are filtered in
 * SQL; a Service (or, for a new one, a System) the caller may not read answers 404, one it
 * may read but not change answers 403.
 */
export class AuthorizedServicesService implements ServicesService {
  constructor(
    private readonly inner: DefaultServicesService,
    private readonly authorizer: ShepherdAuthorizer,
  ) {}

  async listServices(
    reader: Reader,
    request: ListRequest & { systemId?: string },
  ) {
    return this.authorizer.listAuthorized(
      reader,
      shepherdServiceReadPermission,
      emptyPage<ShepherdService>(request),
      conditions => this.inner.listServices(reader, { ...request, conditions }),
    );
  }

  async getService(reader: Reader, id: string) {
    return this.authorizer.authorizeRead(
      reader,
      'service',
      await this.inner.getService(reader, id),
    );
  }

  /** New Services need `shepherd.service.create` on their System. */
  async #authorizeNewService(actor: Actor, systemId: string) {
    const system = await this.inner.getSystem(systemId);
    await this.authorizer.authorize(
      actor,
      system,
      shepherdServiceCreatePermission,
      { message: `You may not create Services of the System '${system.name}'` },
    );
  }

  async createService(
    actor: Actor,
    systemId: string,
    input: Parameters<ServicesService['createService']>[2],
  ) {
    await this.#authorizeNewService(actor, systemId);
    return this.inner.createService(actor, systemId, input);
  }

  async registerService(actor: Actor, systemId: string, entityRef: string) {
    await this.#authorizeNewService(actor, systemId);
    return this.inner.registerService(actor, systemId, entityRef);
  }

  async updateService(
    actor: Actor,
    id: string,
    input: Parameters<ServicesService['updateService']>[2],
  ) {
    const service = await this.inner.getService(actor, id);
    await this.authorizer.authorize(
      actor,
      service,
      shepherdServiceUpdatePermission,
      { message: `You may not change the Service '${service.name}'` },
    );
    return this.inner.updateService(actor, id, input);
  }

  async deleteService(actor: Actor, id: string, confirm: boolean) {
    const service = await this.inner.getService(actor, id);
    await this.authorizer.authorize(
      actor,
      service,
      shepherdServiceDeletePermission,
      { message: `You may not delete the Service '${service.name}'` },
    );
    return this.inner.deleteService(actor, id, confirm);
  }
}
