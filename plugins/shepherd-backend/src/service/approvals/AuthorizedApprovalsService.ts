import {
  ApprovalTask,
  ApprovalDecision,
  ApprovalManifestRequest,
  shepherdTicketApprovePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdAuthorizer } from '../../permissions/ShepherdAuthorizer';
import { Actor } from '../Actor';
import { emptyPage } from '../emptyPage';
import { CloudInitVisibility } from '../platform/CloudInitVisibility';
import { ApprovalTaskListRequest, ApprovalsService } from './ApprovalsService';
import { DefaultApprovalsService } from './DefaultApprovalsService';

/**
 * {@link ApprovalsService} behind Shepherd's permissions: the queue lists what the caller may
 * approve (filtered in SQL); a ticket the caller may not read is not found (404), one it may
 * read but not approve is refused (403). Tickets and manifests carry cloud-init only for
 * those who manage templates ({@link CloudInitVisibility}).
 */
export class AuthorizedApprovalsService implements ApprovalsService {
  readonly #cloudInit: CloudInitVisibility;

  constructor(
    private readonly inner: DefaultApprovalsService,
    private readonly authorizer: ShepherdAuthorizer,
  ) {
    this.#cloudInit = new CloudInitVisibility(authorizer);
  }

  async listTasks(actor: Actor, request: ApprovalTaskListRequest) {
    return this.#cloudInit.as(
      actor,
      await this.authorizer.listAuthorized(
        actor,
        shepherdTicketApprovePermission,
        emptyPage<ApprovalTask>(request),
        conditions => this.inner.listTasks(actor, { ...request, conditions }),
      ),
    );
  }

  async #authorizeDecision(actor: Actor, ticketId: string) {
    await this.authorizer.authorize(
      actor,
      await this.inner.loadTicket(ticketId),
      shepherdTicketApprovePermission,
      { message: 'You may not decide this request' },
    );
  }

  async preview(actor: Actor, ticketId: string) {
    await this.#authorizeDecision(actor, ticketId);
    return this.#cloudInit.as(actor, await this.inner.preview(actor, ticketId));
  }

  async renderManifest(
    actor: Actor,
    ticketId: string,
    request: ApprovalManifestRequest,
  ) {
    await this.#authorizeDecision(actor, ticketId);
    return this.#cloudInit.as(
      actor,
      await this.inner.renderManifest(actor, ticketId, request),
    );
  }

  async approve(actor: Actor, ticketId: string, decision: ApprovalDecision) {
    await this.#authorizeDecision(actor, ticketId);
    return this.#cloudInit.as(
      actor,
      await this.inner.approve(actor, ticketId, decision),
    );
  }

  async reject(
    actor: Actor,
    ticketId: string,
    input: Parameters<ApprovalsService['reject']>[2],
  ) {
    await this.#authorizeDecision(actor, ticketId);
    return this.#cloudInit.as(
      actor,
      await this.inner.reject(actor, ticketId, input),
    );
  }
}
