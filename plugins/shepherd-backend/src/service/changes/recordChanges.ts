import {
  ShepherdRecordChange,
  ShepherdRecordKind,
  VmStatus,
  ShepherdTicketSignalChange,
  ShepherdVmSignalChange,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdStore } from '../../database/ShepherdStore';
import { SystemsStore } from '../../database/stores/systems/SystemsStore';
import { MembersStore } from '../../database/stores/members/MembersStore';
import { ServicesStore } from '../../database/stores/services/ServicesStore';
import { TicketsStore } from '../../database/stores/tickets/TicketsStore';
import { VmsStore } from '../../database/stores/vms/VmsStore';

/**
 * A record that a unit of work wrote, as its stores note it: a System, Service or VM (what the
 * catalog follows) or a ticket. Open pages follow VMs and tickets, the catalog follows what
 * Systems, Services and VMs are; the views below tell each its part.
 */
export type TrackedChange =
  | (ShepherdRecordChange & {
      /**
       * Only runtime state changed (a VM's status): open pages follow it, the catalog does
       * not (a VM entity does not change when the VM stops).
       */
      stateOnly?: boolean;
    })
  | { kind: 'ticket'; id: string; change: 'upserted'; vmId?: string };

/** Told about the Systems, Services and VMs that a committed unit of work changed. */
export type RecordChangeListener = (changes: ShepherdRecordChange[]) => void;

/** The VMs (their status included) and tickets a committed unit of work changed. */
export type LiveChanges = {
  vms: ShepherdVmSignalChange[];
  tickets: ShepherdTicketSignalChange[];
};

/** Told about the VMs and tickets that a committed unit of work changed. */
export type LiveChangeListener = (changes: LiveChanges) => void;

type Remember = (change: TrackedChange) => void;

/** A VM whose status a committed unit of work changed (a job, an approval, a watch, a poll). */
export interface VmStateChange {
  id: string;
  status: VmStatus;
}

/**
 * Told about the VMs whose status each committed unit of work changed. Separate from
 * {@link RecordChangeListener}: runtime state is not what a VM is, so the catalog is not
 * told, but pages that show VMs are.
 */
export type VmStateChangeListener = (changes: VmStateChange[]) => void;

type RememberState = (change: VmStateChange) => void;

/** VM fields that are runtime state rather than what the VM is: changes of them are not announced. */
const VM_STATE_FIELDS = new Set(['status', 'statusMessage', 'updatedAt']);

/** The writes of a store of Systems, Services or VMs. */
interface RecordWrites<T, Patch> {
  insert(record: T): Promise<void>;
  update(id: string, patch: Patch): Promise<void>;
  delete(id: string): Promise<void>;
}

/**
 * The writes of `inner`, each recording the change of its `kind` record; an update is
 * `stateOnly` unless `changesRecord` says its patch changes what the record is (every update
 * does unless told).
 */
function recordingWrites<T extends { id: string }, Patch>(
  kind: ShepherdRecordKind,
  inner: RecordWrites<T, Patch>,
  record: Remember,
  changesRecord: (patch: Patch) => boolean = () => true,
): RecordWrites<T, Patch> {
  return {
    insert: async created => {
      await inner.insert(created);
      record({ kind, id: created.id, change: 'upserted' });
    },
    update: async (id, patch) => {
      await inner.update(id, patch);
      record({
        kind,
        id,
        change: 'upserted',
        ...(!changesRecord(patch) && { stateOnly: true }),
      });
    },
    delete: async id => {
      await inner.delete(id);
      record({ kind, id, change: 'removed' });
    },
  };
}

function recordingSystems(inner: SystemsStore, record: Remember): SystemsStore {
  return {
    get: id => inner.get(id),
    getByName: name => inner.getByName(name),
    getByEntityRef: entityRef => inner.getByEntityRef(entityRef),
    list: options => inner.list(options),
    lockForUpdate: id => inner.lockForUpdate(id),
    ...recordingWrites('system', inner, record),
  };
}

