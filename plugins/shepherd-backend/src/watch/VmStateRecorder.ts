import { LoggerService } from '@backstage/backend-plugin-api';
import { VmStatus } from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  ShepherdVmWatchEvent,
  isNewerRevision,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { readInPages } from '../database/paging';
import { ShepherdStore } from '../database/ShepherdStore';
import { VmObservation } from '../database/stores/vms/VmsStore';
import { nameTakenMessage, statusFromCluster } from '../domain/observedStatus';
import {
  NOWHERE,
  VmNetworkState,
  networkChanged,
  networkOf,
} from '../domain/vmNetwork';
import { GovernanceContext } from '../service/GovernanceContext';
import { ObservedObject, recordOfObject, vmKey } from './recordMatching';

/** What the cluster showed of one VM, at which revision. */
interface Observation {
  object: ObservedObject;
  status: VmStatus;
  message?: string;
  /** Where the instance runs; undefined when the observation does not tell (e.g. a snapshot's NOT_FOUND). */
  network?: VmNetworkState;
  revision: string;
}

/** Records written per unit of work: small transactions, few round trips. */
const BATCH_SIZE = 200;

/**
 * Writes what one cluster's VM watch observes to the VM records, through the unit of work
 * (so every status change reaches the record-change path and its listeners).
 *
 * Events are coalesced per VM while a write is under way (only the newest state of a VM is
 * written), and a `synced` snapshot replaces whatever was pending. A record is written only
 * when the observed revision is newer than the one it holds and its status or message
 * changes; the write is conditional on the status and revision it was read with, so a job or
 * another replica that moved the record meanwhile wins, and no replica ever moves a record
 * back to an older revision. VMs missing from a snapshot, and VMs deleted behind Shepherd's
 * back, become NOT_FOUND: the row stays, for the reconciler to judge.
 */
export class VmStateRecorder {
  readonly #pending = new Map<string, Observation>();
  #snapshot?: { observations: Map<string, Observation>; revision: string };
  #flushing?: Promise<void>;
  #lastInterruption = '';

  constructor(
    private readonly clusterId: string,
    /** This installation's id: objects labelled with another are not its VMs. */
    private readonly installationId: string,
    private readonly context: GovernanceContext,
    private readonly logger: LoggerService,
    /** Whether this replica may still write for the cluster (it holds its lease). */
    private readonly mayWrite: () => boolean = () => true,
    /** Told each time a complete list of the cluster's VMs was written to the records. */
    private readonly onSnapshotRecorded: () => Promise<void> = async () => {},
  ) {}

