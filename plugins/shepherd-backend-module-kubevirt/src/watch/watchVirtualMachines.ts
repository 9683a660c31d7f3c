import type {
  V1VirtualMachine,
  V1VirtualMachineInstance,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import {
  ShepherdProviderError,
  ShepherdVmObservedState,
  ShepherdVmWatchEvent,
  ShepherdVmWatchOptions,
  laterRevision,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { ClusterClient } from '../client/ClusterClient';
import { CDI_API, KUBEVIRT_API, VM_NAMES } from '../constants';
import { toRuntimeState } from '../operations/virtualMachines';
import { DataVolumeState } from '../status/mapVmStatus';
import { WatchBackoff } from './backoff';
import { Reflector, ReflectorSink, WatchedObject } from './Reflector';

type DataVolume = DataVolumeState &
  WatchedObject & {
    metadata?: {
      ownerReferences?: Array<{ kind?: string; name?: string }>;
    };
  };

const VM_KIND = 'VirtualMachine';
const ROOT_DISK_SUFFIX = `-${VM_NAMES.rootDisk}`;

function keyOf(object: WatchedObject): string {
  return `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;
}

/** The VM a DataVolume belongs to: its owner, or by Shepherd's naming `<vm>-rootfs`. */
function ownerKeyOf(dv: DataVolume): string | undefined {
  const owner = dv.metadata?.ownerReferences?.find(
    ref => ref.kind === VM_KIND,
  )?.name;
  const name = dv.metadata?.name ?? '';
  const vmName =
    owner ??
    (name.endsWith(ROOT_DISK_SUFFIX)
      ? name.slice(0, -ROOT_DISK_SUFFIX.length)
      : undefined);
  return vmName ? `${dv.metadata?.namespace ?? ''}/${vmName}` : undefined;
}

/** What an upsert says; a change of anything else (a revision) is not worth an event. */
function fingerprint(state: ShepherdVmObservedState): string {
  const { revision: _revision, resourceVersion: _rv, ...rest } = state;
  return JSON.stringify(rest);
}

type Kind = 'vm' | 'vmi' | 'dv';

/**
 * The VMs of one cluster as three reflectors see them (VirtualMachines, their instances and
 * their DataVolumes), composed into one runtime state per VM. Nothing is reported until all
 * three have listed once (a VM without its instance would look stopped); then every list of
 * VMs reports a `synced` snapshot, and every change that alters a VM's composed state an
 * `upsert` (or `deleted`).
 */
export class VmStateComposer {
  private readonly vms = new Map<string, V1VirtualMachine>();
  private readonly vmis = new Map<string, V1VirtualMachineInstance>();
  /** DataVolumes by the key of their VM, then by their own key. */
  private readonly dataVolumes = new Map<string, Map<string, DataVolume>>();
  /** Highest revision seen per VM key. */
  private readonly revisions = new Map<string, string>();
  /** What was last reported per VM key. */
  private readonly reported = new Map<string, string>();
  private readonly listed = new Set<Kind>();
  /** The newest list's revision: every state is at least that new. */
  private floor = '0';

  constructor(private readonly emit: (event: ShepherdVmWatchEvent) => void) {}

  private get ready(): boolean {
    return this.listed.size === 3;
  }

  sink<T extends WatchedObject>(kind: Kind): ReflectorSink<T> {
    return {
      replace: (items, revision) =>
        this.replace(kind, items as never[], revision),
      apply: (type, object) => this.apply(kind, type, object as never),
    };
  }

  private stateOf(key: string): ShepherdVmObservedState | undefined {
    const vm = this.vms.get(key);
    if (!vm) return undefined;
    const volumes = [...(this.dataVolumes.get(key)?.values() ?? [])];
    return {
      ...toRuntimeState(vm, this.vmis.get(key), volumes),
      revision: laterRevision(this.floor, this.revisions.get(key)),
    };
  }

  private noteRevision(key: string, object: WatchedObject): void {
    const version = object.metadata?.resourceVersion;
    if (version) {
      this.revisions.set(key, laterRevision(version, this.revisions.get(key)));
    }
  }

  private replace(kind: Kind, items: WatchedObject[], revision: string): void {
    if (revision) this.floor = laterRevision(revision, this.floor);
    if (kind === 'vm') {
      this.vms.clear();
      for (const vm of items) this.vms.set(keyOf(vm), vm as V1VirtualMachine);
    } else if (kind === 'vmi') {
      this.vmis.clear();
      for (const vmi of items) {
        this.vmis.set(keyOf(vmi), vmi as V1VirtualMachineInstance);
      }
    } else {
      this.dataVolumes.clear();
      for (const dv of items) this.addDataVolume(dv as DataVolume);
    }
    const wasReady = this.ready;
    this.listed.add(kind);
    if (!this.ready) return;
    if (kind === 'vm' || !wasReady) {
      this.reportSnapshot();
    } else {
      for (const key of this.vms.keys()) this.reportChange(key);
    }
  }

  private reportSnapshot(): void {
    const states: ShepherdVmObservedState[] = [];
    this.reported.clear();
    for (const key of this.vms.keys()) {
      const state = this.stateOf(key)!;
      this.reported.set(key, fingerprint(state));
      states.push(state);
    }
    for (const key of [...this.revisions.keys()]) {
      if (!this.vms.has(key)) this.revisions.delete(key);
    }
    this.emit({ type: 'synced', states, revision: this.floor });
  }

  private addDataVolume(dv: DataVolume): string | undefined {
    const owner = ownerKeyOf(dv);
    if (!owner) return undefined;
    let volumes = this.dataVolumes.get(owner);
    if (!volumes) {
      volumes = new Map();
      this.dataVolumes.set(owner, volumes);
    }
    volumes.set(keyOf(dv), dv);
    return owner;
  }

  private apply(
    kind: Kind,
    type: 'ADDED' | 'MODIFIED' | 'DELETED',
    object: WatchedObject,
  ): void {
    const deleted = type === 'DELETED';
    let key: string | undefined = keyOf(object);
    if (kind === 'vm') {
      if (deleted) this.vms.delete(key);
      else this.vms.set(key, object as V1VirtualMachine);
    } else if (kind === 'vmi') {
      if (deleted) this.vmis.delete(key);
      else this.vmis.set(key, object as V1VirtualMachineInstance);
    } else if (deleted) {
      key = ownerKeyOf(object as DataVolume);
      if (key) this.dataVolumes.get(key)?.delete(keyOf(object));
    } else {
      key = this.addDataVolume(object as DataVolume);
    }
    if (!key) return;
    this.noteRevision(key, object);
    if (!this.ready) return;
    if (kind === 'vm' && deleted) {
      this.reported.delete(key);
      const vm = object as V1VirtualMachine;
      this.emit({
        type: 'deleted',
        vm: {
          namespace: vm.metadata?.namespace ?? '',
          name: vm.metadata?.name ?? '',
          uid: vm.metadata?.uid,
          labels: vm.metadata?.labels,
        },
        revision: laterRevision(this.floor, this.revisions.get(key)),
      });
      this.revisions.delete(key);
      return;
    }
    this.reportChange(key);
  }

  private reportChange(key: string): void {
    const state = this.stateOf(key);
    if (!state) return;
    const print = fingerprint(state);
    if (this.reported.get(key) === print) return;
    this.reported.set(key, print);
    this.emit({ type: 'upsert', state });
  }
}

/**
 * Follows every VM of a cluster until the signal aborts: one reflector each for
 * VirtualMachines, VirtualMachineInstances and DataVolumes (all namespaces), composed by a
 * {@link VmStateComposer}. A cluster without CDI simply has no DataVolumes (a resource the
 * cluster does not serve lists as empty).
 */
export async function watchVirtualMachines(
  client: ClusterClient,
  onEvent: (event: ShepherdVmWatchEvent) => void,
  options: ShepherdVmWatchOptions & { backoff?: WatchBackoff },
): Promise<void> {
  const composer = new VmStateComposer(onEvent);
  const reflectorOptions = {
    signal: options.signal,
    resyncIntervalMs: options.resyncIntervalMs,
    backoff: options.backoff,
    onInterrupted: (error: ShepherdProviderError, retryInMs: number) =>
      onEvent({ type: 'interrupted', error, retryInMs }),
  };
  const reflectors = [
    new Reflector(
      client,
      {
        group: KUBEVIRT_API.group,
        version: KUBEVIRT_API.version,
        plural: KUBEVIRT_API.virtualMachines,
      },
      composer.sink('vm'),
      reflectorOptions,
    ),
    new Reflector(
      client,
      {
        group: KUBEVIRT_API.group,
        version: KUBEVIRT_API.version,
        plural: KUBEVIRT_API.virtualMachineInstances,
      },
      composer.sink('vmi'),
      reflectorOptions,
    ),
    new Reflector(
      client,
      {
        group: CDI_API.group,
        version: CDI_API.version,
        plural: CDI_API.dataVolumes,
      },
      composer.sink('dv'),
      { ...reflectorOptions, optional: true },
    ),
  ];
  await Promise.all(reflectors.map(reflector => reflector.run()));
}
