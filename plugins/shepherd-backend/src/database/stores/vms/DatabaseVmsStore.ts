import {
  Environment,
  ShepherdVm,
  VmStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import { applyPermissionFilter } from '../../permissionFilter';
import {
  coresToMillicores,
  gibToMib,
  isUuid,
  mibToGib,
  millicoresToCores,
  optional,
  toCount,
  toIso,
  toIsoOrUndefined,
  whereId,
} from '../../rows';
import { fetchPage, likePattern } from '../../paging';
import { NewVm, VmsStore } from './VmsStore';

// Domain events
// VMs

type VmRow = {
  id: string;
  name: string;
  namespace: string;
  environment: Environment;
  instance: string;
  status: VmStatus;
  status_message: string | null;
  system_id: string;
  system_name: string;
  service_id: string;
  service_name: string;
  cluster_id: string | null;
  cluster_name: string | null;
  ticket_id: string;
  created_by: string;
  template_id: string;
  instance_size_id: string;
  cpu_millicores: number;
  cpu_request_millicores: number;
  memory_mib: number;
  memory_request_mib: number;
  disk_gb: number;
  storage_class: string | null;
  created_at: unknown;
  updated_at: unknown;
};

function toVm(row: VmRow): ShepherdVm {
  return {
    id: row.id,
    name: row.name,
    namespace: row.namespace,
    environment: row.environment,
    instance: row.instance,
    status: row.status,
    statusMessage: optional(row.status_message),
    systemId: row.system_id,
    systemName: row.system_name,
    serviceId: row.service_id,
    serviceName: row.service_name,
    clusterId: optional(row.cluster_id),
    clusterName: optional(row.cluster_name),
    ticketId: row.ticket_id,
    createdBy: row.created_by,
    templateId: row.template_id,
    instanceSizeId: row.instance_size_id,
    cpuCores: millicoresToCores(Number(row.cpu_millicores)),
    cpuRequest: millicoresToCores(Number(row.cpu_request_millicores)),
    memoryGi: mibToGib(Number(row.memory_mib)),
    memoryRequestGi: mibToGib(Number(row.memory_request_mib)),
    diskGb: Number(row.disk_gb),
    storageClass: optional(row.storage_class),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

export class DatabaseVmsStore implements VmsStore {
  constructor(private readonly db: Knex) {}

  private selectVms() {
    return this.db('vms')
      .join('systems', 'systems.id', 'vms.system_id')
      .join('services', 'services.id', 'vms.service_id')
      .leftJoin('clusters', 'clusters.id', 'vms.cluster_id')
      .select('vms.*', {
        system_name: 'systems.name',
        service_name: 'services.name',
        cluster_name: 'clusters.name',
      });
  }

  async insert(vm: NewVm) {
    await this.db('vms').insert({
      id: vm.id,
      name: vm.name,
      namespace: vm.namespace,
      environment: vm.environment,
      instance: vm.instance,
      status: vm.status,
      status_message: vm.statusMessage ?? null,
      system_id: vm.systemId,
      service_id: vm.serviceId,
      cluster_id: vm.clusterId ?? null,
      ticket_id: vm.ticketId,
      created_by: vm.createdBy,
      template_id: vm.templateId,
      instance_size_id: vm.instanceSizeId,
      cpu_millicores: coresToMillicores(vm.cpuCores),
      cpu_request_millicores: coresToMillicores(vm.cpuRequest),
      memory_mib: gibToMib(vm.memoryGi),
      memory_request_mib: gibToMib(vm.memoryRequestGi),
      disk_gb: vm.diskGb,
      storage_class: vm.storageClass ?? null,
      created_at: vm.createdAt,
      updated_at: vm.updatedAt,
    });
  }

  async get(id: string) {
    if (!isUuid(id)) return undefined;
    const row = await this.selectVms().where('vms.id', id).first();
    return row && toVm(row);
  }

  async list(options: Parameters<VmsStore['list']>[0]) {
    const query = this.selectVms().orderBy([
      { column: 'vms.namespace' },
      { column: 'vms.name' },
    ]);
    if (options.systemId) whereId(query, 'vms.system_id', options.systemId);
    if (options.serviceId) whereId(query, 'vms.service_id', options.serviceId);
    if (options.namespace) query.where('vms.namespace', options.namespace);
    if (options.environment)
      query.where('vms.environment', options.environment);
    if (options.statuses) query.whereIn('vms.status', options.statuses);
    if (options.clusterId) whereId(query, 'vms.cluster_id', options.clusterId);
    if (options.search) {
      query.whereRaw("lower(vms.name) like ? escape '\\'", [
        likePattern(options.search.toLowerCase()),
      ]);
    }
    if (options.conditions) {
      applyPermissionFilter(
        query,
        options.conditions,
        {
          systemId: 'vms.system_id',
          environment: 'vms.environment',
          requester: 'vms.created_by',
        },
        this.db,
      );
    }
    return fetchPage(query, options, toVm);
  }

  async count(filter: Parameters<VmsStore['count']>[0]) {
    const query = this.db('vms');
    if (filter.serviceId) whereId(query, 'service_id', filter.serviceId);
    if (filter.namespace) query.where('namespace', filter.namespace);
    if (filter.clusterId) whereId(query, 'cluster_id', filter.clusterId);
    const [{ count }] = await query.count({ count: '*' });
    return toCount(count);
  }

  async update(id: string, patch: Parameters<VmsStore['update']>[1]) {
    const row: Record<string, unknown> = { updated_at: patch.updatedAt };
    if (patch.status !== undefined) row.status = patch.status;
    if (patch.statusMessage !== undefined)
      row.status_message = patch.statusMessage;
    if (patch.cpuCores !== undefined)
      row.cpu_millicores = coresToMillicores(patch.cpuCores);
    if (patch.cpuRequest !== undefined)
      row.cpu_request_millicores = coresToMillicores(patch.cpuRequest);
    if (patch.memoryGi !== undefined) row.memory_mib = gibToMib(patch.memoryGi);
    if (patch.memoryRequestGi !== undefined)
      row.memory_request_mib = gibToMib(patch.memoryRequestGi);
    if (patch.diskGb !== undefined) row.disk_gb = patch.diskGb;
    await this.db('vms').where({ id }).update(row);
  }

  async delete(id: string) {
    await this.db('vm_revisions').where({ vm_id: id }).delete();
    await this.db('vms').where({ id }).delete();
  }

  async listForStatusSync(page: { offset: number; limit: number }) {
    const rows: Array<
      VmRow & { resource_version: string | null; last_polled_at: unknown }
    > = await this.selectVms()
      .orderBy('vms.id')
      .offset(page.offset)
      .limit(page.limit);
    return rows.map(row => ({
      vm: toVm(row),
      lastPolledAt: toIsoOrUndefined(row.last_polled_at),
      resourceVersion: optional(row.resource_version),
    }));
  }

  async recordPoll(id: string, poll: Parameters<VmsStore['recordPoll']>[1]) {
    const bookkeeping = {
      last_polled_at: poll.lastPolledAt,
      resource_version: poll.resourceVersion ?? null,
    };
    if (poll.status === undefined) {
      await this.db('vms').where({ id }).update(bookkeeping);
      return false;
    }
    const written = await this.db('vms')
      .where({ id, status: poll.polledStatus })
      .update({
        ...bookkeeping,
        status: poll.status,
        status_message: poll.statusMessage ?? null,
        updated_at: poll.updatedAt,
      });
    if (written === 0) {
      await this.db('vms').where({ id }).update(bookkeeping);
    }
    return written === 1;
  }
}
