import {
  convertLegacyRouteRef,
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  PageBlueprint,
  SubPageBlueprint,
  coreExtensionData,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { SHEPHERD_PLUGIN_ID } from '@kubevirt-shepherd/plugin-shepherd-common';
import ComputerIcon from '@material-ui/icons/Computer';
import { shepherdApiRef } from './api/ShepherdApi';
import { ShepherdClient } from './api/ShepherdClient';
import { isShepherdGovernable } from './components/entity/isShepherdGovernable';
import { isShepherdVm } from './components/entity/isShepherdVm';
import { ENTITY_VMS_TITLE, SHEPHERD_TITLE } from './labels';
import { SHEPHERD_PAGES, relativePathOf } from './pages';
import {
  myRequestsRouteRef,
  requestDetailRouteRef,
  rootRouteRef,
  vmDetailRouteRef,
  vmsRouteRef,
} from './routes';

const shepherdApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: shepherdApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ShepherdClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The Shepherd page at /shepherd, also the sidebar's "Virtual Machines" item. Its tabs are
 * the sub-pages attached to it; the overview stays at the page's root.
 */
const shepherdPage = PageBlueprint.makeWithOverrides({
  factory(originalFactory, { inputs }) {
    const subPages = inputs.pages.map(page => ({
      path: page.get(coreExtensionData.routePath),
      title:
        page.get(coreExtensionData.title) ??
        page.get(coreExtensionData.routePath),
      element: page.get(coreExtensionData.reactElement),
    }));
    return originalFactory({
      path: '/shepherd',
      title: SHEPHERD_TITLE,
      icon: <ComputerIcon />,
      routeRef: convertLegacyRouteRef(rootRouteRef),
      // The layout below renders the page's header and tabs itself.
      noHeader: true,
      loader: () =>
        import('./components/ShepherdPage').then(m => (
          <m.ShepherdSubPagesLayout
            title={SHEPHERD_TITLE}
            icon={<ComputerIcon />}
            subPages={subPages}
          />
        )),
    });
  },
});

/** One sub-page per registered page (src/pages.tsx): `sub-page:shepherd/<id>`. */
const shepherdSubPages = SHEPHERD_PAGES.map(page =>
  SubPageBlueprint.make({
    name: page.id,
    attachTo: { id: 'page:shepherd', input: 'pages' },
    params: {
      path: relativePathOf(page),
      title: page.title,
      loader: page.loader,
    },
  }),
);

/** The "Virtual machines" tab of Systems and service Components. */
const entityVmsContent = EntityContentBlueprint.make({
  name: 'virtual-machines',
  params: {
    path: 'virtual-machines',
    title: ENTITY_VMS_TITLE,
    filter: isShepherdGovernable,
    loader: () =>
      import('./components/entity').then(m => <m.EntityShepherdVmsContent />),
  },
});

/** The card of the VM a Resource entity of type virtual-machine stands for, on its overview. */
const entityVmCard = EntityCardBlueprint.make({
  name: 'virtual-machine',
  params: {
    filter: isShepherdVm,
    loader: () =>
      import('./components/entity').then(m => <m.EntityShepherdVmCard />),
  },
});

/**
 * The Shepherd plugin for apps on the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: SHEPHERD_PLUGIN_ID,
  title: SHEPHERD_TITLE,
  icon: <ComputerIcon />,
  info: { packageJson: () => import('../package.json') },
  routes: convertLegacyRouteRefs({
    root: rootRouteRef,
    vms: vmsRouteRef,
    vmDetail: vmDetailRouteRef,
    myRequests: myRequestsRouteRef,
    requestDetail: requestDetailRouteRef,
  }),
  extensions: [
    shepherdApi,
    shepherdPage,
    ...shepherdSubPages,
    entityVmsContent,
    entityVmCard,
  ],
});
