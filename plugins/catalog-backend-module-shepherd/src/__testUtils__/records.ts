import {
  ShepherdService,
  ShepherdSystem,
  ShepherdVm,
  SystemMember,
} from '@kubevirt-shepherd/plugin-shepherd-common';

export const AT = '2026-11-23T10:00:00.000Z';

/** A later timestamp, `minutes` after {@link AT}. */
export function after(minutes: number): string {
  return new Date(Date.parse(AT) + minutes * 60_000).toISOString();
}

export function aSystem(
  overrides: Partial<ShepherdSystem> = {},
): ShepherdSystem {
  const name = overrides.name ?? 'shop';
  return {
    id: `system-${name}`,
    name,
    description: '',
    createdBy: 'user:default/alice',
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function aMember(
  system: ShepherdSystem,
  memberRef: string,
  role: SystemMember['role'] = 'owner',
  overrides: Partial<SystemMember> = {},
): SystemMember {
  return {
    id: `member-${system.name}-${memberRef}`,
    systemId: system.id,
    memberRef,
    role,
    grantedBy: system.createdBy,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function aService(
  system: ShepherdSystem,
  overrides: Partial<ShepherdService> = {},
): ShepherdService {
  const name = overrides.name ?? 'api';
  return {
    id: `service-${system.name}-${name}`,
    systemId: system.id,
    systemName: system.name,
    name,
    description: '',
    nextInstanceIndex: 2,
    createdBy: 'user:default/alice',
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function aVm(
  service: ShepherdService,
  overrides: Partial<ShepherdVm> = {},
): ShepherdVm {
  const instance = overrides.instance ?? '01';
  const namespace = overrides.namespace ?? 'dev';
  const name = `${namespace}-${service.systemName}-${service.name}-${instance}`;
  return {
    id: `vm-${name}`,
    name,
    namespace,
    environment: 'test',
    instance,
    status: 'RUNNING',
    systemId: service.systemId,
    systemName: service.systemName,
    serviceId: service.id,
    serviceName: service.name,
    clusterId: 'cluster-1',
    clusterName: 'sim-test',
    ticketId: `ticket-${name}`,
    createdBy: 'user:default/bob',
    templateId: 'template-1',
    instanceSizeId: 'size-1',
    cpuCores: 2,
    cpuRequest: 1,
    memoryGi: 4,
    memoryRequestGi: 2,
    diskGb: 20,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}
