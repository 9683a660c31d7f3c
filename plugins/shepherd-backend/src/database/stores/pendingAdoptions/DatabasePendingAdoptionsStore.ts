import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import {
  DiscoveredVmSize,
  PendingAdoptionStatus,
  ShepherdPendingAdoption,
  VmStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { TIMESTAMP_COLUMNS, TableMapping, columns } from '../../columns';
import { DatabaseTableStore, RecordView } from '../../DatabaseRecordStore';
import { whereContains, whereEquals, whereIds } from '../../filters';
import { optional } from '../../rows';
import {
  AdoptionDecision,
  AdoptionSighting,
  NewPendingAdoption,
  PendingAdoptionsStore,
} from './PendingAdoptionsStore';

/** Largest number of ids withdrawn by one statement (bounds the `IN` list). */
const WITHDRAW_BATCH = 500;

const PENDING_ADOPTIONS = new TableMapping<NewPendingAdoption>(
  'pending_adoptions',
  {
    id: columns.text('id'),
    clusterId: columns.text('cluster_id'),
    namespace: columns.text('namespace'),
    resourceName: columns.text('resource_name'),
    resourceType:
      columns.text<NewPendingAdoption['resourceType']>('resource_type'),
    uid: columns.text('uid'),
    status: columns.text<PendingAdoptionStatus>('status'),
    runtimeStatus: columns.text<VmStatus>('runtime_status'),
    labels: columns.json<Record<string, string>>('labels', {}),
    size: columns.json<DiscoveredVmSize>('size', {}),
    discoveredBy: columns.text('discovered_by'),
    vmId: columns.optionalText('vm_id'),
    serviceId: columns.optionalText('service_id'),
    decisionReason: columns.optionalMessage('decision_reason', 512),
    decidedBy: columns.optionalText('decided_by'),
    decidedAt: columns.optionalTimestamp('decided_at'),
    lastSeenAt: columns.timestamp('last_seen_at'),
    ...TIMESTAMP_COLUMNS,
  },
);

/** Adoptions with the name of their cluster. */
const ADOPTION_VIEW: RecordView<ShepherdPendingAdoption> = {
  select: db =>
    db('pending_adoptions')
      .leftJoin('clusters', 'clusters.id', 'pending_adoptions.cluster_id')
      .select('pending_adoptions.*', { cluster_name: 'clusters.name' }),
  read: row => {
    const adoption: ShepherdPendingAdoption = PENDING_ADOPTIONS.read(row);
    const clusterName = optional(row.cluster_name as string | null);
    return clusterName ? { ...adoption, clusterName } : adoption;
  },
};

/** {@link PendingAdoptionsStore} on knex. */
export class DatabasePendingAdoptionsStore
  extends DatabaseTableStore<NewPendingAdoption, ShepherdPendingAdoption>
  implements PendingAdoptionsStore
{
  protected readonly mapping = PENDING_ADOPTIONS;

  protected get view() {
    return ADOPTION_VIEW;
  }

  async list(options: Parameters<PendingAdoptionsStore['list']>[0]) {
    const query = this.selectRecords().orderBy([
      { column: 'pending_adoptions.created_at', order: 'desc' },
      { column: 'pending_adoptions.id' },
    ]);
    whereIds(query, { 'pending_adoptions.cluster_id': options.clusterId });
    whereEquals(query, {
      'pending_adoptions.status': options.status,
      'pending_adoptions.namespace': options.namespace,
    });
    whereContains(
      query,
      ['pending_adoptions.resource_name', 'pending_adoptions.namespace'],
      options.search,
    );
    return this.page(query, options);
  }

  async listOfCluster(clusterId: string) {
    const rows: Array<Record<string, unknown>> = await this.db(
      PENDING_ADOPTIONS.table,
    ).where({ cluster_id: clusterId });
    return rows.map(PENDING_ADOPTIONS.read);
  }

  async propose(adoption: NewPendingAdoption) {
    try {
      await this.insertRecord(adoption);
      return true;
    } catch (error) {
      if (isDatabaseConflictError(error)) return false;
      throw error;
    }
  }

  async recordSighting(id: string, sighting: AdoptionSighting) {
    await this.db(PENDING_ADOPTIONS.table)
      .where({ id, status: 'PENDING' })
      .update(PENDING_ADOPTIONS.patch(sighting));
  }

  async withdraw(ids: string[]) {
    let withdrawn = 0;
    for (let start = 0; start < ids.length; start += WITHDRAW_BATCH) {
      withdrawn += await this.db(PENDING_ADOPTIONS.table)
        .whereIn('id', ids.slice(start, start + WITHDRAW_BATCH))
        .where({ status: 'PENDING' })
        .delete();
    }
    return withdrawn;
  }

  async decide(id: string, decision: AdoptionDecision) {
    return this.transitionRecord(id, ['PENDING'], {
      ...decision,
      updatedAt: decision.decidedAt,
    });
  }
}
