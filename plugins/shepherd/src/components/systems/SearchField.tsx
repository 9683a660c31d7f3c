import TextField from '@material-ui/core/TextField';
import { ReactNode, useEffect, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';

/** How long typing pauses before a search or filter applies. */
export const SEARCH_DEBOUNCE_MS = 400;

/**
 * A search box (or a text filter) whose value applies once typing pauses; it follows
 * `value` when that changes from outside (the back button, "Clear filters").
 */
export function SearchField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  helperText?: ReactNode;
  placeholder?: string;
  minWidth?: number;
}) {
  const { id, label, value, onChange, helperText, placeholder } = props;
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useDebounce(
    () => {
      if (text !== value) {
        onChange(text);
      }
    },
    SEARCH_DEBOUNCE_MS,
    [text],
  );
  return (
    <TextField
      id={id}
      label={label}
      type="search"
      value={text}
      onChange={event => setText(event.target.value)}
      helperText={helperText}
      placeholder={placeholder}
      variant="outlined"
      size="small"
      style={{ minWidth: props.minWidth ?? 280 }}
    />
  );
}
