import { shepherdClusterReadPermission } from '@kubevirt-shepherd/plugin-shepherd-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  aCluster,
  aNamespace,
  aPage,
  aService,
  aSystem,
  aVm,
} from '../../__testUtils__/fixtures';
import {
  RenderShepherdOptions,
  renderShepherd,
} from '../../__testUtils__/renderShepherd';
import { ShepherdApi } from '../../api/ShepherdApi';
import { CLEAR_FILTERS_LABEL } from '../common';
import { NO_VMS_TITLE } from './VmListPage';
import { VmsPage } from './VmsPage';

/** The choices of the filters, so that only listVms differs between tests. */
const FILTER_OPTIONS: Partial<ShepherdApi> = {
  listSystems: async () =>
    aPage([aSystem(), aSystem({ id: 'sys-logistics', name: 'logistics' })]),
  listServices: async () => aPage([aService()]),
  listCatalogNamespaces: async () =>
    aPage([
      aNamespace(),
      aNamespace({ id: 'ns-prod', name: 'prod', environment: 'prod' }),
    ]),
  listClusters: async () => aPage([aCluster()]),
};

function renderVmList(
  stubs: Partial<ShepherdApi>,
  options: Pick<RenderShepherdOptions, 'route' | 'permissions'> = {},
) {
  return renderShepherd(<VmsPage />, {
    api: { ...FILTER_OPTIONS, ...stubs },
    path: '/shepherd/vms/*',
    route: options.route ?? '/shepherd/vms',
    permissions: options.permissions,
  });
}

