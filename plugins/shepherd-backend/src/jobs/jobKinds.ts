import { NewJob } from '../queue/JobsStore';

/** The kinds of jobs Shepherd runs; each job carries the id of the domain event it executes. */
export const JOB_KINDS = {
  createVm: 'vm.create',
  deleteVm: 'vm.delete',
  powerVm: 'vm.power',
  modifyVm: 'vm.modify',
} as const;

export type JobKind = (typeof JOB_KINDS)[keyof typeof JOB_KINDS];

/** Attempts of a VM job before it fails for good (transient cluster errors are retried). */
export const VM_JOB_MAX_ATTEMPTS = 8;

/**
 * The job that executes a domain event on a cluster: claim check (only the event id), one
 * job per event (the unique key), bounded concurrency per cluster.
 */
export function vmJob(
  kind: JobKind,
  eventId: string,
  clusterId?: string,
): NewJob {
  return {
    kind,
    payload: { eventId },
    maxAttempts: VM_JOB_MAX_ATTEMPTS,
    uniqueKey: `event:${eventId}`,
    concurrencyKey: clusterId ? `cluster:${clusterId}` : undefined,
  };
}
