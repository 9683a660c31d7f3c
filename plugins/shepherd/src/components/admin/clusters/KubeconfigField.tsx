import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { ChangeEvent, useEffect, useState } from 'react';
import { CODE_INPUT_PROPS, FIELD_PROPS } from '../shared';

/** Labels of the kubeconfig field, used by tests too. */
export const KUBECONFIG_PASTE_LABEL = 'Kubeconfig (YAML)';
export const KUBECONFIG_FILE_LABEL = 'Kubeconfig file';

type Mode = 'file' | 'paste';

function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () =>
      reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.readAsText(file);
  });
}

/**
 * A kubeconfig, uploaded from a file or pasted. A file's content is not shown: the admin
 * sees only which file was loaded. Shepherd stores kubeconfigs encrypted and never shows
 * them again, so the caller clears the value once the dialog closes.
 */
export function KubeconfigField(props: {
  value: string;
  onChange: (kubeconfig: string) => void;
  problem?: string;
  disabled?: boolean;
}) {
  const { value, onChange, problem, disabled } = props;
  const [mode, setMode] = useState<Mode>('file');
  const [fileName, setFileName] = useState<string>();
  const [readError, setReadError] = useState<string>();

  // A value cleared by the form (a new opening) forgets the file it came from.
  useEffect(() => {
    if (value === '') setFileName(undefined);
  }, [value]);

  const switchMode = (next: Mode) => {
    setMode(next);
    setFileName(undefined);
    setReadError(undefined);
    onChange('');
  };

  const load = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // The same file may be chosen again after a correction.
    event.target.value = '';
    if (!file) return;
    try {
      const text = await readText(file);
      setReadError(undefined);
      setFileName(file.name);
      onChange(text);
    } catch (error) {
      setReadError(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Box mt={1}>
      <RadioGroup
        row
        aria-label="How to provide the kubeconfig"
        value={mode}
        onChange={event => switchMode(event.target.value as Mode)}
      >
        <FormControlLabel
          value="file"
          control={<Radio disabled={disabled} />}
          label="Upload a file"
        />
        <FormControlLabel
          value="paste"
          control={<Radio disabled={disabled} />}
          label="Paste"
        />
      </RadioGroup>
      {mode === 'file' ? (
        <Box display="flex" alignItems="center" style={{ gap: 12 }}>
          <Button variant="outlined" component="label" disabled={disabled}>
            Choose file
            <input
              type="file"
              hidden
              aria-label={KUBECONFIG_FILE_LABEL}
              accept=".yaml,.yml,.conf,.config,.kubeconfig,text/yaml,text/plain"
              onChange={load}
            />
          </Button>
          <Typography
            variant="body2"
            color={problem && fileName ? 'error' : 'textSecondary'}
          >
            {fileName
              ? `${fileName} loaded (${value.length} characters)`
              : 'No file chosen'}
          </Typography>
        </Box>
      ) : (
        <TextField
          {...FIELD_PROPS}
          id="shepherd-cluster-kubeconfig"
          label={KUBECONFIG_PASTE_LABEL}
          multiline
          minRows={6}
          maxRows={14}
          value={value}
          onChange={event => onChange(event.target.value)}
          disabled={disabled}
          error={Boolean(value && problem)}
          inputProps={CODE_INPUT_PROPS}
          autoComplete="off"
        />
      )}
      {(readError || (value && problem)) && (
        <Typography variant="body2" color="error">
          {readError ?? problem}
        </Typography>
      )}
      <Typography variant="caption" color="textSecondary" component="p">
        Only the current context is kept. It is sanitised (no exec or
        auth-provider plugins, local file references, proxy-url,
        insecure-skip-tls-verify or plain-HTTP servers), stored encrypted and
        never shown again.
      </Typography>
    </Box>
  );
}
