import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import {
  ClusterStatus,
  TicketStatus,
  VmStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Tooltip from '@material-ui/core/Tooltip';
import { CSSProperties, ReactNode } from 'react';

/** How a status looks: the tones of Backstage's status indicators. */
export type StatusTone =
  | 'ok'
  | 'warning'
  | 'error'
  | 'pending'
  | 'running'
  | 'aborted';

const INDICATORS: Record<
  StatusTone,
  (props: { children?: ReactNode }) => JSX.Element
> = {
  ok: StatusOK,
  warning: StatusWarning,
  error: StatusError,
  pending: StatusPending,
  running: StatusRunning,
  aborted: StatusAborted,
};

type StatusLook = { tone: StatusTone; description: string };

/** Every VM status (the Record makes a new status a type error until it has a look). */
export const VM_STATUS_LOOKS: Record<VmStatus, StatusLook> = {
  CREATING: { tone: 'running', description: 'Being created on its cluster' },
  STARTING: { tone: 'running', description: 'Starting' },
  RUNNING: { tone: 'ok', description: 'Running' },
  STOPPING: { tone: 'running', description: 'Stopping' },
  STOPPED: { tone: 'aborted', description: 'Stopped' },
  DELETING: { tone: 'running', description: 'Being deleted' },
  FAILED: { tone: 'error', description: 'Failed' },
  PENDING: { tone: 'pending', description: 'Waiting to be scheduled' },
  MIGRATING: { tone: 'running', description: 'Moving to another node' },
  PAUSED: { tone: 'warning', description: 'Paused' },
  UNKNOWN: {
    tone: 'warning',
    description: 'Its cluster did not report a state',
  },
  NOT_FOUND: {
    tone: 'error',
    description: 'Not found on its cluster',
  },
};

export const TICKET_STATUS_LOOKS: Record<TicketStatus, StatusLook> = {
  PENDING: { tone: 'pending', description: 'Waiting for an approver' },
  APPROVED: { tone: 'running', description: 'Approved, waiting to run' },
  REJECTED: { tone: 'error', description: 'Rejected by an approver' },
  CANCELLED: { tone: 'aborted', description: 'Withdrawn by the requester' },
  EXECUTING: { tone: 'running', description: 'Being carried out' },
  SUCCESS: { tone: 'ok', description: 'Done' },
  FAILED: { tone: 'error', description: 'Failed while being carried out' },
};

export const CLUSTER_STATUS_LOOKS: Record<ClusterStatus, StatusLook> = {
  UNKNOWN: { tone: 'pending', description: 'Not checked yet' },
  HEALTHY: { tone: 'ok', description: 'Reachable, KubeVirt healthy' },
  UNHEALTHY: { tone: 'warning', description: 'Reachable, KubeVirt unhealthy' },
  UNREACHABLE: {
    tone: 'error',
    description: 'The API server cannot be reached',
  },
};

/** How a badge sits in its text: on the line, as one token. */
export const STATUS_BADGE_STYLE: CSSProperties = {
  display: 'inline-flex',
  whiteSpace: 'nowrap',
};

function StatusBadge(props: { status: string; look: StatusLook }) {
  const Indicator = INDICATORS[props.look.tone];
  return (
    <Tooltip title={props.look.description}>
      {/*
       * Statuses are single words; a narrow column must not break them. Backstage's
       * indicators are flex blocks: inline-flex keeps one inside a sentence on its line.
       */}
      <span data-status-tone={props.look.tone} style={STATUS_BADGE_STYLE}>
        <Indicator>{props.status}</Indicator>
      </span>
    </Tooltip>
  );
}

/** A VM's status, in the API's words (e.g. `RUNNING`). */
export function VmStatusBadge(props: { status: VmStatus }) {
  return (
    <StatusBadge status={props.status} look={VM_STATUS_LOOKS[props.status]} />
  );
}

/** Tones of work that is still under way, which a past step must not show. */
const UNDER_WAY_TONES: readonly StatusTone[] = ['pending', 'running'];

/**
 * A ticket's status, in the API's words (e.g. `PENDING`). `past` marks a status the ticket
 * had at an earlier step of its history: that step is over, so it shows as done rather than
 * waiting or running.
 */
export function TicketStatusBadge(props: {
  status: TicketStatus;
  past?: boolean;
}) {
  const look = TICKET_STATUS_LOOKS[props.status];
  return (
    <StatusBadge
      status={props.status}
      look={
        props.past && UNDER_WAY_TONES.includes(look.tone)
          ? { ...look, tone: 'ok' }
          : look
      }
    />
  );
}

/** A cluster's health, in the API's words (e.g. `HEALTHY`). */
export function ClusterStatusBadge(props: { status: ClusterStatus }) {
  return (
    <StatusBadge
      status={props.status}
      look={CLUSTER_STATUS_LOOKS[props.status]}
    />
  );
}
