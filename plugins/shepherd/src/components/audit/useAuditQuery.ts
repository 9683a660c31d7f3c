import {
  ShepherdApiQuery,
  isOneOf,
  AUDIT_OUTCOMES,
} from '@kubevirt-shepherd/plugin-shepherd-common';

type ListAuditLogsQuery = ShepherdApiQuery<'ListAuditLogs'>;
import { useUrlListQuery } from '../common';
import { normalizeTimestamp } from './timeRange';

/** The filters of the audit log; each lives in a URL search param of the same name. */
export type AuditFilters = Pick<
  ListAuditLogsQuery,
  | 'action'
  | 'actor'
  | 'resourceType'
  | 'resourceId'
  | 'ticketId'
  | 'outcome'
  | 'from'
  | 'to'
>;

const TEXT_FILTERS = [
  'action',
  'actor',
  'resourceType',
  'resourceId',
  'ticketId',
] as const;

/** The URL search params of a set of filters, e.g. for links to "everything by this actor". */
export function auditSearchParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of TEXT_FILTERS) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  if (filters.outcome) params.set('outcome', filters.outcome);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  return params;
}

function readFilters(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  for (const name of TEXT_FILTERS) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  const outcome = params.get('outcome');
  if (isOneOf(AUDIT_OUTCOMES, outcome)) filters.outcome = outcome;
  // The API takes RFC 3339 timestamps only; anything else in the URL is left out.
  const from = normalizeTimestamp(params.get('from'));
  if (from) filters.from = from;
  const to = normalizeTimestamp(params.get('to'));
  if (to) filters.to = to;
  return filters;
}

/**
 * The audit log's query, kept in the URL: filters and paging. Changing a filter goes back to
 * the first page.
 */
export function useAuditQuery() {
  const { filters, paging, setFilters, setPaging } = useUrlListQuery({
    read: readFilters,
    write: auditSearchParams,
  });
  return {
    filters,
    query: { ...filters, ...paging } as ListAuditLogsQuery,
    hasFilters: Object.keys(filters).length > 0,
    setFilters: (changes: Partial<AuditFilters>) =>
      setFilters({ ...filters, ...changes }),
    setPaging,
    clearFilters: () => setFilters({}),
  };
}
