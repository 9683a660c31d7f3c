export { VmConsolePage } from './VmConsolePage';
