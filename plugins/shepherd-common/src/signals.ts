/*
 * What the Shepherd backend tells open pages through Backstage signals, once a change has
 * committed. Signals reach every signed-in user (Backstage does not filter them by
 * permission), so a signal names records only: a page that cares re-reads them through the
 * permission-checked API.
 */

/**
 * The signal channels of Shepherd: `vms` carries committed changes of VMs (created, changed,
 * status included, removed), `tickets` those of tickets (created, moved to another status).
 *
 * @public
 */
export const SHEPHERD_SIGNAL_CHANNELS = {
  vms: 'kubevirt-shepherd.vms',
  tickets: 'kubevirt-shepherd.tickets',
} as const;

/** A changed VM: `upserted` when created or changed (re-read it), `removed` when gone. @public */
export type ShepherdVmSignalChange = {
  id: string;
  change: 'upserted' | 'removed';
};

/**
 * The message on {@link SHEPHERD_SIGNAL_CHANNELS}.vms: the VMs one unit of work changed.
 *
 * @public
 */
export type ShepherdVmsSignal = {
  changes: ShepherdVmSignalChange[];
};

/**
 * A ticket that was created or moved on, with the VM it is about when it has one (so a VM's
 * page knows its requests changed).
 *
 * @public
 */
export type ShepherdTicketSignalChange = {
  id: string;
  vmId?: string;
};

/**
 * The message on {@link SHEPHERD_SIGNAL_CHANNELS}.tickets: the tickets one unit of work
 * created or moved on.
 *
 * @public
 */
export type ShepherdTicketsSignal = {
  changes: ShepherdTicketSignalChange[];
};
