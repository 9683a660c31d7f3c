import { JsonObject } from '@backstage/types';
import {
  SHEPHERD_SIGNAL_CHANNELS,
  ShepherdTicketSignalChange,
  ShepherdVmSignalChange,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { LiveDataSignal } from './useLiveData';

/*
 * Which of the backend's signals concern what a page shows. A signal names changed records
 * only; the page re-reads them through the API, which answers with what the user may see.
 */

function changesOf<T>(message: JsonObject): T[] {
  return Array.isArray(message.changes) ? (message.changes as T[]) : [];
}

/** Changes of the VM `vmId`, or of any VM (a list). */
export function vmChanges(vmId?: string): LiveDataSignal {
  return {
    channel: SHEPHERD_SIGNAL_CHANNELS.vms,
    concerns:
      vmId === undefined
        ? undefined
        : message =>
            changesOf<ShepherdVmSignalChange>(message).some(
              change => change.id === vmId,
            ),
  };
}

/**
 * Changes of tickets: of the ticket `ticketId`, of the tickets about the VM `vmId`, or of any
 * ticket (a list, the approval queue).
 */
export function ticketChanges(
  about: { ticketId?: string; vmId?: string } = {},
): LiveDataSignal {
  const { ticketId, vmId } = about;
  return {
    channel: SHEPHERD_SIGNAL_CHANNELS.tickets,
    concerns:
      ticketId === undefined && vmId === undefined
        ? undefined
        : message =>
            changesOf<ShepherdTicketSignalChange>(message).some(
              change =>
                (ticketId !== undefined && change.id === ticketId) ||
                (vmId !== undefined && change.vmId === vmId),
            ),
  };
}
