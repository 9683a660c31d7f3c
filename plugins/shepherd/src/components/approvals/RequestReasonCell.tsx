import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { QUEUE_REASON_PREVIEW_LENGTH, truncateText } from './approvalRules';

/**
 * The requester's reason in the approval queue: its start, so the row stays one line, and
 * the whole text in a tooltip on hover or focus.
 */
export function RequestReasonCell(props: { reason: string }) {
  const { shown, truncated } = truncateText(
    props.reason,
    QUEUE_REASON_PREVIEW_LENGTH,
  );
  const text = (
    // Focusable when cut, so keyboard users reach the whole text too.
    <Typography
      variant="body2"
      component="span"
      tabIndex={truncated ? 0 : undefined}
    >
      {shown}
    </Typography>
  );
  return truncated ? (
    <Tooltip title={props.reason.trim()} placement="bottom-start">
      {text}
    </Tooltip>
  ) : (
    text
  );
}
