import {
  shepherdCatalogManagePermission,
  shepherdClusterManagePermission,
  shepherdClusterReadPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aCluster, aPage } from '../../../__testUtils__/fixtures';
import { renderAdminSection } from '../../../__testUtils__/adminSections';
import { RenderShepherdOptions } from '../../../__testUtils__/renderShepherd';
import { ShepherdApi } from '../../../api/ShepherdApi';
import { ShepherdApiError } from '../../../api/ShepherdApiError';
import { NOT_PERMITTED } from '../../../labels';
import { ERROR_CODE_LABEL, TYPE_NAME_LABEL } from '../../common';
import { NEEDS_ATTENTION_LABEL } from '../reconciler';
import { REGISTER_CLUSTER_LABEL } from './ClustersSection';
import {
  KUBECONFIG_FILE_LABEL,
  KUBECONFIG_PASTE_LABEL,
} from './KubeconfigField';
import { REGISTER_CLUSTER_TITLE } from './RegisterClusterDialog';
import { refusing } from '../../../__testUtils__/refusing';

const KUBECONFIG = `apiVersion: v1
kind: Config
current-context: sim
clusters:
  - name: sim
    cluster:
      server: https://127.0.0.1:6443
users:
  - name: shepherd
    user:
      token: secret-token
contexts:
  - name: sim
    context: { cluster: sim, user: shepherd }
`;

function renderClusters(
  stubs: Partial<ShepherdApi>,
  options: Pick<RenderShepherdOptions, 'permissions'> = {},
) {
  return renderAdminSection('clusters', stubs, options.permissions);
}

async function openRegisterDialog() {
  await userEvent.click(
    await screen.findByRole('button', { name: REGISTER_CLUSTER_LABEL }),
  );
  return within(await screen.findByRole('dialog'));
}

async function fillRegistration(dialog: ReturnType<typeof within>) {
  await userEvent.type(dialog.getByLabelText(/^Name/), 'sim-prod');
  await userEvent.type(dialog.getByLabelText('Display name'), 'Simulated prod');
  await userEvent.selectOptions(dialog.getByLabelText('Environment'), 'prod');
  await userEvent.click(dialog.getByLabelText('Paste'));
  await userEvent.click(dialog.getByLabelText(KUBECONFIG_PASTE_LABEL));
  await userEvent.paste(KUBECONFIG);
}

// Forms are filled key by key; a full parallel run needs more than the default 5 s.

