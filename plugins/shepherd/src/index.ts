/**
 * The KubeVirt Shepherd frontend plugin: request, approve and operate virtual machines from
 * a Backstage portal.
 *
 * @packageDocumentation
 */

export {
  shepherdPlugin,
  ShepherdPage,
  EntityShepherdVmsContent,
  EntityShepherdVmCard,
} from './plugin';
export { isShepherdGovernable } from './components/entity/isShepherdGovernable';
export { isShepherdVm } from './components/entity/isShepherdVm';
export { ShepherdHealthCard } from './components/ShepherdHealthCard';
export { shepherdApiRef } from './api/ShepherdApi';
export type { AuditExportFile, ShepherdApi } from './api/ShepherdApi';
export { ShepherdClient } from './api/ShepherdClient';
export {
  ShepherdApiError,
  hasShepherdErrorCode,
  isShepherdApiError,
} from './api/ShepherdApiError';
export {
  myRequestsRouteRef,
  requestDetailRouteRef,
  rootRouteRef,
  vmDetailRouteRef,
  vmsRouteRef,
} from './routes';
