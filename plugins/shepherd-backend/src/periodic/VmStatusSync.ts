import { LoggerService } from '@backstage/backend-plugin-api';
import { ShepherdVmRuntimeState } from '@kubevirt-shepherd/plugin-shepherd-node';
import { VmStatus } from '@kubevirt-shepherd/plugin-shepherd-common';
import { boundedError } from '../database/columns';
import { readInPages } from '../database/paging';
import { ShepherdStore } from '../database/ShepherdStore';
import {
  ClusterConnections,
  ConnectedCluster,
} from '../providers/ClusterConnections';
import { VmPollState } from '../database/stores/vms/VmsStore';
import {
  BOOTSTRAP_HOLD_MS,
  isOwnedByJobs,
  statusFromCluster,
} from '../domain/observedStatus';

import { ownStateOf } from '../operations/vmOwnership';
import { NOWHERE, VmNetworkState, networkOf } from '../domain/vmNetwork';
import { ShepherdInstallation } from '../service/installation/ShepherdInstallation';

export { BOOTSTRAP_HOLD_MS };

/** How often VMs are looked at on their cluster: often while they change, rarely when stable. */
export interface StatusPollIntervals {
  transitionalMs: number;
  stableMs: number;
}

export const DEFAULT_POLL_INTERVALS: StatusPollIntervals = {
  transitionalMs: 15_000,
  stableMs: 30 * 60_000,
};

/** A VM stuck this long in a transitional state is polled at the stable rate. */
export const STUCK_AFTER_MS = 30 * 60_000;

const TRANSITIONAL: readonly VmStatus[] = [
  'STARTING',
  'STOPPING',
  'PENDING',
  'MIGRATING',
  'UNKNOWN',
];

const PAGE_SIZE = 200;

/** What one run of the status sync did. */
export interface StatusSyncResult {
  /** Due VMs looked at. */
  polled: number;
  /** VMs whose status or message changed. */
  changed: number;
  /** Due VMs that could not be read (their cluster unreachable, or the read failed). */
  failed: number;
}

/**
 * Where a polled VM runs: nowhere when it is gone, where its instance is otherwise; not known
 * (nothing is recorded) when the cluster could not be asked.
 */
function networkOfPoll(
  state: ShepherdVmRuntimeState,
): VmNetworkState | undefined {
  if (state.status === 'UNKNOWN') return undefined;
  return state.status === 'NOT_FOUND' ? NOWHERE : networkOf(state);
}

/**
 * Keeps VM rows in step with their clusters by adaptive polling: VMs in transitional states
 * are due every few seconds (unless stuck there for half an hour), stable ones every half
 * hour; the status of an object whose resourceVersion did not move is not rewritten.
 *
 * With `leaveWatchedClusters`, VMs of clusters whose watch runs and has listed them (a held
 * lease marked synced, `src/watch/`) are left to it, and only the others are polled: those
 * of disabled clusters, of providers that cannot watch, and of watches that could not start
 * or list — refused, unreachable, or handing over between replicas.
 */
export class VmStatusSync {
  constructor(
    private readonly store: Pick<ShepherdStore, 'vms' | 'watchLeases'>,
    private readonly connections: ClusterConnections,
    /** Whose objects are VMs' states: an object of another owner is not the VM. */
    private readonly installation: ShepherdInstallation,
    private readonly logger: LoggerService,
    private readonly clock: () => Date = () => new Date(),
    private readonly intervals: StatusPollIntervals = DEFAULT_POLL_INTERVALS,
    private readonly options: { leaveWatchedClusters?: boolean } = {},
  ) {}

