import {
  ENVIRONMENTS,
  VM_STATUSES,
  VmStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useEffect, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { FilterOptions, useVmFilterOptions } from './useVmFilterOptions';
import { VmListFilters } from './useVmListQuery';

/** The button that removes every filter; also offered when filters match nothing. */
export const CLEAR_FILTERS_LABEL = 'Clear filters';

/** The value of a select that means "no filter". */
const ANY = '';
/** How long typing pauses before the search applies. */
const SEARCH_DEBOUNCE_MS = 400;

type Option = { value: string; label: string };

function FilterSelect(props: {
  label: string;
  value: string | undefined;
  options: Option[];
  onChange: (value: string | undefined) => void;
}) {
  const { label, value, options, onChange } = props;
  // A value from the URL that the options do not (yet) contain stays selectable.
  const all =
    value && !options.some(option => option.value === value)
      ? [...options, { value, label: value }]
      : options;
  return (
    <TextField
      id={`shepherd-filter-${label.toLocaleLowerCase('en-US')}`}
      select
      label={label}
      value={value ?? ANY}
      onChange={event => onChange(event.target.value || undefined)}
      variant="outlined"
      size="small"
      style={{ minWidth: 160 }}
    >
      <MenuItem value={ANY}>
        <em>Any</em>
      </MenuItem>
      {all.map(option => (
        <MenuItem key={option.value} value={option.value}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

function toOptions<T>(
  options: FilterOptions<T>,
  toOption: (item: T) => Option,
): Option[] {
  return options.items.map(toOption);
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
  const [search, setSearch] = useState(filters.search ?? '');

  // The search field follows the URL (back button, "Clear filters").
  useEffect(() => setSearch(filters.search ?? ''), [filters.search]);
  useDebounce(
    () => {
      if ((filters.search ?? '') !== search) {
        onChange({ search: search || undefined });
      }
    },
    SEARCH_DEBOUNCE_MS,
    [search],
  );

  return (
    <Box
      role="search"
      aria-label="VM filters"
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      mb={2}
      style={{ gap: 12 }}
    >
      <TextField
        id="shepherd-filter-search"
        label="Search"
        value={search}
        onChange={event => setSearch(event.target.value)}
        variant="outlined"
        size="small"
      />
      {options.systems.available && (
        <FilterSelect
          label="System"
          value={filters.systemId}
          options={toOptions(options.systems, system => ({
            value: system.id,
            label: system.name,
          }))}
          onChange={systemId => onChange({ systemId })}
        />
      )}
      {options.services.available && (
        <FilterSelect
          label="Service"
          value={filters.serviceId}
          options={toOptions(options.services, service => ({
            value: service.id,
            label: filters.systemId
              ? service.name
              : `${service.systemName}/${service.name}`,
          }))}
          onChange={serviceId => onChange({ serviceId })}
        />
      )}
      {options.namespaces.available && (
        <FilterSelect
          label="Namespace"
          value={filters.namespace}
          options={toOptions(options.namespaces, namespace => ({
            value: namespace.name,
            label: namespace.name,
          }))}
          onChange={namespace => onChange({ namespace })}
        />
      )}
      <FilterSelect
        label="Environment"
        value={filters.environment}
        options={ENVIRONMENTS.map(environment => ({
          value: environment,
          label: environment,
        }))}
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
      {options.clusters.available && (
        <FilterSelect
          label="Cluster"
          value={filters.clusterId}
          options={toOptions(options.clusters, cluster => ({
            value: cluster.id,
            label: cluster.displayName || cluster.name,
          }))}
          onChange={clusterId => onChange({ clusterId })}
        />
      )}
      {hasFilters && (
        <Button onClick={onClear} size="small">
          {CLEAR_FILTERS_LABEL}
        </Button>
      )}
    </Box>
  );
}
