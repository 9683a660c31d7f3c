import {
  ShepherdInstanceSize,
  ShepherdTemplate,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  ShepherdVmDefinition,
  ShepherdVmOwner,
} from '@kubevirt-shepherd/plugin-shepherd-node';

const CREATED = {
  createdBy: 'user:default/admin',
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
};

export const CLOUD_INIT = `#cloud-config
users:
  - name: shepherd
    sudo: ALL=(ALL) NOPASSWD:ALL
`;

export function template(
  overrides: Partial<ShepherdTemplate> = {},
): ShepherdTemplate {
  return {
    id: 'tpl-fedora',
    name: 'fedora-40',
    displayName: 'Fedora 40',
    description: 'Fedora Cloud 40',
    status: 'active',
    catalogScope: 'all',
    sourceType: 'containerdisk',
    imageUrl: 'quay.io/containerdisks/fedora:40',
    cloudInit: CLOUD_INIT,
    osFamily: 'linux',
    osVersion: '40',
    ...CREATED,
    ...overrides,
  };
}

export function instanceSize(
  overrides: Partial<ShepherdInstanceSize> = {},
): ShepherdInstanceSize {
  return {
    id: 'size-medium',
    name: 'medium',
    displayName: 'Medium',
    description: '2 vCPU, 4 GiB',
    catalogScope: 'all',
    enabled: true,
    sortOrder: 1,
    cpuCores: 2,
    cpuRequest: 1,
    memoryGi: 4,
    memoryRequestGi: 2,
    diskGb: 20,
    dedicatedCpu: false,
    requiresGpu: false,
    requiresSriov: false,
    requiresHugepages: false,
    specOverrides: {},
    ...CREATED,
    ...overrides,
  };
}

/** A definition as the backend hands it over after approval. */
export function definition(
  overrides: Partial<ShepherdVmDefinition> = {},
): ShepherdVmDefinition {
  const size = overrides.instanceSize ?? instanceSize();
  const tpl = overrides.template ?? template();
  return {
    namespace: 'dev',
    name: 'dev-shop-redis-01',
    environment: 'test',
    systemName: 'shop',
    serviceName: 'redis',
    instance: '01',
    ticketId: 'tkt-0001',
    installationId: 'shepherd-test-installation',
    vmId: 'vm-0001',
    template: tpl,
    instanceSize: size,
    spec: {
      templateId: tpl.id,
      instanceSizeId: size.id,
      cpuCores: size.cpuCores,
      cpuRequest: size.cpuRequest,
      memoryGi: size.memoryGi,
      memoryRequestGi: size.memoryRequestGi,
      diskGb: size.diskGb,
    },
    running: true,
    ...overrides,
  };
}

/** Who owns the objects of a definition: what deletes are checked against. */
export function ownerOf(
  vm: Pick<ShepherdVmDefinition, 'installationId' | 'vmId'>,
): ShepherdVmOwner {
  return { installationId: vm.installationId, vmId: vm.vmId };
}
