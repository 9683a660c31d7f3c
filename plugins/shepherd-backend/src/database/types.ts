import { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  AuditLogEntry,
  CatalogScope,
  ConsoleGrant,
  DomainEventStatus,
  Environment,
  MemberRole,
  Page,
  ShepherdCluster,
  ShepherdDomainEvent,
  ShepherdInstanceSize,
  ShepherdNamespace,
  ShepherdService,
  ShepherdSystem,
  ShepherdTemplate,
  ShepherdTicket,
  ShepherdVm,
  SystemMember,
  TemplateStatus,
  TicketOperation,
  TicketStatus,
  VmRevision,
  VmStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdPermissionFilter } from '@kubevirt-shepherd/plugin-shepherd-node';

/** Conditions of a conditional permission decision, applied to a list as SQL. */
export type PermissionConditions = PermissionCriteria<ShepherdPermissionFilter>;

export interface PageRequest {
  offset: number;
  limit: number;
}

export interface SystemsStore {
  insert(system: ShepherdSystem): Promise<void>;
  get(id: string): Promise<ShepherdSystem | undefined>;
  getByName(name: string): Promise<ShepherdSystem | undefined>;
  getByEntityRef(entityRef: string): Promise<ShepherdSystem | undefined>;
  list(
    options: PageRequest & {
      search?: string;
      /** Only the System registered from this catalog entity (case-insensitive). */
      entityRef?: string;
      conditions?: PermissionConditions;
    },
  ): Promise<Page<ShepherdSystem>>;
  update(
    id: string,
    patch: { description: string; updatedAt: string },
  ): Promise<void>;
  delete(id: string): Promise<void>;
}

export interface MembersStore {
  listForSystem(systemId: string): Promise<SystemMember[]>;
  listForSystems(systemIds: string[]): Promise<Map<string, SystemMember[]>>;
  get(id: string): Promise<SystemMember | undefined>;
  insert(member: SystemMember): Promise<void>;
  updateRole(
    id: string,
    patch: { role: MemberRole; updatedAt: string },
  ): Promise<void>;
  delete(id: string): Promise<void>;
}

export interface ServicesStore {
  insert(service: Omit<ShepherdService, 'systemName'>): Promise<void>;
  get(id: string): Promise<ShepherdService | undefined>;
  getByName(
    systemId: string,
    name: string,
  ): Promise<ShepherdService | undefined>;
  getByEntityRef(entityRef: string): Promise<ShepherdService | undefined>;
  list(
    options: PageRequest & {
      systemId?: string;
      search?: string;
      /** Only the Service registered from this catalog entity (case-insensitive). */
      entityRef?: string;
      conditions?: PermissionConditions;
    },
  ): Promise<Page<ShepherdService>>;
  countForSystem(systemId: string): Promise<number>;
  update(
    id: string,
    patch: { description: string; updatedAt: string },
  ): Promise<void>;
  delete(id: string): Promise<void>;
  /**
   * Takes the Service's next instance index and increments the counter, atomically: two
   * concurrent callers never get the same index, and an index is never handed out again.
   */
  takeInstanceIndex(id: string): Promise<number>;
}

export interface NamespacesStore {
  insert(namespace: ShepherdNamespace): Promise<void>;
  get(id: string): Promise<ShepherdNamespace | undefined>;
  getByName(name: string): Promise<ShepherdNamespace | undefined>;
  list(
    options: PageRequest & {
      environment?: Environment;
      enabled?: boolean;
      conditions?: PermissionConditions;
    },
  ): Promise<Page<ShepherdNamespace>>;
  update(
    id: string,
    patch: Partial<
      Pick<ShepherdNamespace, 'description' | 'enabled' | 'environment'>
    > & {
      updatedAt: string;
    },
  ): Promise<void>;
  delete(id: string): Promise<void>;
}

/** What the cluster table stores besides the public record. */
export interface ClusterCredentials {
  encryptedKubeconfig: string;
  encryptionKeyId: string;
}

export interface ClustersStore {
  insert(
    cluster: ShepherdCluster,
    credentials: ClusterCredentials,
  ): Promise<void>;
  get(id: string): Promise<ShepherdCluster | undefined>;
  getByName(name: string): Promise<ShepherdCluster | undefined>;
  getCredentials(id: string): Promise<ClusterCredentials | undefined>;
  list(
    options: PageRequest & { environment?: Environment; enabled?: boolean },
  ): Promise<Page<ShepherdCluster>>;
  update(
    id: string,
    patch: Partial<
      Pick<
        ShepherdCluster,
        | 'displayName'
        | 'enabled'
        | 'environment'
        | 'defaultStorageClass'
        | 'status'
        | 'statusMessage'
        | 'kubevirtVersion'
        | 'featureGates'
        | 'storageClasses'
        | 'lastCheckedAt'
        | 'apiServerUrl'
      >
    > & { updatedAt: string },
  ): Promise<void>;
  updateCredentials(
    id: string,
    credentials: ClusterCredentials,
    updatedAt: string,
  ): Promise<void>;
  delete(id: string): Promise<void>;
}