  /** Takes one event of the watch; writing happens in the background. */
  readonly handle = (event: ShepherdVmWatchEvent): void => {
    switch (event.type) {
      case 'upsert': {
        const { state } = event;
        this.#pending.set(vmKey(state), {
          object: state,
          status: state.status,
          message: state.message,
          network: networkOf(state),
          revision: state.revision,
        });
        break;
      }
      case 'deleted':
        this.#pending.set(vmKey(event.vm), {
          object: event.vm,
          status: 'NOT_FOUND',
          network: NOWHERE,
          revision: event.revision,
        });
        break;
      case 'synced':
        this.#pending.clear();
        this.#snapshot = {
          revision: event.revision,
          observations: new Map(
            event.states.map(state => [
              vmKey(state),
              {
                object: state,
                status: state.status,
                message: state.message,
                network: networkOf(state),
                revision: state.revision,
              },
            ]),
          ),
        };
        break;
      case 'interrupted': {
        // A cluster that keeps failing the same way is logged once per kind of failure.
        if (event.error.message !== this.#lastInterruption) {
          this.#lastInterruption = event.error.message;
          this.logger.warn(
            `VM watch interrupted, retrying in ${event.retryInMs} ms: ${event.error.message}`,
            { clusterId: this.clusterId },
          );
        }
        return;
      }
      default:
        return;
    }
    this.#lastInterruption = '';
    this.#scheduleFlush();
  };

  /** Resolves once everything handled so far was written (or given up). */
  async settled(): Promise<void> {
    while (this.#flushing) await this.#flushing;
  }

  #scheduleFlush(): void {
    if (this.#flushing) return;
    this.#flushing = this.#flush().finally(() => {
      this.#flushing = undefined;
      if (this.#snapshot || this.#pending.size > 0) this.#scheduleFlush();
    });
  }

  async #flush(): Promise<void> {
    try {
      if (!this.mayWrite()) {
        this.#snapshot = undefined;
        this.#pending.clear();
        return;
      }
      const snapshot = this.#snapshot;
      if (snapshot) {
        this.#snapshot = undefined;
        if (
          await this.#writeSnapshot(snapshot.observations, snapshot.revision)
        ) {
          await this.onSnapshotRecorded();
        }
        return;
      }
      const batch = [...this.#pending.entries()].slice(0, BATCH_SIZE);
      for (const [key] of batch) this.#pending.delete(key);
      await this.#writeChanges(batch.map(([, observation]) => observation));
    } catch (error) {
      // The next event or snapshot (at the latest the watch's resync) writes it again.
      this.logger.warn(`Could not record observed VM states: ${error}`, {
        clusterId: this.clusterId,
      });
    }
  }

  async #writeChanges(observations: Observation[]): Promise<void> {
    await this.context.execute(async ({ tx }) => {
      const records = await tx.vms.findObservedOnCluster(
        this.clusterId,
        observations.map(observation => observation.object),
      );
      for (const observation of observations) {
        const record = recordOfObject(
          observation.object,
          records,
          this.installationId,
        );
        if (record) await this.#record(tx, record, observation);
      }
    });
  }

  /** Answers whether every record was written (false: the lease ran out on the way). */
  async #writeSnapshot(
    observations: Map<string, Observation>,
    revision: string,
  ): Promise<boolean> {
    const pages = readInPages(BATCH_SIZE, page =>
      this.context.store.vms.listObservedOnCluster(this.clusterId, page),
    );
    let batch: VmObservation[] = [];
    const writeBatch = async (records: VmObservation[]) => {
      await this.context.execute(async ({ tx }) => {
        for (const record of records) {
          const observation = observations.get(vmKey(record));
          const matched =
            observation &&
            recordOfObject(observation.object, [record], this.installationId);
          await this.#record(
            tx,
            record,
            matched
              ? observation
              : {
                  object: record,
                  status: 'NOT_FOUND',
                  revision,
                  // Another object holds the name: the record says so, as the poll does.
                  ...(observation && { message: nameTakenMessage(record) }),
                },
            revision,
          );
        }
      });
    };
    for await (const record of pages) {
      batch.push(record);
      if (batch.length === BATCH_SIZE) {
        // A large snapshot takes many transactions: each one asks whether the lease
        // still holds, so that a replica that lost it stops before the next holder writes.
        if (!this.mayWrite()) return false;
        await writeBatch(batch);
        batch = [];
      }
    }
    if (batch.length > 0) {
      if (!this.mayWrite()) return false;
      await writeBatch(batch);
    }
    return true;
  }

  /**
   * Writes one observation to its record when it is news. `snapshotRevision` is the cluster's
   * newest revision when a (re)list saw it: a record holding a revision beyond that came from
   * an earlier life of the cluster's storage (a restored etcd, a restarted simulator), so its
   * revision is replaced rather than trusted.
   */
  async #record(
    tx: ShepherdStore,
    record: VmObservation,
    observation: Observation,
    snapshotRevision?: string,
  ): Promise<void> {
    const fromEarlierStorage =
      snapshotRevision !== undefined &&
      record.resourceVersion !== undefined &&
      isNewerRevision(record.resourceVersion, snapshotRevision);
    const { network } = observation;
    const moved =
      network !== undefined && networkChanged(network, record.network);
    const newer =
      fromEarlierStorage ||
      isNewerRevision(observation.revision, record.resourceVersion);
    // An instance's deletion can reach the watch at the revision already recorded for its VM
    // (a deleted object keeps its last resourceVersion): where the VM runs is still news.
    const sameRevisionMove =
      moved && observation.revision === record.resourceVersion;
    if (!newer && !sameRevisionMove) return;
    const status = newer
      ? statusFromCluster(
          record,
          observation.status,
          this.context.clock().getTime(),
        )
      : undefined;
    const changed =
      status !== undefined &&
      (status !== record.status ||
        (observation.message ?? undefined) !== record.statusMessage);
    if (!changed && !moved && !fromEarlierStorage) return;
    await tx.vms.recordObservedState(
      record.id,
      { status: record.status, resourceVersion: record.resourceVersion },
      {
        resourceVersion: observation.revision,
        ...(changed && {
          status,
          statusMessage: observation.message ?? null,
        }),
        ...(moved && { network }),
        updatedAt: this.context.now(),
      },
    );
  }
}
