import {
  Environment,
  ShepherdVm,
  VmOrderBy,
  VmStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  STATUS_MESSAGE_COLUMN,
  TIMESTAMP_COLUMNS,
  TableMapping,
  columns,
} from '../../columns';
import { DatabaseRecordStore, RecordView } from '../../DatabaseRecordStore';
import {
  whereContains,
  whereEquals,
  whereIds,
  whereOneOf,
} from '../../filters';
import { optional, toCount, toIsoOrUndefined } from '../../rows';
import { VmNetworkState } from '../../../domain/vmNetwork';
import { orderList } from '../../sorting';
import { NewVm, VmObservation, VmsStore } from './VmsStore';

/** A VM as its table keeps it: without the names of its System, Service and cluster, which are joined. */
const VMS = new TableMapping<Omit<NewVm, 'sshUser'>>('vms', {
  id: columns.text('id'),
  name: columns.text('name'),
  namespace: columns.text('namespace'),
  environment: columns.text<Environment>('environment'),
  instance: columns.text('instance'),
  status: columns.text<VmStatus>('status'),
  statusMessage: STATUS_MESSAGE_COLUMN,
  systemId: columns.text('system_id'),
  serviceId: columns.text('service_id'),
  clusterId: columns.optionalText('cluster_id'),
  ticketId: columns.optionalText('ticket_id'),
  createdBy: columns.entityRef('created_by'),
  templateId: columns.optionalText('template_id'),
  instanceSizeId: columns.optionalText('instance_size_id'),
  cpuCores: columns.cores('cpu_millicores'),
  cpuRequest: columns.cores('cpu_request_millicores'),
  memoryGi: columns.gib('memory_mib'),
  memoryRequestGi: columns.gib('memory_request_mib'),
  diskGb: columns.number('disk_gb'),
  storageClass: columns.optionalText('storage_class'),
  ...TIMESTAMP_COLUMNS,
});

const IP_ADDRESSES_COLUMN = columns.json<string[]>('ip_addresses', []);
const NODE_NAME_COLUMN = columns.optionalText('node_name');
/** Written with the record only when the template names a login user. */
const SSH_USER_COLUMN = columns.optionalText('ssh_user');

function readNetwork(row: Record<string, unknown>): VmNetworkState {
  const nodeName = NODE_NAME_COLUMN.read(row.node_name);
  return {
    ipAddresses: IP_ADDRESSES_COLUMN.read(row.ip_addresses),
    ...(nodeName !== undefined && { nodeName }),
  };
}

function writeNetwork(network: VmNetworkState) {
  return {
    ip_addresses: IP_ADDRESSES_COLUMN.write(network.ipAddresses),
    node_name: NODE_NAME_COLUMN.write(network.nodeName),
  };
}

/** VMs with the names of their System, Service and cluster. */
const VM_VIEW: RecordView<ShepherdVm> = {
  select: db =>
    db('vms')
      .join('systems', 'systems.id', 'vms.system_id')
      .join('services', 'services.id', 'vms.service_id')
      .leftJoin('clusters', 'clusters.id', 'vms.cluster_id')
      .select('vms.*', {
        system_name: 'systems.name',
        service_name: 'services.name',
        cluster_name: 'clusters.name',
      }),
  read: row => {
    const vm = VMS.read(row);
    const sshUser = SSH_USER_COLUMN.read(row.ssh_user);
    const network = readNetwork(row);
    const known =
      network.ipAddresses.length > 0 ||
      network.nodeName !== undefined ||
      sshUser !== undefined;
    return {
      ...vm,
      // Omitted while nothing is known of how to reach the VM.
      ...(known && {
        access: { ...network, ...(sshUser !== undefined && { sshUser }) },
      }),
      systemName: String(row.system_name),
      serviceName: String(row.service_name),
      clusterName: optional(row.cluster_name as string | null),
    };
  },
};

/** The columns the VM list can be ordered by (the API's VmOrderBy). */
const VM_SORT_COLUMNS: Record<VmOrderBy, string> = {
  name: 'vms.name',
  status: 'vms.status',
  environment: 'vms.environment',
  namespace: 'vms.namespace',
  createdAt: 'vms.created_at',
  updatedAt: 'vms.updated_at',
};

const OBSERVATION_COLUMNS = [
  'id',
  'namespace',
  'name',
  'status',
  'status_message',
  'created_at',
  'resource_version',
  'ip_addresses',
  'node_name',
];

function readObservation(row: Record<string, unknown>): VmObservation {
  return {
    id: String(row.id),
    namespace: String(row.namespace),
    name: String(row.name),
    status: row.status as VmStatus,
    statusMessage: optional(row.status_message as string | null),
    createdAt: toIsoOrUndefined(row.created_at) ?? '',
    resourceVersion: optional(row.resource_version as string | null),
    network: readNetwork(row),
  };
}

