import { ShepherdVmDefinition } from '@kubevirt-shepherd/plugin-shepherd-node';
import { LABELS, SHEPHERD_MANAGER } from '../constants';

/**
 * The labels of a VM and of its VMI template: they identify the VM's System, Service and
 * ticket on the cluster (adoption, audits by label) and mark it as Shepherd's.
 */
export function platformLabels(
  definition: ShepherdVmDefinition,
): Record<string, string> {
  return {
    [LABELS.managedBy]: SHEPHERD_MANAGER,
    [LABELS.system]: definition.systemName,
    [LABELS.service]: definition.serviceName,
    [LABELS.instance]: definition.instance,
    [LABELS.ticketId]: definition.ticketId,
    [LABELS.kubevirtDomain]: definition.name,
  };
}
