import {
  DomainEventStatus,
  ShepherdDomainEvent,
} from '@kubevirt-shepherd/plugin-shepherd-common';

export interface EventsStore {
  insert(event: ShepherdDomainEvent): Promise<void>;
  get(id: string): Promise<ShepherdDomainEvent | undefined>;
  listForAggregate(
    aggregateType: string,
    aggregateId: string,
  ): Promise<ShepherdDomainEvent[]>;
  listByIds(ids: string[]): Promise<ShepherdDomainEvent[]>;
  /** Marks terminal events created before `before` as archived; answers how many. */
  archiveTerminal(before: string, now: string): Promise<number>;
  /** Moves an event on if it is in one of `from`; the payload never changes. */
  transition(
    id: string,
    from: DomainEventStatus[],
    patch: {
      status: DomainEventStatus;
      errorMessage?: string;
      processedAt?: string;
    },
  ): Promise<boolean>;
  /**
   * Notes what a pending or processing event is waiting for (shown with its ticket); no
   * message clears the note. Answers whether the event was still unfinished.
   */
  note(id: string, message: string | undefined): Promise<boolean>;
  /**
   * Unfinished events (PENDING or PROCESSING) whose jobs — those whose subject is the
   * event's id — all ended, none queued or running: a crash or a failing
   * write left their outcome unrecorded. With the status and last error of their latest job.
   */
  listStranded(limit: number): Promise<
    Array<{
      event: ShepherdDomainEvent;
      jobStatus: string;
      jobError?: string;
    }>
  >;
}
