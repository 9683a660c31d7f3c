import type {
  V1VirtualMachine,
  V1VirtualMachineInstance,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { VmStatus } from '@kubevirt-shepherd/plugin-shepherd-common';

/** KubeVirt's `status.printableStatus` values that name a state of the VM's lifecycle. */
const PRINTABLE_STATUS: Readonly<Record<string, VmStatus>> = {
  Running: 'RUNNING',
  Stopped: 'STOPPED',
  Stopping: 'STOPPING',
  Provisioning: 'CREATING',
  // Storage is bound while the VM is first provisioned.
  WaitingForVolumeBinding: 'CREATING',
  Starting: 'STARTING',
  Terminating: 'DELETING',
  Migrating: 'MIGRATING',
  Paused: 'PAUSED',
  // The VM waits for a migration source to send it its state.
  WaitingForReceiver: 'PENDING',
};

/**
 * Printable statuses that mean the VM cannot reach its desired state without someone acting:
 * they map to FAILED, and the status itself becomes the message. KubeVirt names any further
 * error status `Error…`, which is matched by prefix.
 */
const ERROR_PRINTABLE_STATUSES: ReadonlySet<string> = new Set([
  'CrashLoopBackOff',
  'ErrImagePull',
  'ImagePullBackOff',
  'DataVolumeError',
  'ErrorUnschedulable',
  'ErrorPvcNotFound',
  'ErrorDataVolumeNotFound',
  'Unknown',
]);
const ERROR_PREFIX = 'Error';

/** The VMI phase, when the VM has no printable status yet. */
const VMI_PHASE: Readonly<Record<string, VmStatus>> = {
  Running: 'RUNNING',
  Pending: 'CREATING',
  Scheduling: 'CREATING',
  Scheduled: 'CREATING',
  Failed: 'FAILED',
};

/** What the status mapping reads of a CDI DataVolume (cdi.kubevirt.io/v1beta1). */
export interface DataVolumeState {
  metadata?: { name?: string };
  status?: {
    phase?: string;
    progress?: string;
    conditions?: Array<{ type?: string; status?: string; message?: string }>;
  };
}

const DATA_VOLUME_FAILED_PHASE = 'Failed';
/** CDI's phases while it fills a volume: `ImportInProgress`, `CloneInProgress`, … */
const DATA_VOLUME_IN_PROGRESS_SUFFIX = 'InProgress';

export interface MappedVmStatus {
  status: VmStatus;
  message?: string;
}

/**
 * The domain status of a VM from its KubeVirt objects, in the upstream order: the VM's
 * printable status, then the VMI's phase, then a halted run strategy; UNKNOWN otherwise.
 * The VM's DataVolumes, when known, refine a VM that is not running: a failed volume fails
 * it with CDI's reason, and a volume being filled says how far it got.
 * (`NOT_FOUND` and the UNKNOWN of an unreachable cluster are decided by the caller, which
 * knows how the request went.)
 */
export function mapVmStatus(
  vm: V1VirtualMachine,
  vmi?: V1VirtualMachineInstance,
  dataVolumes: readonly DataVolumeState[] = [],
): MappedVmStatus {
  const mapped = mapVmObjects(vm, vmi);
  if (mapped.status === 'RUNNING' || dataVolumes.length === 0) return mapped;
  const failed = dataVolumes.find(
    dv => dv.status?.phase === DATA_VOLUME_FAILED_PHASE,
  );
  if (failed) {
    const reason = failed.status?.conditions?.find(
      condition => condition.message,
    )?.message;
    return {
      status: 'FAILED',
      message: `DataVolume ${failed.metadata?.name ?? ''} failed${
        reason ? `: ${reason}` : ''
      }`,
    };
  }
  const filling = dataVolumes.find(dv =>
    dv.status?.phase?.endsWith(DATA_VOLUME_IN_PROGRESS_SUFFIX),
  );
  if (mapped.status === 'CREATING' && !mapped.message && filling) {
    const progress = filling.status?.progress;
    return {
      status: mapped.status,
      message: `${filling.status?.phase} ${filling.metadata?.name ?? ''}${
        progress && progress !== 'N/A' ? ` ${progress}` : ''
      }`,
    };
  }
  return mapped;
}

function mapVmObjects(
  vm: V1VirtualMachine,
  vmi?: V1VirtualMachineInstance,
): MappedVmStatus {
  const printable = vm.status?.printableStatus;
  if (printable) {
    const mapped = PRINTABLE_STATUS[printable];
    if (mapped) return { status: mapped };
    if (
      ERROR_PRINTABLE_STATUSES.has(printable) ||
      printable.startsWith(ERROR_PREFIX)
    ) {
      return { status: 'FAILED', message: printable };
    }
  }

  const phase = vmi?.status?.phase;
  if (phase) {
    const mapped = VMI_PHASE[phase];
    if (mapped) {
      return mapped === 'FAILED'
        ? {
            status: mapped,
            message: vmi?.status?.reason ?? `VMI phase ${phase}`,
          }
        : { status: mapped };
    }
  }

  if (vm.spec?.runStrategy === 'Halted' || vm.spec?.running === false) {
    return { status: 'STOPPED' };
  }
  return printable
    ? {
        status: 'UNKNOWN',
        message: `Unrecognised KubeVirt status ${printable}`,
      }
    : { status: 'UNKNOWN' };
}
