import {
  ReconcileFinding,
  ReconcileReport,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { randomUUID } from 'node:crypto';
import { createMigratedStores } from '../../__testUtils__/migratedStores';

const ghost = (name: string): ReconcileFinding => ({
  kind: 'GHOST',
  namespace: 'dev',
  name,
  vmId: randomUUID(),
  vmStatus: 'RUNNING',
});
const orphan = (name: string): ReconcileFinding => ({
  kind: 'ORPHAN',
  namespace: 'dev',
  name,
});

function report(
  clusterId: string,
  startedAt: string,
  overrides: Partial<ReconcileReport> = {},
): ReconcileReport {
  return {
    id: randomUUID(),
    clusterId,
    clusterName: 'sim-test',
    mode: 'dry-run',
    trigger: 'SCHEDULED',
    requestedBy: 'service:shepherd',
    status: 'COMPLETED',
    startedAt,
    finishedAt: startedAt,
    recordsCompared: 3,
    recordsSkipped: 1,
    objectsListed: 3,
    ghostCount: 1,
    orphanCount: 1,
    ghosts: [ghost('dev-shop-cart-01')],
    orphans: [orphan('dev-shop-cart-09')],
    marked: false,
    ...overrides,
  };
}

describe('the reconciler stores', () => {
  const databases = createMigratedStores();

  it.each(databases.eachSupportedId())(
    'keep reports as written, newest first, per cluster or latest per cluster, %p',
    async databaseId => {
      const { store, fixtures } = await databases.open(databaseId);
      const a = await fixtures.cluster();
      const b = await fixtures.cluster();
      const older = report(a.id, '2026-12-07T10:00:00.000Z');
      const halted = report(a.id, '2026-12-07T10:15:00.000Z', {
        status: 'HALTED',
        haltReason: 'GHOST_THRESHOLD_EXCEEDED',
        message: 'x'.repeat(3000),
      });
      const other = report(b.id, '2026-12-07T10:05:00.000Z', {
        status: 'FAILED',
        mode: 'mark',
        trigger: 'ON_DEMAND',
        requestedBy: 'user:default/platform-admin',
      });
      for (const r of [older, halted, other]) {
        await store.reconcileReports.insert(r);
      }

      expect(await store.reconcileReports.get(older.id)).toEqual(older);
      // Cut to fit its column, never a failed write.
      const stored = await store.reconcileReports.get(halted.id);
      expect(stored?.message).toHaveLength(1024);
      expect(stored?.haltReason).toBe('GHOST_THRESHOLD_EXCEEDED');
      expect(await store.reconcileReports.get('not-a-uuid')).toBeUndefined();

      const page = { offset: 0, limit: 10 };
      const all = await store.reconcileReports.list(page);
      expect(all.items.map(r => r.id)).toEqual([halted.id, other.id, older.id]);
      expect(all.totalItems).toBe(3);
      expect(
        (
          await store.reconcileReports.list({ ...page, clusterId: a.id })
        ).items.map(r => r.id),
      ).toEqual([halted.id, older.id]);
      const latest = await store.reconcileReports.list({
        ...page,
        latestPerCluster: true,
      });
      expect(latest.items.map(r => r.id)).toEqual([halted.id, other.id]);
      expect(latest.totalItems).toBe(2);
      expect(
        (await store.reconcileReports.list({ ...page, clusterId: 'nope' }))
          .items,
      ).toEqual([]);

      expect(
        await store.reconcileReports.deleteStartedBefore(
          '2026-12-07T10:10:00.000Z',
        ),
      ).toBe(2);
      expect(
        (await store.reconcileReports.list(page)).items.map(r => r.id),
      ).toEqual([halted.id]);
    },
  );

  it.each(databases.eachSupportedId())(
    'replace the marks of a cluster with the findings of a run, keeping when each was first marked, %p',
    async databaseId => {
      const { store, fixtures } = await databases.open(databaseId);
      const cluster = await fixtures.cluster();
      const otherCluster = await fixtures.cluster();
      const page = { offset: 0, limit: 100 };
      const first = {
        reportId: randomUUID(),
        markedAt: '2026-12-07T10:00:00.000Z',
      };
      const second = {
        reportId: randomUUID(),
        markedAt: '2026-12-07T10:15:00.000Z',
      };
      const stillGone = ghost('dev-shop-cart-01');
      await store.reconcileMarks.replaceForCluster(
        cluster.id,
        [stillGone, ghost('dev-shop-cart-02'), orphan('dev-shop-cart-09')],
        first,
      );
      await store.reconcileMarks.replaceForCluster(
        otherCluster.id,
        [orphan('dev-other-01')],
        first,
      );
      await store.reconcileMarks.replaceForCluster(
        cluster.id,
        [stillGone, orphan('dev-shop-cart-10')],
        second,
      );

      const marks = await store.reconcileMarks.list({
        ...page,
        clusterId: cluster.id,
      });
      expect(marks.items).toEqual([
        {
          id: expect.any(String),
          clusterId: cluster.id,
          kind: 'GHOST',
          namespace: 'dev',
          name: 'dev-shop-cart-01',
          vmId: stillGone.vmId,
          reportId: second.reportId,
          firstMarkedAt: first.markedAt,
          lastMarkedAt: second.markedAt,
        },
        {
          id: expect.any(String),
          clusterId: cluster.id,
          kind: 'ORPHAN',
          namespace: 'dev',
          name: 'dev-shop-cart-10',
          reportId: second.reportId,
          firstMarkedAt: second.markedAt,
          lastMarkedAt: second.markedAt,
        },
      ]);
      expect((await store.reconcileMarks.list(page)).totalItems).toBe(3);

      // Many findings at once are written in chunks.
      const many = Array.from({ length: 250 }, (_, i) =>
        orphan(`dev-many-${i}`),
      );
      await store.reconcileMarks.replaceForCluster(cluster.id, many, second);
      expect(
        (await store.reconcileMarks.list({ ...page, clusterId: cluster.id }))
          .totalItems,
      ).toBe(250);
      await store.reconcileMarks.replaceForCluster(cluster.id, [], second);
      expect(
        (await store.reconcileMarks.list({ ...page, clusterId: cluster.id }))
          .totalItems,
      ).toBe(0);
    },
  );

  it.each(databases.eachSupportedId())(
    "record and clear a cluster's attention, %p",
    async databaseId => {
      const { store, fixtures } = await databases.open(databaseId);
      const cluster = await fixtures.cluster();
      const attention = {
        reason: 'GHOST_THRESHOLD_EXCEEDED' as const,
        message: '3 of 3 VM records have no VM on the cluster',
        since: '2026-12-07T10:00:00.000Z',
        reportId: randomUUID(),
      };
      await store.clusters.setAttention(cluster.id, attention);
      expect(await store.clusters.get(cluster.id)).toEqual({
        ...cluster,
        attention,
      });
      await store.clusters.setAttention(cluster.id, undefined);
      expect(await store.clusters.get(cluster.id)).toEqual(cluster);
    },
  );
});
