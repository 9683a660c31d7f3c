import { ShepherdVmRuntimeState } from '@kubevirt-shepherd/plugin-shepherd-node';

/**
 * Where a VM's running instance is, as its cluster last reported it: its interfaces'
 * addresses (the pod network's first) and its node; none while it does not run.
 */
export interface VmNetworkState {
  ipAddresses: string[];
  nodeName?: string;
}

/** Where a VM runs, by what its provider reports (providers without `ipAddresses` give one). */
export function networkOf(state: ShepherdVmRuntimeState): VmNetworkState {
  const ipAddresses =
    state.ipAddresses ?? (state.ipAddress ? [state.ipAddress] : []);
  return {
    ipAddresses,
    ...(state.nodeName && { nodeName: state.nodeName }),
  };
}

/** A VM that is not on its cluster runs nowhere. */
export const NOWHERE: VmNetworkState = { ipAddresses: [] };

/** Whether two network states differ (addresses in order). */
export function networkChanged(a: VmNetworkState, b: VmNetworkState): boolean {
  return (
    a.nodeName !== b.nodeName ||
    a.ipAddresses.length !== b.ipAddresses.length ||
    a.ipAddresses.some((address, index) => address !== b.ipAddresses[index])
  );
}
