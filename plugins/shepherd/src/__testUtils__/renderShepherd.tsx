import {
  AuthorizeResult,
  Permission,
} from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  ENVIRONMENTS,
  shepherdTicketApprovePermission,
  shepherdVmCreatePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { SignalApi, signalApiRef } from '@backstage/plugin-signals-react';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { RenderResult } from '@testing-library/react';
import { ReactElement } from 'react';
import { Route, Routes } from 'react-router-dom';
import { SWRConfig } from 'swr';
import { ShepherdApi, shepherdApiRef } from '../api/ShepherdApi';
import { rootRouteRef } from '../routes';
import {
  API_METHOD_NAMES,
  FakeShepherdApi,
  createFakeShepherdApi,
} from './fakeShepherdApi';

/** Where tests mount the Shepherd page, so that its route refs resolve to /shepherd/…. */
export const SHEPHERD_TEST_ROOT = '/shepherd';

/**
 * Which permissions the fake permission API grants: all of them (the default), all but
 * some, or only some. Names are compared, so pass the permission objects of shepherd-common.
 */
export type TestPermissions =
  | { allowAll: true }
  | { deny: Permission[] }
  | { allowOnly: Permission[] };

export type RenderShepherdOptions = {
  /** The API the component talks to: a fake (see createFakeShepherdApi), stubs, or a real client against msw. */
  api?: FakeShepherdApi | Partial<ShepherdApi> | ShepherdApi;
  permissions?: TestPermissions;
  /** The route pattern the element is rendered at, e.g. `/shepherd/vms/:vmId`, so it can read params. */
  path?: string;
  /** The URL the test starts at (default: the root of the Shepherd page). */
  route?: string;
  /** The portal's signals API (see FakeSignalApi); without it, pages fall back to polling. */
  signals?: SignalApi;
};

function decide(permissions: TestPermissions, permission: Permission) {
  const named = (list: Permission[]) =>
    list.some(candidate => candidate.name === permission.name);
  if ('deny' in permissions) {
    return named(permissions.deny)
      ? AuthorizeResult.DENY
      : AuthorizeResult.ALLOW;
  }
  if ('allowOnly' in permissions) {
    return named(permissions.allowOnly)
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY;
  }
  return AuthorizeResult.ALLOW;
}

/**
 * What GET /v1/capabilities answers for a user with the test's permissions: it decides
 * requests when it holds shepherd.ticket.approve, and may request VMs in every environment
 * of each System `listSystems` lists when it holds shepherd.vm.create (none without a stub).
 */
function capabilitiesOf(
  permissions: TestPermissions,
  stubs: Partial<ShepherdApi>,
): ShepherdApi['getCapabilities'] {
  const allowed = (permission: Permission) =>
    decide(permissions, permission) === AuthorizeResult.ALLOW;
  return async (query = {}) => {
    const paging = { offset: query.offset ?? 0, limit: query.limit ?? 20 };
    const systems = stubs.listSystems
      ? await stubs.listSystems(paging)
      : { items: [], totalItems: 0, ...paging };
    return {
      decideRequests: allowed(shepherdTicketApprovePermission),
      requestVms: systems.items.map(system => ({
        systemId: system.id,
        environments: allowed(shepherdVmCreatePermission)
          ? [...ENVIRONMENTS]
          : [],
      })),
      totalItems: systems.totalItems,
      offset: systems.offset,
      limit: systems.limit,
    };
  };
}

/** A complete API (a fake, or a real client) is used as it is; stubs are completed into a fake. */
function isCompleteApi(api: RenderShepherdOptions['api']): api is ShepherdApi {
  return (
    api !== undefined &&
    API_METHOD_NAMES.every(name => typeof api[name] === 'function')
  );
}

/**
 * Renders a Shepherd component as the app would: inside a Backstage test app with the
 * Shepherd page mounted at /shepherd (so every route ref resolves), the ShepherdApi and a
 * permission API (and capabilities that follow its permissions, unless `getCapabilities` is
 * stubbed). Returns the render result and the API, whose methods are jest mocks unless
 * a complete API (such as a ShepherdClient for msw tests) was passed.
 *
 * @example
 * ```tsx
 * const { api } = await renderShepherd(<VmDetailPage />, {
 *   api: { getVm: async () => aVm() },
 *   permissions: { deny: [shepherdVmDeletePermission] },
 *   path: '/shepherd/vms/:vmId',
 *   route: '/shepherd/vms/vm-1',
 * });
 * ```
 */
export async function renderShepherd(
  element: ReactElement,
  options: RenderShepherdOptions = {},
): Promise<RenderResult & { api: FakeShepherdApi }> {
  const permissions = options.permissions ?? { allowAll: true };
  const api = isCompleteApi(options.api)
    ? options.api
    : createFakeShepherdApi({
        getCapabilities: capabilitiesOf(permissions, options.api ?? {}),
        ...options.api,
      });
  const permissionApi = mockApis.permission({
    authorize: request => decide(permissions, request.permission),
  });
  const routed = options.path ? (
    <Routes>
      <Route path={options.path} element={element} />
    </Routes>
  ) : (
    element
  );
  const rendered = await renderInTestApp(
    <TestApiProvider
      apis={[
        [shepherdApiRef, api],
        [permissionApiRef, permissionApi],
        ...(options.signals ? [[signalApiRef, options.signals] as const] : []),
      ]}
    >
      {/* usePermission caches decisions in SWR's global cache; each render gets its own. */}
      <SWRConfig value={{ provider: () => new Map() }}>{routed}</SWRConfig>
    </TestApiProvider>,
    {
      mountedRoutes: { [SHEPHERD_TEST_ROOT]: rootRouteRef },
      routeEntries: [options.route ?? SHEPHERD_TEST_ROOT],
    },
  );
  return { ...rendered, api: api as FakeShepherdApi };
}
