import { Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { ShepherdErrorPanel } from './ShepherdErrorPanel';

/**
 * What a record's page shows while its record is not there: a spinner while it loads, then
 * the way back to its list and why it could not be loaded.
 */
export function RecordNotLoaded(props: {
  /** The record's loading state, e.g. its LiveData. */
  record: { loading: boolean; error?: Error };
  /** What failed, e.g. "Could not load the VM". */
  errorTitle: string;
  backLink?: ReactNode;
}) {
  const { loading, error } = props.record;
  if (loading) return <Progress />;
  return (
    <>
      {props.backLink}
      {error && <ShepherdErrorPanel title={props.errorTitle} error={error} />}
    </>
  );
}

/** The head of a record's page, the first row of its grid: the way back, its name and badges. */
export function RecordHeader(props: {
  backLink: ReactNode;
  title: ReactNode;
  /** Status badges and chips, and actions on the record, after its name. */
  children?: ReactNode;
}) {
  return (
    <Grid item xs={12}>
      {props.backLink}
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        mt={1}
        style={{ gap: 16 }}
      >
        <Typography variant="h5" component="h2">
          {props.title}
        </Typography>
        {props.children}
      </Box>
    </Grid>
  );
}
