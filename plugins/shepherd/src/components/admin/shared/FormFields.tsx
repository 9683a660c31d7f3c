import {
  CATALOG_SCOPES,
  CatalogScope,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import { ReactNode } from 'react';
import { CATALOG_SCOPE_DESCRIPTIONS } from './chips';
import { FIELD_PROPS } from './FormDialog';

/**
 * A choice among a fixed set of values, as a native select of an admin form. `placeholder`
 * is an empty first option (e.g. "Choose…") for a value not chosen yet; the value type then
 * includes ''.
 */
export function ChoiceField<V extends string>(props: {
  id: string;
  label: string;
  value: V;
  choices: readonly V[];
  onChange: (value: V) => void;
  placeholder?: string;
  helperText?: ReactNode;
  error?: boolean;
  required?: boolean;
  disabled?: boolean;
}) {
  const { choices, placeholder, onChange, ...rest } = props;
  return (
    <TextField
      {...FIELD_PROPS}
      {...rest}
      select
      SelectProps={{ native: true }}
      onChange={event => onChange(event.target.value as V)}
    >
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {choices.map(choice => (
        <option key={choice} value={choice}>
          {choice}
        </option>
      ))}
    </TextField>
  );
}

/** Who a catalog entry is offered to, with what the chosen scope means. */
export function CatalogScopeField(props: {
  id: string;
  value: CatalogScope;
  onChange: (value: CatalogScope) => void;
}) {
  return (
    <ChoiceField
      {...props}
      label="Catalog scope"
      choices={CATALOG_SCOPES}
      helperText={CATALOG_SCOPE_DESCRIPTIONS[props.value]}
    />
  );
}

/** A yes-or-no setting of an admin form, as a labelled checkbox. */
export function FlagField(props: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <FormControlLabel
      control={
        <Checkbox
          checked={props.checked}
          onChange={event => props.onChange(event.target.checked)}
          disabled={props.disabled}
        />
      }
      label={props.label}
    />
  );
}