  #isDue(poll: VmPollState, now: number): boolean {
    if (isOwnedByJobs(poll.vm.status)) return false;
    if (!poll.lastPolledAt) return true;
    const changing =
      TRANSITIONAL.includes(poll.vm.status) &&
      now - Date.parse(poll.vm.updatedAt) < STUCK_AFTER_MS;
    const interval = changing
      ? this.intervals.transitionalMs
      : this.intervals.stableMs;
    return now - Date.parse(poll.lastPolledAt) >= interval;
  }

  /**
   * Polls every due VM once; answers how many were polled, how many changed status and how
   * many could not be read. A VM that cannot be read, or a cluster that cannot be reached,
   * is logged and counted, and the others are polled all the same.
   */
  async run(): Promise<StatusSyncResult> {
    const now = this.clock().getTime();
    const due: VmPollState[] = [];
    // VMs that watches follow are not even read: the poll's cost is then that of the
    // clusters no watch follows, not of every VM.
    const watched = this.options.leaveWatchedClusters
      ? await this.store.watchLeases.listSyncedClusterIds(
          new Date(now).toISOString(),
        )
      : [];
    const polls = readInPages(PAGE_SIZE, page =>
      this.store.vms.listForStatusSync(page, { skipClusterIds: watched }),
    );
    for await (const poll of polls) {
      if (this.#isDue(poll, now)) due.push(poll);
    }
    if (due.length === 0) return { polled: 0, changed: 0, failed: 0 };

    const connections = new Map<
      string,
      Promise<ConnectedCluster | undefined>
    >();
    let changed = 0;
    let polled = 0;
    /** The VMs that could not be read, per cluster, with the first reason. */
    const failures = new Map<string, { count: number; first: string }>();
    const failedOn = (clusterId: string, reason: string) => {
      const failure = failures.get(clusterId);
      if (failure) failure.count += 1;
      else failures.set(clusterId, { count: 1, first: reason });
    };
    for (const poll of due) {
      const clusterId = poll.vm.clusterId ?? '';
      if (!connections.has(clusterId)) {
        connections.set(
          clusterId,
          this.connections.connect(clusterId).then(
            connected => connected,
            error => {
              this.logger.warn(
                `Cannot poll VMs of cluster ${clusterId}: ${error}`,
              );
              return undefined;
            },
          ),
        );
      }
      const cluster = await connections.get(clusterId);
      if (!cluster) {
        // Due and not watched: it counts as polled, and failed.
        polled += 1;
        failedOn(clusterId, 'the cluster cannot be reached');
        continue;
      }
      polled += 1;
      try {
        if (await this.#poll(cluster, poll, now)) changed += 1;
      } catch (error) {
        failedOn(
          clusterId,
          `${poll.vm.name}: ${error instanceof Error ? error.message : error}`,
        );
      }
    }
    let failed = 0;
    for (const [clusterId, failure] of failures) {
      failed += failure.count;
      this.logger.warn(
        boundedError(
          `Status sync could not read ${failure.count} VMs of cluster ${clusterId}; first: ${failure.first}`,
        ),
      );
    }
    return { polled, changed, failed };
  }

  /** Reads one VM on its cluster and records what it found; answers whether its status changed. */
  async #poll(
    cluster: ConnectedCluster,
    poll: VmPollState,
    now: number,
  ): Promise<boolean> {
    const state = ownStateOf(
      await cluster.provider.getVirtualMachine(cluster.connection, poll.vm),
      poll.vm,
      this.installation,
    );
    const status = this.#nextStatus(poll, state.status, now);
    // An object whose resourceVersion did not move has not changed on the cluster.
    const unchangedObject =
      state.resourceVersion !== undefined &&
      state.resourceVersion === poll.resourceVersion &&
      status === poll.vm.status;
    const statusChanged =
      !unchangedObject &&
      (status !== poll.vm.status ||
        (state.message ?? undefined) !== poll.vm.statusMessage);
    const written = await this.store.vms.recordPoll(poll.vm.id, {
      lastPolledAt: new Date(now).toISOString(),
      resourceVersion: state.resourceVersion,
      polledStatus: poll.vm.status,
      network: networkOfPoll(state),
      ...(statusChanged && {
        status,
        statusMessage:
          status === state.status
            ? state.message ?? null
            : poll.vm.statusMessage,
      }),
      updatedAt: new Date(now).toISOString(),
    });
    return written;
  }

  #nextStatus(poll: VmPollState, observed: VmStatus, now: number): VmStatus {
    return statusFromCluster(poll.vm, observed, now) ?? poll.vm.status;
  }
}
