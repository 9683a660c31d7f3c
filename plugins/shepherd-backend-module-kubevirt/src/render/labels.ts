import { ShepherdVmDefinition } from '@kubevirt-shepherd/plugin-shepherd-node';
import { LABELS, SHEPHERD_MANAGER } from '../constants';

/**
 * The labels of a VM and of its VMI template: they identify the VM's System, Service and
 * ticket on the cluster (adoption, audits by label) and mark it as Shepherd's — as this
 * installation's record `vmId` (see `readShepherdOwnership`).
 */
export function platformLabels(
  definition: ShepherdVmDefinition,
): Record<string, string> {
  return {
    ...ownershipLabels(definition),
    [LABELS.kubevirtDomain]: definition.name,
  };
}

/**
 * The labels of every object Shepherd creates for a VM (the VM's DataVolumes too): whose it
 * is, for which System, Service and ticket.
 */
export function ownershipLabels(
  definition: ShepherdVmDefinition,
): Record<string, string> {
  return {
    [LABELS.managedBy]: SHEPHERD_MANAGER,
    [LABELS.system]: definition.systemName,
    [LABELS.service]: definition.serviceName,
    [LABELS.instance]: definition.instance,
    [LABELS.ticketId]: definition.ticketId,
    [LABELS.installation]: definition.installationId,
    [LABELS.vmId]: definition.vmId,
  };
}