/** Members are part of their System: a change of one is a change of the System. */
function recordingMembers(inner: MembersStore, record: Remember): MembersStore {
  const systemOf = async (memberId: string) =>
    (await inner.get(memberId))?.systemId;
  const recordSystem = (systemId: string | undefined) => {
    if (systemId) record({ kind: 'system', id: systemId, change: 'upserted' });
  };
  return {
    listForSystem: systemId => inner.listForSystem(systemId),
    listForSystems: systemIds => inner.listForSystems(systemIds),
    get: id => inner.get(id),
    insert: async member => {
      await inner.insert(member);
      recordSystem(member.systemId);
    },
    updateRole: async (id, patch) => {
      const systemId = await systemOf(id);
      await inner.updateRole(id, patch);
      recordSystem(systemId);
    },
    delete: async id => {
      const systemId = await systemOf(id);
      await inner.delete(id);
      recordSystem(systemId);
    },
  };
}

function recordingServices(
  inner: ServicesStore,
  record: Remember,
): ServicesStore {
  return {
    get: id => inner.get(id),
    getByName: (systemId, name) => inner.getByName(systemId, name),
    getByEntityRef: entityRef => inner.getByEntityRef(entityRef),
    list: options => inner.list(options),
    countForSystem: systemId => inner.countForSystem(systemId),
    ...recordingWrites('service', inner, record),
    // The counter of instance indexes is bookkeeping, not part of what the Service is.
    takeInstanceIndex: id => inner.takeInstanceIndex(id),
    skipInstanceIndex: (id, index) => inner.skipInstanceIndex(id, index),
    listByVmNameStem: stem => inner.listByVmNameStem(stem),
  };
}

function recordingVms(
  inner: VmsStore,
  record: Remember,
  recordState: RememberState,
): VmsStore {
  const writes = recordingWrites('vm', inner, record, patch =>
    Object.keys(patch).some(field => !VM_STATE_FIELDS.has(field)),
  );
  return {
    get: id => inner.get(id),
    list: options => inner.list(options),
    count: filter => inner.count(filter),
    listForStatusSync: (options, filter) =>
      inner.listForStatusSync(options, filter),
    listObservedOnCluster: (clusterId, page) =>
      inner.listObservedOnCluster(clusterId, page),
    findObservedOnCluster: (clusterId, refs) =>
      inner.findObservedOnCluster(clusterId, refs),
    // Polls and watches record runtime state only: open pages re-read the VM, while the
    // catalog is not told (what the VM is did not change).
    recordPoll: async (id, poll) => {
      const written = await inner.recordPoll(id, poll);
      if (written) {
        record({ kind: 'vm', id, change: 'upserted', stateOnly: true });
        if (poll.status) recordState({ id, status: poll.status });
      }
      return written;
    },
    recordObservedState: async (id, seen, observed) => {
      const written = await inner.recordObservedState(id, seen, observed);
      if (written) {
        record({ kind: 'vm', id, change: 'upserted', stateOnly: true });
        if (observed.status && observed.status !== seen.status) {
          recordState({ id, status: observed.status });
        }
      }
      return written;
    },
    ...writes,
    update: async (id, patch) => {
      await writes.update(id, patch);
      if (patch.status) recordState({ id, status: patch.status });
    },
  };
}

/** One change per VM, the last status winning. */
export function collapseStateChanges(
  changes: VmStateChange[],
): VmStateChange[] {
  const byVm = new Map<string, VmStateChange>();
  for (const change of changes) byVm.set(change.id, change);
  return [...byVm.values()];
}

/** A ticket is created or moves on; either way open pages re-read it and the VM it is about. */
function recordingTickets(inner: TicketsStore, record: Remember): TicketsStore {
  return {
    get: id => inner.get(id),
    findPending: dedupeKey => inner.findPending(dedupeKey),
    list: options => inner.list(options),
    insert: async ticket => {
      await inner.insert(ticket);
      record({
        kind: 'ticket',
        id: ticket.id,
        change: 'upserted',
        vmId: ticket.vmId,
      });
    },
    transition: async (id, from, patch) => {
      const moved = await inner.transition(id, from, patch);
      if (moved) {
        const vmId = patch.vmId ?? (await inner.get(id))?.vmId;
        record({ kind: 'ticket', id, change: 'upserted', vmId });
      }
      return moved;
    },
  };
}

