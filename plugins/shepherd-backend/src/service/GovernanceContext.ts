import { LoggerService } from '@backstage/backend-plugin-api';
import { AuditLogEntry } from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdStore } from '../database/ShepherdStore';
import { AuditRecord, AuditRecorder } from './audit/AuditRecorder';
import { JobRecord, NewJob } from '../queue/JobsStore';

/** What a use case may do inside its unit of work. */
export interface UnitOfWork {
  /** The stores, bound to the transaction. */
  readonly tx: ShepherdStore;
  /** Appends an audit row in this transaction. */
  audit(record: AuditRecord): Promise<void>;
  /** Runs `effect` once the transaction has committed (notifications, signals). */
  afterCommit(effect: () => Promise<void>): void;
  /** Queues a job in this transaction: it exists if, and only if, the change commits. */
  enqueue(job: NewJob): Promise<JobRecord>;
}

/**
 * Runs use cases as units of work: business rows, domain events and audit rows commit
 * together or not at all; effects outside the database (auditor events, notifications,
 * approval providers) run only after the commit, and their failures never undo it.
 */
export class GovernanceContext {
  constructor(
    readonly store: ShepherdStore,
    private readonly auditRecorder: AuditRecorder,
    private readonly logger: LoggerService,
    readonly clock: () => Date = () => new Date(),
  ) {}

  #jobsEnqueued?: () => void;

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
    let enqueued = false;
    const result = await this.store.transaction(async tx =>
      work({
        tx,
        audit: async record => {
          audited.push(await this.auditRecorder.record(tx, record));
        },
        afterCommit: effect => {
          effects.push(effect);
        },
        enqueue: async job => {
          enqueued = true;
          return (await tx.jobs.enqueue(job, this.now())).job;
        },
      }),
    );
    if (enqueued) {
      this.#jobsEnqueued?.();
    }
    await this.auditRecorder.publish(audited);
    for (const effect of effects) {
      try {
        await effect();
      } catch (error) {
        this.logger.warn(`A follow-up of a committed change failed: ${error}`);
      }
    }
    return result;
  }
}
