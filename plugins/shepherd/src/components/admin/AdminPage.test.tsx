import {
  shepherdCatalogManagePermission,
  shepherdClusterManagePermission,
  shepherdClusterReadPermission,
  shepherdReconcileReadPermission,
  shepherdVmAdoptPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aCluster, aNamespace, aPage } from '../../__testUtils__/fixtures';
import {
  TestPermissions,
  renderShepherd,
} from '../../__testUtils__/renderShepherd';
import { ShepherdApi } from '../../api/ShepherdApi';
import { ADMIN_DENIED_TITLE, AdminPage } from './AdminPage';

const API: Partial<ShepherdApi> = {
  listClusters: async () => aPage([aCluster()]),
  listAdminNamespaces: async () => aPage([aNamespace()]),
};

function renderAdmin(route: string, permissions?: TestPermissions) {
  return renderShepherd(<AdminPage />, {
    api: API,
    path: '/shepherd/admin/*',
    route,
    permissions,
  });
}

describe('Admin page', () => {
  it('opens on its first section, with a tab per section', async () => {
    await renderAdmin('/shepherd/admin');

    expect(await screen.findByText('Simulated test cluster')).toBeVisible();
    const tabs = within(
      screen.getByRole('tablist', { name: 'Admin sections' }),
    );
    expect(tabs.getAllByRole('tab').map(tab => tab.textContent)).toEqual([
      'Clusters',
      'Namespaces',
      'Templates',
      'Instance sizes',
      'Reconciler',
      'Adoption',
    ]);
    expect(tabs.getByRole('tab', { name: 'Clusters' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(tabs.getByRole('tab', { name: 'Namespaces' })).toHaveAttribute(
      'href',
      '/shepherd/admin/namespaces',
    );
  });

  it('moves between sections with the tabs', async () => {
    await renderAdmin('/shepherd/admin/clusters');
    await screen.findByText('Simulated test cluster');

    await userEvent.click(screen.getByRole('tab', { name: 'Namespaces' }));

    expect(await screen.findByText('Development')).toBeVisible();
  });

  it('tells users without admin permissions that the page is not for them', async () => {
    const { api } = await renderAdmin('/shepherd/admin/clusters', {
      deny: [
        shepherdClusterReadPermission,
        shepherdClusterManagePermission,
        shepherdCatalogManagePermission,
        shepherdReconcileReadPermission,
        shepherdVmAdoptPermission,
      ],
    });

    expect(
      await screen.findByText(new RegExp(ADMIN_DENIED_TITLE)),
    ).toBeInTheDocument();
    expect(screen.getByText(/shepherd\.cluster\.read or/)).toBeInTheDocument();
    expect(screen.queryByRole('tablist')).not.toBeInTheDocument();
    expect(api.listClusters).not.toHaveBeenCalled();
  });

  it('shows only the sections the user may open, and a denied state for the others', async () => {
    const { api } = await renderAdmin('/shepherd/admin/namespaces', {
      allowOnly: [shepherdClusterReadPermission],
    });

    expect(
      await screen.findByText(new RegExp(ADMIN_DENIED_TITLE)),
    ).toBeInTheDocument();
    expect(screen.getByText(/shepherd\.catalog\.manage/)).toBeInTheDocument();
    const tabs = within(
      screen.getByRole('tablist', { name: 'Admin sections' }),
    );
    expect(tabs.getAllByRole('tab').map(tab => tab.textContent)).toEqual([
      'Clusters',
    ]);
    expect(api.listAdminNamespaces).not.toHaveBeenCalled();
  });
});
