import type {
  V1DataVolumeTemplateSpec,
  V1Disk,
  V1DomainSpec,
  V1VirtualMachine,
  V1Volume,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import {
  SpecOverrideError,
  applySpecOverrides,
  checkKubeVirtAdmission,
  withSshAuthorizedKey,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  ShepherdProviderError,
  ShepherdVmDefinition,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import {
  ANNOTATIONS,
  KUBEVIRT_API,
  VM_NAMES,
  rootDataVolumeName,
  vmFqdn,
} from '../constants';
import { ownershipLabels, platformLabels } from './labels';
import {
  QuantityError,
  formatCpu,
  formatDisk,
  formatMemory,
  wholeCores,
} from './quantities';

const RUN_STRATEGY = { running: 'Always', halted: 'Halted' } as const;

class RenderError extends Error {}

function required(value: string | undefined, what: string): string {
  if (!value || value.trim() === '') {
    throw new RenderError(`The template has no ${what}`);
  }
  return value;
}

interface RootDisk {
  volume: V1Volume;
  dataVolumeTemplate?: V1DataVolumeTemplateSpec;
}

/**
 * The boot disk by the template's source type. A containerDisk boots the image as it is:
 * its size is the image's, so the instance size's `diskGb` does not apply to it. The CDI
 * sources create a DataVolume `<vm>-rootfs` of `diskGb` GiB through `storage` (not `pvc`),
 * so that CDI fills in access and volume modes from the storage class's StorageProfile.
 */
function rootDisk(definition: ShepherdVmDefinition): RootDisk {
  const { template, spec } = definition;
  const name = VM_NAMES.rootDisk;
  if (template.sourceType === 'containerdisk') {
    return {
      volume: {
        name,
        containerDisk: { image: required(template.imageUrl, 'image') },
      },
    };
  }
  const dataVolumeName = rootDataVolumeName(definition.name);
  const source =
    template.sourceType === 'cdi_image_import'
      ? { http: { url: required(template.imageUrl, 'image URL') } }
      : {
          pvc: {
            namespace: template.pvcNamespace || definition.namespace,
            name: required(template.pvcName, 'source PVC'),
          },
        };
  return {
    volume: { name, dataVolume: { name: dataVolumeName } },
    dataVolumeTemplate: {
      metadata: { name: dataVolumeName, labels: ownershipLabels(definition) },
      spec: {
        source,
        storage: {
          ...(spec.storageClass ? { storageClassName: spec.storageClass } : {}),
          resources: { requests: { storage: formatDisk(spec.diskGb) } },
        },
      },
    },
  };
}

function domain(
  definition: ShepherdVmDefinition,
  disks: V1Disk[],
): V1DomainSpec {
  const { spec, instanceSize } = definition;
  const hugepages = instanceSize.requiresHugepages
    ? {
        hugepages: {
          pageSize: required(instanceSize.hugepagesSize, 'hugepages size'),
        },
      }
    : undefined;
  return {
    cpu: {
      cores: wholeCores(spec.cpuCores),
      ...(instanceSize.dedicatedCpu ? { dedicatedCpuPlacement: true } : {}),
    },
    ...(hugepages ? { memory: hugepages } : {}),
    resources: {
      requests: {
        cpu: formatCpu(spec.cpuRequest),
        memory: formatMemory(spec.memoryRequestGi),
      },
      limits: {
        cpu: formatCpu(spec.cpuCores),
        memory: formatMemory(spec.memoryGi),
      },
    },
    devices: {
      disks,
      interfaces: [{ name: VM_NAMES.network, masquerade: {} }],
    },
  };
}

/**
 * The VM's cloud-init user data: the template's, with the requester's SSH key added for the
 * login user (merged into the template's cloud-config, never replacing it).
 */
function userData(definition: ShepherdVmDefinition): string | undefined {
  const template = definition.template.cloudInit?.trim()
    ? definition.template.cloudInit
    : undefined;
  if (!definition.sshPublicKey) return template;
  try {
    return withSshAuthorizedKey(template, definition.sshPublicKey);
  } catch (error) {
    throw new RenderError((error as Error).message);
  }
}

function render(definition: ShepherdVmDefinition): V1VirtualMachine {
  const labels = platformLabels(definition);
  const root = rootDisk(definition);
  const cloudInit = userData(definition);

  const disks: V1Disk[] = [
    { name: VM_NAMES.rootDisk, disk: { bus: VM_NAMES.diskBus } },
  ];
  const volumes: V1Volume[] = [root.volume];
  if (cloudInit) {
    disks.push({
      name: VM_NAMES.cloudInitDisk,
      disk: { bus: VM_NAMES.diskBus },
    });
    volumes.push({
      name: VM_NAMES.cloudInitDisk,
      cloudInitNoCloud: { userData: cloudInit },
    });
  }

  return {
    apiVersion: KUBEVIRT_API.apiVersion,
    kind: 'VirtualMachine',
    metadata: {
      name: definition.name,
      namespace: definition.namespace,
      labels: { ...labels },
      annotations: {
        [ANNOTATIONS.fqdn]: vmFqdn(definition.name, definition.namespace),
      },
    },
    spec: {
      runStrategy: definition.running
        ? RUN_STRATEGY.running
        : RUN_STRATEGY.halted,
      ...(root.dataVolumeTemplate
        ? { dataVolumeTemplates: [root.dataVolumeTemplate] }
        : {}),
      template: {
        metadata: { labels: { ...labels } },
        spec: {
          domain: domain(definition, disks),
          networks: [{ name: VM_NAMES.network, pod: {} }],
          volumes,
        },
      },
    },
  };
}

/**
 * Renders the `kubevirt.io/v1` VirtualMachine for a definition: pure, deterministic (the same
 * definition gives the same object, so applying it twice changes nothing), and complete —
 * server-side apply owns every field listed here and nothing else. The instance size's
 * `specOverrides` are applied last, leaf by leaf, and the result is checked against KubeVirt's
 * admission rules; both are shepherd-common's, shared with the backend, which checks
 * catalog entries and requests with the same rules and words.
 *
 * Throws a permanent {@link ShepherdProviderError} when the definition cannot be rendered
 * (a template without an image, a CPU count that is not a multiple of 0.5, a bad override)
 * or gives a VM that KubeVirt's admission would refuse (`spec.running` set by an override,
 * dedicated CPUs with fractional cores or requests below limits, memory that is not a
 * multiple of the hugepages size, cloud-init user data over KubeVirt's inline limit).
 *
 * @public
 */
export function renderVirtualMachine(
  definition: ShepherdVmDefinition,
): V1VirtualMachine {
  try {
    const vm = applySpecOverrides(
      render(definition),
      definition.instanceSize.specOverrides ?? {},
    );
    const violations = checkKubeVirtAdmission(vm);
    if (violations.length > 0) {
      throw new RenderError(
        violations.map(violation => violation.message).join('; '),
      );
    }
    return vm;
  } catch (error) {
    if (
      error instanceof RenderError ||
      error instanceof QuantityError ||
      error instanceof SpecOverrideError
    ) {
      throw new ShepherdProviderError(
        'permanent',
        `Cannot render VirtualMachine ${definition.namespace}/${definition.name}: ${error.message}`,
      );
    }
    throw error;
  }
}
