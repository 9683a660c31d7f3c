import {
  PowerAction,
  VmModifySpec,
  VmRequestSpec,
  shepherdNamespaceReadPermission,
  shepherdServiceReadPermission,
  shepherdVmConsolePermission,
  shepherdVmCreatePermission,
  shepherdVmDeletePermission,
  shepherdVmModifyPermission,
  shepherdVmPowerPermission,
  shepherdVmReadPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  shepherdNamespacePermissionResourceRef,
  shepherdServicePermissionResourceRef,
  shepherdVmPermissionResourceRef,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { ResourceLoader } from '../../permissions/ResourceLoader';
import { ShepherdAuthorizer } from '../../permissions/ShepherdAuthorizer';
import {
  WorkflowPermissions,
  emptyPage,
} from '../../permissions/WorkflowPermissions';
import { Actor, Reader } from '../Actor';
import { notAllowed, notFound } from '../errors';
import { DefaultVmsService, NewVmTarget } from './DefaultVmsService';
import { VmListRequest, VmsService } from './VmsService';

/** {@link VmsService} behind Shepherd's permissions. */
export class AuthorizedVmsService implements VmsService {
  readonly #permissions: WorkflowPermissions;

  constructor(
    private readonly inner: DefaultVmsService,
    authorizer: ShepherdAuthorizer,
    resources: ResourceLoader,
  ) {
    this.#permissions = new WorkflowPermissions(authorizer, resources);
  }

  async listVms(actor: Reader, request: VmListRequest) {
    const access = await this.#permissions.authorizer.listAccess(
      actor.credentials,
      shepherdVmReadPermission,
      shepherdVmPermissionResourceRef,
    );
    if (access.type === 'none') return emptyPage(request);
    return this.inner.listVms(actor, {
      ...request,
      conditions: access.type === 'some' ? access.conditions : undefined,
    });
  }

  async getVm(actor: Reader, id: string) {
    const vm = await this.inner.getVm(actor, id);
    if (!(await this.#permissions.onVm(actor, shepherdVmReadPermission, vm))) {
      throw notFound('VM');
    }
    return vm;
  }

  async requestVm(actor: Actor, input: VmRequestSpec & { reason: string }) {
    const { authorizer, resources } = this.#permissions;
    return this.inner.requestVm(
      actor,
      input,
      async ({ service, namespace }: NewVmTarget) => {
        const [serviceResource] = await resources.services([service]);
        if (
          !(await authorizer.isAllowedOn(
            actor.credentials,
            shepherdServiceReadPermission,
            shepherdServicePermissionResourceRef,
            serviceResource,
          ))
        ) {
          throw notFound('Service');
        }
        const [namespaceResource] = resources.namespaces([namespace]);
        if (
          !(await authorizer.isAllowedOn(
            actor.credentials,
            shepherdNamespaceReadPermission,
            shepherdNamespacePermissionResourceRef,
            namespaceResource,
          ))
        ) {
          throw notFound('Namespace');
        }
        const [prospective] = await resources.vms([
          {
            systemId: service.systemId,
            serviceId: service.id,
            environment: namespace.environment,
            createdBy: actor.userEntityRef,
          },
        ]);
        if (
          !(await authorizer.isAllowedOn(
            actor.credentials,
            shepherdVmCreatePermission,
            shepherdVmPermissionResourceRef,
            prospective,
          ))
        ) {
          throw notAllowed(
            `You may not request VMs for ${service.systemName}/${service.name} in ${namespace.name}`,
          );
        }
      },
    );
  }

  async requestDeletion(
    actor: Actor,
    vmId: string,
    input: { confirm: boolean; confirmName?: string; reason?: string },
  ) {
    return this.inner.requestDeletion(
      actor,
      vmId,
      input,
      this.#permissions.vmGuard(actor, shepherdVmDeletePermission, 'delete'),
    );
  }

  async requestPower(
    actor: Actor,
    vmId: string,
    input: { action: PowerAction; reason?: string },
  ) {
    return this.inner.requestPower(
      actor,
      vmId,
      input,
      this.#permissions.vmGuard(actor, shepherdVmPowerPermission, input.action),
    );
  }

  async requestModification(
    actor: Actor,
    vmId: string,
    input: VmModifySpec & { reason: string },
  ) {
    return this.inner.requestModification(
      actor,
      vmId,
      input,
      this.#permissions.vmGuard(actor, shepherdVmModifyPermission, 'modify'),
    );
  }

  async requestConsole(
    actor: Actor,
    vmId: string,
    input: { reason?: string; minutes?: number },
  ) {
    return this.inner.requestConsole(
      actor,
      vmId,
      input,
      this.#permissions.vmGuard(
        actor,
        shepherdVmConsolePermission,
        'open the console of',
      ),
    );
  }

  async getConsoleAccess(actor: Actor, vmId: string) {
    return this.inner.getConsoleAccess(
      actor,
      vmId,
      this.#permissions.vmGuard(
        actor,
        shepherdVmConsolePermission,
        'open the console of',
      ),
    );
  }
}
