import { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  ApprovalDecision,
  ApprovalManifestRequest,
  PowerAction,
  ShepherdTicket,
  ShepherdVm,
  VmModifySpec,
  VmRequestSpec,
  shepherdNamespaceReadPermission,
  shepherdServiceReadPermission,
  shepherdTicketApprovePermission,
  shepherdTicketCancelPermission,
  shepherdTicketReadPermission,
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
  shepherdTicketPermissionResourceRef,
  shepherdVmPermissionResourceRef,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { ResourceLoader } from '../../permissions/ResourceLoader';
import { ShepherdAuthorizer } from '../../permissions/ShepherdAuthorizer';
import { Actor, Reader } from '../Actor';
import { notAllowed, notFound } from '../errors';
import { DefaultApprovalsService } from './DefaultApprovalsService';
import { DefaultTicketsService } from './DefaultTicketsService';
import { DefaultVmsService, NewVmTarget } from './DefaultVmsService';
import {
  ApprovalsService,
  TicketListRequest,
  TicketsService,
} from './TicketsService';
import { VmListRequest, VmsService } from './VmsService';

const emptyPage = (request: { offset: number; limit: number }) => ({
  items: [],
  totalItems: 0,
  offset: request.offset,
  limit: request.limit,
});

/** Permission checks on VMs and tickets shared by the authorized workflow services. */
export class WorkflowPermissions {
  constructor(
    readonly authorizer: ShepherdAuthorizer,
    readonly resources: ResourceLoader,
  ) {}

  async onVm(actor: Reader, permission: ResourcePermission, vm: ShepherdVm) {
    const [resource] = await this.resources.vms([vm]);
    return this.authorizer.isAllowedOn(
      actor.credentials,
      permission,
      shepherdVmPermissionResourceRef,
      resource,
    );
  }

  async onTicket(
    actor: Actor,
    permission: ResourcePermission,
    ticket: ShepherdTicket,
  ) {
    const [resource] = await this.resources.tickets([ticket]);
    return this.authorizer.isAllowedOn(
      actor.credentials,
      permission,
      shepherdTicketPermissionResourceRef,
      resource,
    );
  }

  /** 404 for a VM the caller may not read, 403 for one it may read but not act on. */
  vmGuard(actor: Actor, permission: ResourcePermission, what: string) {
    return async (vm: ShepherdVm) => {
      if (!(await this.onVm(actor, shepherdVmReadPermission, vm))) {
        throw notFound('VM');
      }
      if (!(await this.onVm(actor, permission, vm))) {
        throw notAllowed(`You may not ${what} ${vm.name}`);
      }
    };
  }

  ticketGuard(actor: Actor, permission?: ResourcePermission, what?: string) {
    return async (ticket: ShepherdTicket) => {
      if (!(await this.onTicket(actor, shepherdTicketReadPermission, ticket))) {
        throw notFound('Ticket');
      }
      if (permission && !(await this.onTicket(actor, permission, ticket))) {
        throw notAllowed(`You may not ${what} this request`);
      }
    };
  }
}

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

/** {@link TicketsService} behind Shepherd's permissions. */
export class AuthorizedTicketsService implements TicketsService {
  readonly #permissions: WorkflowPermissions;

  constructor(
    private readonly inner: DefaultTicketsService,
    authorizer: ShepherdAuthorizer,
    resources: ResourceLoader,
  ) {
    this.#permissions = new WorkflowPermissions(authorizer, resources);
  }

  async listTickets(actor: Actor, request: TicketListRequest) {
    const access = await this.#permissions.authorizer.listAccess(
      actor.credentials,
      shepherdTicketReadPermission,
      shepherdTicketPermissionResourceRef,
    );
    if (access.type === 'none') return emptyPage(request);
    return this.inner.listTickets(actor, {
      ...request,
      conditions: access.type === 'some' ? access.conditions : undefined,
    });
  }

  async getTicket(actor: Actor, id: string) {
    return this.inner.getTicket(
      actor,
      id,
      this.#permissions.ticketGuard(actor),
    );
  }

  async cancelTicket(actor: Actor, id: string) {
    return this.inner.cancelTicket(
      actor,
      id,
      this.#permissions.ticketGuard(
        actor,
        shepherdTicketCancelPermission,
        'cancel',
      ),
    );
  }
}

/** {@link ApprovalsService} behind Shepherd's permissions. */
export class AuthorizedApprovalsService implements ApprovalsService {
  readonly #permissions: WorkflowPermissions;

  constructor(
    private readonly inner: DefaultApprovalsService,
    authorizer: ShepherdAuthorizer,
    resources: ResourceLoader,
  ) {
    this.#permissions = new WorkflowPermissions(authorizer, resources);
  }

  async listTasks(actor: Actor, request: { offset: number; limit: number }) {
    const access = await this.#permissions.authorizer.listAccess(
      actor.credentials,
      shepherdTicketApprovePermission,
      shepherdTicketPermissionResourceRef,
    );
    if (access.type === 'none') return emptyPage(request);
    return this.inner.listTasks(actor, {
      ...request,
      conditions: access.type === 'some' ? access.conditions : undefined,
    });
  }

  #approverGuard(actor: Actor) {
    return this.#permissions.ticketGuard(
      actor,
      shepherdTicketApprovePermission,
      'decide',
    );
  }

  async preview(actor: Actor, ticketId: string) {
    return this.inner.preview(actor, ticketId, this.#approverGuard(actor));
  }

  async renderManifest(
    actor: Actor,
    ticketId: string,
    request: ApprovalManifestRequest,
  ) {
    return this.inner.renderManifest(
      actor,
      ticketId,
      request,
      this.#approverGuard(actor),
    );
  }

  async approve(actor: Actor, ticketId: string, decision: ApprovalDecision) {
    return this.inner.approve(
      actor,
      ticketId,
      decision,
      this.#approverGuard(actor),
    );
  }

  async reject(actor: Actor, ticketId: string, input: { reason: string }) {
    return this.inner.reject(
      actor,
      ticketId,
      input,
      this.#approverGuard(actor),
    );
  }
}
