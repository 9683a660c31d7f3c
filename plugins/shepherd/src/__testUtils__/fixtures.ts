import {
  AuditLogEntry,
  Page,
  ShepherdCluster,
  ShepherdDomainEvent,
  ShepherdHealth,
  ShepherdInstanceSize,
  ShepherdNamespace,
  ShepherdPendingAdoption,
  ShepherdService,
  ShepherdSystem,
  ShepherdTemplate,
  ShepherdTicket,
  ShepherdVm,
  VmHistoryEntry,
} from '@kubevirt-shepherd/plugin-shepherd-common';

/*
 * Complete, valid API records for tests: override only what a test is about.
 * Timestamps sit in a fixed past so that relative times read the same in every run when
 * tests pin `Date.now` (see `FIXED_NOW`).
 */

/** "Now" of tests that show relative times: one hour after the fixtures were created. */
export const FIXED_NOW = new Date('2026-11-23T11:00:00.000Z');
const CREATED_AT = '2026-11-23T10:00:00.000Z';

export function aHealthReport(
  overrides: Partial<ShepherdHealth> = {},
): ShepherdHealth {
  return {
    status: 'ok',
    checkedAt: CREATED_AT,
    version: '0.1.0',
    database: {
      status: 'ok',
      engine: 'sqlite',
      latencyMs: 0.4,
      migrations: { applied: 3, pending: 0, latest: '20261124000000_jobs.js' },
    },
    providers: [{ type: 'kubevirt' }],
    ...overrides,
  };
}

export function aPage<T>(
  items: T[],
  overrides: Partial<Page<T>> = {},
): Page<T> {
  return {
    items,
    totalItems: items.length,
    offset: 0,
    limit: 20,
    ...overrides,
  };
}

export function aSystem(
  overrides: Partial<ShepherdSystem> = {},
): ShepherdSystem {
  return {
    id: 'sys-payments',
    name: 'payments',
    description: 'Payments platform',
    entityRef: 'system:default/payments',
    createdBy: 'user:default/platform-admin',
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  };
}

export function aService(
  overrides: Partial<ShepherdService> = {},
): ShepherdService {
  return {
    id: 'svc-api',
    systemId: 'sys-payments',
    systemName: 'payments',
    name: 'api',
    description: 'Payments API',
    entityRef: 'component:default/payments-api',
    nextInstanceIndex: 2,
    createdBy: 'user:default/platform-admin',
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  };
}

export function aNamespace(
  overrides: Partial<ShepherdNamespace> = {},
): ShepherdNamespace {
  return {
    id: 'ns-dev',
    name: 'dev',
    environment: 'test',
    description: 'Development',
    enabled: true,
    createdBy: 'user:default/platform-admin',
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  };
}

export function aCluster(
  overrides: Partial<ShepherdCluster> = {},
): ShepherdCluster {
  return {
    id: 'cluster-test',
    name: 'sim-test',
    displayName: 'Simulated test cluster',
    providerType: 'kubevirt',
    environment: 'test',
    status: 'HEALTHY',
    enabled: true,
    apiServerUrl: 'https://127.0.0.1:6443',
    kubevirtVersion: 'v1.4.0',
    featureGates: [],
    storageClasses: ['standard'],
    defaultStorageClass: 'standard',
    credentialKeyId: 'key-1',
    lastCheckedAt: CREATED_AT,
    createdBy: 'user:default/platform-admin',
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  };
}

export function aTemplate(
  overrides: Partial<ShepherdTemplate> = {},
): ShepherdTemplate {
  return {
    id: 'tpl-ubuntu',
    name: 'ubuntu-24-04',
    displayName: 'Ubuntu 24.04',
    description: 'Ubuntu LTS',
    status: 'active',
    catalogScope: 'all',
    sourceType: 'containerdisk',
    imageUrl: 'quay.io/containerdisks/ubuntu:24.04',
    osFamily: 'linux',
    osVersion: '24.04',
    createdBy: 'user:default/platform-admin',
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  };
}

export function anInstanceSize(
  overrides: Partial<ShepherdInstanceSize> = {},
): ShepherdInstanceSize {
  return {
    id: 'size-small',
    name: 'small',
    displayName: 'Small',
    description: '2 cores, 4 GiB',
    catalogScope: 'all',
    enabled: true,
    sortOrder: 10,
    cpuCores: 2,
    cpuRequest: 2,
    memoryGi: 4,
    memoryRequestGi: 4,
    diskGb: 20,
    dedicatedCpu: false,
    requiresGpu: false,
    requiresSriov: false,
    requiresHugepages: false,
    specOverrides: {},
    createdBy: 'user:default/platform-admin',
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  };
}

