import { PageRequest } from '../../paging';
import {
  AuditLogEntry,
  Page,
  ShepherdApiQuery,
} from '@kubevirt-shepherd/plugin-shepherd-common';

/** What the audit search filters by: the query of the API's audit search, without its paging. */
export type AuditLogFilter = Omit<
  ShepherdApiQuery<'ListAuditLogs'>,
  'offset' | 'limit'
>;

export interface AuditStore {
  append(entry: AuditLogEntry): Promise<void>;
  get(id: string): Promise<AuditLogEntry | undefined>;
  list(options: PageRequest & AuditLogFilter): Promise<Page<AuditLogEntry>>;
}
