import { shepherdAuditReadPermission } from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdAuthorizer } from '../../permissions/ShepherdAuthorizer';
import { Actor } from '../Actor';
import { notAllowed } from '../errors';
import {
  AuditExportQuery,
  AuditLogQuery,
  AuditLogService,
} from './AuditLogService';

/**
 * Puts the permission framework in front of {@link AuditLogService}. The audit trail spans
 * every System and cluster, so reading it is one basic permission rather than per-entry
 * visibility: who lacks it gets 403 for the list and for single entries alike, before any
 * lookup, so the answer tells nothing about which ids exist. Exports are the list as a file and
 * need the same permission.
 */
export class AuthorizedAuditLogService implements AuditLogService {
  constructor(
    private readonly inner: AuditLogService,
    private readonly authorizer: Pick<ShepherdAuthorizer, 'isAllowed'>,
  ) {}

  async #requireRead(actor: Actor) {
    if (
      !(await this.authorizer.isAllowed(
        actor.credentials,
        shepherdAuditReadPermission,
      ))
    ) {
      throw notAllowed('You may not read the audit log');
    }
  }

  async list(actor: Actor, query: AuditLogQuery) {
    await this.#requireRead(actor);
    return this.inner.list(actor, query);
  }

  async export(actor: Actor, query: AuditExportQuery) {
    await this.#requireRead(actor);
    return this.inner.export(actor, query);
  }

  async get(actor: Actor, id: string) {
    await this.#requireRead(actor);
    return this.inner.get(actor, id);
  }
}
