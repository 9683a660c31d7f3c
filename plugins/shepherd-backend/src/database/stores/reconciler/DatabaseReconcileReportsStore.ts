import {
  ReconcileFinding,
  ReconcileHaltReason,
  ReconcileMode,
  ReconcileReport,
  ReconcileReportStatus,
  ReconcileTrigger,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { TableMapping, columns } from '../../columns';
import { DatabaseRecordStore } from '../../DatabaseRecordStore';
import { whereId } from '../../filters';
import { ReconcileReportsStore } from './ReconcilerStore';

/** The size of the `message` column of a report (`varchar(1024)`). */
const REPORT_MESSAGE_MAX_LENGTH = 1024;

const REPORTS = new TableMapping<ReconcileReport>('reconcile_reports', {
  id: columns.text('id'),
  clusterId: columns.text('cluster_id'),
  clusterName: columns.text('cluster_name'),
  mode: columns.text<ReconcileMode>('mode'),
  trigger: columns.text<ReconcileTrigger>('trigger'),
  requestedBy: columns.text('requested_by'),
  status: columns.text<ReconcileReportStatus>('status'),
  startedAt: columns.timestamp('started_at'),
  finishedAt: columns.timestamp('finished_at'),
  recordsCompared: columns.number('records_compared'),
  recordsSkipped: columns.number('records_skipped'),
  objectsListed: columns.number('objects_listed'),
  ghostCount: columns.number('ghost_count'),
  orphanCount: columns.number('orphan_count'),
  ghosts: columns.json<ReconcileFinding[]>('ghosts', []),
  orphans: columns.json<ReconcileFinding[]>('orphans', []),
  marked: columns.boolean('marked'),
  haltReason: columns.optionalText<ReconcileHaltReason>('halt_reason'),
  message: columns.optionalMessage('message', REPORT_MESSAGE_MAX_LENGTH),
});

export class DatabaseReconcileReportsStore
  extends DatabaseRecordStore<ReconcileReport>
  implements ReconcileReportsStore
{
  protected readonly mapping = REPORTS;

  async list(options: Parameters<ReconcileReportsStore['list']>[0]) {
    const table = REPORTS.table;
    const query = this.selectRecords().orderBy([
      { column: `${table}.started_at`, order: 'desc' },
      { column: `${table}.id`, order: 'desc' },
    ]);
    if (options.clusterId !== undefined) {
      whereId(query, `${table}.cluster_id`, options.clusterId);
    }
    if (options.latestPerCluster) {
      // Each cluster's newest run: no report of the same cluster started after it.
      query.whereNotExists(
        this.db(`${table} as newer`)
          .select(this.db.raw('1'))
          .whereRaw(`newer.cluster_id = ${table}.cluster_id`)
          .where(builder =>
            builder
              .whereRaw(`newer.started_at > ${table}.started_at`)
              .orWhere(tie =>
                tie
                  .whereRaw(`newer.started_at = ${table}.started_at`)
                  .whereRaw(`newer.id > ${table}.id`),
              ),
          ),
      );
    }
    return this.page(query, options);
  }

  async deleteStartedBefore(before: string): Promise<number> {
    return this.db(REPORTS.table).where('started_at', '<', before).delete();
  }
}
