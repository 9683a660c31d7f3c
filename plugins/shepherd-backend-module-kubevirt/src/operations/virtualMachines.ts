import type {
  V1VirtualMachine,
  V1VirtualMachineInstance,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import {
  ShepherdProviderError,
  ShepherdVmRef,
  ShepherdVmRuntimeState,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { ClusterClient } from '../client/ClusterClient';
import {
  CONTENT_TYPES,
  FIELD_MANAGER,
  KUBEVIRT_API,
  MANAGED_SELECTOR,
  VM_NAMES,
} from '../constants';
import { mapVmStatus } from '../status/mapVmStatus';
import { describeVm, virtualMachinePath } from './paths';
import {
  isNotFound,
  readVirtualMachine,
  readVirtualMachineInstance,
} from './reads';

/**
 * Server-side apply of a rendered VM: Shepherd's field manager owns exactly the fields it
 * renders, `force` takes them back from anyone who changed them by hand, and fields others
 * own (KubeVirt's defaults, status) stay theirs. With `dryRun` the API server runs the same
 * request through validation and admission without storing anything.
 */
export async function applyVirtualMachine(
  client: ClusterClient,
  vm: V1VirtualMachine,
  dryRun: boolean,
): Promise<{ resourceVersion?: string }> {
  const ref = {
    namespace: vm.metadata?.namespace ?? '',
    name: vm.metadata?.name ?? '',
  };
  const response = await client.request<V1VirtualMachine>(
    `${dryRun ? 'Dry-run apply' : 'Apply'} ${describeVm(ref)}`,
    {
      method: 'PATCH',
      path: virtualMachinePath(ref),
      query: {
        fieldManager: FIELD_MANAGER,
        force: 'true',
        dryRun: dryRun ? 'All' : undefined,
      },
      contentType: CONTENT_TYPES.apply,
      body: vm,
    },
  );
  return { resourceVersion: response.body?.metadata?.resourceVersion };
}

/**
 * Deletes a VM. Foreground propagation keeps the VM (as Terminating, i.e. DELETING) until
 * its instance and DataVolumes are gone, so NOT_FOUND means everything is gone.
 */
export async function deleteVirtualMachine(
  client: ClusterClient,
  vm: ShepherdVmRef,
): Promise<{ existed: boolean }> {
  try {
    await client.call(`Delete ${describeVm(vm)}`, ({ custom }) =>
      custom.deleteNamespacedCustomObject({
        group: KUBEVIRT_API.group,
        version: KUBEVIRT_API.version,
        namespace: vm.namespace,
        plural: KUBEVIRT_API.virtualMachines,
        name: vm.name,
        propagationPolicy: 'Foreground',
      }),
    );
    return { existed: true };
  } catch (error) {
    if (isNotFound(error)) return { existed: false };
    throw error;
  }
}

/** The VM's address on the pod network: the `default` interface, else the first with one. */
function ipAddressOf(vmi?: V1VirtualMachineInstance): string | undefined {
  const interfaces = vmi?.status?.interfaces ?? [];
  const preferred = interfaces.find(i => i.name === VM_NAMES.network);
  return preferred?.ipAddress ?? interfaces.find(i => i.ipAddress)?.ipAddress;
}

export function toRuntimeState(
  vm: V1VirtualMachine,
  vmi?: V1VirtualMachineInstance,
): ShepherdVmRuntimeState {
  const { status, message } = mapVmStatus(vm, vmi);
  return {
    namespace: vm.metadata?.namespace ?? '',
    name: vm.metadata?.name ?? '',
    status,
    ...(message ? { message } : {}),
    resourceVersion: vm.metadata?.resourceVersion,
    ipAddress: ipAddressOf(vmi),
    nodeName: vmi?.status?.nodeName,
    labels: vm.metadata?.labels,
    uid: vm.metadata?.uid,
  };
}

/**
 * The VM's state from its VM and VMI. A missing VM is NOT_FOUND; a cluster that cannot be
 * asked (unreachable, timed out, its circuit open) gives UNKNOWN with the reason — a
 * poller must never take "could not look" for "gone".
 */
export async function getVirtualMachineState(
  client: ClusterClient,
  ref: ShepherdVmRef,
): Promise<ShepherdVmRuntimeState> {
  try {
    const vm = await readVirtualMachine(client, ref);
    if (!vm) return { ...ref, status: 'NOT_FOUND' };
    const vmi = await readVirtualMachineInstance(client, ref);
    return toRuntimeState(vm, vmi);
  } catch (error) {
    if (error instanceof ShepherdProviderError && error.kind === 'transient') {
      return { ...ref, status: 'UNKNOWN', message: error.message };
    }
    throw error;
  }
}

/** Pages keep a list of thousands of VMs from being one huge answer. */
const LIST_PAGE_SIZE = 500;

interface KubeList<T> {
  items?: T[];
  metadata?: { continue?: string };
}

/** Every object of a kind across namespaces that carries Shepherd's managed-by label. */
async function listManaged<T>(
  client: ClusterClient,
  plural: string,
): Promise<T[]> {
  const items: T[] = [];
  let continueToken: string | undefined;
  do {
    const pageToken = continueToken;
    const page = (await client.call(`List managed ${plural}`, ({ custom }) =>
      custom.listClusterCustomObject({
        group: KUBEVIRT_API.group,
        version: KUBEVIRT_API.version,
        plural,
        labelSelector: MANAGED_SELECTOR,
        limit: LIST_PAGE_SIZE,
        _continue: pageToken,
      }),
    )) as KubeList<T>;
    items.push(...(page.items ?? []));
    continueToken = page.metadata?.continue || undefined;
  } while (continueToken);
  return items;
}

const keyOf = (object: V1VirtualMachine | V1VirtualMachineInstance) =>
  `${object.metadata?.namespace}/${object.metadata?.name}`;

export async function listManagedVirtualMachines(
  client: ClusterClient,
): Promise<ShepherdVmRuntimeState[]> {
  const vms = await listManaged<V1VirtualMachine>(
    client,
    KUBEVIRT_API.virtualMachines,
  );
  // The VMI template carries the same labels, so one more list finds every instance.
  const vmis = await listManaged<V1VirtualMachineInstance>(
    client,
    KUBEVIRT_API.virtualMachineInstances,
  );
  const instances = new Map(vmis.map(vmi => [keyOf(vmi), vmi]));
  return vms.map(vm => toRuntimeState(vm, instances.get(keyOf(vm))));
}
