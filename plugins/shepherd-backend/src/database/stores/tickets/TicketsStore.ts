import { PermissionConditions } from '../../permissionFilter';
import { PageRequest } from '../../paging';
import { ListSort } from '../../sorting';
import {
  Page,
  ShepherdTicket,
  TicketOperation,
  TicketOrderBy,
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
  /** Tickets newest first (or oldest first), unless the caller orders them by another column. */
  list(
    options: PageRequest &
      ListSort<TicketOrderBy> & {
        requester?: string;
        /** Leaves out the tickets of this requester (an approver's own requests). */
        excludeRequester?: string;
        statuses?: TicketStatus[];
        operations?: TicketOperation[];
        systemId?: string;
        serviceId?: string;
        vmId?: string;
        /** Text in the VM name, the Service, the System, the requester or the reason. */
        search?: string;
        conditions?: PermissionConditions;
        /** Oldest first (approval queue) instead of newest first, when not ordered by a column. */
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
