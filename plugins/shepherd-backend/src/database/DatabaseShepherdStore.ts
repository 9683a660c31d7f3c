import { Knex } from 'knex';
import { DatabaseConsoleSessionTokensStore } from './stores/consoleSessionTokens/DatabaseConsoleSessionTokensStore';
import { DatabaseJobsStore } from '../queue/DatabaseJobsStore';
import { DatabaseNamespacesStore } from './stores/namespaces/DatabaseNamespacesStore';
import { DatabaseSystemsStore } from './stores/systems/DatabaseSystemsStore';
import { DatabaseTicketsStore } from './stores/tickets/DatabaseTicketsStore';
import { ShepherdStore } from './ShepherdStore';
import { DatabaseMembersStore } from './stores/members/DatabaseMembersStore';
import { DatabaseServicesStore } from './stores/services/DatabaseServicesStore';
import { DatabaseClustersStore } from './stores/clusters/DatabaseClustersStore';
import { DatabaseTemplatesStore } from './stores/templates/DatabaseTemplatesStore';
import { DatabaseInstanceSizesStore } from './stores/instanceSizes/DatabaseInstanceSizesStore';
import { DatabaseCatalogUsageStore } from './stores/catalogUsage/DatabaseCatalogUsageStore';
import { DatabaseEventsStore } from './stores/events/DatabaseEventsStore';
import { DatabaseVmsStore } from './stores/vms/DatabaseVmsStore';
import { DatabaseRevisionsStore } from './stores/revisions/DatabaseRevisionsStore';
import { DatabaseConsoleGrantsStore } from './stores/consoleGrants/DatabaseConsoleGrantsStore';
import { DatabaseAuditStore } from './stores/audit/DatabaseAuditStore';
import { DatabaseWatchLeasesStore } from './stores/watchLeases/DatabaseWatchLeasesStore';
import { DatabaseReconcileReportsStore } from './stores/reconciler/DatabaseReconcileReportsStore';
import { DatabaseReconcileMarksStore } from './stores/reconciler/DatabaseReconcileMarksStore';
import { DatabasePendingAdoptionsStore } from './stores/pendingAdoptions/DatabasePendingAdoptionsStore';

import { DatabaseRequestRatesStore } from './stores/requestRates/DatabaseRequestRatesStore';
/** {@link ShepherdStore} on knex: SQLite and PostgreSQL. */
export class DatabaseShepherdStore implements ShepherdStore {
  readonly systems;
  readonly members;
  readonly services;
  readonly namespaces;
  readonly clusters;
  readonly templates;
  readonly instanceSizes;
  readonly catalogUsage;
  readonly tickets;
  readonly events;
  readonly vms;
  readonly revisions;
  readonly consoleGrants;
  readonly consoleSessionTokens;
  readonly audit;
  readonly reconcileReports;
  readonly reconcileMarks;
  readonly jobs;
  readonly watchLeases;
  readonly pendingAdoptions;
  readonly requestRates;

  constructor(private readonly db: Knex) {
    this.systems = new DatabaseSystemsStore(db);
    this.members = new DatabaseMembersStore(db);
    this.services = new DatabaseServicesStore(db);
    this.namespaces = new DatabaseNamespacesStore(db);
    this.clusters = new DatabaseClustersStore(db);
    this.templates = new DatabaseTemplatesStore(db);
    this.instanceSizes = new DatabaseInstanceSizesStore(db);
    this.catalogUsage = new DatabaseCatalogUsageStore(db);
    this.tickets = new DatabaseTicketsStore(db);
    this.events = new DatabaseEventsStore(db);
    this.vms = new DatabaseVmsStore(db);
    this.revisions = new DatabaseRevisionsStore(db);
    this.consoleGrants = new DatabaseConsoleGrantsStore(db);
    this.consoleSessionTokens = new DatabaseConsoleSessionTokensStore(db);
    this.audit = new DatabaseAuditStore(db);
    this.reconcileReports = new DatabaseReconcileReportsStore(db);
    this.reconcileMarks = new DatabaseReconcileMarksStore(db);
    this.jobs = new DatabaseJobsStore(db);
    this.watchLeases = new DatabaseWatchLeasesStore(db);
    this.pendingAdoptions = new DatabasePendingAdoptionsStore(db);
    this.requestRates = new DatabaseRequestRatesStore(db);
  }

  async transaction<T>(work: (tx: ShepherdStore) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) {
      // Already inside a unit of work: join it rather than nest.
      return work(this);
    }
    return this.db.transaction(trx => work(new DatabaseShepherdStore(trx)));
  }
}
