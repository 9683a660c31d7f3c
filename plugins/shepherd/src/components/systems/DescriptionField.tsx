import TextField from '@material-ui/core/TextField';

/** The Markdown description of a System or Service. */
export function DescriptionField(props: {
  id: string;
  helperText: string;
  value: string;
  onChange: (description: string) => void;
  disabled: boolean;
  minRows: number;
}) {
  const { onChange, ...field } = props;
  return (
    <TextField
      {...field}
      label="Description"
      onChange={event => onChange(event.target.value)}
      fullWidth
      multiline
      margin="dense"
      variant="outlined"
    />
  );
}
