import { PowerAction, VmStatus } from './enums';

/**
 * The VM statuses from which each power action is accepted; from any other the API answers
 * `VM_STATE_CONFLICT`. User interfaces use it to offer only the actions that can work.
 *
 * @public
 */
export const POWER_ACTION_ALLOWED_FROM: Readonly<
  Record<PowerAction, readonly VmStatus[]>
> = {
  start: ['STOPPED', 'FAILED'],
  stop: ['RUNNING', 'STARTING', 'PAUSED', 'MIGRATING'],
  restart: ['RUNNING', 'PAUSED'],
};

/**
 * Whether a power action is accepted for a VM in `status`.
 *
 * @public
 */
export function isPowerActionAllowed(
  action: PowerAction,
  status: VmStatus,
): boolean {
  return POWER_ACTION_ALLOWED_FROM[action].includes(status);
}

/**
 * Statuses in which a VM cannot be modified or deleted: its create or delete job owns it.
 *
 * @public
 */
export const VM_STATUSES_OWNED_BY_JOBS: readonly VmStatus[] = [
  'CREATING',
  'DELETING',
];

/**
 * The longest console grant, in minutes (upstream: at most 2 hours).
 *
 * @public
 */
export const CONSOLE_GRANT_MAX_MINUTES = 120;

/**
 * The console grant length when none is asked for, in minutes.
 *
 * @public
 */
export const CONSOLE_GRANT_DEFAULT_MINUTES = 60;
