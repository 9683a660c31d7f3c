import { ShepherdRecordChange } from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdStore } from './ShepherdStore';
import { SystemsStore } from './stores/systems/SystemsStore';
import { MembersStore } from './stores/members/MembersStore';
import { ServicesStore } from './stores/services/ServicesStore';
import { VmsStore } from './stores/vms/VmsStore';

/** Told about the Systems, Services and VMs that committed writes changed. */
export type RecordChangeListener = (changes: ShepherdRecordChange[]) => void;

type Remember = (change: ShepherdRecordChange) => void;

/** VM fields that are runtime state rather than what the VM is: changes of them are not announced. */
const VM_STATE_FIELDS = new Set(['status', 'statusMessage', 'updatedAt']);

function recordingSystems(inner: SystemsStore, record: Remember): SystemsStore {
  return {
    insert: async system => {
      await inner.insert(system);
      record({ kind: 'system', id: system.id, change: 'upserted' });
    },
    get: id => inner.get(id),
    getByName: name => inner.getByName(name),
    getByEntityRef: entityRef => inner.getByEntityRef(entityRef),
    list: options => inner.list(options),
    update: async (id, patch) => {
      await inner.update(id, patch);
      record({ kind: 'system', id, change: 'upserted' });
    },
    delete: async id => {
      await inner.delete(id);
      record({ kind: 'system', id, change: 'removed' });
    },
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
    insert: async service => {
      await inner.insert(service);
      record({ kind: 'service', id: service.id, change: 'upserted' });
    },
    get: id => inner.get(id),
    getByName: (systemId, name) => inner.getByName(systemId, name),
    getByEntityRef: entityRef => inner.getByEntityRef(entityRef),
    list: options => inner.list(options),
    countForSystem: systemId => inner.countForSystem(systemId),
    update: async (id, patch) => {
      await inner.update(id, patch);
      record({ kind: 'service', id, change: 'upserted' });
    },
    delete: async id => {
      await inner.delete(id);
      record({ kind: 'service', id, change: 'removed' });
    },
    // The counter of instance indexes is bookkeeping, not part of what the Service is.
    takeInstanceIndex: id => inner.takeInstanceIndex(id),
  };
}

function recordingVms(inner: VmsStore, record: Remember): VmsStore {
  return {
    insert: async vm => {
      await inner.insert(vm);
      record({ kind: 'vm', id: vm.id, change: 'upserted' });
    },
    get: id => inner.get(id),
    list: options => inner.list(options),
    count: filter => inner.count(filter),
    listForStatusSync: options => inner.listForStatusSync(options),
    // Polls record runtime state only.
    recordPoll: (id, poll) => inner.recordPoll(id, poll),
    update: async (id, patch) => {
      await inner.update(id, patch);
      if (Object.keys(patch).some(field => !VM_STATE_FIELDS.has(field))) {
        record({ kind: 'vm', id, change: 'upserted' });
      }
    },
    delete: async id => {
      await inner.delete(id);
      record({ kind: 'vm', id, change: 'removed' });
    },
  };
}

/**
 * One change per record, in the order records were first written, the last change winning (a
 * record created and removed in one unit of work is removed).
 */
function collapse(changes: ShepherdRecordChange[]): ShepherdRecordChange[] {
  const byRecord = new Map<string, ShepherdRecordChange>();
  for (const change of changes) {
    byRecord.set(`${change.kind}:${change.id}`, change);
  }
  return [...byRecord.values()];
}

/**
 * A {@link ShepherdStore} that tells a listener which Systems, Services and VMs its writes
 * changed: after the commit for writes in a transaction (nothing when it rolls back), right
 * after the write otherwise. Every writer goes through the store, so no use case, job or
 * periodic task has to remember to announce its changes.
 */
export class ChangeRecordingStore implements ShepherdStore {
  readonly systems: SystemsStore;
  readonly members: MembersStore;
  readonly services: ServicesStore;
  readonly vms: VmsStore;

  readonly #inner: ShepherdStore;
  readonly #listener: RecordChangeListener;
  /** Changes of the transaction this store is bound to, if it is bound to one. */
  readonly #pending?: ShepherdRecordChange[];

  static wrap(
    inner: ShepherdStore,
    listener: RecordChangeListener,
  ): ShepherdStore {
    return new ChangeRecordingStore(inner, listener);
  }

  private constructor(
    inner: ShepherdStore,
    listener: RecordChangeListener,
    pending?: ShepherdRecordChange[],
  ) {
    this.#inner = inner;
    this.#listener = listener;
    this.#pending = pending;
    const record: Remember = change => {
      if (this.#pending) {
        this.#pending.push(change);
      } else {
        this.#listener([change]);
      }
    };
    this.systems = recordingSystems(inner.systems, record);
    this.members = recordingMembers(inner.members, record);
    this.services = recordingServices(inner.services, record);
    this.vms = recordingVms(inner.vms, record);
  }

  get namespaces() {
    return this.#inner.namespaces;
  }
  get clusters() {
    return this.#inner.clusters;
  }
  get templates() {
    return this.#inner.templates;
  }
  get instanceSizes() {
    return this.#inner.instanceSizes;
  }
  get catalogUsage() {
    return this.#inner.catalogUsage;
  }
  get tickets() {
    return this.#inner.tickets;
  }
  get events() {
    return this.#inner.events;
  }
  get revisions() {
    return this.#inner.revisions;
  }
  get consoleGrants() {
    return this.#inner.consoleGrants;
  }
  get consoleSessionTokens() {
    return this.#inner.consoleSessionTokens;
  }
  get audit() {
    return this.#inner.audit;
  }
  get jobs() {
    return this.#inner.jobs;
  }

  async transaction<T>(work: (tx: ShepherdStore) => Promise<T>): Promise<T> {
    if (this.#pending) {
      // Already inside a unit of work: its changes are told when it commits.
      const pending = this.#pending;
      return this.#inner.transaction(tx =>
        work(new ChangeRecordingStore(tx, this.#listener, pending)),
      );
    }
    const pending: ShepherdRecordChange[] = [];
    const result = await this.#inner.transaction(tx =>
      work(new ChangeRecordingStore(tx, this.#listener, pending)),
    );
    if (pending.length > 0) {
      this.#listener(collapse(pending));
    }
    return result;
  }
}
