import {
  SHEPHERD_ERROR_CODES,
  VmStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';

/**
 * How a VM's record follows what its cluster shows, whoever observed it (the VM watches, or
 * the status poll of clusters whose provider cannot watch).
 */

/** Statuses their jobs own: the create and delete jobs follow these VMs themselves. */
export const STATUSES_OWNED_BY_JOBS: readonly VmStatus[] = [
  'CREATING',
  'DELETING',
];

/** A new VM is not downgraded to NOT_FOUND or UNKNOWN while the cluster catches up. */
export const BOOTSTRAP_HOLD_MS = 2 * 60_000;

const HELD_DURING_BOOTSTRAP: readonly VmStatus[] = ['STARTING', 'RUNNING'];
const DOWNGRADES: readonly VmStatus[] = ['NOT_FOUND', 'UNKNOWN'];

/** Whether a record's status belongs to a running create or delete job. */
export function isOwnedByJobs(status: VmStatus): boolean {
  return STATUSES_OWNED_BY_JOBS.includes(status);
}

/**
 * The status a record takes from what its cluster shows, or undefined to leave it as it is:
 * a record whose status a job owns is left to the job; a status jobs own is never taken from
 * the cluster either (a VM deleted behind Shepherd's back shows `Terminating` for a moment;
 * recorded as DELETING it would wait for a delete job that never comes); and a VM younger
 * than {@link BOOTSTRAP_HOLD_MS} that runs or starts is not downgraded while the cluster
 * catches up.
 */
export function statusFromCluster(
  record: { status: VmStatus; createdAt: string },
  observed: VmStatus,
  now: number,
): VmStatus | undefined {
  if (isOwnedByJobs(record.status) || isOwnedByJobs(observed)) return undefined;
  const age = now - Date.parse(record.createdAt);
  if (
    age < BOOTSTRAP_HOLD_MS &&
    HELD_DURING_BOOTSTRAP.includes(record.status) &&
    DOWNGRADES.includes(observed)
  ) {
    return undefined;
  }
  return observed;
}

/** Why a VM whose name another object holds on the cluster counts as not found. */
export function nameTakenMessage(ref: { namespace: string; name: string }) {
  return `${SHEPHERD_ERROR_CODES.VM_NAME_CONFLICT}: the object named ${ref.namespace}/${ref.name} on the cluster is not this VM`;
}
