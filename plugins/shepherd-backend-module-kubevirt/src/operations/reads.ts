import type {
  V1VirtualMachine,
  V1VirtualMachineInstance,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import {
  ShepherdProviderError,
  ShepherdVmRef,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { ClusterApis, ClusterClient } from '../client/ClusterClient';
import { KUBEVIRT_API } from '../constants';
import { describeVm } from './paths';

/** Whether a provider error is the cluster's "no such object". */
export function isNotFound(error: unknown): boolean {
  return error instanceof ShepherdProviderError && error.statusCode === 404;
}

/** The reason Kubernetes gives a create whose name is taken; the provider's messages quote it. */
const ALREADY_EXISTS_REASON = /\bAlreadyExists\b/;

/** Whether a provider error is the cluster's "an object of that name exists" (a create). */
export function isAlreadyExists(error: unknown): boolean {
  return (
    error instanceof ShepherdProviderError &&
    error.statusCode === 409 &&
    ALREADY_EXISTS_REASON.test(error.message)
  );
}

/** Whether a provider error is a 409 of a failed precondition or a stale resourceVersion. */
export function isConflict(error: unknown): boolean {
  return (
    error instanceof ShepherdProviderError &&
    error.statusCode === 409 &&
    !ALREADY_EXISTS_REASON.test(error.message)
  );
}

/**
 * The items of a list of custom objects; none when the cluster does not serve their API (an
 * older KubeVirt, or a feature turned off), which it answers with 404.
 */
export async function listServedObjects<T>(
  client: ClusterClient,
  action: string,
  list: (apis: ClusterApis) => Promise<unknown>,
): Promise<T[]> {
  try {
    const result = (await client.call(action, list)) as { items?: T[] };
    return result.items ?? [];
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

/** Reads a namespaced KubeVirt object; undefined when the cluster says it does not exist. */
async function readKubeVirtObject<T>(
  client: ClusterClient,
  plural: string,
  vm: ShepherdVmRef,
  action: string,
): Promise<T | undefined> {
  try {
    return (await client.call(action, ({ custom }) =>
      custom.getNamespacedCustomObject({
        group: KUBEVIRT_API.group,
        version: KUBEVIRT_API.version,
        namespace: vm.namespace,
        plural,
        name: vm.name,
      }),
    )) as T;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

export function readVirtualMachine(
  client: ClusterClient,
  vm: ShepherdVmRef,
): Promise<V1VirtualMachine | undefined> {
  return readKubeVirtObject(
    client,
    KUBEVIRT_API.virtualMachines,
    vm,
    `Read ${describeVm(vm)}`,
  );
}

/** The VM's instance: it exists while the VM runs (or is starting or stopping). */
export function readVirtualMachineInstance(
  client: ClusterClient,
  vm: ShepherdVmRef,
): Promise<V1VirtualMachineInstance | undefined> {
  return readKubeVirtObject(
    client,
    KUBEVIRT_API.virtualMachineInstances,
    vm,
    `Read VirtualMachineInstance ${vm.namespace}/${vm.name}`,
  );
}

/** VMI phases after which the instance no longer runs. */
const FINAL_VMI_PHASES = new Set(['Succeeded', 'Failed']);

/** Whether an instance exists that runs or is on its way to running. */
export function isInstanceActive(
  vmi: V1VirtualMachineInstance | undefined,
): boolean {
  return !!vmi && !FINAL_VMI_PHASES.has(vmi.status?.phase ?? '');
}
