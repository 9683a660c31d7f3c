import {
  StatusError,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import Tooltip from '@material-ui/core/Tooltip';
import {
  AGE_NORMAL_MAX_DAYS,
  AGE_WARNING_MAX_DAYS,
  AgeLevel,
  ageLevelOf,
  formatAgeDays,
} from './approvalRules';

const INDICATORS: Record<AgeLevel, typeof StatusPending> = {
  normal: StatusPending,
  warning: StatusWarning,
  alert: StatusError,
};

const DESCRIPTIONS: Record<AgeLevel, string> = {
  normal: `Waiting up to ${AGE_NORMAL_MAX_DAYS} days`,
  warning: `Waiting ${AGE_NORMAL_MAX_DAYS + 1} to ${AGE_WARNING_MAX_DAYS} days`,
  alert: `Waiting more than ${AGE_WARNING_MAX_DAYS} days`,
};

/** How long a request has waited, coloured by urgency: normal, warning, alert. */
export function AgeBadge(props: { ageDays: number }) {
  const level = ageLevelOf(props.ageDays);
  const Indicator = INDICATORS[level];
  return (
    <Tooltip title={DESCRIPTIONS[level]}>
      <span data-age-level={level} style={{ whiteSpace: 'nowrap' }}>
        <Indicator>{formatAgeDays(props.ageDays)}</Indicator>
      </span>
    </Tooltip>
  );
}
