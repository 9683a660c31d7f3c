import { LoggerService } from '@backstage/backend-plugin-api';
import { ShepherdCluster } from '@kubevirt-shepherd/plugin-shepherd-common';
import { createHash } from 'node:crypto';
import { readInPages } from '../database/paging';
import { ShepherdStore } from '../database/ShepherdStore';
import { ClusterConnections } from '../providers/ClusterConnections';
import { GovernanceContext } from '../service/GovernanceContext';
import { VmStateRecorder } from './VmStateRecorder';
import { VmWatchOptions } from './vmWatchOptions';

/** One cluster's running watch. */
interface RunningWatch {
  /** What the watch was started with; a change restarts it (rotated credentials). */
  fingerprint: string;
  stop: AbortController;
  done: Promise<void>;
  recorder: VmStateRecorder;
}

const CLUSTER_PAGE_SIZE = 100;

/**
 * Runs one VM watch per registered, enabled cluster whose provider can watch — on exactly
 * one backend replica at a time: each cluster has a lease (`vm_watch_leases`) that the
 * replica watching it renews every third of its duration. Every `tick` (which `start` runs
 * on that rhythm) follows the registered clusters: watches start for clusters that were added
 * or enabled and whose lease this replica gets, restart when a cluster's credentials or
 * provider change, and stop for clusters that were removed or disabled or whose lease went to
 * another replica. A replica that cannot renew a lease stops writing before it expires.
 * One cluster's failures stay in its own watch.
 */
export class ClusterVmWatches {
  readonly #running = new Map<string, RunningWatch>();
  /** Until when this replica holds each cluster's lease, by its own clock. */
  readonly #heldUntil = new Map<string, number>();
  #timer?: NodeJS.Timeout;
  #ticking?: Promise<void>;
  #stopped = false;

  constructor(
    private readonly deps: {
      store: Pick<ShepherdStore, 'clusters' | 'watchLeases'>;
      connections: ClusterConnections;
      context: GovernanceContext;
      logger: LoggerService;
      options: VmWatchOptions;
      /** This replica's name in the leases. */
      holder: string;
      /** This installation's id (ownership labels). */
      installationId: string;
      clock?: () => number;
    },
  ) {}

  private now(): number {
    return (this.deps.clock ?? Date.now)();
  }

  /** Follows the clusters on the lease's renewal rhythm until {@link ClusterVmWatches.stop}. */
  start(): void {
    const renewEveryMs = Math.max(
      Math.floor(this.deps.options.leaseDurationMs / 3),
      1,
    );
    void this.tick();
    this.#timer = setInterval(() => void this.tick(), renewEveryMs);
  }

