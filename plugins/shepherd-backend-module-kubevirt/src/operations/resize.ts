import type {
  V1DataVolumeTemplateSpec,
  V1VirtualMachine,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { parseKubernetesQuantity } from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  ShepherdProviderError,
  ShepherdVmRef,
  ShepherdVmResize,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { ClusterClient } from '../client/ClusterClient';
import { CONTENT_TYPES, VM_NAMES } from '../constants';
import {
  QuantityError,
  formatCpu,
  formatDisk,
  formatMemory,
  quantityToGib,
  wholeCores,
} from '../render/quantities';
import {
  describeVm,
  persistentVolumeClaimPath,
  virtualMachinePath,
} from './paths';
import {
  isInstanceActive,
  isNotFound,
  readVirtualMachine,
  readVirtualMachineInstance,
} from './reads';

type Patch = Record<string, unknown>;

/** The fields of `spec.template.spec.domain` a resize writes. */
interface DomainPatch {
  cpu?: { cores: number };
  resources?: {
    requests?: { cpu?: string; memory?: string };
    limits?: { cpu?: string; memory?: string };
  };
}

/** Where the root disk's size lives, by how the VM's root volume is backed. */
type DiskTarget =
  | { kind: 'dataVolumeTemplate'; index: number; pvcName: string }
  | { kind: 'persistentVolumeClaim'; pvcName: string };

function permanent(message: string): ShepherdProviderError {
  return new ShepherdProviderError('permanent', message);
}

function diskTargetOf(vm: V1VirtualMachine, ref: ShepherdVmRef): DiskTarget {
  const root = vm.spec.template.spec?.volumes?.find(
    volume => volume.name === VM_NAMES.rootDisk,
  );
  if (root?.dataVolume) {
    const pvcName = root.dataVolume.name;
    const index = (vm.spec.dataVolumeTemplates ?? []).findIndex(
      template => template.metadata?.name === pvcName,
    );
    return index >= 0
      ? { kind: 'dataVolumeTemplate', index, pvcName }
      : { kind: 'persistentVolumeClaim', pvcName };
  }
  if (root?.persistentVolumeClaim) {
    return {
      kind: 'persistentVolumeClaim',
      pvcName: root.persistentVolumeClaim.claimName,
    };
  }
  throw permanent(
    `The root disk of ${describeVm(
      ref,
    )} is not a DataVolume or PVC (a containerDisk takes its size from the image) and cannot be resized`,
  );
}

function templateSize(template: V1DataVolumeTemplateSpec): number | undefined {
  return quantityToGib(
    template.spec.storage?.resources?.requests?.storage ??
      template.spec.pvc?.resources?.requests?.storage,
  );
}

function withTemplateSize(
  template: V1DataVolumeTemplateSpec,
  size: string,
): V1DataVolumeTemplateSpec {
  const spec = template.spec;
  // Templates written by Shepherd use `storage`; older ones may use `pvc`.
  const key = spec.storage || !spec.pvc ? 'storage' : 'pvc';
  const current = spec[key] ?? {};
  return {
    ...template,
    spec: {
      ...spec,
      [key]: {
        ...current,
        resources: {
          ...current.resources,
          requests: { ...current.resources?.requests, storage: size },
        },
      },
    },
  };
}

/** Disks only grow: a smaller size would lose data, and most storage refuses it anyway. */
function checkGrowth(
  current: number | undefined,
  target: number,
  ref: ShepherdVmRef,
): void {
  if (current !== undefined && target < current) {
    throw permanent(
      `The disk of ${describeVm(
        ref,
      )} can only grow: it has ${current} GiB, ${target} GiB was requested`,
    );
  }
}

/** The storage request of a PVC in GiB; `null` when the PVC does not exist. */
async function readClaimSize(
  client: ClusterClient,
  namespace: string,
  name: string,
): Promise<number | undefined | null> {
  try {
    const pvc = await client.call(
      `Read PersistentVolumeClaim ${namespace}/${name}`,
      ({ core }) =>
        core.readNamespacedPersistentVolumeClaim({ name, namespace }),
    );
    return quantityToGib(pvc.spec?.resources?.requests?.storage);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** The domain part of the patch, and whether it changes what the VM has now. */
function domainPatch(
  vm: V1VirtualMachine,
  resize: ShepherdVmResize,
): { patch: DomainPatch; changes: boolean } {
  const domain = vm.spec.template.spec?.domain;
  const requests = domain?.resources?.requests ?? {};
  const limits = domain?.resources?.limits ?? {};
  const patch: DomainPatch = {};
  let changes = false;
  const differs = (current: string | undefined, next: string) =>
    parseKubernetesQuantity(current) !== parseKubernetesQuantity(next);

  const setRequest = (field: 'cpu' | 'memory', value: string) => {
    changes ||= differs(requests[field], value);
    patch.resources = {
      ...patch.resources,
      requests: { ...patch.resources?.requests, [field]: value },
    };
  };
  const setLimit = (field: 'cpu' | 'memory', value: string) => {
    changes ||= differs(limits[field], value);
    patch.resources = {
      ...patch.resources,
      limits: { ...patch.resources?.limits, [field]: value },
    };
  };

  if (resize.cpuCores !== undefined) {
    const cores = wholeCores(resize.cpuCores);
    changes ||= domain?.cpu?.cores !== cores;
    patch.cpu = { cores };
    setLimit('cpu', formatCpu(resize.cpuCores));
  }
  if (resize.cpuRequest !== undefined) {
    setRequest('cpu', formatCpu(resize.cpuRequest));
  }
  if (resize.memoryGi !== undefined) {
    setLimit('memory', formatMemory(resize.memoryGi));
  }
  if (resize.memoryRequestGi !== undefined) {
    setRequest('memory', formatMemory(resize.memoryRequestGi));
  }
  return { patch, changes };
}

/**
 * Changes CPU, memory or disk of an existing VM with an exact JSON merge patch of just those
 * fields — not an apply, so fields the resize does not name stay as they are. Disk sizes
 * live in the VM's DataVolume template (the whole template list goes into the patch, as a
 * merge patch replaces lists; the VM's resourceVersion guards it against concurrent edits)
 * and in the PVC behind it, which is expanded too when it exists. With `dryRun` the cluster
 * validates the same patches without applying them.
 *
 * A CPU or memory change of a running VM takes effect at its next restart.
 */
export async function resizeVirtualMachine(
  client: ClusterClient,
  ref: ShepherdVmRef,
  resize: ShepherdVmResize,
  dryRun: boolean,
): Promise<{ restartRequired: boolean }> {
  const vm = await readVirtualMachine(client, ref);
  if (!vm) {
    throw new ShepherdProviderError(
      'permanent',
      `${describeVm(ref)} does not exist`,
      { statusCode: 404 },
    );
  }

  let domain: { patch: DomainPatch; changes: boolean };
  try {
    domain = domainPatch(vm, resize);
  } catch (error) {
    if (error instanceof QuantityError) throw permanent(error.message);
    throw error;
  }
  const vmPatch: Patch = {};
  if (Object.keys(domain.patch).length > 0) {
    vmPatch.spec = { template: { spec: { domain: domain.patch } } };
  }

  // Everything is checked before anything is written, so a refused disk change does not
  // leave CPU and memory changed behind it.
  let claimToExpand: string | undefined;
  if (resize.diskGb !== undefined) {
    const diskGb = resize.diskGb;
    let size: string;
    try {
      size = formatDisk(diskGb);
    } catch (error) {
      throw permanent((error as Error).message);
    }
    const target = diskTargetOf(vm, ref);
    if (target.kind === 'dataVolumeTemplate') {
      const templates = vm.spec.dataVolumeTemplates ?? [];
      const current = templateSize(templates[target.index]);
      checkGrowth(current, diskGb, ref);
      if (current !== diskGb) {
        vmPatch.metadata = { resourceVersion: vm.metadata?.resourceVersion };
        vmPatch.spec = {
          ...(vmPatch.spec as Patch | undefined),
          dataVolumeTemplates: templates.map((template, index) =>
            index === target.index
              ? withTemplateSize(template, size)
              : template,
          ),
        };
      }
    }
    const claimSize = await readClaimSize(
      client,
      ref.namespace,
      target.pvcName,
    );
    if (claimSize === null) {
      // A DataVolume whose PVC does not exist yet takes its size from the template; a
      // root disk that is a plain PVC has nowhere else to be resized.
      if (target.kind === 'persistentVolumeClaim') {
        throw new ShepherdProviderError(
          'permanent',
          `The root disk PVC ${ref.namespace}/${target.pvcName} of ${describeVm(
            ref,
          )} does not exist`,
          { statusCode: 404 },
        );
      }
    } else {
      checkGrowth(claimSize, diskGb, ref);
      if (claimSize !== diskGb) claimToExpand = target.pvcName;
    }
  }

  if (Object.keys(vmPatch).length > 0) {
    await client.request(
      `${dryRun ? 'Dry-run resize' : 'Resize'} ${describeVm(ref)}`,
      {
        method: 'PATCH',
        path: virtualMachinePath(ref),
        query: { dryRun: dryRun ? 'All' : undefined },
        contentType: CONTENT_TYPES.mergePatch,
        body: vmPatch,
      },
    );
  }
  if (claimToExpand !== undefined && resize.diskGb !== undefined) {
    await client.request(
      `${dryRun ? 'Dry-run expand' : 'Expand'} PersistentVolumeClaim ${
        ref.namespace
      }/${claimToExpand}`,
      {
        method: 'PATCH',
        path: persistentVolumeClaimPath(ref.namespace, claimToExpand),
        query: { dryRun: dryRun ? 'All' : undefined },
        contentType: CONTENT_TYPES.mergePatch,
        body: {
          spec: {
            resources: { requests: { storage: formatDisk(resize.diskGb) } },
          },
        },
      },
    );
  }

  const running = isInstanceActive(
    await readVirtualMachineInstance(client, ref),
  );
  return { restartRequired: domain.changes && running };
}