/** Two changes of one record in one unit of work as one: the later wins, what it says adds up. */
function mergeChanges(
  earlier: TrackedChange | undefined,
  later: TrackedChange,
): TrackedChange {
  if (!earlier || earlier.change === 'removed' || later.change === 'removed') {
    return later;
  }
  if (later.kind === 'ticket') {
    // Changes of one record are of one kind; the VM a ticket is about is kept once known.
    const vmId =
      later.vmId ?? (earlier.kind === 'ticket' ? earlier.vmId : undefined);
    return vmId ? { ...later, vmId } : later;
  }
  if (earlier.kind === 'ticket') return later;
  // What the record is changed if any of the writes changed it.
  const { stateOnly: _, ...change } = later;
  return earlier.stateOnly && later.stateOnly
    ? { ...change, stateOnly: true }
    : change;
}

/**
 * One change per record, in the order records were first written, the last change winning (a
 * record created and removed in one unit of work is removed).
 */
export function collapseChanges(changes: TrackedChange[]): TrackedChange[] {
  const byRecord = new Map<string, TrackedChange>();
  for (const change of changes) {
    const key = `${change.kind}:${change.id}`;
    byRecord.set(key, mergeChanges(byRecord.get(key), change));
  }
  return [...byRecord.values()];
}

/** What the catalog follows: Systems, Services and VMs whose record (not state) changed. */
export function catalogChanges(
  changes: TrackedChange[],
): ShepherdRecordChange[] {
  return changes.flatMap(change =>
    change.kind === 'ticket' || change.stateOnly
      ? []
      : [{ kind: change.kind, id: change.id, change: change.change }],
  );
}

/** What open pages follow: VMs, their status included, and tickets. */
export function liveChanges(changes: TrackedChange[]): LiveChanges {
  const live: LiveChanges = { vms: [], tickets: [] };
  for (const change of changes) {
    if (change.kind === 'vm') {
      live.vms.push({ id: change.id, change: change.change });
    } else if (change.kind === 'ticket') {
      live.tickets.push({
        id: change.id,
        ...(change.vmId && { vmId: change.vmId }),
      });
    }
  }
  return live;
}

/**
 * The stores of a unit of work, noting which Systems, Services, VMs and tickets its writes change:
 * every writer goes through them, so no use case, job or periodic task has to remember to
 * announce its changes. Reads and the other tables pass through unchanged.
 */
export function recordChanges(
  inner: ShepherdStore,
  remember: (change: TrackedChange) => void,
  rememberState: RememberState = () => {},
): ShepherdStore {
  const systems = recordingSystems(inner.systems, remember);
  const members = recordingMembers(inner.members, remember);
  const services = recordingServices(inner.services, remember);
  const vms = recordingVms(inner.vms, remember, rememberState);
  const tickets = recordingTickets(inner.tickets, remember);
  return {
    systems,
    members,
    services,
    vms,
    namespaces: inner.namespaces,
    clusters: inner.clusters,
    templates: inner.templates,
    instanceSizes: inner.instanceSizes,
    catalogUsage: inner.catalogUsage,
    tickets,
    events: inner.events,
    revisions: inner.revisions,
    consoleGrants: inner.consoleGrants,
    consoleSessionTokens: inner.consoleSessionTokens,
    audit: inner.audit,
    reconcileReports: inner.reconcileReports,
    reconcileMarks: inner.reconcileMarks,
    jobs: inner.jobs,
    watchLeases: inner.watchLeases,
    pendingAdoptions: inner.pendingAdoptions,
    requestRates: inner.requestRates,
    // Already inside the unit of work: a nested one joins it, and its changes count with it.
    transaction: work =>
      inner.transaction(tx => work(recordChanges(tx, remember, rememberState))),
  };
}
