import {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { EventParams } from '@backstage/plugin-events-node';
import {
  SHEPHERD_CHANGES_TOPIC,
  ShepherdRecordChange,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdReader } from '../client/ShepherdReader';
import { EntityMappingOptions } from '../config';
import { PROVIDER_NAME } from '../constants';
import { mapRecords } from '../mapping/entities';
import { MappedRecord } from '../mapping/records';
import { parseChangesEvent } from './changesEvent';
import { readAllRecords, readChangedRecords } from './readRecords';

export interface ShepherdEntityProviderOptions {
  reader: ShepherdReader;
  logger: LoggerService;
  mapping: EntityMappingOptions;
  /** Runs the full read on the configured schedule. */
  taskRunner: SchedulerServiceTaskRunner;
  /** How long announced changes are gathered before they are applied together. */
  changeDelayMs?: number;
  /** Until a full read has succeeded, how long to wait before trying again. */
  startupRetryMs?: number;
}

/**
 * Publishes Shepherd's Systems, Services and VMs as catalog entities. A full read replaces
 * all of them on a schedule; changes the Shepherd backend announces on the events service
 * are applied in between as deltas of the records they touched.
 */
export class ShepherdEntityProvider implements EntityProvider {
  readonly #reader: ShepherdReader;
  readonly #logger: LoggerService;
  readonly #mapping: EntityMappingOptions;
  readonly #taskRunner: SchedulerServiceTaskRunner;
  readonly #changeDelayMs: number;
  readonly #startupRetryMs: number;

  #connection?: EntityProviderConnection;
  /** The entity ref the catalog was given for each record (none for a record without entity). */
  readonly #refOfRecord = new Map<string, string | undefined>();
  /** The record each entity ref stands for. */
  readonly #recordOfRef = new Map<string, string>();
  #fullReadSucceeded = false;
  /** Full reads and deltas run one after the other, never interleaved. */
  #queue: Promise<void> = Promise.resolve();
  #gathered: ShepherdRecordChange[] = [];
  #gatherTimer?: ReturnType<typeof setTimeout>;
  #retryTimer?: ReturnType<typeof setTimeout>;
  #stopped = false;

  constructor(options: ShepherdEntityProviderOptions) {
    this.#reader = options.reader;
    this.#logger = options.logger.child({ provider: PROVIDER_NAME });
    this.#mapping = options.mapping;
    this.#taskRunner = options.taskRunner;
    this.#changeDelayMs = options.changeDelayMs ?? 250;
    this.#startupRetryMs = options.startupRetryMs ?? 15_000;
  }

  getProviderName(): string {
    return PROVIDER_NAME;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    await this.#taskRunner.run({
      id: `${PROVIDER_NAME}:refresh`,
      fn: signal => this.#scheduledRefresh(signal),
    });
  }

  /**
   * Reads every record and replaces the provider's entities with theirs. `signal` (the
   * scheduler's, which aborts when the task times out) gives up the read, so a Shepherd that
   * stops answering does not hold up the changes queued behind it.
   */
  refresh(signal?: AbortSignal): Promise<void> {
    return this.#serially(() => this.#fullRead(signal));
  }

  /** Applies announced changes: the entities of the records they touched, nothing else. */
  applyChanges(changes: ShepherdRecordChange[]): Promise<void> {
    return this.#serially(async () => {
      try {
        await this.#delta(changes);
      } catch (error) {
        this.#logger.warn(
          `Could not apply ${changes.length} change(s) from Shepherd; the next full read will: ${error}`,
        );
      }
    });
  }

  /**
   * Subscriber of {@link SHEPHERD_CHANGES_TOPIC}: gathers the announced changes for a moment,
   * so a burst of them is read once, and applies them without holding up the events bus.
   */
  async onEvent(params: EventParams): Promise<void> {
    const changes = parseChangesEvent(params.eventPayload);
    if (!changes) {
      this.#logger.warn(
        `Ignored an event on ${params.topic} that is not a list of changed records`,
      );
      return;
    }
    if (this.#stopped || !this.#connection || changes.length === 0) {
      // Before the catalog connects, its first full read covers every change.
      return;
    }
    this.#gathered.push(...changes);
    this.#gatherTimer ??= setTimeout(() => {
      this.#gatherTimer = undefined;
      const gathered = this.#gathered;
      this.#gathered = [];
      void this.applyChanges(gathered);
    }, this.#changeDelayMs);
  }

  /** Stops retries and gathering; changes already being applied finish. */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#gatherTimer);
    clearTimeout(this.#retryTimer);
  }

  #serially(work: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(work);
    this.#queue = run.catch(() => {});
    return run;
  }

  async #scheduledRefresh(signal?: AbortSignal) {
    clearTimeout(this.#retryTimer);
    try {
      await this.refresh(signal);
    } catch (error) {
      this.#logger.warn(`Could not read Shepherd: ${error}`);
      if (!this.#fullReadSucceeded && !this.#stopped) {
        // Shepherd may still be starting next to the catalog: try again soon.
        this.#retryTimer = setTimeout(
          () => void this.#scheduledRefresh(),
          this.#startupRetryMs,
        );
        this.#retryTimer.unref?.();
      }
    }
  }

  #requireConnection(): EntityProviderConnection {
    if (!this.#connection) {
      throw new Error(`${PROVIDER_NAME} is not connected to the catalog yet`);
    }
    return this.#connection;
  }

  async #fullRead(signal?: AbortSignal) {
    const connection = this.#requireConnection();
    // The task may have been aborted while it waited for a delta to finish.
    signal?.throwIfAborted();
    const records = await readAllRecords(this.#reader, { signal });
    const mapped = mapRecords(records, this.#mapping, message =>
      this.#logger.warn(message),
    );
    const entities = mapped.flatMap(record =>
      record.entity ? [record.entity] : [],
    );
    await connection.applyMutation({ type: 'full', entities });
    this.#refOfRecord.clear();
    this.#recordOfRef.clear();
    this.#remember(mapped);
    this.#fullReadSucceeded = true;
    this.#logger.info(
      `Read ${records.systems.length} Systems, ${records.services.length} Services and ${records.vms.length} VMs from Shepherd: ${entities.length} entities`,
    );
  }

  async #delta(changes: ShepherdRecordChange[]) {
    const connection = this.#requireConnection();
    const { records, gone } = await readChangedRecords(this.#reader, changes);

    const removed: Array<{ entityRef: string }> = [];
    for (const key of gone) {
      if (!this.#refOfRecord.has(key)) {
        // This instance never gave the catalog this record's entity (another one did, or a
        // change was missed): only a full read knows what to remove.
        this.#logger.debug(`Unknown removed record ${key}: reading everything`);
        await this.#fullRead();
        return;
      }
      const entityRef = this.#refOfRecord.get(key);
      if (entityRef) removed.push({ entityRef });
    }

    // The provider's other entities stay: a changed record must not take the ref of one of
    // them, nor its children relate to an entity that stands for another record.
    const goneKeys = new Set(gone);
    const mapped = mapRecords(
      records,
      this.#mapping,
      message => this.#logger.warn(message),
      entityRef => {
        const holder = this.#recordOfRef.get(entityRef);
        return holder && !goneKeys.has(holder) ? holder : undefined;
      },
    );
    const added = mapped.flatMap(record =>
      record.entity ? [record.entity] : [],
    );

    await connection.applyMutation({ type: 'delta', added, removed });
    for (const key of gone) this.#forget(key);
    this.#remember(mapped);
    this.#logger.debug(
      `Applied ${changes.length} change(s) from Shepherd: ${added.length} entities added or updated, ${removed.length} removed`,
    );
  }

  #remember(mapped: MappedRecord[]) {
    for (const { key, entityRef } of mapped) {
      this.#forget(key);
      this.#refOfRecord.set(key, entityRef);
      if (entityRef) this.#recordOfRef.set(entityRef, key);
    }
  }

  #forget(key: string) {
    const entityRef = this.#refOfRecord.get(key);
    if (entityRef && this.#recordOfRef.get(entityRef) === key) {
      this.#recordOfRef.delete(entityRef);
    }
    this.#refOfRecord.delete(key);
  }
}
