import type {
  V1VirtualMachine,
  V1VirtualMachineInstance,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import {
  ShepherdNotOwnedError,
  ShepherdProviderError,
  ShepherdVmOwner,
  ShepherdVmRef,
  ShepherdVmRuntimeState,
  isOwnedBy,
  readShepherdOwnership,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { ClusterClient } from '../client/ClusterClient';
import {
  CONTENT_TYPES,
  FIELD_MANAGER,
  KUBEVIRT_API,
  MANAGED_SELECTOR,
  VM_NAMES,
} from '../constants';
import { DataVolumeState, mapVmStatus } from '../status/mapVmStatus';
import { describeVm, virtualMachinePath } from './paths';
import {
  isAlreadyExists,
  isConflict,
  isNotFound,
  readVirtualMachine,
  readVirtualMachineInstance,
} from './reads';

/**
 * How many times an apply is tried when the object changed between its read and the apply
 * (a 409 on the resourceVersion precondition) before the conflict is given up as such.
 */
const APPLY_CONFLICT_ATTEMPTS = 5;

/** What refuses an object of the VM's name that is not the expected VM of this installation. */
function refuseUnlessOwned(
  vm: V1VirtualMachine,
  ref: ShepherdVmRef,
  owner: ShepherdVmOwner,
): void {
  const labels = vm.metadata?.labels;
  const uidMatches = !owner.uid || owner.uid === vm.metadata?.uid;
  if (!isOwnedBy(labels, owner) || !uidMatches) {
    throw new ShepherdNotOwnedError(ref, readShepherdOwnership(labels), {
      objectKind: 'A VirtualMachine',
    });
  }
}

/**
 * Creates or updates a rendered VM, never someone else's: an existing object of the name is
 * changed only when its labels say it is this installation's VM `owner.vmId`; any other is
 * refused with a {@link ShepherdNotOwnedError} and left untouched.
 *
 * A VM that does not exist yet is created with a plain create (POST), which the API server
 * refuses when the name was taken in the meantime — server-side apply would instead take
 * over whatever object it finds — and then applied server-side. An own VM is updated by
 * server-side apply: Shepherd's field manager owns the fields it renders, `force` takes them
 * back from anyone who changed them by hand, and fields others own (KubeVirt's defaults,
 * status) stay theirs. With `dryRun` the API server runs the same request (the create, for
 * a VM that does not exist) through validation and admission without storing anything.
 */
export async function applyVirtualMachine(
  client: ClusterClient,
  vm: V1VirtualMachine,
  owner: ShepherdVmOwner,
  dryRun: boolean,
): Promise<{ resourceVersion?: string }> {
  const ref = {
    namespace: vm.metadata?.namespace ?? '',
    name: vm.metadata?.name ?? '',
  };
  let current = await readVirtualMachine(client, ref);
  if (!current) {
    try {
      const created = (await client.call(
        `${dryRun ? 'Dry-run create' : 'Create'} ${describeVm(ref)}`,
        ({ custom }) =>
          custom.createNamespacedCustomObject({
            group: KUBEVIRT_API.group,
            version: KUBEVIRT_API.version,
            namespace: ref.namespace,
            plural: KUBEVIRT_API.virtualMachines,
            body: vm,
            fieldManager: FIELD_MANAGER,
            dryRun: dryRun ? 'All' : undefined,
          }),
      )) as V1VirtualMachine;
      if (dryRun) {
        return { resourceVersion: created?.metadata?.resourceVersion };
      }
      // Applied once more, so that later applies find the fields owned by the apply
      // manager; the created object is known to be this VM.
      current = created;
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
      // Taken since the read: by an earlier run of the same job, or by someone else.
      current = await readVirtualMachine(client, ref);
      if (!current) throw error;
    }
  }
  for (let attempt = 1; ; attempt += 1) {
    refuseUnlessOwned(current, ref, owner);
    try {
      return await serverSideApply(client, vm, ref, current, dryRun);
    } catch (error) {
      // KubeVirt's controllers write a VM right after it is created (finalizers, status),
      // so a resourceVersion read a moment ago is often stale: read again, check again.
      if (!isConflict(error) || attempt >= APPLY_CONFLICT_ATTEMPTS) throw error;
      const reread = await readVirtualMachine(client, ref);
      if (!reread) throw error;
      current = reread;
    }
  }
}

/**
 * Server-side apply of the rendered VM over `current`, an object checked to be this VM. The
 * body carries `current`'s resourceVersion as a precondition: should the object be replaced
 * after the check, the API server answers 409 instead of applying over the replacement.
 */
async function serverSideApply(
  client: ClusterClient,
  vm: V1VirtualMachine,
  ref: ShepherdVmRef,
  current: V1VirtualMachine,
  dryRun: boolean,
): Promise<{ resourceVersion?: string }> {
  const body: V1VirtualMachine = {
    ...vm,
    metadata: {
      ...vm.metadata,
      resourceVersion: current.metadata?.resourceVersion,
    },
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
      body,
    },
  );
  return { resourceVersion: response.body?.metadata?.resourceVersion };
}

/**
 * Deletes a VM, only if it is the expected one: the object is read, refused with a
 * {@link ShepherdNotOwnedError} (and left alone) unless its labels name this installation and
 * `owner.vmId` (and its uid is `owner.uid`, when given), and deleted with a uid precondition,
 * so that an object recreated under the same name since the read is never removed.
 * Foreground propagation keeps the VM (as Terminating, i.e. DELETING) until its instance and
 * DataVolumes are gone, so NOT_FOUND means everything is gone; `existed: false` only when
 * the read found no object at all.
 */
export async function deleteVirtualMachine(
  client: ClusterClient,
  ref: ShepherdVmRef,
  owner: ShepherdVmOwner,
): Promise<{ existed: boolean }> {
  const vm = await readVirtualMachine(client, ref);
  if (!vm) return { existed: false };
  refuseUnlessOwned(vm, ref, owner);
  if (vm.metadata?.deletionTimestamp) return { existed: true };
  try {
    await client.call(`Delete ${describeVm(ref)}`, ({ custom }) =>
      custom.deleteNamespacedCustomObject({
        group: KUBEVIRT_API.group,
        version: KUBEVIRT_API.version,
        namespace: ref.namespace,
        plural: KUBEVIRT_API.virtualMachines,
        name: ref.name,
        propagationPolicy: 'Foreground',
        body: {
          preconditions: { uid: vm.metadata?.uid },
          propagationPolicy: 'Foreground',
        },
      }),
    );
    return { existed: true };
  } catch (error) {
    // Gone since the read: deleted by someone else, nothing of it left.
    if (isNotFound(error)) return { existed: true };
    if (isConflict(error)) {
      // A failed uid precondition: the name may now hold another object. If it still holds
      // the one Shepherd read, the conflict was something else and is the caller's to retry.
      const current = await readVirtualMachine(client, ref);
      if (!current) return { existed: true };
      if (current.metadata?.uid !== vm.metadata?.uid) {
        throw new ShepherdNotOwnedError(
          ref,
          readShepherdOwnership(current.metadata?.labels),
          { objectKind: 'A VirtualMachine', statusCode: 409, cause: error },
        );
      }
    }
    throw error;
  }
}

/** The VM's address on the pod network: the `default` interface, else the first with one. */
function ipAddressOf(vmi?: V1VirtualMachineInstance): string | undefined {
  const interfaces = vmi?.status?.interfaces ?? [];
  const preferred = interfaces.find(i => i.name === VM_NAMES.network);
  return preferred?.ipAddress ?? interfaces.find(i => i.ipAddress)?.ipAddress;
}

/**
 * Every address of the instance's interfaces, the pod network's first: an interface lists
 * all its addresses (IPv4 and IPv6) in `ipAddresses`, older KubeVirt only its first in
 * `ipAddress`.
 */
function ipAddressesOf(vmi?: V1VirtualMachineInstance): string[] {
  const interfaces = [...(vmi?.status?.interfaces ?? [])].sort(
    (a, b) =>
      Number(b.name === VM_NAMES.network) - Number(a.name === VM_NAMES.network),
  );
  const addresses = interfaces.flatMap(i => {
    if (i.ipAddresses?.length) return i.ipAddresses;
    return i.ipAddress ? [i.ipAddress] : [];
  });
  return [...new Set(addresses)];
}

export function toRuntimeState(
  vm: V1VirtualMachine,
  vmi?: V1VirtualMachineInstance,
  dataVolumes?: readonly DataVolumeState[],
): ShepherdVmRuntimeState {
  const { status, message } = mapVmStatus(vm, vmi, dataVolumes);
  return {
    namespace: vm.metadata?.namespace ?? '',
    name: vm.metadata?.name ?? '',
    status,
    ...(message ? { message } : {}),
    resourceVersion: vm.metadata?.resourceVersion,
    ipAddress: ipAddressOf(vmi),
    ipAddresses: ipAddressesOf(vmi),
    nodeName: vmi?.status?.nodeName,
    labels: vm.metadata?.labels,
    uid: vm.metadata?.uid,
    ...(vmi?.metadata?.uid ? { instanceUid: vmi.metadata.uid } : {}),
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
