import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { ReactNode } from 'react';
import { Outcome, OutcomeAlert } from './OutcomeAlert';

/**
 * A card of the System page over one kind of its parts (members, Services): the buttons
 * that add one in its header, and the outcome of the last change above its list.
 */
export function SystemPartsCard(props: {
  title: string;
  subheader: string;
  actions: ReactNode;
  outcome?: Outcome;
  onCloseOutcome: () => void;
  children: ReactNode;
}) {
  const { outcome } = props;
  return (
    <InfoCard
      title={props.title}
      subheader={props.subheader}
      noPadding
      action={
        <Box display="flex" flexWrap="wrap" style={{ gap: 8 }} mt={1} mr={1}>
          {props.actions}
        </Box>
      }
    >
      {outcome && (
        <Box p={2}>
          <OutcomeAlert outcome={outcome} onClose={props.onCloseOutcome} />
        </Box>
      )}
      {props.children}
    </InfoCard>
  );
}
