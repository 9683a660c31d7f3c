import { AuditorService, LoggerService } from '@backstage/backend-plugin-api';
import {
  AUDIT_ACTION_DEFINITIONS,
  AuditAction,
  AuditLogEntry,
  AuditResourceType,
  Environment,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { JsonObject } from '@backstage/types';
import { randomUUID } from 'node:crypto';
import { ShepherdStore } from '../../database/ShepherdStore';
import { redactSecrets } from './redact';

/** One audited action: written in the caller's transaction, mirrored to the auditor after commit. */
export interface AuditRecord {
  /** Canonical action code, e.g. `vm.request` or `approval.approve`. */
  action: AuditAction;
  actor: string;
  resourceType: AuditResourceType;
  resourceId?: string;
  resourceName?: string;
  parentType?: AuditResourceType;
  parentId?: string;
  environment?: Environment;
  ticketId?: string;
  details?: Record<string, unknown>;
  outcome?: 'success' | 'failure';
}

/**
 * Writes the append-only audit trail. `record` runs inside the unit of work of the change it
 * audits, so both commit together; `publish` then sends the same records to Backstage's
 * auditor. Secrets are redacted before anything is written.
 */
export class AuditRecorder {
  constructor(
    private readonly auditor: AuditorService,
    private readonly logger: LoggerService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async record(
    tx: Pick<ShepherdStore, 'audit'>,
    record: AuditRecord,
  ): Promise<AuditLogEntry> {
    const entry: AuditLogEntry = {
      id: randomUUID(),
      action: record.action,
      outcome: record.outcome ?? 'success',
      actor: record.actor,
      resourceType: record.resourceType,
      resourceId: record.resourceId,
      resourceName: record.resourceName,
      parentType: record.parentType,
      parentId: record.parentId,
      environment: record.environment,
      ticketId: record.ticketId,
      details: redactSecrets(record.details ?? {}) as Record<string, unknown>,
      createdAt: this.clock().toISOString(),
    };
    await tx.audit.append(entry);
    return entry;
  }

  /** Sends committed audit entries to `coreServices.auditor`; never throws. */
  async publish(entries: AuditLogEntry[]): Promise<void> {
    for (const entry of entries) {
      try {
        const { auditorEventId, severity } =
          AUDIT_ACTION_DEFINITIONS[entry.action as AuditAction];
        const event = await this.auditor.createEvent({
          eventId: auditorEventId,
          severityLevel: severity,
          meta: {
            actionType: entry.action,
            actor: entry.actor,
            resourceType: entry.resourceType,
            ...(entry.resourceId && { resourceId: entry.resourceId }),
            ...(entry.ticketId && { ticketId: entry.ticketId }),
            ...(entry.environment && { environment: entry.environment }),
          } as JsonObject,
        });
        if (entry.outcome === 'success') {
          await event.success();
        } else {
          await event.fail({ error: new Error(entry.action) });
        }
      } catch (error) {
        this.logger.warn(
          `Could not send audit event ${entry.action} to the auditor: ${error}`,
        );
      }
    }
  }
}
