import {
  AuditAction,
  SHEPHERD_SERVICE_ACTOR,
  ShepherdTicket,
  ShepherdVm,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ClusterConnections } from '../providers/ClusterConnections';
import { isClusterUnreachable } from '../providers/errors';
import {
  JobContext,
  JobContinuation,
  JobHandler,
  PermanentJobError,
} from '../queue/JobWorker';
import { GovernanceContext, UnitOfWork } from '../service/GovernanceContext';
import { ShepherdNotifier } from '../service/notifications/ShepherdNotifier';
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
      run: async ({ job: record }) => {
        const loaded = await this.#load(record);
        if (TERMINAL_EVENT_STATUSES.includes(loaded.event.status)) {
          return undefined;
        }
        try {
          return await job.run(this.#contextOf(loaded));
        } catch (error) {
          // A cluster that cannot be reached at all does not come back by retrying.
          if (isClusterUnreachable(error)) {
            throw new PermanentJobError(error.message, { cause: error });
          }
          throw error;
        }
      },
      failed: async (context, error) => this.#fail(context, error),
    };
  }

  get #store() {
    return this.options.context.store;
  }

  async #load(job: JobContext['job']): Promise<LoadedVmJob> {
    const eventId = String(job.payload.eventId ?? '');
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
    return { payload: job.payload, event, ticket, vm };
  }

  #contextOf(loaded: LoadedVmJob): VmJobContext {
    const { context, connections } = this.options;
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
        const { provider, connection } = await connections.connect(
          vm.clusterId,
        );
        return { vm, provider, connection };
      },
      markExecuting: () => this.#markExecuting(loaded.ticket),
      complete: (work, details) => this.#complete(loaded, work, details),
      observe: async (vm, state) => {
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
      },
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

  /** Records a failure for good: event, ticket and VM FAILED, the requester told. */
  async #fail(context: JobContext, error: Error) {
    const loaded = await this.#load(context.job).catch(() => undefined);
    if (!loaded || TERMINAL_EVENT_STATUSES.includes(loaded.event.status)) {
      return;
    }
    const { context: governance, notifier } = this.options;
    const { event, ticket, vm } = loaded;
    const message = describe(error);
    const now = governance.now();
    await governance.execute(async unit => {
      const moved = await unit.tx.events.transition(
        event.id,
        ['PENDING', 'PROCESSING'],
        { status: 'FAILED', errorMessage: message, processedAt: now },
      );
      if (!moved) return;
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
    });
  }
}