export interface TemplatesStore {
  insert(template: ShepherdTemplate): Promise<void>;
  get(id: string): Promise<ShepherdTemplate | undefined>;
  getByName(name: string): Promise<ShepherdTemplate | undefined>;
  list(
    options: PageRequest & {
      statuses?: TemplateStatus[];
      catalogScopes?: CatalogScope[];
    },
  ): Promise<Page<ShepherdTemplate>>;
  /** Writes every field of the template (identified by its id) as given. */
  replace(template: ShepherdTemplate): Promise<void>;
  delete(id: string): Promise<void>;
}

export interface InstanceSizesStore {
  insert(size: ShepherdInstanceSize): Promise<void>;
  get(id: string): Promise<ShepherdInstanceSize | undefined>;
  getByName(name: string): Promise<ShepherdInstanceSize | undefined>;
  list(
    options: PageRequest & {
      enabled?: boolean;
      catalogScopes?: CatalogScope[];
    },
  ): Promise<Page<ShepherdInstanceSize>>;
  /** Writes every field of the instance size (identified by its id) as given. */
  replace(size: ShepherdInstanceSize): Promise<void>;
  delete(id: string): Promise<void>;
}

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

/** A VM and when it was last polled on its cluster. */
export interface VmPollState {
  vm: ShepherdVm;
  lastPolledAt?: string;
  resourceVersion?: string;
}

/** A VM as stored, without the names joined from other tables. */
export type NewVm = Omit<
  ShepherdVm,
  'systemName' | 'serviceName' | 'clusterName'
>;

export interface VmsStore {
  insert(vm: NewVm): Promise<void>;
  get(id: string): Promise<ShepherdVm | undefined>;
  list(
    options: PageRequest & {
      systemId?: string;
      serviceId?: string;
      namespace?: string;
      environment?: Environment;
      statuses?: VmStatus[];
      clusterId?: string;
      search?: string;
      conditions?: PermissionConditions;
    },
  ): Promise<Page<ShepherdVm>>;
  count(filter: {
    serviceId?: string;
    namespace?: string;
    clusterId?: string;
  }): Promise<number>;
  /** VMs with the bookkeeping of status polling, for the status sync. */
  listForStatusSync(options: PageRequest): Promise<Array<VmPollState>>;
  /**
   * Records a poll. A new `status` is written only while the VM still has `polledStatus`,
   * the status it had when it was read: an approval or a job that moved the VM on since
   * wins over the poll. Answers whether the status was written.
   */
  recordPoll(
    id: string,
    poll: {
      lastPolledAt: string;
      resourceVersion?: string;
      polledStatus: VmStatus;
      status?: VmStatus;
      statusMessage?: string | null;
      updatedAt: string;
    },
  ): Promise<boolean>;
  update(
    id: string,
    patch: Partial<
      Pick<
        ShepherdVm,
        | 'status'
        | 'statusMessage'
        | 'cpuCores'
        | 'cpuRequest'
        | 'memoryGi'
        | 'memoryRequestGi'
        | 'diskGb'
      >
    > & { updatedAt: string },
  ): Promise<void>;
  delete(id: string): Promise<void>;
}

export interface RevisionsStore {
  insert(revision: VmRevision): Promise<void>;
  listForVm(vmId: string): Promise<VmRevision[]>;
}

export interface ConsoleGrantsStore {
  insert(grant: ConsoleGrant): Promise<void>;
  /** The grant of `userRef` on the VM that is valid at `now`, the latest expiring first. */
  findActive(
    vmId: string,
    userRef: string,
    now: string,
  ): Promise<ConsoleGrant | undefined>;
}

/** A console session token at its first use. */
export interface ConsumedConsoleToken {
  tokenId: string;
  vmId: string;
  grantId: string;
  userRef: string;
  /** When the token stops opening sessions. */
  expiresAt: string;
  consumedAt: string;
}

/** The replay markers of console session tokens. */
export interface ConsoleSessionTokensStore {
  /**
   * Marks the token used; answers false when it already was. Atomic across replicas: of
   * concurrent calls for one token, exactly one answers true.
   */
  consume(token: ConsumedConsoleToken): Promise<boolean>;
  /** Deletes the markers of tokens that expired before `before` (they open nothing anymore). */
  deleteExpired(before: string): Promise<number>;
}

