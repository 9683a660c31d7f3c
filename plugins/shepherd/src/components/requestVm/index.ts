export { RequestVmPage } from './RequestVmPage';
export { RequestVmButton } from './RequestVmButton';
export { REQUEST_VM_PARAMS, requestVmSearch } from './requestVmParams';
export type { RequestVmStart } from './requestVmParams';
