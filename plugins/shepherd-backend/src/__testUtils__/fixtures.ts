import {
  Environment,
  MemberRole,
  ShepherdCluster,
  ShepherdInstanceSize,
  ShepherdNamespace,
  ShepherdService,
  ShepherdSystem,
  ShepherdTemplate,
  TicketOperation,
  TicketStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { randomUUID } from 'node:crypto';
import { ShepherdStore } from '../database/ShepherdStore';
import { NewTicket } from '../database/stores/tickets/TicketsStore';
import { NewVm } from '../database/stores/vms/VmsStore';

let drawn = 0;
/**
 * A short name no other fixture of this test process has: a count (so that two names never
 * collide, as two random draws of a few characters sometimes do) after two random
 * characters: six after the prefix, as tests of name lengths expect.
 */
function uniqueName(prefix: string): string {
  drawn += 1;
  const random = randomUUID()
    .slice(0, 2)
    .replace(/[^a-z0-9]/g, 'a');
  return `${prefix}${random}${drawn.toString(36).padStart(4, '0')}`;
}

export const FIXED_NOW = '2026-11-23T10:00:00.000Z';

/** The overcommitted size VMs of the workflow and end-to-end tests are requested with. */
export const MEDIUM_SIZE = {
  name: 'medium',
  cpuCores: 2,
  cpuRequest: 1,
  memoryGi: 4,
  memoryRequestGi: 4,
  diskGb: 20,
} satisfies Partial<ShepherdInstanceSize>;

/** Seeds records with sensible defaults, for store and service tests. */
export class Fixtures {
  constructor(private readonly store: ShepherdStore) {}

  async system(
    overrides: Partial<ShepherdSystem> & {
      members?: Array<[memberRef: string, role: MemberRole]>;
    } = {},
  ): Promise<ShepherdSystem> {
    const { members = [], ...fields } = overrides;
    const system: ShepherdSystem = {
      id: randomUUID(),
      name: uniqueName('sys'),
      description: '',
      createdBy: 'user:default/creator',
      createdAt: FIXED_NOW,
      updatedAt: FIXED_NOW,
      ...fields,
    };
    await this.store.systems.insert(system);
    for (const [memberRef, role] of members) {
      await this.member(system, memberRef, role);
    }
    return system;
  }

  /** Makes `memberRef` a member of `system`, granted by the System's creator. */
  async member(system: ShepherdSystem, memberRef: string, role: MemberRole) {
    await this.store.members.insert({
      id: randomUUID(),
      systemId: system.id,
      memberRef,
      role,
      grantedBy: system.createdBy,
      createdAt: FIXED_NOW,
      updatedAt: FIXED_NOW,
    });
  }

  async service(
    system: ShepherdSystem,
    overrides: Partial<ShepherdService> = {},
  ): Promise<ShepherdService> {
    const service = {
      id: randomUUID(),
      systemId: system.id,
      name: uniqueName('svc'),
      description: '',
      nextInstanceIndex: 1,
      createdBy: 'user:default/creator',
      createdAt: FIXED_NOW,
      updatedAt: FIXED_NOW,
      ...overrides,
    };
    await this.store.services.insert(service);
    return { ...service, systemName: system.name };
  }

  /**
   * The Service 'cart' of the System 'shop', which the team of the API tests' engineers
   * (group:default/team-payments) owns.
   */
  async teamService(): Promise<ShepherdService> {
    const shop = await this.system({
      name: 'shop',
      members: [['group:default/team-payments', 'owner']],
    });
    return this.service(shop, { name: 'cart' });
  }

  async namespace(
    overrides: Partial<ShepherdNamespace> = {},
  ): Promise<ShepherdNamespace> {
    const namespace: ShepherdNamespace = {
      id: randomUUID(),
      name: uniqueName('ns'),
      environment: 'test',
      description: '',
      enabled: true,
      createdBy: 'user:default/platform-admin',
      createdAt: FIXED_NOW,
      updatedAt: FIXED_NOW,
      ...overrides,
    };
    await this.store.namespaces.insert(namespace);
    return namespace;
  }

  async cluster(
    overrides: Partial<ShepherdCluster> = {},
  ): Promise<ShepherdCluster> {
    const cluster: ShepherdCluster = {
      id: randomUUID(),
      name: uniqueName('cluster-'),
      displayName: 'Cluster',
      environment: 'test',
      providerType: 'kubevirt',
      status: 'HEALTHY',
      enabled: true,
      apiServerUrl: 'https://127.0.0.1:6443',
      featureGates: [],
      storageClasses: ['standard'],
      defaultStorageClass: 'standard',
      credentialKeyId: 'k1',
      createdBy: 'user:default/platform-admin',
      createdAt: FIXED_NOW,
      updatedAt: FIXED_NOW,
      ...overrides,
    };
    await this.store.clusters.insert(cluster, {
      encryptedKubeconfig: 'ciphertext',
      encryptionKeyId: cluster.credentialKeyId,
    });
    return cluster;
  }

  async template(
    overrides: Partial<ShepherdTemplate> = {},
  ): Promise<ShepherdTemplate> {
    const template: ShepherdTemplate = {
      id: randomUUID(),
      name: uniqueName('tpl-'),
      displayName: 'Template',
      description: '',
      status: 'active',
      catalogScope: 'all',
      sourceType: 'containerdisk',
      imageUrl: 'quay.io/containerdisks/fedora:40',
      osFamily: 'linux',
      osVersion: 'fedora-40',
      createdBy: 'user:default/platform-admin',
      createdAt: FIXED_NOW,
      updatedAt: FIXED_NOW,
      ...overrides,
    };
    await this.store.templates.insert(template);
    return template;
  }

  async instanceSize(
    overrides: Partial<ShepherdInstanceSize> = {},
  ): Promise<ShepherdInstanceSize> {
    const size: ShepherdInstanceSize = {
      id: randomUUID(),
      name: uniqueName('size-'),
      displayName: 'Size',
      description: '',
      catalogScope: 'all',
      enabled: true,
      sortOrder: 0,
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
      createdAt: FIXED_NOW,
      updatedAt: FIXED_NOW,
      ...overrides,
    };
    await this.store.instanceSizes.insert(size);
    return size;
  }

  async ticket(
    service: ShepherdService,
    overrides: Partial<NewTicket> & {
      operation?: TicketOperation;
      status?: TicketStatus;
      environment?: Environment;
    } = {},
  ): Promise<NewTicket> {
    const ticket: NewTicket = {
      id: randomUUID(),
      eventId: randomUUID(),
      operation: 'CREATE',
      status: 'PENDING',
      requester: 'user:default/engineer-test',
      reason: 'needed',
      environment: 'test',
      systemId: service.systemId,
      systemName: service.systemName,
      serviceId: service.id,
      serviceName: service.name,
      namespace: 'dev',
      requestSpec: {},
      dedupeKey: randomUUID(),
      createdAt: FIXED_NOW,
      updatedAt: FIXED_NOW,
      ...overrides,
    };
    await this.store.tickets.insert(ticket);
    return ticket;
  }

  async vm(
    service: ShepherdService,
    overrides: Partial<NewVm> = {},
  ): Promise<NewVm> {
    const vm: NewVm = {
      id: randomUUID(),
      name: `dev-${service.systemName}-${service.name}-${randomUUID().slice(
        0,
        2,
      )}`,
      namespace: 'dev',
      environment: 'test',
      instance: '01',
      status: 'RUNNING',
      systemId: service.systemId,
      serviceId: service.id,
      ticketId: randomUUID(),
      createdBy: 'user:default/engineer-test',
      templateId: randomUUID(),
      instanceSizeId: randomUUID(),
      cpuCores: 2,
      cpuRequest: 1,
      memoryGi: 4,
      memoryRequestGi: 2,
      diskGb: 20,
      createdAt: FIXED_NOW,
      updatedAt: FIXED_NOW,
      ...overrides,
    };
    await this.store.vms.insert(vm);
    return vm;
  }
}
