import { PermissionConditions } from '../../permissionFilter';
import { PageRequest } from '../../paging';
import {
  Page,
  ShepherdTicket,
  TicketOperation,
  TicketStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';

/** A ticket as stored: the public record plus its de-duplication key. */
export type NewTicket = ShepherdTicket & {
  dedupeKey: string;
};

export interface TicketsStore {
  insert(ticket: NewTicket): Promise<void>;
  get(id: string): Promise<ShepherdTicket | undefined>;
  findPending(dedupeKey: string): Promise<ShepherdTicket | undefined>;
  list(
    options: PageRequest & {
      requester?: string;
      /** Leaves out the tickets of this requester (an approver's own requests). */
      excludeRequester?: string;
      statuses?: TicketStatus[];
      operations?: TicketOperation[];
      systemId?: string;
      serviceId?: string;
      vmId?: string;
      conditions?: PermissionConditions;
      /** Oldest first (approval queue) instead of newest first. */
      oldestFirst?: boolean;
    },
  ): Promise<Page<ShepherdTicket>>;
  /**
   * Moves a ticket on if, and only if, it is in one of `from`; returns whether it did. The
   * condition is part of the UPDATE, so concurrent decisions cannot both win.
   */
  transition(
    id: string,
    from: TicketStatus[],
    patch: Partial<
      Pick<
        ShepherdTicket,
        | 'status'
        | 'approver'
        | 'rejectReason'
        | 'decisionComment'
        | 'clusterId'
        | 'vmId'
        | 'vmName'
        | 'templateSnapshot'
        | 'instanceSizeSnapshot'
        | 'modifiedSpec'
        | 'grantMinutes'
        | 'decidedAt'
      >
    > & { updatedAt: string },
  ): Promise<boolean>;
}