export class DatabaseVmsStore
  extends DatabaseRecordStore<NewVm, ShepherdVm>
  implements VmsStore
{
  protected readonly mapping = VMS;

  protected get view() {
    return VM_VIEW;
  }

  async insert(vm: NewVm): Promise<void> {
    const { sshUser, ...record } = vm;
    await this.insertRecord(
      record,
      sshUser === undefined ? {} : { ssh_user: SSH_USER_COLUMN.write(sshUser) },
    );
  }

  async list(options: Parameters<VmsStore['list']>[0]) {
    const query = this.selectRecords();
    orderList(query, options, {
      columns: VM_SORT_COLUMNS,
      idColumn: 'vms.id',
      defaultOrder: [
        { column: 'vms.namespace' },
        { column: 'vms.name' },
        { column: 'vms.id' },
      ],
    });
    whereIds(query, {
      'vms.system_id': options.systemId,
      'vms.service_id': options.serviceId,
      'vms.cluster_id': options.clusterId,
    });
    whereEquals(query, {
      'vms.namespace': options.namespace,
      'vms.environment': options.environment,
    });
    whereOneOf(query, { 'vms.status': options.statuses });
    whereContains(query, ['vms.name'], options.search);
    return this.page(query, options, {
      systemId: 'vms.system_id',
      environment: 'vms.environment',
      requester: 'vms.created_by',
    });
  }

  async count(filter: Parameters<VmsStore['count']>[0]) {
    const query = this.db(VMS.table);
    whereIds(query, {
      service_id: filter.serviceId,
      cluster_id: filter.clusterId,
    });
    whereEquals(query, { namespace: filter.namespace });
    const [{ count }] = await query.count({ count: '*' });
    return toCount(count);
  }

  async update(id: string, patch: Parameters<VmsStore['update']>[1]) {
    await this.updateRecord(id, patch);
  }

  async delete(id: string) {
    await this.db('vm_revisions').where({ vm_id: id }).delete();
    await this.deleteRecord(id);
  }

  async listForStatusSync(
    page: { offset: number; limit: number },
    filter: { skipClusterIds?: string[] } = {},
  ) {
    const query = this.selectRecords();
    if (filter.skipClusterIds?.length) {
      const skipped = filter.skipClusterIds;
      query.where(inner =>
        inner
          .whereNull('vms.cluster_id')
          .orWhereNotIn('vms.cluster_id', skipped),
      );
    }
    const rows: Array<Record<string, unknown>> = await query
      .orderBy('vms.id')
      .offset(page.offset)
      .limit(page.limit);
    return rows.map(row => ({
      vm: this.readRecord(row),
      lastPolledAt: toIsoOrUndefined(row.last_polled_at),
      resourceVersion: optional(row.resource_version as string | null),
    }));
  }

  async recordPoll(id: string, poll: Parameters<VmsStore['recordPoll']>[1]) {
    const bookkeeping = {
      last_polled_at: poll.lastPolledAt,
      resource_version: poll.resourceVersion ?? null,
      ...(poll.network && writeNetwork(poll.network)),
    };
    if (poll.status === undefined) {
      await this.db(VMS.table).where({ id }).update(bookkeeping);
      return false;
    }
    const written = await this.db(VMS.table)
      .where({ id, status: poll.polledStatus })
      .update({
        ...bookkeeping,
        status: poll.status,
        status_message: STATUS_MESSAGE_COLUMN.write(
          poll.statusMessage ?? undefined,
        ),
        updated_at: poll.updatedAt,
      });
    if (written === 0) {
      await this.db(VMS.table).where({ id }).update(bookkeeping);
    }
    return written === 1;
  }

  async listObservedOnCluster(
    clusterId: string,
    page: { offset: number; limit: number },
  ): Promise<VmObservation[]> {
    const rows = await this.db(VMS.table)
      .select(OBSERVATION_COLUMNS)
      .where({ cluster_id: clusterId })
      .orderBy('id')
      .offset(page.offset)
      .limit(page.limit);
    return rows.map(readObservation);
  }

  async findObservedOnCluster(
    clusterId: string,
    refs: ReadonlyArray<{ namespace: string; name: string }>,
  ): Promise<VmObservation[]> {
    if (refs.length === 0) return [];
    const rows = await this.db(VMS.table)
      .select(OBSERVATION_COLUMNS)
      .where({ cluster_id: clusterId })
      .whereIn(
        ['namespace', 'name'],
        refs.map(ref => [ref.namespace, ref.name]),
      );
    return rows.map(readObservation);
  }

  async recordObservedState(
    id: string,
    seen: Pick<VmObservation, 'status' | 'resourceVersion'>,
    observed: Parameters<VmsStore['recordObservedState']>[2],
  ): Promise<boolean> {
    const query = this.db(VMS.table).where({ id, status: seen.status });
    if (seen.resourceVersion === undefined) {
      query.whereNull('resource_version');
    } else {
      query.where('resource_version', seen.resourceVersion);
    }
    const written = await query.update({
      resource_version: observed.resourceVersion,
      ...(observed.network && writeNetwork(observed.network)),
      ...(observed.status !== undefined && {
        status: observed.status,
        status_message: STATUS_MESSAGE_COLUMN.write(
          observed.statusMessage ?? undefined,
        ),
        updated_at: observed.updatedAt,
      }),
    });
    return written === 1;
  }
}
