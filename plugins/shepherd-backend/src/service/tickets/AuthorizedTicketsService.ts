import {
  ShepherdTicket,
  shepherdTicketCancelPermission,
  shepherdTicketReadPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdAuthorizer } from '../../permissions/ShepherdAuthorizer';
import { Actor } from '../Actor';
import { emptyPage } from '../emptyPage';
import { CloudInitVisibility } from '../platform/CloudInitVisibility';
import { DefaultTicketsService } from './DefaultTicketsService';
import { TicketListRequest, TicketsService } from './TicketsService';

/**
 * {@link TicketsService} behind Shepherd's permissions: lists are filtered in SQL, a ticket
 * the caller may not read is not found (404), and cancelling needs the cancel permission.
 * Template snapshots carry cloud-init only for those who manage templates
 * ({@link CloudInitVisibility}).
 */
export class AuthorizedTicketsService implements TicketsService {
  readonly #cloudInit: CloudInitVisibility;

  constructor(
    private readonly inner: DefaultTicketsService,
    private readonly authorizer: ShepherdAuthorizer,
  ) {
    this.#cloudInit = new CloudInitVisibility(authorizer);
  }

  async listTickets(actor: Actor, request: TicketListRequest) {
    return this.#cloudInit.as(
      actor,
      await this.authorizer.listAuthorized(
        actor,
        shepherdTicketReadPermission,
        emptyPage<ShepherdTicket>(request),
        conditions => this.inner.listTickets(actor, { ...request, conditions }),
      ),
    );
  }

  async getTicket(actor: Actor, id: string) {
    await this.authorizer.authorizeRead(
      actor,
      'ticket',
      await this.inner.loadTicket(id),
    );
    return this.#cloudInit.as(actor, await this.inner.getTicket(actor, id));
  }

  async cancelTicket(actor: Actor, id: string) {
    await this.authorizer.authorize(
      actor,
      await this.inner.loadTicket(id),
      shepherdTicketCancelPermission,
      { message: 'You may not cancel this request' },
    );
    return this.#cloudInit.as(actor, await this.inner.cancelTicket(actor, id));
  }
}
