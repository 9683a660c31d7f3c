import { LoggerService } from '@backstage/backend-plugin-api';
import {
  AuditAction,
  SHEPHERD_SERVICE_ACTOR,
  PowerAction,
  ShepherdDomainEvent,
  ShepherdTicket,
  ShepherdVm,
  VmStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  ShepherdClusterConnection,
  ShepherdVmProvider,
  ShepherdVmRuntimeState,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { randomUUID } from 'node:crypto';
import { modifiedVmSpec, resizeOf, vmSpecOf } from '../domain/vmSpec';
import { JOB_KINDS, JobKind } from './jobKinds';
import {
  JobContext,
  JobContinuation,
  JobHandler,
  PermanentJobError,
} from '../queue/JobWorker';
import { GovernanceContext, UnitOfWork } from '../service/GovernanceContext';
import { ShepherdNotifier } from '../service/notifications/ShepherdNotifier';
import { ClusterConnections } from '../providers/ClusterConnections';
import { vmDefinition } from './vmDefinition';

/** Statuses on the way to somewhere else: keep following. */
const TRANSITIONAL: readonly VmStatus[] = [
  'CREATING',
  'STARTING',
  'STOPPING',
  'DELETING',
  'PENDING',
  'MIGRATING',
  'UNKNOWN',
];

const TERMINAL_EVENT_STATUSES = ['COMPLETED', 'FAILED', 'CANCELLED'];

/** The VM status each power action ends in. */
const POWER_TARGET: Record<PowerAction, VmStatus> = {
  start: 'RUNNING',
  stop: 'STOPPED',
  restart: 'RUNNING',
};

/** The status a VM shows right after each power action was sent. */
const POWER_IN_PROGRESS: Record<PowerAction, VmStatus> = {
  start: 'STARTING',
  stop: 'STOPPING',
  restart: 'STARTING',
};

export interface VmJobOptions {
  context: GovernanceContext;
  connections: ClusterConnections;
  notifier: ShepherdNotifier;
  logger: LoggerService;
  /** How often a job looks at a VM that is on its way to the wanted state. */
  followIntervalMs: number;
  /** How long a VM may take to get there before the job fails. */
  followDeadlineMs: number;
}

interface Loaded {
  /** The job's payload: the event id, and the checkpoint of an earlier run. */
  payload: Record<string, unknown>;
  event: ShepherdDomainEvent;
  ticket?: ShepherdTicket;
  vm?: ShepherdVm;
}

/** Set in a power job's payload once its action was sent to the cluster. */
const ACTION_SENT = 'actionSent';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The jobs that carry approved (or directly accepted) operations out on a cluster. Each job
 * only gets its domain event's id and loads everything else, so a retried or recovered job
 * sees the current state: every step is idempotent (apply is declarative, deleting a missing
 * VM succeeds, a power action is sent once and then followed), and the ticket, the event and
 * the VM move on in units of work of their own, never around a cluster call.
 */
export class VmJobHandlers {
  constructor(private readonly options: VmJobOptions) {}

  handlers(): Record<JobKind, JobHandler> {
    return {
      [JOB_KINDS.createVm]: this.#handler(loaded => this.#create(loaded)),
      [JOB_KINDS.deleteVm]: this.#handler(loaded => this.#delete(loaded)),
      [JOB_KINDS.powerVm]: this.#handler(loaded => this.#power(loaded)),
      [JOB_KINDS.modifyVm]: this.#handler(loaded => this.#modify(loaded)),
    };
  }

  #handler(
    step: (loaded: Loaded) => Promise<void | JobContinuation>,
  ): JobHandler {
    return {
      run: async ({ job }) => {
        const loaded = await this.#load(job);
        if (TERMINAL_EVENT_STATUSES.includes(loaded.event.status)) {
          return undefined;
        }
        return step(loaded);
      },
      failed: async (context, error) => this.#failed(context, error),
    };
  }

  get #store() {
    return this.options.context.store;
  }

  async #load(job: JobContext['job']): Promise<Loaded> {
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
    loaded: Loaded,
    work: (unit: UnitOfWork) => Promise<void>,
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

  async #failed(context: JobContext, error: Error) {
    const loaded = await this.#load(context.job).catch(() => undefined);
    if (!loaded || TERMINAL_EVENT_STATUSES.includes(loaded.event.status))
      return;
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

  async #connect(vm: ShepherdVm | undefined) {
    if (!vm) {
      throw new PermanentJobError('The VM of this operation no longer exists');
    }
    const { connections } = this.options;
    const provider = connections.provider();
    const { connection } = await connections.connect(vm.clusterId);
    return { vm, provider, connection };
  }

  /** Writes the cluster's view of the VM to its row when it changed. */
  async #observe(vm: ShepherdVm, state: ShepherdVmRuntimeState) {
    if (
      state.status === vm.status &&
      (state.message ?? undefined) === vm.statusMessage
    ) {
      return;
    }
    const { context } = this.options;
    await context.execute(async unit => {
      await unit.tx.vms.update(vm.id, {
        status: state.status,
        statusMessage: state.message ?? undefined,
        updatedAt: context.now(),
      });
    });
  }

  /** Keeps following, unless the VM took too long since the operation was decided. */
  #continue(loaded: Loaded, what: string): JobContinuation {
    const since = Date.parse(
      loaded.ticket?.decidedAt ?? loaded.event.createdAt,
    );
    if (
      this.options.context.clock().getTime() - since >
      this.options.followDeadlineMs
    ) {
      throw new PermanentJobError(
        `${what} did not finish within ${Math.round(
          this.options.followDeadlineMs / 60_000,
        )} minutes`,
      );
    }
    return { continueAfterMs: this.options.followIntervalMs };
  }

  async #create(loaded: Loaded): Promise<void | JobContinuation> {
    const { vm, provider, connection } = await this.#connect(loaded.vm);
    if (!loaded.ticket) {
      throw new PermanentJobError('A VM creation needs its ticket');
    }
    await this.#markExecuting(loaded.ticket);
    let state = await provider.getVirtualMachine(connection, vm);
    if (state.status === 'NOT_FOUND') {
      await provider.ensureNamespace(connection, vm.namespace, vm.environment);
      await provider.applyVirtualMachine(
        connection,
        vmDefinition(vm, loaded.ticket),
      );
      state = await provider.getVirtualMachine(connection, vm);
    }
    if (state.status === 'FAILED') {
      throw new PermanentJobError(
        `The VM failed on the cluster: ${state.message ?? 'no reason given'}`,
      );
    }
    if (state.status === 'RUNNING') {
      await this.#complete(loaded, unit =>
        unit.tx.vms.update(vm.id, {
          status: 'RUNNING',
          statusMessage: state.message ?? undefined,
          updatedAt: this.options.context.now(),
        }),
      );
      return undefined;
    }
    await this.#observe(vm, state);
    return this.#continue(loaded, `Creating ${vm.name}`);
  }

  async #delete(loaded: Loaded): Promise<void | JobContinuation> {
    if (!loaded.vm) {
      // Deleted by an earlier run of this job that stopped before recording it.
      await this.#complete(loaded, async () => {});
      return undefined;
    }
    const { vm, provider, connection } = await this.#connect(loaded.vm);
    await this.#markExecuting(loaded.ticket);
    let state = await provider.getVirtualMachine(connection, vm);
    if (state.status !== 'NOT_FOUND' && state.status !== 'DELETING') {
      await provider.deleteVirtualMachine(connection, vm);
      state = await provider.getVirtualMachine(connection, vm);
    }
    if (state.status === 'NOT_FOUND') {
      await this.#complete(loaded, unit => unit.tx.vms.delete(vm.id), {
        vmName: vm.name,
        vmId: vm.id,
      });
      return undefined;
    }
    return this.#continue(loaded, `Deleting ${vm.name}`);
  }

  async #power(loaded: Loaded): Promise<void | JobContinuation> {
    const { vm, provider, connection } = await this.#connect(loaded.vm);
    const action = String(loaded.event.payload.operation) as PowerAction;
    if (!(action in POWER_TARGET)) {
      throw new PermanentJobError(`Unknown power action '${action}'`);
    }
    await this.#markExecuting(loaded.ticket);
    // The action is sent once; the job's checkpoint says so, and later runs only follow the
    // VM (sending restart twice would restart twice). The VM row cannot tell: status sync
    // moves it on while the job waits.
    if (!loaded.payload[ACTION_SENT]) {
      await this.#send(provider, connection, vm, action);
      await this.options.context.execute(async unit => {
        await unit.tx.vms.update(vm.id, {
          status: POWER_IN_PROGRESS[action],
          updatedAt: this.options.context.now(),
        });
      });
      return {
        ...this.#continue(loaded, `${action} of ${vm.name}`),
        payload: { ...loaded.payload, [ACTION_SENT]: true },
      };
    }
    const state = await provider.getVirtualMachine(connection, vm);
    if (state.status === POWER_TARGET[action]) {
      await this.#complete(
        loaded,
        unit =>
          unit.tx.vms.update(vm.id, {
            status: state.status,
            statusMessage: state.message ?? undefined,
            updatedAt: this.options.context.now(),
          }),
        { action },
      );
      return undefined;
    }
    if (state.status === 'FAILED') {
      throw new PermanentJobError(
        `The VM failed on the cluster: ${state.message ?? 'no reason given'}`,
      );
    }
    // Until the cluster reacts it still shows the old state; the row keeps showing the action.
    if (TRANSITIONAL.includes(state.status)) {
      await this.#observe(vm, state);
    }
    return this.#continue(loaded, `${action} of ${vm.name}`);
  }

  async #send(
    provider: ShepherdVmProvider,
    connection: ShepherdClusterConnection,
    vm: ShepherdVm,
    action: PowerAction,
  ) {
    if (action === 'start') await provider.startVirtualMachine(connection, vm);
    if (action === 'stop') await provider.stopVirtualMachine(connection, vm);
    if (action === 'restart')
      await provider.restartVirtualMachine(connection, vm);
  }

  async #modify(loaded: Loaded): Promise<void | JobContinuation> {
    const { vm, provider, connection } = await this.#connect(loaded.vm);
    if (!loaded.ticket) {
      throw new PermanentJobError('A modification needs its ticket');
    }
    await this.#markExecuting(loaded.ticket);
    const current = vmSpecOf(vm);
    const target = modifiedVmSpec(current, loaded.ticket.requestSpec);
    const { restartRequired } = await provider.resizeVirtualMachine(
      connection,
      vm,
      resizeOf(current, target),
    );
    const { context } = this.options;
    const now = context.now();
    await this.#complete(
      loaded,
      async unit => {
        await unit.tx.vms.update(vm.id, {
          cpuCores: target.cpuCores,
          cpuRequest: target.cpuRequest,
          memoryGi: target.memoryGi,
          memoryRequestGi: target.memoryRequestGi,
          diskGb: target.diskGb,
          statusMessage: restartRequired
            ? 'Restart the VM to apply the new CPU and memory sizes'
            : undefined,
          updatedAt: now,
        });
        const revisions = await unit.tx.revisions.listForVm(vm.id);
        await unit.tx.revisions.insert({
          id: randomUUID(),
          vmId: vm.id,
          revision: revisions.length + 1,
          spec: target,
          changeReason: loaded.ticket!.reason,
          changedBy: loaded.ticket!.requester,
          ticketId: loaded.ticket!.id,
          createdAt: now,
        });
      },
      { restartRequired, spec: target },
    );
    return undefined;
  }
}
