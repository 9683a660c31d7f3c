import { TicketStatus } from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import { toCount } from '../../rows';
import { likePattern } from '../../filters';
import { CatalogUsage, CatalogUsageStore } from './CatalogUsageStore';

/**
 * Ticket columns that can name a template or an instance size: what was requested, what the
 * approver replaced it with, and the snapshots frozen at approval.
 */
const TICKET_TEMPLATE_COLUMNS = [
  'request_spec',
  'modified_spec',
  'template_snapshot',
];
const TICKET_INSTANCE_SIZE_COLUMNS = [
  'request_spec',
  'modified_spec',
  'instance_size_snapshot',
];

export class DatabaseCatalogUsageStore implements CatalogUsageStore {
  constructor(private readonly db: Knex) {}

  async #count(query: Knex.QueryBuilder): Promise<number> {
    const [{ count }] = await query.count({ count: '*' });
    return toCount(count);
  }

  async #usage(
    vmFilter: (query: Knex.QueryBuilder) => void,
    ticketFilter: (query: Knex.QueryBuilder) => void,
    ticketStatuses?: TicketStatus[],
  ): Promise<CatalogUsage> {
    const vms = this.db('vms');
    vmFilter(vms);
    const tickets = this.db('tickets');
    ticketFilter(tickets);
    if (ticketStatuses) {
      tickets.whereIn('status', ticketStatuses);
    }
    return { vms: await this.#count(vms), tickets: await this.#count(tickets) };
  }

  /**
   * Tickets keep template and instance size ids inside JSON text columns, which SQLite and
   * PostgreSQL query differently; ids are UUIDs, so a substring match finds exactly the
   * tickets that name one, on both.
   */
  #mentions(columns: string[], id: string) {
    const pattern = likePattern(id);
    return (query: Knex.QueryBuilder) =>
      query.where(inner => {
        for (const column of columns) {
          inner.orWhereRaw("?? like ? escape '\\'", [column, pattern]);
        }
      });
  }

  async ofNamespace(name: string, ticketStatuses?: TicketStatus[]) {
    return this.#usage(
      query => query.where('namespace', name),
      query => query.where('namespace', name),
      ticketStatuses,
    );
  }

  async ofCluster(id: string, ticketStatuses?: TicketStatus[]) {
    return this.#usage(
      query => query.where('cluster_id', id),
      query => query.where('cluster_id', id),
      ticketStatuses,
    );
  }

  async ofTemplate(id: string, ticketStatuses?: TicketStatus[]) {
    return this.#usage(
      query => query.where('template_id', id),
      this.#mentions(TICKET_TEMPLATE_COLUMNS, id),
      ticketStatuses,
    );
  }

  async ofInstanceSize(id: string, ticketStatuses?: TicketStatus[]) {
    return this.#usage(
      query => query.where('instance_size_id', id),
      this.#mentions(TICKET_INSTANCE_SIZE_COLUMNS, id),
      ticketStatuses,
    );
  }
}