  /** Clusters this replica watches now. */
  watchedClusterIds(): string[] {
    return [...this.#running.keys()];
  }

  /** The recorder of a watched cluster (tests wait for it to settle). */
  recorderOf(clusterId: string): VmStateRecorder | undefined {
    return this.#running.get(clusterId)?.recorder;
  }

  /** One round: renew or take leases, start, restart and stop watches. */
  tick(): Promise<void> {
    if (!this.#ticking) {
      this.#ticking = this.#tick()
        .catch(error =>
          this.deps.logger.warn(`Could not follow the VM watches: ${error}`),
        )
        .finally(() => {
          this.#ticking = undefined;
        });
    }
    return this.#ticking;
  }

  async #tick(): Promise<void> {
    if (this.#stopped) return;
    const wanted = new Set<string>();
    const clusters = readInPages(
      CLUSTER_PAGE_SIZE,
      async page =>
        (await this.deps.store.clusters.list({ ...page, enabled: true })).items,
    );
    for await (const cluster of clusters) {
      if (this.#stopped) return;
      try {
        if (!this.#canWatch(cluster)) continue;
        wanted.add(cluster.id);
        await this.#follow(cluster);
      } catch (error) {
        this.deps.logger.warn(
          `Could not follow the VM watch of cluster ${cluster.name}: ${error}`,
          { clusterId: cluster.id },
        );
      }
    }
    for (const clusterId of [...this.#running.keys()]) {
      if (!wanted.has(clusterId)) await this.#stopWatch(clusterId, true);
    }
  }

  #canWatch(cluster: ShepherdCluster): boolean {
    try {
      return !!this.deps.connections.providerFor(cluster).watchVirtualMachines;
    } catch {
      // No provider of its type is installed: nothing can watch it.
      return false;
    }
  }

  async #follow(cluster: ShepherdCluster): Promise<void> {
    const { leaseDurationMs } = this.deps.options;
    const now = this.now();
    let held: boolean;
    try {
      held = await this.deps.store.watchLeases.acquire(
        cluster.id,
        this.deps.holder,
        new Date(now).toISOString(),
        new Date(now + leaseDurationMs).toISOString(),
      );
    } catch (error) {
      // The database is away: keep watching while the lease surely still holds.
      held = this.#holds(cluster.id);
      this.deps.logger.warn(`Could not renew a VM watch lease: ${error}`, {
        clusterId: cluster.id,
      });
    }
    if (!held) {
      this.#heldUntil.delete(cluster.id);
      await this.#stopWatch(cluster.id, false);
      return;
    }
    // Stop writing a third of a lease early: the clocks of replicas may differ a little.
    this.#heldUntil.set(
      cluster.id,
      now + Math.floor((leaseDurationMs * 2) / 3),
    );
    const fingerprint = await this.#fingerprint(cluster);
    const running = this.#running.get(cluster.id);
    if (running?.fingerprint === fingerprint) return;
    if (running) await this.#stopWatch(cluster.id, false);
    await this.#startWatch(cluster, fingerprint);
  }

  #holds(clusterId: string): boolean {
    return this.now() < (this.#heldUntil.get(clusterId) ?? 0);
  }

  /** What a watch depends on: provider type and credentials (digested, never kept in clear). */
  async #fingerprint(cluster: ShepherdCluster): Promise<string> {
    const credentials = await this.deps.store.clusters.getCredentials(
      cluster.id,
    );
    return createHash('sha256')
      .update(cluster.providerType ?? '')
      .update('\0')
      .update(credentials?.encryptionKeyId ?? '')
      .update('\0')
      .update(credentials?.encryptedKubeconfig ?? '')
      .digest('hex');
  }

  async #startWatch(
    cluster: ShepherdCluster,
    fingerprint: string,
  ): Promise<void> {
    const { provider, connection } = await this.deps.connections.connect(
      cluster.id,
    );
    const stop = new AbortController();
    const { watchLeases } = this.deps.store;
    const { holder } = this.deps;
    // Until the new watch has listed everything, the status poll covers the cluster.
    await watchLeases.markSynced(cluster.id, holder, null);
    const recorder = new VmStateRecorder(
      cluster.id,
      this.deps.installationId,
      this.deps.context,
      this.deps.logger,
      // A stopped watch writes nothing more: what it had not written, the next one lists.
      () => !stop.signal.aborted && this.#holds(cluster.id),
      () =>
        watchLeases.markSynced(
          cluster.id,
          holder,
          new Date(this.now()).toISOString(),
        ),
    );
    const done = provider.watchVirtualMachines!(connection, recorder.handle, {
      signal: stop.signal,
      resyncIntervalMs: this.deps.options.resyncIntervalMs,
    })
      .catch(error =>
        this.deps.logger.error(
          `The VM watch of cluster ${cluster.name} ended: ${error}`,
          { clusterId: cluster.id },
        ),
      )
      .finally(() => {
        // A watch that ended by itself is started again at the next tick.
        if (this.#running.get(cluster.id)?.stop === stop) {
          this.#running.delete(cluster.id);
        }
      });
    this.#running.set(cluster.id, { fingerprint, stop, done, recorder });
    this.deps.logger.info(`Watching the VMs of cluster ${cluster.name}`, {
      clusterId: cluster.id,
    });
  }

  async #stopWatch(clusterId: string, release: boolean): Promise<void> {
    const running = this.#running.get(clusterId);
    if (running) {
      this.#running.delete(clusterId);
      running.stop.abort();
      await running.done;
      await running.recorder.settled();
    }
    if (release) {
      this.#heldUntil.delete(clusterId);
      await this.deps.store.watchLeases
        .release(clusterId, this.deps.holder)
        .catch(() => {});
    }
  }

  /** Stops every watch and gives their leases up, so another replica takes over at once. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.#ticking;
    for (const clusterId of [...this.#running.keys()]) {
      await this.#stopWatch(clusterId, true);
    }
  }
}
