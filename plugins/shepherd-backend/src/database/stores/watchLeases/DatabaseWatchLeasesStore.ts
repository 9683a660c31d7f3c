import { Knex } from 'knex';
import { WatchLeasesStore } from './WatchLeasesStore';

const TABLE = 'vm_watch_leases';

export class DatabaseWatchLeasesStore implements WatchLeasesStore {
  constructor(private readonly db: Knex) {}

  async acquire(
    clusterId: string,
    holder: string,
    now: string,
    expiresAt: string,
  ): Promise<boolean> {
    // One conditional statement each, so two replicas can never both win.
    const renewed = await this.db(TABLE)
      .where({ cluster_id: clusterId })
      .andWhere(lease =>
        lease.where({ holder }).orWhere('expires_at', '<=', now),
      )
      .update({
        holder,
        expires_at: expiresAt,
        renewed_at: now,
        // The new holder's watch has not listed anything yet.
        synced_at: this.db.raw(
          'CASE WHEN holder = ? THEN synced_at ELSE NULL END',
          [holder],
        ),
      });
    if (renewed === 1) return true;
    const inserted = await this.db(TABLE)
      .insert({
        cluster_id: clusterId,
        holder,
        expires_at: expiresAt,
        renewed_at: now,
      })
      .onConflict('cluster_id')
      .ignore()
      .returning(['cluster_id']);
    return inserted.length === 1;
  }

  async markSynced(
    clusterId: string,
    holder: string,
    at: string | null,
  ): Promise<void> {
    await this.db(TABLE)
      .where({ cluster_id: clusterId, holder })
      .update({ synced_at: at });
  }

  async listSyncedClusterIds(now: string): Promise<string[]> {
    const rows: Array<{ cluster_id: string }> = await this.db(TABLE)
      .where('expires_at', '>', now)
      .whereNotNull('synced_at')
      .select('cluster_id');
    return rows.map(row => row.cluster_id);
  }

  async release(clusterId: string, holder: string): Promise<void> {
    await this.db(TABLE).where({ cluster_id: clusterId, holder }).delete();
  }
}
