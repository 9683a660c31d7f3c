import type {
  V1VirtualMachine,
  V1VirtualMachineInstance,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import {
  ShepherdProviderError,
  ShepherdVmInventoryItem,
  ShepherdVmPrecondition,
  ShepherdVmRef,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { ClusterClient } from '../client/ClusterClient';
import { CONTENT_TYPES, FIELD_MANAGER, KUBEVIRT_API } from '../constants';
import { quantityToGib } from '../render/quantities';
import { describeVm, virtualMachinePath } from './paths';
import { isNotFound } from './reads';
import { toRuntimeState } from './virtualMachines';

/** Pages keep a namespace of thousands of VMs from being one huge answer. */
const LIST_PAGE_SIZE = 500;

interface KubeList<T> {
  items?: T[];
  metadata?: { continue?: string };
}

/** Every object of a KubeVirt kind in one namespace; none when the namespace does not exist. */
async function listInNamespace<T>(
  client: ClusterClient,
  plural: string,
  namespace: string,
): Promise<T[]> {
  const items: T[] = [];
  let continueToken: string | undefined;
  do {
    const pageToken = continueToken;
    let page: KubeList<T>;
    try {
      page = (await client.call(
        `List ${plural} in namespace ${namespace}`,
        ({ custom }) =>
          custom.listNamespacedCustomObject({
            group: KUBEVIRT_API.group,
            version: KUBEVIRT_API.version,
            namespace,
            plural,
            limit: LIST_PAGE_SIZE,
            _continue: pageToken,
          }),
      )) as KubeList<T>;
    } catch (error) {
      if (isNotFound(error)) return items;
      throw error;
    }
    items.push(...(page.items ?? []));
    continueToken = page.metadata?.continue || undefined;
  } while (continueToken);
  return items;
}

/** CPU cores a VM declares: its CPU limit, else its topology (sockets × cores × threads). */
function cpuCoresOf(vm: V1VirtualMachine): number | undefined {
  const domain = vm.spec?.template?.spec?.domain;
  const limit = domain?.resources?.limits?.cpu;
  if (limit !== undefined) {
    const text = String(limit);
    const cores = text.endsWith('m')
      ? Number(text.slice(0, -1)) / 1000
      : Number(text);
    if (Number.isFinite(cores)) return cores;
  }
  const cpu = domain?.cpu;
  if (!cpu) return undefined;
  return (cpu.sockets ?? 1) * (cpu.cores ?? 1) * (cpu.threads ?? 1);
}

/**
 * Memory in GiB as Shepherd counts it (the most the VM may use): its limit, else its guest
 * memory, else its request (from which KubeVirt derives the guest memory).
 */
function memoryGiOf(vm: V1VirtualMachine): number | undefined {
  const domain = vm.spec?.template?.spec?.domain;
  return quantityToGib(
    domain?.resources?.limits?.memory ??
      domain?.memory?.guest ??
      domain?.resources?.requests?.memory,
  );
}

/** The first disk's volume: size and image from its DataVolume template, or its container image. */
function firstDiskOf(vm: V1VirtualMachine): {
  diskGb?: number;
  image?: string;
} {
  const volumes = vm.spec?.template?.spec?.volumes ?? [];
  const firstDisk = vm.spec?.template?.spec?.domain?.devices?.disks?.[0];
  const volume =
    volumes.find(candidate => candidate.name === firstDisk?.name) ?? volumes[0];
  if (!volume) return {};
  if (volume.containerDisk?.image) {
    return { image: volume.containerDisk.image };
  }
  const dataVolumeName = volume.dataVolume?.name;
  const template = vm.spec?.dataVolumeTemplates?.find(
    candidate => candidate.metadata?.name === dataVolumeName,
  );
  if (!template) {
    const claim = volume.persistentVolumeClaim?.claimName;
    return claim ? { image: `pvc:${claim}` } : {};
  }
  const size = quantityToGib(
    template.spec?.storage?.resources?.requests?.storage ??
      template.spec?.pvc?.resources?.requests?.storage,
  );
  const source = template.spec?.source;
  const image =
    source?.registry?.url ??
    source?.http?.url ??
    (source?.pvc?.name
      ? `pvc:${source.pvc.namespace ?? ''}/${source.pvc.name}`
      : undefined);
  return {
    ...(size !== undefined && { diskGb: Math.ceil(size) }),
    ...(image !== undefined && { image }),
  };
}

const keyOf = (object: V1VirtualMachine | V1VirtualMachineInstance) =>
  `${object.metadata?.namespace}/${object.metadata?.name}`;

/**
 * Every VM of the given namespaces, whoever created it, with its state, its uid and what it
 * declares (CPU, memory, first disk and its image). VMs being deleted are left out: they are
 * on their way out, not candidates for anything.
 */
export async function listVirtualMachines(
  client: ClusterClient,
  namespaces: string[],
): Promise<ShepherdVmInventoryItem[]> {
  const items: ShepherdVmInventoryItem[] = [];
  for (const namespace of new Set(namespaces)) {
    const vms = await listInNamespace<V1VirtualMachine>(
      client,
      KUBEVIRT_API.virtualMachines,
      namespace,
    );
    if (vms.length === 0) continue;
    const vmis = await listInNamespace<V1VirtualMachineInstance>(
      client,
      KUBEVIRT_API.virtualMachineInstances,
      namespace,
    );
    const instances = new Map(vmis.map(vmi => [keyOf(vmi), vmi]));
    for (const vm of vms) {
      const uid = vm.metadata?.uid;
      if (!uid || vm.metadata?.deletionTimestamp) continue;
      const cpuCores = cpuCoresOf(vm);
      const memoryGi = memoryGiOf(vm);
      items.push({
        ...toRuntimeState(vm, instances.get(keyOf(vm))),
        uid,
        ...(cpuCores !== undefined && { cpuCores }),
        ...(memoryGi !== undefined && { memoryGi }),
        ...firstDiskOf(vm),
      });
    }
  }
  return items;
}

/**
 * Sets (or, with `null`, removes) labels of a VM and nothing else: a JSON merge patch of its
 * labels, written with Shepherd's field manager, so that Shepherd owns exactly these labels
 * in the object's managed fields. The patch carries the object's resourceVersion (optimistic
 * concurrency: the API server answers 409 for any other version, and a resourceVersion is
 * never shared by two objects) and its uid (refused by the API server when it differs), so an
 * object deleted and created again under the same name, or changed since it was read, is
 * never labelled by mistake.
 */
export async function labelVirtualMachine(
  client: ClusterClient,
  vm: ShepherdVmRef,
  labels: Record<string, string | null>,
  precondition: ShepherdVmPrecondition,
): Promise<{ resourceVersion?: string }> {
  try {
    const response = await client.request<V1VirtualMachine>(
      `Label ${describeVm(vm)}`,
      {
        method: 'PATCH',
        path: virtualMachinePath(vm),
        query: { fieldManager: FIELD_MANAGER },
        contentType: CONTENT_TYPES.mergePatch,
        body: {
          metadata: {
            uid: precondition.uid,
            resourceVersion: precondition.resourceVersion,
            labels,
          },
        },
      },
    );
    const written = response.body?.metadata;
    return { resourceVersion: written?.resourceVersion };
  } catch (error) {
    if (isNotFound(error)) {
      throw new ShepherdProviderError(
        'permanent',
        `${describeVm(vm)} does not exist`,
        { statusCode: 404, cause: error },
      );
    }
    throw error;
  }
}
