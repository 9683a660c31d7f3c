import { LoggerService } from '@backstage/backend-plugin-api';
import {
  AuditLogEntry,
  DomainEventAggregate,
  DomainEventStatus,
  DomainEventType,
  ShepherdDomainEvent,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { randomUUID } from 'node:crypto';
import { ShepherdStore } from '../database/ShepherdStore';
import { JobRecord, NewJob } from '../queue/JobsStore';
import { AuditRecord, AuditRecorder } from './audit/AuditRecorder';
import {
  LiveChangeListener,
  RecordChangeListener,
  TrackedChange,
  VmStateChange,
  VmStateChangeListener,
  catalogChanges,
  collapseChanges,
  collapseStateChanges,
  liveChanges,
  recordChanges,
} from './changes/recordChanges';

/** A domain event as a unit of work records it. */
export interface NewDomainEvent {
  /** Chosen by the caller when something written before the event names it (its job). */
  id?: string;
  type: DomainEventType;
  aggregateType: DomainEventAggregate;
  aggregateId: string;
  payload: Record<string, unknown>;
  status: DomainEventStatus;
  createdBy: string;
}

/** What a use case may do inside its unit of work. */
export interface UnitOfWork {
  /** The stores, bound to the transaction. */
  readonly tx: ShepherdStore;
  /** Appends an audit row in this transaction. */
  audit(record: AuditRecord): Promise<void>;
  /**
   * Records an immutable domain event in this transaction. An event recorded as COMPLETED is
   * a fact that needs no processing, and is processed as it is recorded.
   */
  recordEvent(event: NewDomainEvent): Promise<ShepherdDomainEvent>;
  /** Records a fact: an event that needs no processing, completed as it is recorded. */
  recordFact(
    event: Omit<NewDomainEvent, 'status'>,
  ): Promise<ShepherdDomainEvent>;
  /** Runs `effect` once the transaction has committed (notifications, signals). */
  afterCommit(effect: () => Promise<void>): void;
  /** Queues a job in this transaction: it exists if, and only if, the change commits. */
  enqueue(job: NewJob): Promise<JobRecord>;
}

/**
 * Runs use cases as units of work: business rows, domain events, audit rows and jobs commit
 * together or not at all. Everything outside the database happens only after the commit, in
 * one place, and never undoes it: the changed Systems, Services and VMs are announced, the
 * changed VMs and tickets are signalled to open pages, the audit rows go to Backstage's
 * auditor, then the use case's own effects run (notifications, the approval provider).
 */
export class GovernanceContext {
  readonly store: ShepherdStore;
  readonly clock: () => Date;
  readonly #auditRecorder: AuditRecorder;
  readonly #logger: LoggerService;
  readonly #recordsChanged: RecordChangeListener;
  readonly #vmStatesChanged: VmStateChangeListener;
  readonly #liveChanged: LiveChangeListener;
  #jobsEnqueued?: () => void;

  constructor(options: {
    store: ShepherdStore;
    auditRecorder: AuditRecorder;
    logger: LoggerService;
    /** Told which Systems, Services and VMs each committed unit of work changed. */
    onRecordsChanged?: RecordChangeListener;
    /** Told which VMs' status each committed unit of work changed (jobs, watches, polls). */
    onVmStateChanged?: VmStateChangeListener;
    /**
     * Told which VMs (a change of status included) and tickets each committed unit of work
     * changed: what open pages follow.
     */
    onLiveChanges?: LiveChangeListener;
    clock?: () => Date;
  }) {
    this.store = options.store;
    this.clock = options.clock ?? (() => new Date());
    this.#auditRecorder = options.auditRecorder;
    this.#logger = options.logger;
    this.#recordsChanged = options.onRecordsChanged ?? (() => {});
    this.#vmStatesChanged = options.onVmStateChanged ?? (() => {});
    this.#liveChanged = options.onLiveChanges ?? (() => {});
  }

  now(): string {
    return this.clock().toISOString();
  }

  /** Called after a unit of work that queued jobs has committed (wakes idle workers). */
  onJobsEnqueued(listener: () => void): void {
    this.#jobsEnqueued = listener;
  }

  async execute<T>(work: (unit: UnitOfWork) => Promise<T>): Promise<T> {
    const effects: Array<() => Promise<void>> = [];
    const audited: AuditLogEntry[] = [];
    const changes: TrackedChange[] = [];
    const stateChanges: VmStateChange[] = [];
    let enqueued = false;
    const result = await this.store.transaction(async transaction => {
      const tx = recordChanges(
        transaction,
        change => changes.push(change),
        change => stateChanges.push(change),
      );
      const recordEvent = async (event: NewDomainEvent) => {
        const now = this.now();
        const recorded: ShepherdDomainEvent = {
          ...event,
          id: event.id ?? randomUUID(),
          createdAt: now,
          processedAt: event.status === 'COMPLETED' ? now : undefined,
        };
        await tx.events.insert(recorded);
        return recorded;
      };
      return work({
        tx,
        audit: async record => {
          audited.push(await this.#auditRecorder.record(tx, record));
        },
        recordEvent,
        recordFact: event => recordEvent({ ...event, status: 'COMPLETED' }),
        afterCommit: effect => {
          effects.push(effect);
        },
        enqueue: async job => {
          enqueued = true;
          return (await tx.jobs.enqueue(job, this.now())).job;
        },
      });
    });
    if (changes.length > 0) {
      const collapsed = collapseChanges(changes);
      const forCatalog = catalogChanges(collapsed);
      if (forCatalog.length > 0) this.#recordsChanged(forCatalog);
      const live = liveChanges(collapsed);
      if (live.vms.length > 0 || live.tickets.length > 0) {
        this.#liveChanged(live);
      }
    }
    if (stateChanges.length > 0) {
      this.#vmStatesChanged(collapseStateChanges(stateChanges));
    }
    if (enqueued) {
      this.#jobsEnqueued?.();
    }
    await this.#auditRecorder.publish(audited);
    for (const effect of effects) {
      try {
        await effect();
      } catch (error) {
        this.#logger.warn(`A follow-up of a committed change failed: ${error}`);
      }
    }
    return result;
  }
}
