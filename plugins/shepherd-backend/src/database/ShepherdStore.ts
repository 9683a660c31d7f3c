import { JobsStore } from '../queue/JobsStore';
import { AuditStore } from './stores/audit/AuditStore';
import { CatalogUsageStore } from './stores/catalogUsage/CatalogUsageStore';
import { ClustersStore } from './stores/clusters/ClustersStore';
import { ConsoleGrantsStore } from './stores/consoleGrants/ConsoleGrantsStore';
import { ConsoleSessionTokensStore } from './stores/consoleSessionTokens/ConsoleSessionTokensStore';
import { EventsStore } from './stores/events/EventsStore';
import { InstanceSizesStore } from './stores/instanceSizes/InstanceSizesStore';
import { MembersStore } from './stores/members/MembersStore';
import {
  ReconcileMarksStore,
  ReconcileReportsStore,
} from './stores/reconciler/ReconcilerStore';
import { NamespacesStore } from './stores/namespaces/NamespacesStore';
import { RevisionsStore } from './stores/revisions/RevisionsStore';
import { ServicesStore } from './stores/services/ServicesStore';
import { SystemsStore } from './stores/systems/SystemsStore';
import { TemplatesStore } from './stores/templates/TemplatesStore';
import { TicketsStore } from './stores/tickets/TicketsStore';
import { VmsStore } from './stores/vms/VmsStore';
import { WatchLeasesStore } from './stores/watchLeases/WatchLeasesStore';
import { PendingAdoptionsStore } from './stores/pendingAdoptions/PendingAdoptionsStore';
import { RequestRatesStore } from './stores/requestRates/RequestRatesStore';

/**
 * Every table of Shepherd, behind one interface. `transaction` runs a unit of work in which
 * all writes commit together or not at all; the callback only sees stores, so it cannot reach
 * a cluster.
 */
export interface ShepherdStore {
  readonly systems: SystemsStore;
  readonly members: MembersStore;
  readonly services: ServicesStore;
  readonly namespaces: NamespacesStore;
  readonly clusters: ClustersStore;
  readonly templates: TemplatesStore;
  readonly instanceSizes: InstanceSizesStore;
  readonly catalogUsage: CatalogUsageStore;
  readonly tickets: TicketsStore;
  readonly events: EventsStore;
  readonly vms: VmsStore;
  readonly revisions: RevisionsStore;
  readonly consoleGrants: ConsoleGrantsStore;
  readonly consoleSessionTokens: ConsoleSessionTokensStore;
  readonly audit: AuditStore;
  readonly reconcileReports: ReconcileReportsStore;
  readonly reconcileMarks: ReconcileMarksStore;
  readonly jobs: JobsStore;
  readonly watchLeases: WatchLeasesStore;
  readonly pendingAdoptions: PendingAdoptionsStore;
  /** The rate limits' request counts (ADR 0028). */
  readonly requestRates: RequestRatesStore;
  transaction<T>(work: (tx: ShepherdStore) => Promise<T>): Promise<T>;
}
