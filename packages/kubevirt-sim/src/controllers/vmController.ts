import {
  dataVolumes,
  virtualMachineInstances,
  virtualMachines,
} from '../api/resources';
import { deepClone } from '../apply/objects';
import {
  CONTROLLER_MANAGER,
  VM_FINALIZER,
  VM_GENERATION_ANNOTATION,
  VMI_FINALIZERS,
} from '../constants';
import { StoredObject } from '../types';
import {
  Condition,
  ControllerContext,
  conditions,
  controllerRef,
  deleteQuietly,
  isControlledBy,
  keyOf,
  writeObject,
  writeStatus,
} from './context';
import { isMigrating } from './migrationController';

export interface StateChangeRequest {
  action: 'Start' | 'Stop';
  uid?: string;
  data?: Record<string, string>;
}

/** `spec.runStrategy`, or what the deprecated `spec.running` stands for. */
export function runStrategyOf(vm: StoredObject): string {
  if (vm.spec?.runStrategy) return vm.spec.runStrategy;
  return vm.spec?.running ? 'Always' : 'Halted';
}

/** Creates the DataVolumes of `spec.dataVolumeTemplates` that do not exist yet. */
function ensureDataVolumes(
  ctx: ControllerContext,
  vm: StoredObject,
): StoredObject[] {
  const templates: Array<{
    metadata?: {
      name?: string;
      labels?: Record<string, string>;
      annotations?: Record<string, string>;
    };
    spec?: unknown;
  }> = vm.spec?.dataVolumeTemplates ?? [];
  const namespace = vm.metadata.namespace!;
  const result: StoredObject[] = [];
  for (const template of templates) {
    const name = template.metadata?.name;
    if (!name) continue;
    let dv = ctx.store.get(dataVolumes, namespace, name);
    if (!dv) {
      try {
        dv = ctx.api.create(
          dataVolumes,
          namespace,
          {
            apiVersion: 'cdi.kubevirt.io/v1beta1',
            kind: 'DataVolume',
            metadata: {
              name,
              namespace,
              ...(template.metadata?.labels
                ? { labels: template.metadata.labels }
                : {}),
              ...(template.metadata?.annotations
                ? { annotations: template.metadata.annotations }
                : {}),
              ownerReferences: [controllerRef(vm)],
            },
            spec: deepClone(template.spec),
          },
          { dryRun: false, fieldManager: CONTROLLER_MANAGER },
        );
      } catch {
        continue; // an invalid template or a terminating namespace: nothing to provision
      }
    }
    result.push(dv);
  }
  return result;
}

function createVmi(ctx: ControllerContext, vm: StoredObject): void {
  const template = vm.spec?.template ?? {};
  const spec = deepClone(template.spec ?? {});
  spec.domain = spec.domain ?? {};
  spec.domain.firmware = { uuid: vm.metadata.uid, ...spec.domain.firmware };
  spec.domain.machine = { type: 'q35', ...spec.domain.machine };
  try {
    ctx.api.create(
      virtualMachineInstances,
      vm.metadata.namespace,
      {
        apiVersion: 'kubevirt.io/v1',
        kind: 'VirtualMachineInstance',
        metadata: {
          name: vm.metadata.name,
          namespace: vm.metadata.namespace,
          ...(template.metadata?.labels
            ? { labels: deepClone(template.metadata.labels) }
            : {}),
          annotations: {
            ...template.metadata?.annotations,
            'kubevirt.io/latest-observed-api-version': 'v1',
            'kubevirt.io/storage-observed-api-version': 'v1',
            [VM_GENERATION_ANNOTATION]: String(vm.metadata.generation ?? 1),
          },
          ownerReferences: [controllerRef(vm)],
          finalizers: [...VMI_FINALIZERS],
        },
        spec,
      },
      { dryRun: false, fieldManager: CONTROLLER_MANAGER },
    );
  } catch {
    // The namespace is terminating: the VM is about to go too.
  }
}

function readyCondition(
  vmi: StoredObject | undefined,
): Omit<Condition, 'lastProbeTime' | 'lastTransitionTime'> {
  if (!vmi)
    return {
      type: 'Ready',
      status: 'False',
      reason: 'VMINotExists',
      message: 'VMI does not exist',
    };
  const ready = (vmi.status?.conditions ?? []).find(
    (c: Condition) => c.type === 'Ready',
  );
  if (ready)
    return {
      type: 'Ready',
      status: ready.status,
      reason: ready.reason,
      message: ready.message,
    };
  return {
    type: 'Ready',
    status: 'False',
    reason: 'PodNotExists',
    message: 'virt-launcher pod has not yet been scheduled',
  };
}

