import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import { CODE_INPUT_PROPS } from '../shared';
import { OverrideRow, overrideRow } from './instanceSizeRules';

export const ADD_OVERRIDE_LABEL = 'Add override';

/**
 * The spec overrides of an instance size: rows of a dotted KubeVirt path under `spec.` and
 * its value as JSON. Problems show on their row: the UI's own checks, and the backend's
 * INVALID_SPEC_OVERRIDES findings that name a key.
 */
export function SpecOverridesEditor(props: {
  rows: OverrideRow[];
  onChange: (rows: OverrideRow[]) => void;
  /** Problems per row id. */
  problems: Record<number, string>;
  /** Problems the backend reported per key. */
  backendProblems: Record<string, string>;
  /** Problems of the overrides as a whole. */
  general: string[];
  disabled?: boolean;
}) {
  const { rows, onChange, problems, backendProblems, general, disabled } =
    props;
  const update = (id: number, change: Partial<OverrideRow>) =>
    onChange(rows.map(row => (row.id === id ? { ...row, ...change } : row)));
  return (
    <Box mt={2}>
      <Typography variant="subtitle2">Spec overrides</Typography>
      <Typography variant="caption" color="textSecondary" component="p">
        Admin-only KubeVirt fields set on every VM of this size, e.g.{' '}
        <code>spec.template.spec.domain.cpu.model</code> →{' '}
        <code>"host-passthrough"</code>. Image, disks and cloud-init belong to
        templates; <code>spec.running</code> is refused.
      </Typography>
      {rows.map((row, index) => {
        const problem = problems[row.id] ?? backendProblems[row.key.trim()];
        return (
          <Box
            key={row.id}
            display="flex"
            alignItems="flex-start"
            style={{ gap: 8 }}
            role="group"
            aria-label={`Spec override ${index + 1}`}
          >
            <TextField
              margin="dense"
              variant="outlined"
              id={`shepherd-size-override-${row.id}-path`}
              label="Path"
              value={row.key}
              onChange={event => update(row.id, { key: event.target.value })}
              disabled={disabled}
              error={Boolean(problem)}
              helperText={problem}
              inputProps={CODE_INPUT_PROPS}
              style={{ flex: 3 }}
            />
            <TextField
              margin="dense"
              variant="outlined"
              id={`shepherd-size-override-${row.id}-value`}
              label="Value (JSON)"
              value={row.value}
              onChange={event => update(row.id, { value: event.target.value })}
              disabled={disabled}
              error={Boolean(problem)}
              inputProps={CODE_INPUT_PROPS}
              style={{ flex: 2 }}
            />
            <IconButton
              aria-label={`Remove spec override ${index + 1}`}
              onClick={() =>
                onChange(rows.filter(other => other.id !== row.id))
              }
              disabled={disabled}
              style={{ marginTop: 8 }}
            >
              <DeleteIcon fontSize="small" />
            </IconButton>
          </Box>
        );
      })}
      {general.map(message => (
        <Typography key={message} variant="body2" color="error">
          {message}
        </Typography>
      ))}
      <Button
        size="small"
        onClick={() => onChange([...rows, overrideRow()])}
        disabled={disabled}
      >
        {ADD_OVERRIDE_LABEL}
      </Button>
    </Box>
  );
}
