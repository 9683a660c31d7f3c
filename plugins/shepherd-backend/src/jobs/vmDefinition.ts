import {
  ShepherdTicket,
  ShepherdVm,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdVmDefinition } from '@kubevirt-shepherd/plugin-shepherd-node';
import { vmSpecOf } from '../domain/vmSpec';
import { PermanentJobError } from '../queue/JobWorker';

/**
 * What the provider applies for a VM: the template and instance size frozen on the approved
 * ticket, and the VM's effective spec. Later catalog edits never reach an existing VM.
 */
export function vmDefinition(
  vm: ShepherdVm,
  ticket: ShepherdTicket,
): ShepherdVmDefinition {
  if (!ticket.templateSnapshot || !ticket.instanceSizeSnapshot) {
    throw new PermanentJobError(
      `Ticket ${ticket.id} has no template or instance size snapshot`,
    );
  }
  return {
    name: vm.name,
    namespace: vm.namespace,
    environment: vm.environment,
    systemName: vm.systemName,
    serviceName: vm.serviceName,
    instance: vm.instance,
    ticketId: ticket.id,
    template: ticket.templateSnapshot,
    instanceSize: ticket.instanceSizeSnapshot,
    spec: vmSpecOf(vm),
    running: true,
  };
}
