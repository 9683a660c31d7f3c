import { ClusterAttention } from '@kubevirt-shepherd/plugin-shepherd-common';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';

export const NEEDS_ATTENTION_LABEL = 'Needs attention';

/** A cluster whose last reconciler run halted, with why on hover. */
export function NeedsAttentionChip(props: { attention: ClusterAttention }) {
  return (
    <Tooltip title={props.attention.message}>
      <Chip size="small" color="secondary" label={NEEDS_ATTENTION_LABEL} />
    </Tooltip>
  );
}
