import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { ReactNode, useEffect, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';

/*
 * The parts of the filter bars over lists (VMs, the audit log, Systems): filters live in the
 * URL, so a text filter applies once typing pauses and follows the URL when it changes from
 * outside (the back button, "Clear filters").
 */

/** How long typing pauses before a search or filter applies. */
export const SEARCH_DEBOUNCE_MS = 400;
/** The button that removes every filter; also offered when filters match nothing. */
export const CLEAR_FILTERS_LABEL = 'Clear filters';
/** The value of a select that means "no filter". */
const ANY = '';

/**
 * The text of a filter being typed: `apply` gets it (as `normalize` makes it) once typing
 * pauses, unless that is the value already; a new `value` from outside replaces the text.
 */
export function useDebouncedText(
  value: string,
  apply: (text: string) => void,
  normalize: (text: string) => string = text => text,
): [string, (text: string) => void] {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useDebounce(
    () => {
      if (normalize(text) !== value) apply(normalize(text));
    },
    SEARCH_DEBOUNCE_MS,
    [text],
  );
  return [text, setText];
}

/** A search box (or a text filter) that applies once typing pauses. */
export function SearchField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  helperText?: ReactNode;
  placeholder?: string;
  minWidth?: number;
  /** The longest text the server takes (MAX_SEARCH_LENGTH for a list's search). */
  maxLength?: number;
}) {
  const { id, label, value, onChange, helperText, placeholder } = props;
  const [text, setText] = useDebouncedText(value, onChange);
  return (
    <TextField
      id={id}
      label={label}
      type="search"
      value={text}
      onChange={event => setText(event.target.value)}
      helperText={helperText}
      placeholder={placeholder}
      inputProps={props.maxLength ? { maxLength: props.maxLength } : undefined}
      variant="outlined"
      size="small"
      style={{ minWidth: props.minWidth ?? 280 }}
    />
  );
}

export type FilterOption = { value: string; label: string };

/** Options whose labels are their values. */
export function plainOptions(values: readonly string[]): FilterOption[] {
  return values.map(value => ({ value, label: value }));
}

/** A filter by one of a set of values, or by none ("Any"). */
export function FilterSelect(props: {
  id: string;
  label: string;
  value: string | undefined;
  options: FilterOption[];
  onChange: (value: string | undefined) => void;
  minWidth?: number;
}) {
  const { id, label, value, options, onChange } = props;
  // A value from the URL that the options do not (yet) contain stays selectable.
  const all =
    value && !options.some(option => option.value === value)
      ? [...options, { value, label: value }]
      : options;
  return (
    <TextField
      id={id}
      select
      label={label}
      value={value ?? ANY}
      onChange={event => onChange(event.target.value || undefined)}
      variant="outlined"
      size="small"
      style={{ minWidth: props.minWidth ?? 160 }}
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

/** The bar that holds a list's filters, announced as its search. */
export function FilterBar(props: {
  /** What is filtered, e.g. "VM filters". */
  label: string;
  alignItems?: 'center' | 'flex-start';
  children: ReactNode;
}) {
  return (
    <Box
      role="search"
      aria-label={props.label}
      display="flex"
      flexWrap="wrap"
      alignItems={props.alignItems ?? 'center'}
      mb={2}
      style={{ gap: 12 }}
    >
      {props.children}
    </Box>
  );
}
