import { ResourceApi } from '../api/resourceApi';
import {
  RESOURCE_TYPES,
  ResourceType,
  dataVolumes,
  namespaces,
  storageClasses,
  virtualMachineInstanceMigrations,
  virtualMachineInstances,
  virtualMachines,
} from '../api/resources';
import { ObjectStore, StoreEvent } from '../store/objectStore';
import {
  AddressAllocator,
  ControllerContext,
  ForcedFailure,
  PhaseClock,
  VmFailureReason,
  keyOf,
} from './context';
import { reconcileDataVolume } from './dataVolumeController';
import { collectDependents } from './garbageCollector';
import { reconcileMigration } from './migrationController';
import { reconcileNamespace } from './namespaceController';
import { Scheduler } from './scheduler';
import { PhaseTimings } from './timings';
import { ownerVmName, reconcileVirtualMachineInstance } from './vmiController';
import { reconcileVirtualMachine } from './vmController';

/** Resources tests can make vanish with `removeObject`. */
export type SimulatedResource =
  | 'namespaces'
  | 'storageclasses'
  | 'kubevirts'
  | 'virtualmachines'
  | 'virtualmachineinstances'
  | 'datavolumes';

/** What tests can do to the simulated controllers (`sim.controllers`). */
export interface ControllerControls {
  /**
   * Forces a VirtualMachine into an error state, as if its launcher pod failed: its
   * `printableStatus` becomes `reason` and a `Failure` condition carries `message`.
   * Image pull and scheduling errors keep its VMI in Scheduling; CrashLoopBackOff
   * fails it; DataVolumeError fails its DataVolumes. May be called before the VM exists.
   */
  failVirtualMachine(
    namespace: string,
    name: string,
    reason: VmFailureReason,
    message?: string,
  ): void;
  /** Lifts a forced failure: the VM continues where the failure held it. */
  clearVirtualMachineFailure(namespace: string, name: string): void;
  /** Makes a DataVolume's import fail (phase Failed). */
  failDataVolume(namespace: string, name: string, message?: string): void;
  /**
   * Removes an object at once, skipping finalizers and phases, as if someone deleted
   * it behind the product's back. Its dependents are garbage-collected as usual.
   * Returns whether it existed.
   */
  removeObject(
    resource: SimulatedResource,
    namespace: string | undefined,
    name: string,
  ): boolean;
  /** Freezes every controller (objects keep their state; writes still work). */
  pause(): void;
  resume(): void;
}

const DEFAULT_FAILURE_MESSAGES: Record<VmFailureReason, string> = {
  ErrImagePull:
    'rpc error: code = Unknown desc = failed to pull and unpack image: not found',
  ImagePullBackOff: 'Back-off pulling image',
  CrashLoopBackOff: 'VMI has failed to start repeatedly: crash loop back-off',
  ErrorUnschedulable: '0/3 nodes are available: 3 Insufficient memory.',
  ErrorPvcNotFound: 'PVC not found',
  DataVolumeError:
    'DataVolume import failed: Unable to connect to http data source',
  Unknown: 'the VMI state is unknown: virt-handler is not responsive',
};

export interface ControllerManagerOptions {
  timings: PhaseTimings;
  kubevirtVersion: string;
  nodes: string[];
}

/**
 * Wires the simulated controllers to store events and the scheduler: every change to an
 * object requeues its reconcile (and its owner's), deletions run the garbage collector.
 */
