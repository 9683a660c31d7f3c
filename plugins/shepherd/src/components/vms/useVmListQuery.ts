import {
  ENVIRONMENTS,
  ShepherdApiQuery,
  VM_ORDER_BY,
  VM_STATUSES,
  isOneOf,
} from '@kubevirt-shepherd/plugin-shepherd-common';

type ListVmsQuery = ShepherdApiQuery<'ListVms'>;
import { useUrlListQuery } from '../common';

/** The filters of the VM list; each lives in a URL search param of the same name, so links keep them. */
export type VmListFilters = Pick<
  ListVmsQuery,
  | 'systemId'
  | 'serviceId'
  | 'namespace'
  | 'environment'
  | 'status'
  | 'clusterId'
  | 'search'
>;

const TEXT_FILTERS = [
  'systemId',
  'serviceId',
  'namespace',
  'clusterId',
  'search',
] as const;

function readFilters(params: URLSearchParams): VmListFilters {
  const filters: VmListFilters = {};
  for (const name of TEXT_FILTERS) {
    const value = params.get(name);
    if (value) {
      filters[name] = value;
    }
  }
  const environment = params.get('environment');
  if (isOneOf(ENVIRONMENTS, environment)) {
    filters.environment = environment;
  }
  const statuses = (params.get('status') ?? '')
    .split(',')
    .filter(status => isOneOf(VM_STATUSES, status));
  if (statuses.length > 0) {
    filters.status = statuses as VmListFilters['status'];
  }
  return filters;
}

function writeFilters(filters: VmListFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of TEXT_FILTERS) {
    const value = filters[name];
    if (value) {
      params.set(name, value);
    }
  }
  if (filters.environment) {
    params.set('environment', filters.environment);
  }
  if (filters.status && filters.status.length > 0) {
    params.set('status', filters.status.join(','));
  }
  return params;
}

/**
 * The VM list's query, kept in the URL: filters, order and paging. Changing a filter goes back to
 * the first page; choosing another System clears the Service, which belongs to a System.
 */
export function useVmListQuery() {
  const { filters, sort, paging, setFilters, setSort, setPaging } =
    useUrlListQuery({
      read: readFilters,
      write: writeFilters,
      sortable: VM_ORDER_BY,
    });

  const changeFilters = (changes: Partial<VmListFilters>) => {
    const next = { ...filters, ...changes };
    if ('systemId' in changes && changes.systemId !== filters.systemId) {
      next.serviceId = undefined;
    }
    setFilters(next);
  };
  const clearFilters = () => setFilters({});

  const query: ListVmsQuery = { ...filters, ...sort, ...paging };
  const hasFilters = Object.values(filters).some(value =>
    Array.isArray(value) ? value.length > 0 : Boolean(value),
  );
  return {
    query,
    filters,
    hasFilters,
    sort,
    setSort,
    setFilters: changeFilters,
    setPaging,
    clearFilters,
  };
}
