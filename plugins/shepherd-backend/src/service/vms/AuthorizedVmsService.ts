import {
  Environment,
  ShepherdVm,
  shepherdVmConsolePermission,
  shepherdVmReadPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { PageRequest } from '../../database/paging';
import { VmOperationRequest } from '../../operations/VmOperation';
import { ShepherdAuthorizer } from '../../permissions/ShepherdAuthorizer';
import { Actor, Reader } from '../Actor';
import { notAllowed } from '../errors';
import { RequestRateLimiter } from '../limits/RequestRateLimiter';
import { emptyPage } from '../emptyPage';
import { DefaultVmsService } from './DefaultVmsService';
import { VmListRequest, VmsService } from './VmsService';

/** Where a VM may be requested: for a System, in a namespace of an environment. */
export interface NewVmPlace {
  systemId: string;
  environment: Environment;
}

/**
 * {@link VmsService} behind Shepherd's permissions: lists are filtered in SQL; a VM the caller
 * may not read is not found (404); one it may read without the operation's permission is
 * refused (403). A new VM needs its Service and namespace to be readable and
 * `shepherd.vm.create` on the VM it would be. Requests are counted against the requester's rate
 * limit (429 RATE_LIMITED) before anything else.
 */
export class AuthorizedVmsService implements VmsService {
  constructor(
    private readonly inner: DefaultVmsService,
    private readonly authorizer: ShepherdAuthorizer,
    private readonly rateLimiter: RequestRateLimiter,
  ) {}

  async listVms(reader: Reader, request: VmListRequest) {
    return this.authorizer.listAuthorized(
      reader,
      shepherdVmReadPermission,
      emptyPage<ShepherdVm>(request),
      conditions => this.inner.listVms(reader, { ...request, conditions }),
    );
  }

  async getVm(reader: Reader, id: string) {
    return this.authorizer.authorizeRead(
      reader,
      'vm',
      await this.inner.getVm(reader, id),
    );
  }

  async getVmHistory(reader: Reader, id: string, page: PageRequest) {
    await this.getVm(reader, id);
    return this.inner.getVmHistory(reader, id, page);
  }

  async requestOperation(actor: Actor, request: VmOperationRequest) {
    // Counted before anything is read: a user over the limit costs one statement.
    await this.rateLimiter.admit(
      actor,
      request.operation === 'power' ? 'powerActions' : 'vmRequests',
    );
    if (request.operation === 'create') {
      await this.#authorizeNewVm(actor, request);
    } else {
      const operation = this.inner.operation(request.operation);
      const vm = await this.inner.getVm(actor, request.vmId);
      const verb = (operation.verb as (input: unknown) => string)(
        request.input,
      );
      await this.authorizer.authorize(actor, vm, operation.permission, {
        message: `You may not ${verb} ${vm.name}`,
      });
    }
    return this.inner.requestOperation(actor, request);
  }

  async #authorizeNewVm(actor: Actor, request: VmOperationRequest<'create'>) {
    const { service, namespace } = await this.inner.loadTarget<'create'>(
      request,
    );
    await this.authorizer.authorizeRead(actor, 'service', service);
    await this.authorizer.authorizeRead(actor, 'namespace', namespace);
    const [allowed] = await this.mayRequestVms(actor, [
      { systemId: service.systemId, environment: namespace.environment },
    ]);
    if (!allowed) {
      throw notAllowed(
        `You may not ${this.inner.operation('create').verb(request.input)} ${
          service.systemName
        }/${service.name} in ${namespace.name}`,
      );
    }
  }

  /**
   * Whether the actor may request a VM at each place: `shepherd.vm.create` on the VM to be,
   * known by its System, its namespace's environment and its requester. Requests are checked
   * with this, and the capabilities the portal offers are answered with it.
   */
  async mayRequestVms(
    actor: Actor,
    places: ReadonlyArray<NewVmPlace>,
  ): Promise<boolean[]> {
    return this.authorizer.isAllowedOnEach(
      actor.credentials,
      this.inner.operation('create').permission,
      places.map(({ systemId, environment }) => ({
        systemId,
        environment,
        createdBy: actor.userEntityRef,
      })),
    );
  }

  async getConsoleAccess(actor: Actor, vmId: string) {
    const vm = await this.inner.getVm(actor, vmId);
    await this.authorizer.authorize(actor, vm, shepherdVmConsolePermission, {
      message: `You may not open the console of ${vm.name}`,
    });
    return this.inner.getConsoleAccess(actor, vmId);
  }
}
