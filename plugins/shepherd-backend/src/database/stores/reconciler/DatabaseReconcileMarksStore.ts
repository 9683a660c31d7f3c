import {
  ReconcileFinding,
  ReconcileFindingKind,
  ReconcileMark,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { randomUUID } from 'node:crypto';
import { TableMapping, columns } from '../../columns';
import { DatabaseTableStore } from '../../DatabaseRecordStore';
import { whereId } from '../../filters';
import { ReconcileMarksStore } from './ReconcilerStore';

const MARKS = new TableMapping<ReconcileMark>('reconcile_marks', {
  id: columns.text('id'),
  clusterId: columns.text('cluster_id'),
  kind: columns.text<ReconcileFindingKind>('kind'),
  namespace: columns.text('namespace'),
  name: columns.text('name'),
  vmId: columns.optionalText('vm_id'),
  reportId: columns.text('report_id'),
  firstMarkedAt: columns.timestamp('first_marked_at'),
  lastMarkedAt: columns.timestamp('last_marked_at'),
});

/** Rows per statement, well under the bound parameters of SQLite and PostgreSQL. */
const CHUNK = 100;

function chunks<T>(items: ReadonlyArray<T>): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) {
    result.push(items.slice(i, i + CHUNK));
  }
  return result;
}

const keyOf = (mark: { kind: string; namespace: string; name: string }) =>
  `${mark.kind}/${mark.namespace}/${mark.name}`;

export class DatabaseReconcileMarksStore
  extends DatabaseTableStore<ReconcileMark>
  implements ReconcileMarksStore
{
  protected readonly mapping = MARKS;

  async replaceForCluster(
    clusterId: string,
    findings: ReadonlyArray<ReconcileFinding>,
    run: { reportId: string; markedAt: string },
  ): Promise<void> {
    const existing = await this.findAll(
      this.selectRecords().where({ cluster_id: clusterId }),
    );
    const marked = new Map(existing.map(mark => [keyOf(mark), mark]));
    const found = new Map(findings.map(finding => [keyOf(finding), finding]));

    const resolved = existing.filter(mark => !found.has(keyOf(mark)));
    for (const ids of chunks(resolved.map(mark => mark.id))) {
      await this.db(MARKS.table).whereIn('id', ids).delete();
    }
    const kept = existing.filter(mark => found.has(keyOf(mark)));
    for (const ids of chunks(kept.map(mark => mark.id))) {
      await this.db(MARKS.table)
        .whereIn('id', ids)
        .update(
          MARKS.patch({ reportId: run.reportId, lastMarkedAt: run.markedAt }),
        );
    }
    const added = [...found.values()].filter(
      finding => !marked.has(keyOf(finding)),
    );
    for (const batch of chunks(added)) {
      await this.db(MARKS.table).insert(
        batch.map(finding =>
          MARKS.write({
            id: randomUUID(),
            clusterId,
            kind: finding.kind,
            namespace: finding.namespace,
            name: finding.name,
            vmId: finding.vmId,
            reportId: run.reportId,
            firstMarkedAt: run.markedAt,
            lastMarkedAt: run.markedAt,
          }),
        ),
      );
    }
  }

  async list(options: Parameters<ReconcileMarksStore['list']>[0]) {
    const query = this.selectRecords().orderBy([
      { column: 'cluster_id' },
      { column: 'kind' },
      { column: 'namespace' },
      { column: 'name' },
    ]);
    if (options.clusterId !== undefined) {
      whereId(query, 'cluster_id', options.clusterId);
    }
    return this.page(query, options);
  }
}
