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
}