describe('VM list', () => {
  it('lists the VMs with their status, placement and resources, linking each', async () => {
    const { api } = await renderVmList({
      listVms: async () =>
        aPage([
          aVm(),
          aVm({
            id: 'vm-2',
            name: 'prod-payments-api-01',
            status: 'STOPPED',
            environment: 'prod',
            namespace: 'prod',
            cpuCores: 4,
            memoryGi: 8.5,
            diskGb: 40,
          }),
        ]),
    });

    const link = await screen.findByRole('link', {
      name: 'dev-payments-api-01',
    });
    expect(link).toHaveAttribute('href', '/shepherd/vms/vm-1');
    expect(screen.getByText('RUNNING')).toBeInTheDocument();
    expect(screen.getByText('STOPPED')).toBeInTheDocument();
    expect(screen.getByText('4 cores · 8.5 GiB · 40 GiB')).toBeInTheDocument();
    expect(screen.getAllByText('payments / api')).toHaveLength(2);
    expect(api.listVms).toHaveBeenCalledWith({ offset: 0, limit: 20 });
  });

  it('tells a user without VMs how VMs come about', async () => {
    await renderVmList({ listVms: async () => aPage([]) });

    expect(await screen.findByText(NO_VMS_TITLE)).toBeInTheDocument();
    expect(
      screen.getByText(/requested for a Service of a System/),
    ).toBeInTheDocument();
  });

  it('applies the filters of the URL and offers to clear them when nothing matches', async () => {
    const { api } = await renderVmList(
      { listVms: async () => aPage([]) },
      {
        route:
          '/shepherd/vms?environment=prod&status=RUNNING,STOPPED&systemId=sys-payments',
      },
    );

    expect(
      await screen.findByText('No VMs match these filters'),
    ).toBeInTheDocument();
    expect(api.listVms).toHaveBeenCalledWith({
      environment: 'prod',
      status: ['RUNNING', 'STOPPED'],
      systemId: 'sys-payments',
      offset: 0,
      limit: 20,
    });

    await userEvent.click(
      within(screen.getByRole('table')).getByRole('button', {
        name: CLEAR_FILTERS_LABEL,
      }),
    );

    await waitFor(() =>
      expect(api.listVms).toHaveBeenLastCalledWith({ offset: 0, limit: 20 }),
    );
  });

  it('filters by what the user picks', async () => {
    const { api } = await renderVmList({ listVms: async () => aPage([aVm()]) });
    await screen.findByRole('link', { name: 'dev-payments-api-01' });

    // Column headers are buttons too (they sort): the filters are those of the filter bar.
    const filterBar = within(
      screen.getByRole('search', { name: 'VM filters' }),
    );
    await userEvent.click(
      filterBar.getByRole('button', { name: /Environment/ }),
    );
    await userEvent.click(await screen.findByRole('option', { name: 'prod' }));
    await waitFor(() =>
      expect(api.listVms).toHaveBeenLastCalledWith({
        environment: 'prod',
        offset: 0,
        limit: 20,
      }),
    );

    await userEvent.click(filterBar.getByRole('button', { name: /System/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'logistics' }),
    );
    await waitFor(() =>
      expect(api.listVms).toHaveBeenLastCalledWith({
        environment: 'prod',
        systemId: 'sys-logistics',
        offset: 0,
        limit: 20,
      }),
    );
    expect(api.listServices).toHaveBeenLastCalledWith({
      systemId: 'sys-logistics',
      limit: 100,
    });
  });

  it('sorts on the server by the header clicked, keeping the order in the URL', async () => {
    const { api } = await renderVmList({ listVms: async () => aPage([aVm()]) });
    await screen.findByRole('link', { name: 'dev-payments-api-01' });
    const header = (name: string) =>
      within(screen.getByRole('table')).getByRole('button', { name });

    await userEvent.click(header('Created'));
    await waitFor(() =>
      expect(api.listVms).toHaveBeenLastCalledWith({
        orderBy: 'createdAt',
        order: 'asc',
        offset: 0,
        limit: 20,
      }),
    );

    await userEvent.click(header('Created'));
    await waitFor(() =>
      expect(api.listVms).toHaveBeenLastCalledWith({
        orderBy: 'createdAt',
        order: 'desc',
        offset: 0,
        limit: 20,
      }),
    );

    await userEvent.click(header('Name'));
    await waitFor(() =>
      expect(api.listVms).toHaveBeenLastCalledWith({
        orderBy: 'name',
        order: 'asc',
        offset: 0,
        limit: 20,
      }),
    );
    // Columns the server cannot order by are no buttons.
    expect(
      within(screen.getByRole('table')).queryByRole('button', {
        name: 'Resources',
      }),
    ).not.toBeInTheDocument();
  });

  it('loads the order of the URL, and a new filter keeps it', async () => {
    const { api } = await renderVmList(
      { listVms: async () => aPage([aVm()]) },
      { route: '/shepherd/vms?orderBy=status&order=desc&offset=20' },
    );
    await screen.findByRole('link', { name: 'dev-payments-api-01' });
    expect(api.listVms).toHaveBeenCalledWith({
      orderBy: 'status',
      order: 'desc',
      offset: 20,
      limit: 20,
    });

    await userEvent.type(screen.getByLabelText('Search'), 'api');

    await waitFor(() =>
      expect(api.listVms).toHaveBeenLastCalledWith({
        search: 'api',
        orderBy: 'status',
        order: 'desc',
        offset: 0,
        limit: 20,
      }),
    );
  });

  it('searches after typing stops', async () => {
    const { api } = await renderVmList({ listVms: async () => aPage([aVm()]) });
    await screen.findByRole('link', { name: 'dev-payments-api-01' });

    await userEvent.type(screen.getByLabelText('Search'), 'api');

    await waitFor(() =>
      expect(api.listVms).toHaveBeenLastCalledWith({
        search: 'api',
        offset: 0,
        limit: 20,
      }),
    );
  });

  it('offers the cluster filter only to users who may read clusters', async () => {
    const denied = await renderVmList(
      { listVms: async () => aPage([aVm()]) },
      { permissions: { deny: [shepherdClusterReadPermission] } },
    );
    await screen.findByRole('link', { name: 'dev-payments-api-01' });
    expect(
      screen.queryByRole('button', { name: /Cluster/ }),
    ).not.toBeInTheDocument();
    expect(denied.api.listClusters).not.toHaveBeenCalled();
    denied.unmount();

    await renderVmList({ listVms: async () => aPage([aVm()]) });
    expect(
      await screen.findByRole('button', { name: /Cluster/ }),
    ).toBeInTheDocument();
  });

  it('pages through the VMs on the server', async () => {
    const { api } = await renderVmList({
      listVms: async query =>
        aPage([aVm()], { totalItems: 45, offset: query?.offset ?? 0 }),
    });
    await screen.findByText('1-20 of 45');

    await userEvent.click(screen.getByRole('button', { name: /next page/i }));

    await waitFor(() =>
      expect(api.listVms).toHaveBeenLastCalledWith({ offset: 20, limit: 20 }),
    );
    expect(await screen.findByText('21-40 of 45')).toBeInTheDocument();
  });
});
