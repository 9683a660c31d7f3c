import {
  SHEPHERD_ERROR_CODES,
  ShepherdVm,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  ShepherdVmOwner,
  ShepherdVmRuntimeState,
  isOwnedBy,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { nameTakenMessage } from '../domain/observedStatus';
import { ConnectedVm } from '../jobs/VmJobContext';
import { PermanentJobError } from '../queue/JobWorker';
import { ShepherdInstallation } from '../service/installation/ShepherdInstallation';

/**
 * Whose a VM's objects on the cluster must be before Shepherd changes or deletes them: this
 * installation's record of the VM (or, for VMs created before ownership labels, Shepherd's
 * object of the VM's create ticket).
 */
export function vmOwner(
  vm: Pick<ShepherdVm, 'id' | 'ticketId'>,
  installation: ShepherdInstallation,
): ShepherdVmOwner {
  return {
    installationId: installation.id,
    vmId: vm.id,
    legacyTicketId: vm.ticketId,
  };
}

/**
 * The state of a VM as its record may take it: an object under the VM's name that is not the
 * VM (someone else's, or another record's) is not its state — the VM is not on the cluster.
 */
export function ownStateOf(
  state: ShepherdVmRuntimeState,
  vm: Pick<ShepherdVm, 'id' | 'ticketId'>,
  installation: ShepherdInstallation,
): ShepherdVmRuntimeState {
  if (state.status === 'NOT_FOUND' || state.status === 'UNKNOWN') return state;
  if (isOwnedBy(state.labels, vmOwner(vm, installation))) return state;
  return {
    namespace: state.namespace,
    name: state.name,
    status: 'NOT_FOUND',
    message: nameTakenMessage(state),
  };
}

/**
 * Fails a job for good (`VM_NAME_CONFLICT`) when the object under the VM's name is not the VM,
 * before the job sends it anything: a power action or a resize reaches only Shepherd's own VM.
 * A VM that is not found is left to the action itself to report.
 */
export async function refuseForeignObject(
  { vm, provider, connection }: ConnectedVm,
  installation: ShepherdInstallation,
): Promise<ShepherdVmRuntimeState> {
  const state = await provider.getVirtualMachine(connection, vm);
  const own = ownStateOf(state, vm, installation);
  if (own.status === 'NOT_FOUND' && state.status !== 'NOT_FOUND') {
    throw new PermanentJobError(
      own.message ?? SHEPHERD_ERROR_CODES.VM_NAME_CONFLICT,
    );
  }
  return state;
}
