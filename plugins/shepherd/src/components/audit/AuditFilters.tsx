import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  CLEAR_FILTERS_LABEL,
  FilterBar,
  FilterSelect,
  SearchField,
  plainOptions,
  useDebouncedText,
} from '../common';
import {
  AUDIT_OUTCOMES,
  AUDIT_RESOURCE_TYPES,
  AuditOutcome,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  AUDIT_ACTIONS,
  auditActionLabel,
  auditResourceTypeLabel,
  normalizeActor,
} from './auditVocabulary';
import {
  TIME_PRESETS,
  fromLocalInput,
  rangeError,
  toLocalInput,
} from './timeRange';
import { AuditFilters as Filters } from './useAuditQuery';

type ActionOption = (typeof AUDIT_ACTIONS)[number];

/** The action filter: a known action picked by category (in words, with its code), or any code typed. */
function ActionFilter(props: {
  value: string | undefined;
  onChange: (action: string | undefined) => void;
}) {
  const { value = '', onChange } = props;
  const [text, setText] = useDebouncedText(
    value,
    action => onChange(action || undefined),
    typed => typed.trim(),
  );
  return (
    <Autocomplete<ActionOption, false, false, true>
      id="shepherd-audit-filter-action"
      freeSolo
      options={AUDIT_ACTIONS as ActionOption[]}
      groupBy={option => option.category}
      getOptionLabel={option =>
        typeof option === 'string' ? option : option.action
      }
      renderOption={option => (
        <span>
          {auditActionLabel(option.action)}{' '}
          <Typography variant="caption" color="textSecondary" component="span">
            {option.action}
          </Typography>
        </span>
      )}
      inputValue={text}
      onInputChange={(_event, next) => setText(next)}
      style={{ minWidth: 240 }}
      renderInput={params => (
        <TextField
          {...params}
          label="Action"
          placeholder="e.g. system.create"
          variant="outlined"
          size="small"
        />
      )}
    />
  );
}

/** A filter on one id; blanks around a pasted id do not count. */
function IdFilter(props: {
  id: string;
  label: string;
  value: string | undefined;
  onChange: (id: string | undefined) => void;
}) {
  const { id, label, value = '', onChange } = props;
  return (
    <SearchField
      id={id}
      label={label}
      value={value}
      onChange={text => onChange(text.trim() || undefined)}
      minWidth={200}
    />
  );
}

function TimeFilter(props: {
  id: string;
  label: string;
  value: string | undefined;
  error?: string;
  onChange: (timestamp: string | undefined) => void;
}) {
  const { id, label, value, error, onChange } = props;
  return (
    <TextField
      id={id}
      label={label}
      type="datetime-local"
      value={toLocalInput(value)}
      onChange={event => onChange(fromLocalInput(event.target.value))}
      error={Boolean(error)}
      helperText={error}
      InputLabelProps={{ shrink: true }}
      variant="outlined"
      size="small"
    />
  );
}

/**
 * The filters of the audit log, as far as the API supports them: action, actor, resource
 * (type and id), request, outcome and a time range (from inclusive, to exclusive).
 */
export function AuditFilters(props: {
  filters: Filters;
  hasFilters: boolean;
  onChange: (changes: Partial<Filters>) => void;
  onClear: () => void;
}) {
  const { filters, hasFilters, onChange, onClear } = props;
  const invalidRange = rangeError(filters.from, filters.to);
  return (
    <FilterBar label="Audit log filters" alignItems="flex-start">
      <ActionFilter
        value={filters.action}
        onChange={action => onChange({ action })}
      />
      <SearchField
        id="shepherd-audit-filter-actor"
        label="Actor"
        placeholder="user:default/jane"
        value={filters.actor ?? ''}
        onChange={actor => onChange({ actor: normalizeActor(actor) })}
        minWidth={220}
      />
      <FilterSelect
        id="shepherd-audit-filter-resource-type"
        label="Resource type"
        value={filters.resourceType}
        options={AUDIT_RESOURCE_TYPES.map(type => ({
          value: type,
          label: auditResourceTypeLabel(type),
        }))}
        minWidth={150}
        onChange={resourceType => onChange({ resourceType })}
      />
      <IdFilter
        id="shepherd-audit-filter-resource-id"
        label="Resource id"
        value={filters.resourceId}
        onChange={resourceId => onChange({ resourceId })}
      />
      <IdFilter
        id="shepherd-audit-filter-ticket"
        label="Request (ticket id)"
        value={filters.ticketId}
        onChange={ticketId => onChange({ ticketId })}
      />
      <FilterSelect
        id="shepherd-audit-filter-outcome"
        label="Outcome"
        value={filters.outcome}
        options={plainOptions(AUDIT_OUTCOMES)}
        minWidth={150}
        onChange={outcome =>
          onChange({ outcome: outcome as AuditOutcome | undefined })
        }
      />
      <TimeFilter
        id="shepherd-audit-filter-from"
        label="From"
        value={filters.from}
        onChange={from => onChange({ from })}
      />
      <TimeFilter
        id="shepherd-audit-filter-to"
        label="To"
        value={filters.to}
        error={invalidRange}
        onChange={to => onChange({ to })}
      />
      <Box display="flex" alignItems="center" style={{ gap: 4 }}>
        {TIME_PRESETS.map(preset => (
          <Button
            key={preset.label}
            size="small"
            onClick={() =>
              onChange({
                from: new Date(Date.now() - preset.ms).toISOString(),
                to: undefined,
              })
            }
          >
            {preset.label}
          </Button>
        ))}
        {hasFilters && (
          <Button size="small" color="primary" onClick={onClear}>
            {CLEAR_FILTERS_LABEL}
          </Button>
        )}
      </Box>
    </FilterBar>
  );
}
