/**
 * Per-cluster leases of the VM watches: at most one backend replica watches a cluster's VMs
 * at a time. A lease is held until it expires; its holder renews it well before.
 */
export interface WatchLeasesStore {
  /**
   * Takes the lease of a cluster for `holder` until `expiresAt`, or renews it: succeeds when
   * nobody holds it, its holder's lease expired (at `now`), or `holder` already holds it.
   * Answers whether `holder` holds it now. A lease that changes hands is not synced.
   */
  acquire(
    clusterId: string,
    holder: string,
    now: string,
    expiresAt: string,
  ): Promise<boolean>;
  /**
   * Records that `holder`'s watch delivered the cluster's complete VM list at `at`, or (null)
   * that its watch starts over and has not yet.
   */
  markSynced(
    clusterId: string,
    holder: string,
    at: string | null,
  ): Promise<void>;
  /** Clusters whose lease holds at `now` and whose holder's watch has synced. */
  listSyncedClusterIds(now: string): Promise<string[]>;
  /** Gives the lease up, if `holder` holds it, so another replica need not wait for it to expire. */
  release(clusterId: string, holder: string): Promise<void>;
}