/**
 * KubeVirt's VirtualMachine controller, simulated: keeps a finalizer, creates the
 * DataVolumes of its templates, creates the VMI when the run strategy wants it running
 * and the disks are ready, deletes it when it should stop (also for restart requests),
 * and sets `status.printableStatus`, `ready`, `created` and `conditions` as KubeVirt does.
 */
export function reconcileVirtualMachine(
  ctx: ControllerContext,
  namespace: string,
  name: string,
): void {
  let vm = ctx.store.get(virtualMachines, namespace, name);
  if (!vm) return;
  const now = ctx.now();
  const found = ctx.store.get(virtualMachineInstances, namespace, name);
  const vmi = found && isControlledBy(found, vm) ? found : undefined;
  const failure = ctx.failures.get(keyOf(namespace, name));

  if (vm.metadata.deletionTimestamp) {
    if (vmi && !vmi.metadata.deletionTimestamp)
      deleteQuietly(ctx, virtualMachineInstances, namespace, name);
    vm = writeStatus(
      ctx,
      virtualMachines,
      vm,
      {
        ...vm.status,
        printableStatus: 'Terminating',
        ready: undefined,
        conditions: conditions(
          vm.status?.conditions,
          [readyCondition(vmi)],
          now,
        ),
      },
      CONTROLLER_MANAGER,
    );
    if (vmi) return; // the VMI's removal requeues this VM
    const since = ctx.phaseClock.since(vm.metadata.uid, 'Terminating', now);
    const due = since + ctx.timings.vmTerminating;
    if (now < due) {
      ctx.requeue(virtualMachines, namespace, name, due - now);
      return;
    }
    const released = deepClone(vm);
    released.metadata.finalizers = (released.metadata.finalizers ?? []).filter(
      f => f !== VM_FINALIZER,
    );
    ctx.phaseClock.forget(vm.metadata.uid);
    writeObject(ctx, virtualMachines, vm, released, CONTROLLER_MANAGER);
    return;
  }

  if (!vm.metadata.finalizers?.includes(VM_FINALIZER)) {
    const withFinalizer = deepClone(vm);
    withFinalizer.metadata.finalizers = [
      ...(vm.metadata.finalizers ?? []),
      VM_FINALIZER,
    ];
    vm = writeObject(
      ctx,
      virtualMachines,
      vm,
      withFinalizer,
      CONTROLLER_MANAGER,
    );
  }

  const strategy = runStrategyOf(vm);
  const dvs = ensureDataVolumes(ctx, vm);
  const dvPhases: string[] = dvs.map(dv => dv.status?.phase ?? '');
  const dvsReady = dvPhases.every(p => p === 'Succeeded');
  const dvFailed = dvPhases.some(p => p === 'Failed');
  const dvProvisioning = !dvsReady && !dvFailed;

  // Restart and manual start/stop arrive as state change requests in the status.
  let requests: StateChangeRequest[] = deepClone(
    vm.status?.stateChangeRequests ?? [],
  );
  const stop = requests.find(r => r.action === 'Stop');
  if (stop) {
    const targetAlive = vmi && (!stop.uid || stop.uid === vmi.metadata.uid);
    if (targetAlive) {
      if (!vmi.metadata.deletionTimestamp)
        deleteQuietly(ctx, virtualMachineInstances, namespace, name);
    } else {
      requests = requests.filter(r => r !== stop);
    }
  }
  const stopPending = requests.some(r => r.action === 'Stop');
  const start = stopPending
    ? undefined
    : requests.find(r => r.action === 'Start');
  const vmiFinished =
    vmi && ['Succeeded', 'Failed'].includes(vmi.status?.phase);

  let wantRunning: boolean;
  switch (strategy) {
    case 'Halted':
      wantRunning = false;
      break;
    case 'Manual':
      wantRunning = (!!vmi && !vmiFinished) || !!start;
      break;
    case 'Once':
      wantRunning = !vmiFinished;
      break;
    default: // Always, RerunOnFailure, WaitAsReceiver
      wantRunning = true;
  }
  if (stopPending) wantRunning = false;

  if (vmi && vmiFinished && !vmi.metadata.deletionTimestamp && !failure) {
    const restarts =
      strategy === 'Always' ||
      (strategy === 'RerunOnFailure' && vmi.status?.phase === 'Failed');
    if (restarts || !wantRunning)
      deleteQuietly(ctx, virtualMachineInstances, namespace, name);
  } else if (!vmi && wantRunning && dvsReady) {
    createVmi(ctx, vm);
    if (start) requests = requests.filter(r => r !== start);
  } else if (vmi && !wantRunning && !vmi.metadata.deletionTimestamp) {
    deleteQuietly(ctx, virtualMachineInstances, namespace, name);
  }

  const liveVmi = ctx.store.get(virtualMachineInstances, namespace, name);
  const current = liveVmi && isControlledBy(liveVmi, vm) ? liveVmi : undefined;
  const vmiPhase: string | undefined = current?.status?.phase;
  const stopping =
    !!current &&
    (!!current.metadata.deletionTimestamp || stopPending || !wantRunning);
  const ready = readyCondition(current);
  const isReady =
    !!current && !stopping && vmiPhase === 'Running' && ready.status === 'True';

  let printableStatus: string;
  if (failure) printableStatus = failure.reason;
  else if (stopping) printableStatus = 'Stopping';
  else if (current && vmiPhase === 'Running' && isMigrating(current))
    printableStatus = 'Migrating';
  else if (current && vmiPhase === 'Running') printableStatus = 'Running';
  else if (dvProvisioning && dvs.length > 0) printableStatus = 'Provisioning';
  else if (current && vmiPhase === 'Failed')
    printableStatus = 'CrashLoopBackOff';
  else if (current) printableStatus = 'Starting';
  else if (dvFailed && wantRunning) printableStatus = 'DataVolumeError';
  else if (wantRunning) printableStatus = 'Starting';
  else printableStatus = 'Stopped';

  const wanted: Array<Omit<Condition, 'lastProbeTime' | 'lastTransitionTime'>> =
    [ready];
  if (failure)
    wanted.push({
      type: 'Failure',
      status: 'True',
      reason: failure.reason,
      message: failure.message,
    });
  for (const type of ['LiveMigratable', 'AgentConnected']) {
    const c = (current?.status?.conditions ?? []).find(
      (x: Condition) => x.type === type,
    );
    if (c && !stopping)
      wanted.push({
        type,
        status: c.status,
        reason: c.reason,
        message: c.message,
      });
  }
  if (dvs.length > 0) {
    wanted.push(
      dvsReady
        ? {
            type: 'DataVolumesReady',
            status: 'True',
            reason: 'AllDVsReady',
            message: "All of the VMI's DVs are bound and ready",
          }
        : {
            type: 'DataVolumesReady',
            status: 'False',
            reason: 'NotAllDVsReady',
            message: "Not all of the VMI's DVs are ready",
          },
    );
  }

  const generation = vm.metadata.generation ?? 1;
  const observed = current?.metadata.annotations?.[VM_GENERATION_ANNOTATION];
  // Status fields this controller does not own (snapshotInProgress, …) are kept.
  const status = { ...vm.status };
  for (const owned of [
    'created',
    'ready',
    'observedGeneration',
    'stateChangeRequests',
  ])
    delete status[owned];
  writeStatus(
    ctx,
    virtualMachines,
    vm,
    {
      ...status,
      // Booleans are omitted when false: KubeVirt's `omitempty`.
      ...(current ? { created: true } : {}),
      ...(isReady ? { ready: true } : {}),
      printableStatus,
      runStrategy: strategy,
      conditions: conditions(vm.status?.conditions, wanted, now),
      desiredGeneration: generation,
      ...(observed ? { observedGeneration: Number(observed) } : {}),
      ...(requests.length > 0 ? { stateChangeRequests: requests } : {}),
      volumeSnapshotStatuses: (vm.spec?.template?.spec?.volumes ?? []).map(
        (v: { name: string; dataVolume?: unknown }) => ({
          name: v.name,
          enabled: !!v.dataVolume,
          ...(v.dataVolume
            ? {}
            : {
                reason: `Snapshot is not supported for this volumeSource type [${v.name}]`,
              }),
        }),
      ),
    },
    CONTROLLER_MANAGER,
  );
}
