import {
  ReconcileReport,
  shepherdReconcileRunPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderAdminSection } from '../../../__testUtils__/adminSections';
import { aCluster, aPage } from '../../../__testUtils__/fixtures';
import { refusing } from '../../../__testUtils__/refusing';
import { ShepherdApi } from '../../../api/ShepherdApi';
import { ADMIN_DENIED_TITLE } from '../AdminPage';
import { NEEDS_ATTENTION_LABEL } from './NeedsAttentionChip';
import {
  NEVER_RECONCILED,
  RUN_DRY_RUN_LABEL,
  RUN_MARK_LABEL,
  runClusterLabel,
} from './ReconcilerSection';

const NOW = new Date().toISOString();

function aReport(overrides: Partial<ReconcileReport> = {}): ReconcileReport {
  return {
    id: 'report-1',
    clusterId: 'cluster-test',
    clusterName: 'sim-test',
    mode: 'dry-run',
    trigger: 'SCHEDULED',
    requestedBy: 'service:shepherd',
    status: 'COMPLETED',
    startedAt: NOW,
    finishedAt: NOW,
    recordsCompared: 3,
    recordsSkipped: 1,
    objectsListed: 3,
    ghostCount: 1,
    orphanCount: 1,
    ghosts: [
      {
        kind: 'GHOST',
        namespace: 'dev',
        name: 'dev-shop-cart-01',
        vmId: 'vm-1',
        vmStatus: 'RUNNING',
      },
    ],
    orphans: [{ kind: 'ORPHAN', namespace: 'dev', name: 'dev-shop-cart-04' }],
    marked: false,
    ...overrides,
  };
}

const HALTED_MESSAGE =
  '3 of 3 VM records of the cluster have no VM on it (100 %, more than 50 %): its kubeconfig may point at another cluster.';

const prodCluster = aCluster({
  id: 'cluster-prod',
  name: 'sim-prod',
  displayName: 'Simulated prod cluster',
  environment: 'prod',
  attention: {
    reason: 'GHOST_THRESHOLD_EXCEEDED',
    message: HALTED_MESSAGE,
    since: NOW,
    reportId: 'report-2',
  },
});
const idleCluster = aCluster({
  id: 'cluster-idle',
  name: 'sim-idle',
  displayName: 'Idle cluster',
});

function stubs(overrides: Partial<ShepherdApi> = {}): Partial<ShepherdApi> {
  return {
    listClusters: async () => aPage([aCluster(), prodCluster, idleCluster]),
    listReconcileReports: async () =>
      aPage([
        aReport(),
        aReport({
          id: 'report-2',
          clusterId: 'cluster-prod',
          clusterName: 'sim-prod',
          mode: 'mark',
          status: 'HALTED',
          haltReason: 'GHOST_THRESHOLD_EXCEEDED',
          message: HALTED_MESSAGE,
          recordsCompared: 3,
          objectsListed: 0,
          ghostCount: 3,
          orphanCount: 0,
          ghosts: [],
          orphans: [],
        }),
      ]),
    listReconcileMarks: async () =>
      aPage([
        {
          id: 'mark-1',
          clusterId: 'cluster-test',
          kind: 'GHOST',
          namespace: 'dev',
          name: 'dev-shop-cart-01',
          vmId: 'vm-1',
          reportId: 'report-0',
          firstMarkedAt: NOW,
          lastMarkedAt: NOW,
        },
      ]),
    ...overrides,
  };
}

const rowOf = (text: string) =>
  within(
    screen
      .getAllByRole('row')
      .find(row => within(row).queryByText(text) !== null)!,
  );

