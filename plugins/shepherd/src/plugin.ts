import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { SHEPHERD_PLUGIN_ID } from '@kubevirt-shepherd/plugin-shepherd-common';
import { shepherdApiRef } from './api/ShepherdApi';
import { ShepherdClient } from './api/ShepherdClient';
import {
  myRequestsRouteRef,
  requestDetailRouteRef,
  rootRouteRef,
  vmDetailRouteRef,
  vmsRouteRef,
} from './routes';

/**
 * The Shepherd plugin for apps on the legacy frontend system. Apps on the new frontend
 * system install the default export of `@kubevirt-shepherd/plugin-shepherd/alpha` instead.
 *
 * @public
 */
export const shepherdPlugin = createPlugin({
  id: SHEPHERD_PLUGIN_ID,
  apis: [
    createApiFactory({
      api: shepherdApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ShepherdClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    vms: vmsRouteRef,
    vmDetail: vmDetailRouteRef,
    myRequests: myRequestsRouteRef,
    requestDetail: requestDetailRouteRef,
  },
});

/**
 * The Shepherd page with its tabs, for a route such as
 * `<Route path="/shepherd" element={<ShepherdPage />} />`.
 *
 * @public
 */
export const ShepherdPage = shepherdPlugin.provide(
  createRoutableExtension({
    name: 'ShepherdPage',
    component: () =>
      import('./components/ShepherdPage').then(m => m.ShepherdPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The Shepherd VMs of a catalog System or service Component, for an entity page tab such as
 * `<EntityLayout.Route path="/virtual-machines" title="Virtual machines">`. Its links lead
 * into the Shepherd page, which the app must mount too.
 *
 * @public
 */
export const EntityShepherdVmsContent = shepherdPlugin.provide(
  createComponentExtension({
    name: 'EntityShepherdVmsContent',
    component: {
      lazy: () =>
        import('./components/entity').then(m => m.EntityShepherdVmsContent),
    },
  }),
);

/**
 * The Shepherd VM a catalog Resource of type `virtual-machine` stands for: status, placement,
 * resources and power actions, with links to the VM's page and its console access. For the
 * overview of Resource entity pages, e.g. inside
 * `<EntitySwitch.Case if={isShepherdVm}>`. Its links lead into the Shepherd page, which the
 * app must mount too.
 *
 * @public
 */
export const EntityShepherdVmCard = shepherdPlugin.provide(
  createComponentExtension({
    name: 'EntityShepherdVmCard',
    component: {
      lazy: () =>
        import('./components/entity').then(m => m.EntityShepherdVmCard),
    },
  }),
);
