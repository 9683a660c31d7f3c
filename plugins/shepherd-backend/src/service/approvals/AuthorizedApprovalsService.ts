import {
  WorkflowPermissions,
  emptyPage,
} from '../../permissions/WorkflowPermissions';
import {
  ApprovalDecision,
  ApprovalManifestRequest,
  shepherdTicketApprovePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { shepherdTicketPermissionResourceRef } from '@kubevirt-shepherd/plugin-shepherd-node';
import { ResourceLoader } from '../../permissions/ResourceLoader';
import { ShepherdAuthorizer } from '../../permissions/ShepherdAuthorizer';
import { Actor } from '../Actor';
import { ApprovalsService } from './ApprovalsService';
import { DefaultApprovalsService } from './DefaultApprovalsService';

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
