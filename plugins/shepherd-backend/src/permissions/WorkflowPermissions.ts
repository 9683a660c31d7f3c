import { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  ShepherdTicket,
  ShepherdVm,
  shepherdTicketReadPermission,
  shepherdVmReadPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  shepherdTicketPermissionResourceRef,
  shepherdVmPermissionResourceRef,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { Actor, Reader } from '../service/Actor';
import { notAllowed, notFound } from '../service/errors';
import { ResourceLoader } from './ResourceLoader';
import { ShepherdAuthorizer } from './ShepherdAuthorizer';

export const emptyPage = (request: { offset: number; limit: number }) => ({
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
