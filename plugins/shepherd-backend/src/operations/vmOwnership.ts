import {
  SHEPHERD_ERROR_CODES,
  ShepherdVm,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  ShepherdVmOwner,
  ShepherdVmRuntimeState,
  isOwnedBy,
} from '@kubevirt-shepherd/plugin-shepherd-node';
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
    message: `${SHEPHERD_ERROR_CODES.VM_NAME_CONFLICT}: the object named ${state.namespace}/${state.name} on the cluster is not this VM`,
  };
}
