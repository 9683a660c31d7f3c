import {
  AuditAction,
  SHEPHERD_SERVICE_ACTOR,
  ShepherdTicket,
  ShepherdVm,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdProviderError } from '@kubevirt-shepherd/plugin-shepherd-node';
import { boundedError } from '../database/columns';
import { ClusterConnections } from '../providers/ClusterConnections';
import { isClusterUnreachable } from '../providers/errors';
import {
  JobContinuation,
  JobHandler,
  PermanentJobError,
} from '../queue/JobWorker';
import { GovernanceContext, UnitOfWork } from '../service/GovernanceContext';
import { ShepherdNotifier } from '../service/notifications/ShepherdNotifier';
import { abortable } from './abortable';
import { LoadedVmJob, VmJobContext, VmOperationJob } from './VmJobContext';

const TERMINAL_EVENT_STATUSES = ['COMPLETED', 'FAILED', 'CANCELLED'];

export interface VmJobsOptions {
  context: GovernanceContext;
  connections: ClusterConnections;
  notifier: ShepherdNotifier;
  /** How often a job looks at a VM that is on its way to the wanted state. */
  followIntervalMs: number;
  /** How long a VM may take to get there before the job fails. */
  followDeadlineMs: number;
  /**
   * How long a job waits, in all, for a cluster whose circuit breaker is open before it
   * fails (`shepherd.jobs.clusterOutageMaxWaitMinutes`).
   */
  clusterWaitMaxMs: number;
}

/**
 * The job payload's key of when the job started waiting for its cluster's breaker to close
 * (the checkpoint of a wait, so that all of a job's waits add up to one bound).
 */
export const CLUSTER_WAIT_SINCE = 'waitingForClusterSince';

/** Stranded events repaired per sweep at most; the next sweep takes the rest. */
export const STRANDED_REPAIR_BATCH = 100;

/** The event's note while its job waits for the cluster; shown with the ticket. */
export function clusterWaitNote(error: Error): string {
  return `Waiting for the cluster to recover before going on: ${error.message}`;
}

/** A provider error that asks to be tried again later (an open circuit breaker). */
function retryAfterMsOf(error: unknown): number | undefined {
  return error instanceof ShepherdProviderError &&
    error.kind === 'transient' &&
    error.retryAfterMs !== undefined
    ? error.retryAfterMs
    : undefined;
}

