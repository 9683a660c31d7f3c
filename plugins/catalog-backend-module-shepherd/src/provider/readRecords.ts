import {
  ShepherdRecordChange,
  ShepherdService,
  ShepherdSystem,
  ShepherdVm,
  SystemMember,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ReadOptions, ShepherdReader } from '../client/ShepherdReader';
import { ShepherdRecords, recordKey } from '../mapping/records';

/** How many Systems' members are read at once. */
const MEMBER_READS_AT_ONCE = 8;

async function readMembers(
  reader: ShepherdReader,
  systemIds: string[],
  options: ReadOptions = {},
): Promise<Map<string, SystemMember[]>> {
  const members = new Map<string, SystemMember[]>();
  const queue = [...systemIds];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      members.set(id, await reader.listMembers(id, options));
    }
  };
  await Promise.all(
    Array.from(
      { length: Math.min(MEMBER_READS_AT_ONCE, queue.length) },
      worker,
    ),
  );
  return members;
}

/** Every System (with its members), Service and VM; `signal` gives up the reads. */
export async function readAllRecords(
  reader: ShepherdReader,
  options: ReadOptions = {},
): Promise<ShepherdRecords> {
  const [systems, services, vms] = await Promise.all([
    reader.listSystems(options),
    reader.listServices({}, options),
    reader.listVms({}, options),
  ]);
  const members = await readMembers(
    reader,
    systems.map(system => system.id),
    options,
  );
  return { systems, members, services, vms };
}

/** What changed records look like now, and which of them are gone. */
export interface ChangedRecords {
  /**
   * The changed records that still exist and what their entities depend on: a System with
   * its Services and VMs, a Service with its VMs, and the parents and members of all of them.
   */
  records: ShepherdRecords;
  /** Keys of records that were removed, or no longer exist when they were read. */
  gone: string[];
}

/** Reads what the announced changes touched. */
export async function readChangedRecords(
  reader: ShepherdReader,
  changes: ShepherdRecordChange[],
): Promise<ChangedRecords> {
  const systems = new Map<string, ShepherdSystem>();
  const services = new Map<string, ShepherdService>();
  const vms = new Map<string, ShepherdVm>();
  const gone: string[] = [];
  const keep = <T extends { id: string }>(into: Map<string, T>, items: T[]) =>
    items.forEach(item => into.set(item.id, item));

  for (const { kind, id, change } of changes) {
    /** Whether the changed record no longer exists; notes it as gone if so. */
    const isGone = <T>(record: T | undefined): record is undefined => {
      if (record === undefined) gone.push(recordKey(kind, id));
      return record === undefined;
    };
    if (change === 'removed') {
      gone.push(recordKey(kind, id));
      continue;
    }
    if (kind === 'system') {
      const system = await reader.getSystem(id);
      if (isGone(system)) continue;
      // Owners and names of a System reach its Services' and VMs' entities.
      systems.set(id, system);
      keep(services, await reader.listServices({ systemId: id }));
      keep(vms, await reader.listVms({ systemId: id }));
    } else if (kind === 'service') {
      const service = await reader.getService(id);
      if (isGone(service)) continue;
      services.set(id, service);
      keep(vms, await reader.listVms({ serviceId: id }));
    } else {
      const vm = await reader.getVm(id);
      if (isGone(vm)) continue;
      vms.set(id, vm);
    }
  }

  // The parents every entity refers to.
  for (const vm of vms.values()) {
    if (!services.has(vm.serviceId)) {
      const service = await reader.getService(vm.serviceId);
      if (service) services.set(service.id, service);
    }
  }
  for (const service of services.values()) {
    if (!systems.has(service.systemId)) {
      const system = await reader.getSystem(service.systemId);
      if (system) systems.set(system.id, system);
    }
  }

  return {
    records: {
      systems: [...systems.values()],
      members: await readMembers(reader, [...systems.keys()]),
      services: [...services.values()],
      vms: [...vms.values()],
    },
    gone,
  };
}
