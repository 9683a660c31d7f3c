import { Knex } from 'knex';
import { DatabaseConsoleSessionTokensStore } from './stores/consoleSessionTokens';
import { DatabaseJobsStore } from './stores/jobs';
import {
  DatabaseCatalogUsageStore,
  DatabaseClustersStore,
  DatabaseInstanceSizesStore,
  DatabaseNamespacesStore,
  DatabaseTemplatesStore,
} from './stores/catalogs';
import {
  DatabaseMembersStore,
  DatabaseServicesStore,
  DatabaseSystemsStore,
} from './stores/systems';
import {
  DatabaseAuditStore,
  DatabaseConsoleGrantsStore,
  DatabaseEventsStore,
  DatabaseRevisionsStore,
  DatabaseTicketsStore,
  DatabaseVmsStore,
} from './stores/workflow';
import { ShepherdStore } from './types';

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
  readonly jobs;

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
    this.jobs = new DatabaseJobsStore(db);
  }

  async transaction<T>(work: (tx: ShepherdStore) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) {
      // Already inside a unit of work: join it rather than nest.
      return work(this);
    }
    return this.db.transaction(trx => work(new DatabaseShepherdStore(trx)));
  }
}
