import {
  ENVIRONMENTS,
  VM_STATUSES,
  VmStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import {
  CLEAR_FILTERS_LABEL,
  FilterBar,
  FilterOption,
  FilterSelect,
  displayNameOf,
  plainOptions,
  useDebouncedText,
} from '../common';
import { FilterOptions, useVmFilterOptions } from './useVmFilterOptions';
import { VmListFilters } from './useVmListQuery';

/** A filter over choices the user may not be allowed to list; left out when they may not. */
function ListedFilterSelect<T>(props: {
  id: string;
  label: string;
  value: string | undefined;
  choices: FilterOptions<T>;
  toOption: (item: T) => FilterOption;
  onChange: (value: string | undefined) => void;
}) {
  const { choices, toOption, ...select } = props;
  if (!choices.available) return null;
  return <FilterSelect {...select} options={choices.items.map(toOption)} />;
}

/**
 * The filter bar of the VM list: System, Service, namespace, environment, status, cluster
 * and a text search. Filters whose choices the user may not list are left out.
 */
export function VmFilters(props: {
  filters: VmListFilters;
  hasFilters: boolean;
  onChange: (changes: Partial<VmListFilters>) => void;
  onClear: () => void;
}) {
  const { filters, hasFilters, onChange, onClear } = props;
  const options = useVmFilterOptions(filters.systemId);
  const [search, setSearch] = useDebouncedText(filters.search ?? '', text =>
    onChange({ search: text || undefined }),
  );

  return (
    <FilterBar label="VM filters">
      <TextField
        id="shepherd-filter-search"
        label="Search"
        value={search}
        onChange={event => setSearch(event.target.value)}
        variant="outlined"
        size="small"
      />
      <ListedFilterSelect
        id="shepherd-filter-system"
        label="System"
        value={filters.systemId}
        choices={options.systems}
        toOption={system => ({
          value: system.id,
          label: system.name,
        })}
        onChange={systemId => onChange({ systemId })}
      />
      <ListedFilterSelect
        id="shepherd-filter-service"
        label="Service"
        value={filters.serviceId}
        choices={options.services}
        toOption={service => ({
          value: service.id,
          label: filters.systemId
            ? service.name
            : `${service.systemName}/${service.name}`,
        })}
        onChange={serviceId => onChange({ serviceId })}
      />
      <ListedFilterSelect
        id="shepherd-filter-namespace"
        label="Namespace"
        value={filters.namespace}
        choices={options.namespaces}
        toOption={namespace => ({
          value: namespace.name,
          label: namespace.name,
        })}
        onChange={namespace => onChange({ namespace })}
      />
      <FilterSelect
        id="shepherd-filter-environment"
        label="Environment"
        value={filters.environment}
        options={plainOptions(ENVIRONMENTS)}
        onChange={environment =>
          onChange({ environment: environment as VmListFilters['environment'] })
        }
      />
      <TextField
        id="shepherd-filter-status"
        select
        label="Status"
        value={filters.status ?? []}
        onChange={event => {
          const statuses = event.target.value as unknown as VmStatus[];
          onChange({ status: statuses.length > 0 ? statuses : undefined });
        }}
        SelectProps={{
          multiple: true,
          renderValue: selected => (selected as string[]).join(', '),
        }}
        variant="outlined"
        size="small"
        style={{ minWidth: 160 }}
      >
        {VM_STATUSES.map(status => (
          <MenuItem key={status} value={status}>
            {status}
          </MenuItem>
        ))}
      </TextField>
      <ListedFilterSelect
        id="shepherd-filter-cluster"
        label="Cluster"
        value={filters.clusterId}
        choices={options.clusters}
        toOption={cluster => ({
          value: cluster.id,
          label: displayNameOf(cluster),
        })}
        onChange={clusterId => onChange({ clusterId })}
      />
      {hasFilters && (
        <Button onClick={onClear} size="small">
          {CLEAR_FILTERS_LABEL}
        </Button>
      )}
    </FilterBar>
  );
}
