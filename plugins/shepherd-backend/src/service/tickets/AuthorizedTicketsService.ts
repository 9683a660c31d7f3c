import {
  WorkflowPermissions,
  emptyPage,
} from '../../permissions/WorkflowPermissions';
import {
  shepherdTicketCancelPermission,
  shepherdTicketReadPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { shepherdTicketPermissionResourceRef } from '@kubevirt-shepherd/plugin-shepherd-node';
import { ResourceLoader } from '../../permissions/ResourceLoader';
import { ShepherdAuthorizer } from '../../permissions/ShepherdAuthorizer';
import { Actor } from '../Actor';
import { DefaultTicketsService } from './DefaultTicketsService';
import { TicketListRequest, TicketsService } from './TicketsService';

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