function withoutClusterWait(
  payload: Record<string, unknown>,
): Record<string, unknown> {
  const { [CLUSTER_WAIT_SINCE]: _since, ...rest } = payload;
  return rest;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The job framework of VM operations: loads what a job runs on, records its success or its
 * failure in the domain, and gives the operation's job the steps they share. Each job only
 * gets its domain event's id and loads everything else, so a retried or recovered job sees
 * the current state; the ticket, the event and the VM move on in units of work of their
 * own, never around a cluster call.
 */
export class VmJobs {
  constructor(private readonly options: VmJobsOptions) {}

  /** The queue's handlers of the given operations' jobs, by job kind. */
  handlers(jobs: VmOperationJob[]): Record<string, JobHandler> {
    return Object.fromEntries(jobs.map(job => [job.kind, this.#handler(job)]));
  }

  #handler(job: VmOperationJob): JobHandler {
    return {
      run: async ({ job: record, signal }) => {
        const loaded = await this.#load(record.payload);
        if (TERMINAL_EVENT_STATUSES.includes(loaded.event.status)) {
          return undefined;
        }
        const waitingSince = loaded.payload[CLUSTER_WAIT_SINCE];
        if (waitingSince !== undefined) {
          // The cluster may be back: the ticket no longer says that it waits.
          await this.#store.events.note(loaded.event.id, undefined);
        }
        try {
          const outcome = await job.run(this.#contextOf(loaded, signal));
          return outcome && waitingSince !== undefined
            ? {
                ...outcome,
                payload: withoutClusterWait(outcome.payload ?? loaded.payload),
              }
            : outcome;
        } catch (error) {
          // A cluster that cannot be reached at all does not come back by retrying.
          if (isClusterUnreachable(error)) {
            throw new PermanentJobError(error.message, { cause: error });
          }
          const retryAfterMs = retryAfterMsOf(error);
          if (retryAfterMs !== undefined && !signal.aborted) {
            return this.#waitForCluster(
              loaded,
              error as ShepherdProviderError,
              retryAfterMs,
            );
          }
          throw error;
        }
      },
      failed: async (context, error) => {
        const loaded = await this.#load(context.job.payload).catch(
          () => undefined,
        );
        if (loaded) await this.#fail(loaded, describe(error));
      },
    };
  }

  get #store() {
    return this.options.context.store;
  }

  /** What the job of a payload (its event's id and checkpoint) runs on. */
  async #load(payload: Record<string, unknown>): Promise<LoadedVmJob> {
    const eventId = String(payload.eventId ?? '');
    const event = await this.#store.events.get(eventId);
    if (!event) {
      throw new PermanentJobError(`The domain event ${eventId} does not exist`);
    }
    const ticket =
      event.aggregateType === 'ticket'
        ? await this.#store.tickets.get(event.aggregateId)
        : undefined;
    const vmId = ticket?.vmId ?? String(event.payload.vmId ?? '');
    const vm = vmId ? await this.#store.vms.get(vmId) : undefined;
    return { payload, event, ticket, vm };
  }

  /**
   * The cluster's breaker is open: the job continues after the breaker's open time, without
   * using an attempt, and the ticket says that it waits — unless its waits add up to more
   * than `clusterWaitMaxMs`, when it fails for good.
   */
  async #waitForCluster(
    loaded: LoadedVmJob,
    error: ShepherdProviderError,
    retryAfterMs: number,
  ): Promise<JobContinuation> {
    const { context, clusterWaitMaxMs } = this.options;
    const now = context.clock().getTime();
    const recorded = Date.parse(String(loaded.payload[CLUSTER_WAIT_SINCE]));
    const since = Number.isNaN(recorded) ? now : recorded;
    if (now - since >= clusterWaitMaxMs) {
      throw new PermanentJobError(
        `The cluster did not recover within ${Math.round(
          clusterWaitMaxMs / 60_000,
        )} minutes: ${error.message}`,
        { cause: error },
      );
    }
    await this.#store.events.note(loaded.event.id, clusterWaitNote(error));
    return {
      // At least a second, so that a breaker about to close is not asked in a tight loop.
      continueAfterMs: Math.min(
        Math.max(retryAfterMs, 1_000),
        clusterWaitMaxMs - (now - since),
      ),
      payload: {
        ...loaded.payload,
        [CLUSTER_WAIT_SINCE]: new Date(since).toISOString(),
      },
    };
  }

  /**
   * Records the failure of the jobs whose outcome was never recorded: a job that ended (the
   * sweeper failed it, a crash between the job and the domain write, a cancel) while its
   * event — and so its ticket — was left unfinished. Answers how many were repaired.
   */
  async repairStranded(): Promise<number> {
    const stranded = await this.#store.events.listStranded(
      STRANDED_REPAIR_BATCH,
    );
    let repaired = 0;
    const failures: string[] = [];
    // One event that cannot be repaired does not keep the others stranded.
    for (const { event, jobStatus, jobError } of stranded) {
      try {
        const loaded = await this.#load({ eventId: event.id });
        if (
          await this.#fail(
            loaded,
            `The job of this operation ended (${jobStatus}) without recording its outcome: ${
              jobError ?? 'no error was recorded'
            }`,
          )
        ) {
          repaired += 1;
        }
      } catch (error) {
        failures.push(`${event.id}: ${describe(error)}`);
      }
    }
    if (failures.length > 0) {
      throw new Error(
        boundedError(
          `Recorded the failure of ${repaired} stranded operations; ${
            failures.length
          } could not be recorded: ${failures.join('; ')}`,
        ),
      );
    }
    return repaired;
  }

  #contextOf(loaded: LoadedVmJob, signal: AbortSignal): VmJobContext {
    const { context, connections } = this.options;
    // Nothing more is written for a job that was cancelled or whose lease was lost.
    const unlessAborted =
      <A extends unknown[], R>(step: (...args: A) => Promise<R>) =>
      async (...args: A) => {
        signal.throwIfAborted();
        return step(...args);
      };
    return {
      job: loaded,
      now: () => context.now(),
      connect: async () => {
        const { vm } = loaded;
        if (!vm) {
          throw new PermanentJobError(
            'The VM of this operation no longer exists',
          );
        }
        signal.throwIfAborted();
        const { provider, connection } = await connections.connect(
          vm.clusterId,
        );
        return { vm, provider: abortable(provider, signal), connection };
      },
      markExecuting: unlessAborted(() => this.#markExecuting(loaded.ticket)),
      complete: unlessAborted((work, details) =>
        this.#complete(loaded, work, details),
      ),
      observe: unlessAborted(async (vm, state) => {
        if (
          state.status === vm.status &&
          (state.message ?? undefined) === vm.statusMessage
        ) {
          return;
        }
        await context.execute(unit =>
          unit.tx.vms.update(vm.id, {
            status: state.status,
            statusMessage: state.message ?? undefined,
            updatedAt: context.now(),
          }),
        );
      }),
      follow: what => this.#follow(loaded, what),
    };
  }

  /** The approved ticket is now being carried out (once, however often the job runs). */
  async #markExecuting(ticket: ShepherdTicket | undefined) {
    if (!ticket || ticket.status !== 'APPROVED') return;
    const { context } = this.options;
    await context.execute(async unit => {
      const moved = await unit.tx.tickets.transition(ticket.id, ['APPROVED'], {
        status: 'EXECUTING',
        updatedAt: context.now(),
      });
      if (moved) {
        await this.#audit(unit, ticket, 'execution.started');
      }
    });
  }

  /** Keeps following, unless the VM took too long since the operation was decided. */
  #follow(loaded: LoadedVmJob, what: string): JobContinuation {
    const { context, followDeadlineMs, followIntervalMs } = this.options;
    const since = Date.parse(
      loaded.ticket?.decidedAt ?? loaded.event.createdAt,
    );
    if (context.clock().getTime() - since > followDeadlineMs) {
      throw new PermanentJobError(
        `${what} did not finish within ${Math.round(
          followDeadlineMs / 60_000,
        )} minutes`,
      );
    }
    return { continueAfterMs: followIntervalMs };
  }

  async #audit(
    unit: UnitOfWork,
    ticket: ShepherdTicket | undefined,
    action: AuditAction,
    details: Record<string, unknown> = {},
    vm?: ShepherdVm,
  ) {
    await unit.audit({
      action,
      actor: SHEPHERD_SERVICE_ACTOR,
      resourceType: ticket ? 'ticket' : 'vm',
      resourceId: ticket?.id ?? vm?.id,
      resourceName: ticket?.vmName ?? vm?.name,
      environment: ticket?.environment ?? vm?.environment,
      ticketId: ticket?.id,
      details: { operation: ticket?.operation, ...details },
      outcome: action === 'execution.failed' ? 'failure' : 'success',
    });
  }

  /** Records success: event COMPLETED, ticket SUCCESS, plus the operation's own writes. */
  async #complete(
    loaded: LoadedVmJob,
    work: (unit: UnitOfWork) => Promise<void> = async () => {},
    details: Record<string, unknown> = {},
  ) {
    const { context, notifier } = this.options;
    const { event, ticket, vm } = loaded;
    const now = context.now();
    await context.execute(async unit => {
      // The event moves on once: a run that finds it finished records nothing twice.
      const moved = await unit.tx.events.transition(
        event.id,
        ['PENDING', 'PROCESSING'],
        { status: 'COMPLETED', processedAt: now },
      );
      if (!moved) return;
      await work(unit);
      if (ticket) {
        await unit.tx.tickets.transition(ticket.id, ['APPROVED', 'EXECUTING'], {
          status: 'SUCCESS',
          updatedAt: now,
        });
      }
      await this.#audit(unit, ticket, 'execution.completed', details, vm);
      if (ticket) {
        unit.afterCommit(() => notifier.executionFinished(ticket));
      }
    });
  }

  /**
   * Records a failure for good: event, ticket and VM FAILED, the requester told, with the
   * message cut to its bound everywhere. Answers whether this call recorded it (an event
   * already finished is left as it is).
   */
  async #fail(loaded: LoadedVmJob, error: string): Promise<boolean> {
    if (TERMINAL_EVENT_STATUSES.includes(loaded.event.status)) {
      return false;
    }
    const { context: governance, notifier } = this.options;
    const { event, ticket, vm } = loaded;
    const message = boundedError(error);
    const now = governance.now();
    return governance.execute(async unit => {
      const moved = await unit.tx.events.transition(
        event.id,
        ['PENDING', 'PROCESSING'],
        { status: 'FAILED', errorMessage: message, processedAt: now },
      );
      if (!moved) return false;
      if (ticket) {
        await unit.tx.tickets.transition(ticket.id, ['APPROVED', 'EXECUTING'], {
          status: 'FAILED',
          updatedAt: now,
        });
      }
      if (vm) {
        await unit.tx.vms.update(vm.id, {
          status: 'FAILED',
          statusMessage: message,
          updatedAt: now,
        });
      }
      await this.#audit(
        unit,
        ticket,
        'execution.failed',
        { error: message },
        vm,
      );
      if (ticket) {
        unit.afterCommit(() => notifier.executionFinished(ticket, message));
      }
      return true;
    });
  }
}