export class ControllerManager implements ControllerControls {
  private readonly ctx: ControllerContext;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: ObjectStore,
    api: ResourceApi,
    private readonly scheduler: Scheduler,
    options: ControllerManagerOptions,
  ) {
    this.ctx = {
      store,
      api,
      timings: options.timings,
      now: () => scheduler.now(),
      requeue: (type, namespace, name, delay) =>
        this.enqueue(type, namespace, name, delay),
      kubevirtVersion: options.kubevirtVersion,
      nodes: options.nodes.length > 0 ? options.nodes : ['node01'],
      failures: new Map(),
      failedDataVolumes: new Map(),
      phaseClock: new PhaseClock(),
      addresses: new AddressAllocator(),
    };
    this.unsubscribe = store.subscribe(event => this.onEvent(event));
  }

  private enqueue(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    delay = 0,
  ): void {
    const key = `${type.plural}:${keyOf(namespace, name)}`;
    const run = (): void => {
      if (type === virtualMachines)
        reconcileVirtualMachine(this.ctx, namespace!, name);
      else if (type === virtualMachineInstances)
        reconcileVirtualMachineInstance(this.ctx, namespace!, name);
      else if (type === dataVolumes)
        reconcileDataVolume(this.ctx, namespace!, name);
      else if (type === virtualMachineInstanceMigrations)
        reconcileMigration(this.ctx, namespace!, name);
      else if (type === namespaces) reconcileNamespace(this.ctx, name);
    };
    this.scheduler.schedule(key, delay, run);
  }

  private onEvent(event: StoreEvent): void {
    const { object, resource, type } = event;
    const namespace = object.metadata.namespace;
    const name = object.metadata.name;
    if (type === 'DELETED') {
      this.scheduler.schedule(`gc:${object.metadata.uid}`, 0, () =>
        collectDependents(this.ctx, object.metadata.uid),
      );
      this.ctx.phaseClock.forget(object.metadata.uid);
    }
    if (resource === virtualMachines) {
      this.enqueue(virtualMachines, namespace, name);
    } else if (resource === virtualMachineInstances) {
      this.enqueue(virtualMachineInstances, namespace, name);
      const owner = ownerVmName(object);
      if (owner) this.enqueue(virtualMachines, namespace, owner);
    } else if (resource === dataVolumes) {
      this.enqueue(dataVolumes, namespace, name);
      for (const ref of object.metadata.ownerReferences ?? []) {
        if (ref.kind === virtualMachines.kind)
          this.enqueue(virtualMachines, namespace, ref.name);
      }
    } else if (resource === virtualMachineInstanceMigrations) {
      this.enqueue(virtualMachineInstanceMigrations, namespace, name);
    } else if (resource === namespaces) {
      this.enqueue(namespaces, undefined, name);
    } else if (resource === storageClasses) {
      for (const dv of this.store.list(dataVolumes)) {
        if ((dv.status?.phase ?? 'Pending') === 'Pending')
          this.enqueue(dataVolumes, dv.metadata.namespace, dv.metadata.name);
      }
    }
    // A namespace waiting for its content to go hears about each removal.
    if (type === 'DELETED' && namespace && resource.namespaced) {
      this.enqueue(namespaces, undefined, namespace);
    }
  }

  /**
   * Takes over objects restored from a state directory: their VMIs keep their addresses,
   * and everything is reconciled once (running VMs keep running; phases in progress
   * restart their timing).
   */
  adoptRestored(): void {
    for (const vmi of this.store.list(virtualMachineInstances)) {
      const ip = vmi.status?.interfaces?.[0]?.ipAddress;
      if (typeof ip === 'string')
        this.ctx.addresses.reserve(vmi.metadata.uid, ip);
    }
    this.resyncAll();
  }

  /** Reconciles everything once (after seeding, or after resume). */
  resyncAll(): void {
    for (const type of [
      namespaces,
      dataVolumes,
      virtualMachines,
      virtualMachineInstances,
      virtualMachineInstanceMigrations,
    ]) {
      for (const o of this.store.list(type))
        this.enqueue(type, o.metadata.namespace, o.metadata.name);
    }
  }

  failVirtualMachine(
    namespace: string,
    name: string,
    reason: VmFailureReason,
    message?: string,
  ): void {
    const failure: ForcedFailure = {
      reason,
      message: message ?? DEFAULT_FAILURE_MESSAGES[reason],
    };
    this.ctx.failures.set(keyOf(namespace, name), failure);
    if (reason === 'DataVolumeError') {
      const vm = this.store.get(virtualMachines, namespace, name);
      for (const template of vm?.spec?.dataVolumeTemplates ?? []) {
        if (template.metadata?.name) {
          this.ctx.failedDataVolumes.set(
            keyOf(namespace, template.metadata.name),
            failure.message,
          );
          this.enqueue(dataVolumes, namespace, template.metadata.name);
        }
      }
    }
    this.enqueue(virtualMachines, namespace, name);
    this.enqueue(virtualMachineInstances, namespace, name);
    this.scheduler.settle();
  }

  clearVirtualMachineFailure(namespace: string, name: string): void {
    this.ctx.failures.delete(keyOf(namespace, name));
    this.enqueue(virtualMachines, namespace, name);
    this.enqueue(virtualMachineInstances, namespace, name);
    this.scheduler.settle();
  }

  failDataVolume(
    namespace: string,
    name: string,
    message = DEFAULT_FAILURE_MESSAGES.DataVolumeError,
  ): void {
    this.ctx.failedDataVolumes.set(keyOf(namespace, name), message);
    this.enqueue(dataVolumes, namespace, name);
    this.scheduler.settle();
  }

  removeObject(
    resource: SimulatedResource,
    namespace: string | undefined,
    name: string,
  ): boolean {
    const type = RESOURCE_TYPES.find(t => t.plural === resource);
    if (!type) throw new Error(`unknown resource ${resource}`);
    if (!this.store.has(type, namespace, name)) return false;
    this.store.remove(type, namespace, name);
    this.scheduler.settle();
    return true;
  }

  pause(): void {
    this.scheduler.pause();
  }

  resume(): void {
    this.resyncAll();
    this.scheduler.resume();
  }

  close(): void {
    this.unsubscribe();
  }
}