describe('Admin: clusters', () => {
  it('lists clusters with health, environment, KubeVirt, feature gates and storage classes', async () => {
    await renderClusters({
      listClusters: async () =>
        aPage([
          aCluster({
            featureGates: ['LiveMigration', 'Snapshot'],
            storageClasses: ['standard', 'fast'],
            defaultStorageClass: 'fast',
          }),
          aCluster({
            id: 'cluster-prod',
            name: 'sim-prod',
            displayName: 'Simulated prod cluster',
            environment: 'prod',
            status: 'UNREACHABLE',
            statusMessage: 'connect ECONNREFUSED',
            enabled: false,
            kubevirtVersion: undefined,
            storageClasses: [],
            defaultStorageClass: undefined,
            attention: {
              reason: 'GHOST_THRESHOLD_EXCEEDED',
              message: 'Its last reconciler run halted',
              since: '2026-12-07T10:00:00.000Z',
              reportId: 'report-1',
            },
          }),
        ]),
    });

    const rows = await screen.findAllByRole('row');
    const healthy = within(
      rows.find(row => within(row).queryByText('Simulated test cluster'))!,
    );
    expect(healthy.getByText('HEALTHY')).toBeInTheDocument();
    expect(healthy.getByText('v1.4.0')).toBeInTheDocument();
    expect(healthy.getByText('LiveMigration')).toBeInTheDocument();
    expect(healthy.getByText('Snapshot')).toBeInTheDocument();
    expect(healthy.getByText('fast').closest('li')).toHaveTextContent(
      'fast (default)',
    );
    expect(healthy.getByText('enabled')).toBeInTheDocument();
    expect(healthy.queryByText(NEEDS_ATTENTION_LABEL)).not.toBeInTheDocument();

    const unreachable = within(
      rows.find(row => within(row).queryByText('Simulated prod cluster'))!,
    );
    expect(unreachable.getByText('UNREACHABLE')).toBeInTheDocument();
    expect(unreachable.getByText('connect ECONNREFUSED')).toBeInTheDocument();
    expect(unreachable.getByText('prod')).toBeInTheDocument();
    expect(unreachable.getByText('disabled')).toBeInTheDocument();
    expect(unreachable.getByText(NEEDS_ATTENTION_LABEL)).toBeInTheDocument();
  });

  it('registers a cluster with a pasted kubeconfig and forgets the kubeconfig', async () => {
    const registered = aCluster({
      id: 'cluster-new',
      name: 'sim-prod',
      displayName: 'Simulated prod',
      environment: 'prod',
      status: 'UNKNOWN',
      lastCheckedAt: undefined,
    });
    const { api } = await renderClusters({
      listClusters: jest
        .fn()
        .mockResolvedValueOnce(aPage([]))
        .mockResolvedValue(aPage([registered])),
      registerCluster: async () => ({ item: registered, warnings: [] }),
    });

    const dialog = await openRegisterDialog();
    expect(
      screen.getByRole('heading', { name: REGISTER_CLUSTER_TITLE }),
    ).toBeInTheDocument();
    await fillRegistration(dialog);
    await userEvent.click(dialog.getByRole('button', { name: 'Register' }));

    await waitFor(() =>
      expect(api.registerCluster).toHaveBeenCalledWith({
        name: 'sim-prod',
        displayName: 'Simulated prod',
        environment: 'prod',
        kubeconfig: KUBECONFIG,
      }),
    );
    expect(await screen.findByText(/Registered sim-prod/)).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(await screen.findByText('UNKNOWN')).toBeInTheDocument();
    expect(screen.queryByText(/secret-token/)).not.toBeInTheDocument();

    // A new registration starts without the previous kubeconfig.
    const again = await openRegisterDialog();
    await userEvent.click(again.getByLabelText('Paste'));
    expect(again.getByLabelText(KUBECONFIG_PASTE_LABEL)).toHaveValue('');
  });

  it('reads the kubeconfig from an uploaded file without showing it', async () => {
    const { api } = await renderClusters({
      listClusters: async () => aPage([]),
      registerCluster: async () => ({
        item: aCluster({ name: 'sim-test' }),
        warnings: [],
      }),
    });

    const dialog = await openRegisterDialog();
    await userEvent.type(dialog.getByLabelText(/^Name/), 'sim-test');
    await userEvent.upload(
      dialog.getByLabelText(KUBECONFIG_FILE_LABEL),
      new File([KUBECONFIG], 'sim.kubeconfig', { type: 'text/yaml' }),
    );

    expect(await dialog.findByText(/sim.kubeconfig loaded/)).toBeVisible();
    expect(dialog.queryByText(/secret-token/)).not.toBeInTheDocument();
    await userEvent.click(dialog.getByRole('button', { name: 'Register' }));

    await waitFor(() =>
      expect(api.registerCluster).toHaveBeenCalledWith(
        expect.objectContaining({
          environment: 'test',
          kubeconfig: KUBECONFIG,
        }),
      ),
    );
  });

  it('checks the name as the backend does before submitting', async () => {
    await renderClusters({ listClusters: async () => aPage([]) });

    const dialog = await openRegisterDialog();
    await userEvent.type(dialog.getByLabelText(/^Name/), 'Sim_Prod');

    expect(
      dialog.getByText(/must be a lowercase DNS label/),
    ).toBeInTheDocument();
    expect(dialog.getByRole('button', { name: 'Register' })).toBeDisabled();
  });

  it.each([
    [
      'KUBECONFIG_UNSAFE',
      400,
      'The kubeconfig uses features Shepherd refuses',
      { violations: [{ rule: 'exec-plugin', path: 'users[0].user.exec' }] },
      /an exec credential plugin/,
    ],
    [
      'KUBECONFIG_INVALID',
      400,
      'The kubeconfig has no current-context',
      undefined,
      /current-context whose cluster has an https server/,
    ],
    [
      'ENCRYPTION_NOT_CONFIGURED',
      503,
      'Cluster credentials cannot be stored: no encryption key is configured in shepherd.credentials.encryptionKeys',
      undefined,
      /must configure an encryption key/,
    ],
  ])(
    'shows %s with the backend message and what to do',
    async (code, status, message, details, hint) => {
      await renderClusters({
        listClusters: async () => aPage([]),
        registerCluster: refusing({
          message,
          code: code as ShepherdApiError['code'],
          status,
          details,
        }),
      });

      const dialog = await openRegisterDialog();
      await fillRegistration(dialog);
      await userEvent.click(dialog.getByRole('button', { name: 'Register' }));

      expect(
        await dialog.findByText('The cluster was not registered'),
      ).toBeInTheDocument();
      expect(dialog.getByText(message)).toBeInTheDocument();
      expect(dialog.getByText(code)).toBeInTheDocument();
      expect(dialog.getByText(new RegExp(ERROR_CODE_LABEL))).toBeVisible();
      expect(dialog.getByText(hint)).toBeInTheDocument();
      // The dialog stays open with what was typed, so the admin can correct it.
      expect(dialog.getByLabelText(/^Name/)).toHaveValue('sim-prod');
    },
  );

  it('lists where a kubeconfig is unsafe', async () => {
    await renderClusters({
      listClusters: async () => aPage([]),
      registerCluster: refusing({
        message: 'unsafe',
        code: 'KUBECONFIG_UNSAFE',
        status: 400,
        details: {
          violations: [
            { rule: 'insecure-skip-tls-verify', path: 'clusters[0].cluster' },
            { rule: 'proxy-url', path: 'clusters[0].cluster.proxy-url' },
          ],
        },
      }),
    });

    const dialog = await openRegisterDialog();
    await fillRegistration(dialog);
    await userEvent.click(dialog.getByRole('button', { name: 'Register' }));

    const list = within(
      await dialog.findByRole('list', { name: 'Unsafe kubeconfig entries' }),
    );
    expect(list.getAllByRole('listitem').map(item => item.textContent)).toEqual(
      [
        'insecure-skip-tls-verify: true at clusters[0].cluster',
        'a proxy-url at clusters[0].cluster.proxy-url',
      ],
    );
  });

  it('rotates credentials and shows the new API server', async () => {
    const cluster = aCluster();
    const { api } = await renderClusters({
      listClusters: async () => aPage([cluster]),
      rotateClusterCredentials: async () => ({
        ...cluster,
        apiServerUrl: 'https://10.0.0.1:6443',
        credentialKeyId: 'key-2',
      }),
    });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Rotate credentials sim-test',
      }),
    );
    const dialog = within(await screen.findByRole('dialog'));
    await userEvent.click(dialog.getByLabelText('Paste'));
    await userEvent.click(dialog.getByLabelText(KUBECONFIG_PASTE_LABEL));
    await userEvent.paste(KUBECONFIG);
    await userEvent.click(
      dialog.getByRole('button', { name: 'Replace kubeconfig' }),
    );

    expect(
      await screen.findByText(/API server https:\/\/10.0.0.1:6443, key key-2/),
    ).toBeInTheDocument();
    expect(api.rotateClusterCredentials).toHaveBeenCalledWith('cluster-test', {
      kubeconfig: KUBECONFIG,
    });
  });

  it('edits the display name and picks the default storage class among the reported ones', async () => {
    const cluster = aCluster({
      storageClasses: ['standard', 'fast'],
      defaultStorageClass: 'standard',
    });
    const { api } = await renderClusters({
      listClusters: async () => aPage([cluster]),
      updateCluster: async (_id, changes) => ({ ...cluster, ...changes }),
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit sim-test' }),
    );
    const dialog = within(await screen.findByRole('dialog'));
    const storageClass = dialog.getByLabelText('Default storage class');
    expect(
      within(storageClass)
        .getAllByRole('option')
        .map(option => option.textContent),
    ).toEqual(['standard', 'fast']);
    await userEvent.selectOptions(storageClass, 'fast');
    await userEvent.clear(dialog.getByLabelText('Display name'));
    await userEvent.type(dialog.getByLabelText('Display name'), 'Test');
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(api.updateCluster).toHaveBeenCalledWith('cluster-test', {
        displayName: 'Test',
        defaultStorageClass: 'fast',
      }),
    );
    expect(await screen.findByText('Saved sim-test.')).toBeInTheDocument();
  });

  it('offers to disable a cluster whose deletion is refused because it is in use', async () => {
    const cluster = aCluster();
    const { api } = await renderClusters({
      listClusters: async () => aPage([cluster]),
      deleteCluster: refusing({
        message:
          "The cluster 'sim-test' cannot be deleted while it runs VMs; disable it instead: 2 VM(s) and 0 request(s) refer to it",
        code: 'DELETE_RESTRICTED',
        status: 409,
        details: { vms: 2, tickets: 0 },
      }),
      updateCluster: async () => ({ ...cluster, enabled: false }),
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Delete sim-test' }),
    );
    const dialog = within(await screen.findByRole('dialog'));
    await userEvent.type(dialog.getByLabelText(TYPE_NAME_LABEL), 'sim-test');
    await userEvent.click(dialog.getByRole('button', { name: 'Delete' }));

    expect(await dialog.findByText('DELETE_RESTRICTED')).toBeInTheDocument();
    await userEvent.click(
      dialog.getByRole('button', { name: 'Disable it instead' }),
    );

    expect(await screen.findByText('sim-test is disabled.')).toBeVisible();
    expect(api.updateCluster).toHaveBeenCalledWith('cluster-test', {
      enabled: false,
    });
  });

  it('shows clusters read-only to those who may only read them', async () => {
    await renderClusters(
      { listClusters: async () => aPage([aCluster()]) },
      {
        permissions: {
          allowOnly: [shepherdClusterReadPermission],
        },
      },
    );

    expect(await screen.findByText('HEALTHY')).toBeInTheDocument();
    const register = screen.getByRole('button', {
      name: REGISTER_CLUSTER_LABEL,
    });
    await waitFor(() => expect(register).toBeDisabled());
    expect(register.closest('span')).toHaveAttribute('title', NOT_PERMITTED);
    expect(
      screen.queryByRole('button', { name: 'Edit sim-test' }),
    ).not.toBeInTheDocument();
  });

  it('shows the backend refusal of the list with its code', async () => {
    await renderClusters(
      {
        listClusters: refusing({
          message: 'Missing permission shepherd.cluster.read',
          code: 'PERMISSION_DENIED',
          status: 403,
        }),
      },
      {
        permissions: {
          deny: [
            shepherdClusterManagePermission,
            shepherdCatalogManagePermission,
          ],
        },
      },
    );

    expect(
      await screen.findByText('Could not load the clusters'),
    ).toBeInTheDocument();
    expect(screen.getByText('PERMISSION_DENIED')).toBeInTheDocument();
  });
});
