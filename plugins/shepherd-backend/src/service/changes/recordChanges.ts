import {
  ShepherdRecordChange,
  ShepherdRecordKind,
  VmStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdStore } from '../../database/ShepherdStore';
import { SystemsStore } from '../../database/stores/systems/SystemsStore';
import { MembersStore } from '../../database/stores/members/MembersStore';
import { ServicesStore } from '../../database/stores/services/ServicesStore';
import { VmsStore } from '../../database/stores/vms/VmsStore';

/** Told about the Systems, Services and VMs that a committed unit of work changed. */
export type RecordChangeListener = (changes: ShepherdRecordChange[]) => void;

type Remember = (change: ShepherdRecordChange) => void;

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
 * The writes of `inner`, each recording the change of its `kind` record; an update counts
 * only where `changesRecord` says its patch changes what the record is (every update unless told).
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
      if (changesRecord(patch)) record({ kind, id, change: 'upserted' });
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
    listForStatusSync: options => inner.listForStatusSync(options),
    listObservedOnCluster: (clusterId, page) =>
      inner.listObservedOnCluster(clusterId, page),
    findObservedOnCluster: (clusterId, refs) =>
      inner.findObservedOnCluster(clusterId, refs),
    // Polls and watches record runtime state only: not announced as a change of the record.
    recordPoll: async (id, poll) => {
      const written = await inner.recordPoll(id, poll);
      if (written && poll.status) recordState({ id, status: poll.status });
      return written;
    },
    recordObservedState: async (id, seen, observed) => {
      const written = await inner.recordObservedState(id, seen, observed);
      if (written && observed.status && observed.status !== seen.status) {
        recordState({ id, status: observed.status });
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

/**
 * One change per record, in the order records were first written, the last change winning (a
 * record created and removed in one unit of work is removed).
 */
export function collapseChanges(
  changes: ShepherdRecordChange[],
): ShepherdRecordChange[] {
  const byRecord = new Map<string, ShepherdRecordChange>();
  for (const change of changes) {
    byRecord.set(`${change.kind}:${change.id}`, change);
  }
  return [...byRecord.values()];
}

/**
 * The stores of a unit of work, noting which Systems, Services and VMs its writes change:
 * every writer goes through them, so no use case, job or periodic task has to remember to
 * announce its changes. Reads and the other tables pass through unchanged.
 */
export function recordChanges(
  inner: ShepherdStore,
  remember: (change: ShepherdRecordChange) => void,
  rememberState: RememberState = () => {},
): ShepherdStore {
  const systems = recordingSystems(inner.systems, remember);
  const members = recordingMembers(inner.members, remember);
  const services = recordingServices(inner.services, remember);
  const vms = recordingVms(inner.vms, remember, rememberState);
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
    tickets: inner.tickets,
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
    // Already inside the unit of work: a nested one joins it, and its changes count with it.
    transaction: work =>
      inner.transaction(tx => work(recordChanges(tx, remember, rememberState))),
  };
}
