/**
 * Per-cluster leases of the VM watches: at most one backend replica watches a cluster's VMs
 * at a time. A lease is held until it expires; its holder renews it well before.
 */
export interface WatchLeasesStore {
  /**
   * Takes the lease of a cluster for `holder` until `expiresAt`, or renews it: succeeds when
   * nobody holds it, its holder's lease expired (at `now`), or `holder` already holds it.
   * Answers whether `holder` holds it now.
   */
  acquire(
    clusterId: string,
    holder: string,
    now: string,
    expiresAt: string,
  ): Promise<boolean>;
  /** Gives the lease up, if `holder` holds it, so another replica need not wait for it to expire. */
  release(clusterId: string, holder: string): Promise<void>;
}