export function aVm(overrides: Partial<ShepherdVm> = {}): ShepherdVm {
  return {
    id: 'vm-1',
    name: 'dev-payments-api-01',
    namespace: 'dev',
    environment: 'test',
    instance: '01',
    status: 'RUNNING',
    systemId: 'sys-payments',
    systemName: 'payments',
    serviceId: 'svc-api',
    serviceName: 'api',
    clusterId: 'cluster-test',
    clusterName: 'sim-test',
    ticketId: 'ticket-create',
    createdBy: 'user:default/engineer-test',
    templateId: 'tpl-ubuntu',
    instanceSizeId: 'size-small',
    cpuCores: 2,
    cpuRequest: 1,
    memoryGi: 4,
    memoryRequestGi: 4,
    diskGb: 20,
    storageClass: 'standard',
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  };
}

export function aPendingAdoption(
  overrides: Partial<ShepherdPendingAdoption> = {},
): ShepherdPendingAdoption {
  return {
    id: 'adoption-1',
    clusterId: 'cluster-test',
    clusterName: 'sim-test',
    namespace: 'dev',
    resourceName: 'legacy-db-7',
    resourceType: 'VirtualMachine',
    uid: '6f1c2b9e-0d7a-4c53-9d0e-2b1f6a8e4c11',
    status: 'PENDING',
    runtimeStatus: 'RUNNING',
    labels: { app: 'legacy-db' },
    size: {
      cpuCores: 2,
      memoryGi: 4,
      diskGb: 30,
      image: 'quay.io/containerdisks/debian:12',
    },
    discoveredBy: 'service:shepherd',
    createdAt: CREATED_AT,
    lastSeenAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  };
}

export function aTicket(
  overrides: Partial<ShepherdTicket> = {},
): ShepherdTicket {
  return {
    id: 'ticket-create',
    eventId: 'event-create',
    operation: 'CREATE',
    status: 'PENDING',
    requester: 'user:default/engineer-test',
    reason: 'Load tests of the payments API',
    environment: 'test',
    systemId: 'sys-payments',
    systemName: 'payments',
    serviceId: 'svc-api',
    serviceName: 'api',
    namespace: 'dev',
    requestSpec: {
      serviceId: 'svc-api',
      namespace: 'dev',
      templateId: 'tpl-ubuntu',
      instanceSizeId: 'size-small',
    },
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  };
}

export function aDomainEvent(
  overrides: Partial<ShepherdDomainEvent> = {},
): ShepherdDomainEvent {
  return {
    id: 'event-create',
    type: 'VM_CREATION_REQUESTED',
    aggregateType: 'vm',
    aggregateId: 'ticket-create',
    payload: {},
    status: 'PENDING',
    createdBy: 'user:default/engineer-test',
    createdAt: CREATED_AT,
    ...overrides,
  };
}

export function anAuditEntry(
  overrides: Partial<AuditLogEntry> = {},
): AuditLogEntry {
  return {
    id: 'audit-1',
    action: 'vm.request',
    outcome: 'success',
    actor: 'user:default/engineer-test',
    resourceType: 'ticket',
    resourceId: 'ticket-create',
    ticketId: 'ticket-create',
    details: {},
    createdAt: CREATED_AT,
    ...overrides,
  };
}

/** A recorded action on a VM as its history answers it: here a start that needed no approval. */
export function aVmHistoryEntry(
  overrides: Partial<VmHistoryEntry> = {},
): VmHistoryEntry {
  return {
    id: 'audit-1',
    action: 'vm.start',
    outcome: 'success',
    actor: 'user:default/engineer-test',
    details: {},
    createdAt: CREATED_AT,
    ...overrides,
  };
}

/** The error body the Shepherd backend answers, as Backstage's error handler serialises it. */
export function anErrorBody(options: {
  name?: string;
  message: string;
  code?: string;
  details?: Record<string, unknown>;
  status: number;
}) {
  return {
    error: {
      name: options.name ?? 'Error',
      message: options.message,
      ...(options.code ? { code: options.code } : {}),
      ...(options.details ? { details: options.details } : {}),
    },
    request: { method: 'GET', url: '/api/shepherd' },
    response: { statusCode: options.status },
  };
}
