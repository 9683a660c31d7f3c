import { EmptyState } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

/** One choice: its value, its title, and what tells it apart. */
export type Choice = {
  value: string;
  title: ReactNode;
  details?: ReactNode;
  disabled?: boolean;
};

/**
 * A list of radio choices with a title and details each, for the few catalog items a step
 * offers (namespaces, templates, sizes, clusters): everything that tells them apart is
 * visible without opening a menu.
 */
export function ChoiceList(props: {
  label: string;
  value: string | undefined;
  choices: Choice[];
  onChange: (value: string) => void;
  /** An error of the field (from the backend or the form), shown under the list. */
  error?: string;
  /** What the step says instead when it has nothing to offer. */
  empty?: { title: string; description: string };
}) {
  const { label, value, choices, onChange, error, empty } = props;
  if (choices.length === 0 && empty) {
    return (
      <EmptyState
        missing="data"
        title={empty.title}
        description={empty.description}
      />
    );
  }
  return (
    <FormControl component="fieldset" error={Boolean(error)} fullWidth>
      <FormLabel component="legend">{label}</FormLabel>
      <RadioGroup
        aria-label={label}
        value={value ?? ''}
        onChange={event => onChange(event.target.value)}
      >
        {choices.map(choice => (
          <FormControlLabel
            key={choice.value}
            value={choice.value}
            disabled={choice.disabled}
            control={<Radio color="primary" />}
            style={{ alignItems: 'flex-start', marginBottom: 8 }}
            label={
              <Box pt={1}>
                <Typography variant="subtitle2" component="div">
                  {choice.title}
                </Typography>
                {choice.details && (
                  <Typography
                    variant="body2"
                    color="textSecondary"
                    component="div"
                  >
                    {choice.details}
                  </Typography>
                )}
              </Box>
            }
          />
        ))}
      </RadioGroup>
      {error && <FormHelperText>{error}</FormHelperText>}
    </FormControl>
  );
}
