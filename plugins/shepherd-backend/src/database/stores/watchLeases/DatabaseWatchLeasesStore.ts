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
      .update({ holder, expires_at: expiresAt, renewed_at: now });
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

  async release(clusterId: string, holder: string): Promise<void> {
    await this.db(TABLE).where({ cluster_id: clusterId, holder }).delete();
  }
}
