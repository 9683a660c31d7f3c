import { TicketStatus } from '@kubevirt-shepherd/plugin-shepherd-common';

/** How many VMs and tickets refer to a catalog entry. */
export interface CatalogUsage {
  vms: number;
  tickets: number;
}

/**
 * What refers to namespaces, clusters, templates and instance sizes: the guards of their
 * deletion and of environment changes. Tickets count only in `ticketStatuses` when given.
 */
export interface CatalogUsageStore {
  ofNamespace(
    name: string,
    ticketStatuses?: TicketStatus[],
  ): Promise<CatalogUsage>;
  ofCluster(id: string, ticketStatuses?: TicketStatus[]): Promise<CatalogUsage>;
  ofTemplate(
    id: string,
    ticketStatuses?: TicketStatus[],
  ): Promise<CatalogUsage>;
  ofInstanceSize(
    id: string,
    ticketStatuses?: TicketStatus[],
  ): Promise<CatalogUsage>;
}