export interface AuditStore {
  append(entry: AuditLogEntry): Promise<void>;
  get(id: string): Promise<AuditLogEntry | undefined>;
  list(
    options: PageRequest & {
      action?: string;
      actor?: string;
      resourceType?: string;
      resourceId?: string;
      ticketId?: string;
      outcome?: 'success' | 'failure';
      from?: string;
      to?: string;
    },
  ): Promise<Page<AuditLogEntry>>;
}

/** The status of a queued job. */
export type JobStatus =
  | 'queued'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'cancelled';

/** A job of the durable task queue. */
export interface JobRecord {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  status: JobStatus;
  /** Attempts started so far (incremented when a worker claims the job). */
  attempt: number;
  maxAttempts: number;
  runAfter: string;
  leaseOwner?: string;
  leaseExpiresAt?: string;
  cancelRequested: boolean;
  lastError?: string;
  uniqueKey?: string;
  concurrencyKey?: string;
  createdAt: string;
  updatedAt: string;
  finishedAt?: string;
}

export interface NewJob {
  kind: string;
  payload: Record<string, unknown>;
  maxAttempts: number;
  /** Defaults to now: runnable at once. */
  runAfter?: string;
  uniqueKey?: string;
  concurrencyKey?: string;
}

/**
 * The durable task queue's table. Every state change is conditional on the state the caller
 * expects (and, for running jobs, on owning the lease), so concurrent workers and sweepers
 * never both act on one job.
 */
export interface JobsStore {
  /**
   * Adds a job, in the caller's transaction when called through one. A job whose unique key
   * is already held by a queued or running job is not added; the existing job is returned.
   */
  enqueue(
    job: NewJob,
    now: string,
  ): Promise<{ job: JobRecord; created: boolean }>;
  get(id: string): Promise<JobRecord | undefined>;
  /**
   * Claims the next runnable job (queued, due, of one of `kinds`) for `workerId` with a lease
   * until `leaseExpiresAt`, skipping jobs other workers are claiming and jobs whose
   * concurrency key already has `perKeyLimit` running jobs. One job per statement, so that
   * every claim sees the ones before it.
   */
  claimNext(options: {
    workerId: string;
    kinds: string[];
    now: string;
    leaseExpiresAt: string;
    perKeyLimit: number;
  }): Promise<JobRecord | undefined>;
  /** Extends the lease; answers whether the worker still owns the job and whether it was cancelled. */
  heartbeat(
    id: string,
    workerId: string,
    leaseExpiresAt: string,
    now: string,
  ): Promise<{ owned: boolean; cancelRequested: boolean }>;
  /** Finishes a running job owned by the worker. */
  finish(
    id: string,
    workerId: string,
    outcome: { status: 'succeeded' | 'failed' | 'cancelled'; error?: string },
    now: string,
  ): Promise<boolean>;
  /** Puts a running job owned by the worker back in the queue, runnable after `runAfter`. */
  retryLater(
    id: string,
    workerId: string,
    options: { runAfter: string; error: string },
    now: string,
  ): Promise<boolean>;
  /**
   * Puts a running job owned by the worker back in the queue until `runAfter` without using
   * an attempt: the job is not finished yet (it waits for a VM to reach a state). A `payload`
   * replaces the job's payload: the job's checkpoint for its next run.
   */
  continueLater(
    id: string,
    workerId: string,
    options: { runAfter: string; payload?: Record<string, unknown> },
    now: string,
  ): Promise<boolean>;
  /**
   * Jobs whose lease expired (their worker died) go back to the queue. Those that used their
   * last attempt stay as they are and are answered as `lost`: their failure is recorded in
   * the domain first, then {@link JobsStore.failLost} fails them, so a sweeper that stops in
   * between leaves them to the next sweep rather than half-recorded.
   */
  recoverExpiredLeases(
    now: string,
  ): Promise<{ requeued: number; lost: JobRecord[] }>;
  /** Fails a lost job (still running with an expired lease); answers whether it did. */
  failLost(id: string, now: string): Promise<boolean>;
  /**
   * Deletes jobs that finished (succeeded, failed or cancelled) before `before`; answers how
   * many. Their outcome stays where it matters: on the domain events, tickets and audit log.
   */
  deleteFinished(before: string): Promise<number>;
  /** Cancels a queued job at once, and asks the worker of a running one to stop. */
  cancel(id: string, now: string): Promise<JobStatus | undefined>;
  /** Jobs per status, for health and metrics. */
  countByStatus(): Promise<Record<JobStatus, number>>;
}

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
  readonly jobs: JobsStore;
  transaction<T>(work: (tx: ShepherdStore) => Promise<T>): Promise<T>;
}
