import { PageRequest } from '../../paging';
import { AuditLogEntry, Page } from '@kubevirt-shepherd/plugin-shepherd-common';

export interface AuditStore {
  append(entry: AuditLogEntry): Promise<void>;
  get(id: string): Promise<AuditLogEntry | undefined>;
  list(
    options: PageRequest & {
      action?: string;
      actor?: string;
      resourceType?: string;
      resourceId?: string;
      ticketId?: string;
      outcome?: 'success' | 'failure';
      from?: string;
      to?: string;
    },
  ): Promise<Page<AuditLogEntry>>;
}
