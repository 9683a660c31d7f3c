import {
  SHEPHERD_PLATFORM_LABELS,
  ShepherdDomainEvent,
  ShepherdTicket,
  ShepherdVm,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  ShepherdClusterConnection,
  ShepherdVmProvider,
  ShepherdVmRef,
  ShepherdVmRuntimeState,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { ConnectedVm, LoadedVmJob, VmJobContext } from '../jobs/VmJobContext';
import { JobContinuation, PermanentJobError } from '../queue/JobWorker';
import { GovernanceContext, UnitOfWork } from '../service/GovernanceContext';
import { TEST_INSTALLATION } from './operations';

/** The connection a fake job hands to the provider. */
export const FAKE_CONNECTION: ShepherdClusterConnection = {
  id: 'cluster',
  name: 'cluster',
  kubeconfig: 'apiVersion: v1\nkind: Config\n',
};

/** What a fake cluster answers about a VM, without its reference. */
export type FakeVmState = Omit<ShepherdVmRuntimeState, 'namespace' | 'name'>;

/**
 * A VM provider that records the calls it gets, by name, and answers `getVirtualMachine`
 * with the given states in turn (the last one again once they are used up). An existing VM
 * is Shepherd's own (labelled for {@link TEST_INSTALLATION} and the VM asked about) unless
 * its state says which labels it has.
 */
export class RecordingProvider implements ShepherdVmProvider {
  readonly type = 'recording';
  readonly calls: string[] = [];
  readonly #states: FakeVmState[];

  constructor(states: FakeVmState[]) {
    this.#states = [...states];
  }

  renderVirtualMachine() {
    this.calls.push('renderVirtualMachine');
    return {};
  }

  async ensureNamespace() {
    this.calls.push('ensureNamespace');
  }

  async applyVirtualMachine() {
    this.calls.push('applyVirtualMachine');
    return {};
  }

  async deleteVirtualMachine() {
    this.calls.push('deleteVirtualMachine');
    return { existed: true };
  }

  async startVirtualMachine() {
    this.calls.push('startVirtualMachine');
  }

  async stopVirtualMachine() {
    this.calls.push('stopVirtualMachine');
  }

  async restartVirtualMachine() {
    this.calls.push('restartVirtualMachine');
  }

  async resizeVirtualMachine() {
    this.calls.push('resizeVirtualMachine');
    return { restartRequired: false };
  }

  async getVirtualMachine(
    _cluster: ShepherdClusterConnection,
    vm: ShepherdVmRef,
  ): Promise<ShepherdVmRuntimeState> {
    this.calls.push('getVirtualMachine');
    const state =
      this.#states.length > 1 ? this.#states.shift()! : this.#states[0];
    const ownId = (vm as Partial<ShepherdVm>).id;
    const labels =
      state.status === 'NOT_FOUND' || !ownId
        ? undefined
        : {
            [SHEPHERD_PLATFORM_LABELS.installation]: TEST_INSTALLATION.id,
            [SHEPHERD_PLATFORM_LABELS.vmId]: ownId,
          };
    return {
      namespace: vm.namespace,
      name: vm.name,
      ...(labels && { labels }),
      ...state,
    };
  }

  async listManagedVirtualMachines() {
    this.calls.push('listManagedVirtualMachines');
    return [];
  }

  async inspectCluster() {
    this.calls.push('inspectCluster');
    return {
      status: 'HEALTHY' as const,
      featureGates: [],
      storageClasses: [],
    };
  }
}

/** A {@link RecordingProvider} that answers with `states` in turn. */
export function recordingProvider(...states: FakeVmState[]): RecordingProvider {
  return new RecordingProvider(states);
}

/**
 * The job framework as an operation's job sees it, for unit tests of job branches: records
 * the steps the job takes, and runs the work of `complete` in a real unit of work so that
 * the operation's own writes can be checked. Following a VM always answers
 * {@link FakeVmJob.FOLLOW_MS}.
 */
export class FakeVmJob implements VmJobContext {
  static readonly FOLLOW_MS = 5_000;

  readonly job: LoadedVmJob;
  /** The framework's steps the job took, in order. */
  readonly steps: string[] = [];
  readonly completed: Array<{ details?: Record<string, unknown> }> = [];
  readonly followed: string[] = [];
  readonly observed: Array<{ vmId: string; state: ShepherdVmRuntimeState }> =
    [];
  readonly #context: GovernanceContext;
  readonly #provider?: ShepherdVmProvider;

  constructor(
    context: GovernanceContext,
    options: {
      vm?: ShepherdVm;
      ticket?: ShepherdTicket;
      /** The domain event's payload. */
      eventPayload?: Record<string, unknown>;
      /** The job's payload (its checkpoint); the event id is added. */
      payload?: Record<string, unknown>;
      provider?: ShepherdVmProvider;
    },
  ) {
    this.#context = context;
    this.#provider = options.provider;
    const event: ShepherdDomainEvent = {
      id: 'event',
      type: 'VM_START_REQUESTED',
      aggregateType: 'vm',
      aggregateId: options.vm?.id ?? 'vm',
      payload: options.eventPayload ?? {},
      status: 'PROCESSING',
      createdBy: 'user:default/engineer-test',
      createdAt: context.now(),
    };
    this.job = {
      payload: { eventId: event.id, ...options.payload },
      event,
      ticket: options.ticket,
      vm: options.vm,
    };
  }

  async connect(): Promise<ConnectedVm> {
    this.steps.push('connect');
    const { vm } = this.job;
    if (!vm || !this.#provider) {
      throw new PermanentJobError('The VM of this operation no longer exists');
    }
    return { vm, provider: this.#provider, connection: FAKE_CONNECTION };
  }

  async markExecuting(): Promise<void> {
    this.steps.push('markExecuting');
  }

  async complete(
    work?: (unit: UnitOfWork) => Promise<void>,
    details?: Record<string, unknown>,
  ): Promise<void> {
    this.steps.push('complete');
    this.completed.push({ details });
    if (work) {
      await this.#context.execute(work);
    }
  }

  async observe(vm: ShepherdVm, state: ShepherdVmRuntimeState): Promise<void> {
    this.steps.push('observe');
    this.observed.push({ vmId: vm.id, state });
  }

  follow(what: string): JobContinuation {
    this.steps.push('follow');
    this.followed.push(what);
    return { continueAfterMs: FakeVmJob.FOLLOW_MS };
  }

  now(): string {
    return this.#context.now();
  }
}