describe('Admin: reconciler', () => {
  it("shows each cluster's latest run, its findings and marks, and highlights halted clusters", async () => {
    const { api } = await renderAdminSection('reconciler', stubs());

    expect(await screen.findByText('Simulated test cluster')).toBeVisible();
    expect(api.listReconcileReports).toHaveBeenCalledWith(
      expect.objectContaining({ latest: 'true' }),
    );

    const test = rowOf('Simulated test cluster');
    expect(test.getByText('COMPLETED')).toBeInTheDocument();
    expect(
      test.getByText('dev/dev-shop-cart-01 (record RUNNING)'),
    ).toBeInTheDocument();
    expect(test.getByText('dev/dev-shop-cart-04')).toBeInTheDocument();
    expect(
      test.getByText(/ghost dev\/dev-shop-cart-01 since/),
    ).toBeInTheDocument();
    expect(test.queryByText(NEEDS_ATTENTION_LABEL)).not.toBeInTheDocument();

    const prod = rowOf('Simulated prod cluster');
    expect(prod.getByText('HALTED')).toBeInTheDocument();
    expect(prod.getByText(NEEDS_ATTENTION_LABEL)).toBeInTheDocument();
    expect(prod.getByText(HALTED_MESSAGE)).toBeInTheDocument();
    expect(prod.getByText('nothing marked')).toBeInTheDocument();

    expect(
      rowOf('Idle cluster').getByText(NEVER_RECONCILED),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Cluster sim-prod needs attention/),
    ).toBeInTheDocument();
  });

  it('runs the reconciler now in the chosen mode and shows what it found', async () => {
    const { api } = await renderAdminSection(
      'reconciler',
      stubs({
        runReconciler: async () => ({
          items: [
            aReport({ mode: 'mark', marked: true, trigger: 'ON_DEMAND' }),
          ],
        }),
      }),
    );
    await screen.findByText('Simulated test cluster');

    await userEvent.click(screen.getByRole('button', { name: RUN_MARK_LABEL }));
    expect(
      await screen.findByText('Reconciled 1 cluster: 1 ghosts, 1 orphans.'),
    ).toBeInTheDocument();
    expect(api.runReconciler).toHaveBeenCalledWith({ mode: 'mark' });
    // The results are loaded again.
    await waitFor(() =>
      expect(api.listReconcileReports).toHaveBeenCalledTimes(2),
    );

    await userEvent.click(
      screen.getByRole('button', { name: RUN_DRY_RUN_LABEL }),
    );
    await waitFor(() =>
      expect(api.runReconciler).toHaveBeenLastCalledWith({ mode: 'dry-run' }),
    );

    // One cluster alone, from its row.
    await userEvent.click(
      screen.getByRole('button', {
        name: runClusterLabel('dry-run', prodCluster),
      }),
    );
    await waitFor(() =>
      expect(api.runReconciler).toHaveBeenLastCalledWith({
        mode: 'dry-run',
        clusterId: 'cluster-prod',
      }),
    );
  });

  it("shows the backend's refusal of a run", async () => {
    await renderAdminSection(
      'reconciler',
      stubs({
        runReconciler: refusing({
          status: 403,
          code: 'PERMISSION_DENIED',
          message: 'You may not run the reconciler',
        }),
      }),
    );
    await screen.findByText('Simulated test cluster');
    await userEvent.click(
      screen.getByRole('button', { name: RUN_DRY_RUN_LABEL }),
    );
    expect(
      await screen.findByText(/You may not run the reconciler/),
    ).toBeInTheDocument();
  });

  it('offers no run to readers who may not run it', async () => {
    await renderAdminSection('reconciler', stubs(), {
      deny: [shepherdReconcileRunPermission],
    });
    await screen.findByText('Simulated test cluster');
    expect(
      screen.getByRole('button', { name: RUN_DRY_RUN_LABEL }),
    ).toBeDisabled();
    expect(screen.getByRole('button', { name: RUN_MARK_LABEL })).toBeDisabled();
    expect(
      screen.getByRole('button', {
        name: runClusterLabel('mark', idleCluster),
      }),
    ).toBeDisabled();
  });

  it('is closed to users who may not read its reports', async () => {
    const { api } = await renderAdminSection('reconciler', stubs(), {
      allowOnly: [shepherdReconcileRunPermission],
    });
    expect(
      await screen.findByText(new RegExp(ADMIN_DENIED_TITLE)),
    ).toBeInTheDocument();
    expect(screen.getByText(/shepherd\.reconcile\.read/)).toBeInTheDocument();
    expect(api.listReconcileReports).not.toHaveBeenCalled();
  });
});
