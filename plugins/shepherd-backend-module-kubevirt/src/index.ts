/**
 * The KubeVirt VM provider of KubeVirt Shepherd, as a backend module of the `shepherd`
 * plugin: it renders, applies and operates `kubevirt.io/v1` VirtualMachines on the clusters
 * Shepherd manages.
 *
 * @packageDocumentation
 */

export { shepherdModuleKubevirt as default } from './module';
export { KubeVirtVmProvider } from './KubeVirtVmProvider';
export type { KubeVirtVmProviderCreateOptions } from './KubeVirtVmProvider';
export { renderVirtualMachine } from './render/renderVirtualMachine';
export {
  DEFAULT_KUBEVIRT_PROVIDER_OPTIONS,
  readKubeVirtProviderOptions,
} from './options';
export type { KubeVirtProviderOptions } from './options';
export type { Clock } from './resilience/clock';
