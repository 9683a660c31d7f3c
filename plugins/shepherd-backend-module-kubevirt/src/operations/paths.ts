import { ShepherdVmRef } from '@kubevirt-shepherd/plugin-shepherd-node';
import { KUBEVIRT_API, SUBRESOURCES_API } from '../constants';

const segment = (value: string) => encodeURIComponent(value);

/** `/apis/kubevirt.io/v1/namespaces/{ns}/virtualmachines/{name}` */
export function virtualMachinePath(vm: ShepherdVmRef): string {
  return `/apis/${KUBEVIRT_API.group}/${
    KUBEVIRT_API.version
  }/namespaces/${segment(vm.namespace)}/${
    KUBEVIRT_API.virtualMachines
  }/${segment(vm.name)}`;
}

/** `/apis/subresources.kubevirt.io/v1/namespaces/{ns}/virtualmachines/{name}/{action}` */
export function virtualMachineActionPath(
  vm: ShepherdVmRef,
  action: string,
): string {
  return `/apis/${SUBRESOURCES_API.group}/${
    SUBRESOURCES_API.version
  }/namespaces/${segment(vm.namespace)}/virtualmachines/${segment(
    vm.name,
  )}/${action}`;
}

/** `/apis/subresources.kubevirt.io/v1/namespaces/{ns}/virtualmachineinstances/{name}/vnc` */
export function vncPath(vm: ShepherdVmRef): string {
  return `/apis/${SUBRESOURCES_API.group}/${
    SUBRESOURCES_API.version
  }/namespaces/${segment(vm.namespace)}/virtualmachineinstances/${segment(
    vm.name,
  )}/vnc`;
}

/** `/api/v1/namespaces/{ns}/persistentvolumeclaims/{name}` */
export function persistentVolumeClaimPath(
  namespace: string,
  name: string,
): string {
  return `/api/v1/namespaces/${segment(
    namespace,
  )}/persistentvolumeclaims/${segment(name)}`;
}

/** How a VM is named in messages. */
export function describeVm(vm: ShepherdVmRef): string {
  return `VirtualMachine ${vm.namespace}/${vm.name}`;
}
