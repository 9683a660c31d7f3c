import {
  RESOURCE_STEP,
  ShepherdInstanceSize,
  ShepherdTemplate,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { SpecField, SpecFields } from './approvalRules';
import { displayNameOf } from '../common';

/** Labels of the replacement's fields. */
export const SPEC_FIELD_LABELS: Record<SpecField, string> = {
  templateId: 'Template',
  instanceSizeId: 'Instance size',
  cpuCores: 'CPU cores (limit)',
  cpuRequest: 'CPU request',
  memoryGi: 'Memory in GiB (limit)',
  memoryRequestGi: 'Memory request in GiB',
  diskGb: 'Disk in GiB',
};

function CatalogSelect(props: {
  field: 'templateId' | 'instanceSizeId';
  value: string;
  options: Array<{ id: string; name: string; displayName: string }>;
  onChange: (value: string) => void;
  error?: string;
  unavailable: boolean;
}) {
  const { field, value, options, onChange, error, unavailable } = props;
  const all = options.some(option => option.id === value)
    ? options
    : [...options, { id: value, name: value, displayName: value }];
  return (
    <TextField
      id={`shepherd-approval-${field}`}
      select
      label={SPEC_FIELD_LABELS[field]}
      value={value}
      onChange={event => onChange(event.target.value)}
      disabled={unavailable}
      error={Boolean(error)}
      helperText={
        error ??
        (unavailable
          ? 'The catalog of this namespace could not be read: keep the requested one'
          : undefined)
      }
      variant="outlined"
      fullWidth
      margin="dense"
    >
      {all.map(option => (
        <MenuItem key={option.id} value={option.id}>
          {displayNameOf(option)}
        </MenuItem>
      ))}
    </TextField>
  );
}

/**
 * An approver's replacement of the VM spec: template, instance size, CPU and memory limits
 * and requests, disk. It replaces the requested spec as a whole; namespace, Service, name,
 * labels and cloud-init cannot change.
 */
export function SpecOverrideFields(props: {
  fields: SpecFields;
  templates: ShepherdTemplate[];
  sizes: ShepherdInstanceSize[];
  catalogUnavailable: boolean;
  onChange: (name: SpecField, value: string) => void;
  errors: Partial<Record<SpecField, string>>;
  children?: ReactNode;
}) {
  const {
    fields,
    templates,
    sizes,
    catalogUnavailable,
    onChange,
    errors,
    children,
  } = props;
  const catalogSelect = (
    name: 'templateId' | 'instanceSizeId',
    options: Array<ShepherdTemplate | ShepherdInstanceSize>,
  ) => (
    <Box flex="1 1 240px">
      <CatalogSelect
        field={name}
        value={fields[name]}
        options={options}
        onChange={value => onChange(name, value)}
        error={errors[name]}
        unavailable={catalogUnavailable}
      />
    </Box>
  );
  const numberField = (
    name: Exclude<SpecField, 'templateId' | 'instanceSizeId'>,
    step: number,
  ) => (
    <Box flex="1 1 160px">
      <TextField
        id={`shepherd-approval-${name}`}
        label={SPEC_FIELD_LABELS[name]}
        type="number"
        inputProps={{ step, min: step }}
        value={fields[name]}
        onChange={event => onChange(name, event.target.value)}
        error={Boolean(errors[name])}
        helperText={errors[name]}
        variant="outlined"
        fullWidth
        margin="dense"
      />
    </Box>
  );
  return (
    <Box>
      <Typography variant="body2" color="textSecondary">
        The replacement is complete, not a patch. Requests must not exceed
        limits, dedicated CPUs cannot be overcommitted, and CPU and memory come
        in steps of {RESOURCE_STEP}. Namespace, Service, name, labels and
        cloud-init cannot change.
      </Typography>
      <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
        {catalogSelect('templateId', templates)}
        {catalogSelect('instanceSizeId', sizes)}
      </Box>
      <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
        {numberField('cpuCores', RESOURCE_STEP)}
        {numberField('cpuRequest', RESOURCE_STEP)}
        {numberField('memoryGi', RESOURCE_STEP)}
        {numberField('memoryRequestGi', RESOURCE_STEP)}
        {numberField('diskGb', 1)}
      </Box>
      {children}
    </Box>
  );
}
