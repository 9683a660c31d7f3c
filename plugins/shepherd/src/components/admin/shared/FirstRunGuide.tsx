import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

/**
 * What an admin reads in an empty catalog: what the catalog is for and the steps to the first
 * entry, with the action that creates it. (Backstage's EmptyState puts its description in a
 * paragraph, which cannot hold the steps' list.)
 */
export function FirstRunGuide(props: {
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Paper variant="outlined">
      <Box p={3}>
        <Typography variant="h5" component="h2" gutterBottom>
          {props.title}
        </Typography>
        <Typography variant="body1" component="div">
          {props.children}
        </Typography>
        {props.action && <Box mt={2}>{props.action}</Box>}
      </Box>
    </Paper>
  );
}
