import Tooltip from '@material-ui/core/Tooltip';
import { formatRelativeTime, formatTimestamp } from './time';

/** A time as "5 minutes ago", with the exact time in a tooltip and a machine-readable `dateTime`. */
export function RelativeTime(props: { timestamp: string }) {
  const { timestamp } = props;
  return (
    <Tooltip title={formatTimestamp(timestamp)}>
      <time dateTime={timestamp}>{formatRelativeTime(timestamp)}</time>
    </Tooltip>
  );
}
