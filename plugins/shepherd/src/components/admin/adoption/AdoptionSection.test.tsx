import {
  shepherdCatalogManagePermission,
  shepherdVmAdoptPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderAdminSection } from '../../../__testUtils__/adminSections';
import {
  aPage,
  aPendingAdoption,
  aService,
  aVm,
} from '../../../__testUtils__/fixtures';
import { refusing } from '../../../__testUtils__/refusing';
import { ShepherdApi } from '../../../api/ShepherdApi';
import { ADMIN_DENIED_TITLE } from '../AdminPage';
import { NO_ADOPTIONS_TITLE, SCAN_LABEL } from './AdoptionSection';

const PENDING = aPendingAdoption();
const REJECTED = aPendingAdoption({
  id: 'adoption-2',
  resourceName: 'lab-scratch',
  status: 'REJECTED',
  decidedBy: 'user:default/platform-admin',
  decisionReason: 'a lab VM',
  decidedAt: '2026-11-23T10:00:00.000Z',
});

function renderAdoption(stubs: Partial<ShepherdApi>) {
  return renderAdminSection('adoption', {
    listServices: async () =>
      aPage([aService(), aService({ id: 'svc-db', name: 'db' })]),
    ...stubs,
  });
}

async function openRowAction(label: string, name: string) {
  await userEvent.click(
    await screen.findByRole('button', { name: `${label} ${name}` }),
  );
  return within(await screen.findByRole('dialog'));
}

describe('Admin: adoption', () => {
  it('lists the pending adoptions with cluster, namespace, size and status; filters by status', async () => {
    const { api } = await renderAdoption({
      listPendingAdoptions: async () => aPage([PENDING, REJECTED]),
    });

    const row = within((await screen.findByText('legacy-db-7')).closest('tr')!);
    expect(row.getByText('sim-test')).toBeInTheDocument();
    expect(row.getByText('dev')).toBeInTheDocument();
    expect(row.getByText(/2 cores? · 4 GiB · 30 GiB/)).toBeInTheDocument();
    expect(
      row.getByText('quay.io/containerdisks/debian:12'),
    ).toBeInTheDocument();
    expect(row.getByText('PENDING')).toBeInTheDocument();
    const rejected = within(screen.getByText('lab-scratch').closest('tr')!);
    expect(rejected.getByText(/a lab VM/)).toBeInTheDocument();
    // Decided adoptions have nothing left to decide.
    expect(
      rejected.queryByRole('button', { name: /Adopt/ }),
    ).not.toBeInTheDocument();
    expect(api.listPendingAdoptions).toHaveBeenCalledWith({
      offset: 0,
      limit: 20,
      status: 'PENDING',
    });

    await userEvent.selectOptions(screen.getByLabelText('Status'), '');
    await waitFor(() =>
      expect(api.listPendingAdoptions).toHaveBeenLastCalledWith({
        offset: 0,
        limit: 20,
      }),
    );
  });

  it('adopts a VM into the chosen Service and says so', async () => {
    const { api } = await renderAdoption({
      listPendingAdoptions: jest
        .fn()
        .mockResolvedValueOnce(aPage([PENDING]))
        .mockResolvedValue(aPage([])),
      adoptPendingAdoption: async () => ({
        adoption: { ...PENDING, status: 'ADOPTED', vmId: 'vm-7' },
        vm: aVm({
          id: 'vm-7',
          name: 'legacy-db-7',
          serviceName: 'db',
          ticketId: undefined,
        }),
      }),
    });

    const dialog = await openRowAction('Adopt', 'legacy-db-7');
    const adopt = dialog.getByRole('button', { name: 'Adopt' });
    expect(adopt).toBeDisabled();
    await userEvent.selectOptions(
      await dialog.findByLabelText(/^Service/),
      'svc-db',
    );
    await userEvent.type(dialog.getByLabelText(/^Reason/), 'the ledger');
    await userEvent.click(adopt);

    expect(
      await screen.findByText(/Adopted legacy-db-7 into payments \/ db/),
    ).toBeVisible();
    expect(api.adoptPendingAdoption).toHaveBeenCalledWith('adoption-1', {
      serviceId: 'svc-db',
      reason: 'the ledger',
    });
  });

  it('shows the backend refusal of an adoption with its code, inside the dialog', async () => {
    await renderAdoption({
      listPendingAdoptions: async () => aPage([PENDING]),
      adoptPendingAdoption: refusing({
        message: 'dev/legacy-db-7 is no longer the VM that was discovered',
        code: 'ADOPTION_VM_CHANGED',
        status: 409,
      }),
    });

    const dialog = await openRowAction('Adopt', 'legacy-db-7');
    await userEvent.selectOptions(
      await dialog.findByLabelText(/^Service/),
      'svc-api',
    );
    await userEvent.click(dialog.getByRole('button', { name: 'Adopt' }));

    expect(
      await dialog.findByText('The VM was not adopted'),
    ).toBeInTheDocument();
    expect(dialog.getByText(/ADOPTION_VM_CHANGED/)).toBeInTheDocument();
  });

  it('rejects a VM only with a reason', async () => {
    const { api } = await renderAdoption({
      listPendingAdoptions: async () => aPage([PENDING]),
      rejectPendingAdoption: async () => ({
        ...PENDING,
        status: 'REJECTED',
        decisionReason: 'a lab VM',
      }),
    });

    const dialog = await openRowAction('Reject', 'legacy-db-7');
    const reject = dialog.getByRole('button', { name: 'Reject' });
    expect(reject).toBeDisabled();
    await userEvent.type(dialog.getByLabelText(/^Reason/), 'a lab VM');
    await userEvent.click(reject);

    expect(
      await screen.findByText(
        'Rejected legacy-db-7; it is not proposed again.',
      ),
    ).toBeVisible();
    expect(api.rejectPendingAdoption).toHaveBeenCalledWith('adoption-1', {
      reason: 'a lab VM',
    });
  });

  it('scans the clusters on demand and reports what it found', async () => {
    const { api } = await renderAdoption({
      listPendingAdoptions: async () => aPage([]),
      discoverPendingAdoptions: async () => ({
        scannedClusters: 2,
        proposed: 3,
        withdrawn: 1,
        failedClusters: [
          { clusterId: 'c-2', clusterName: 'east', message: 'unreachable' },
        ],
      }),
    });

    expect(
      await screen.findByRole('heading', { name: NO_ADOPTIONS_TITLE }),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getAllByRole('button', { name: SCAN_LABEL })[0],
    );

    expect(
      await screen.findByText(
        /Scanned 2 cluster\(s\): 3 VM\(s\) newly proposed, 1 withdrawn\. Could not scan: east \(unreachable\)\./,
      ),
    ).toBeVisible();
    expect(api.discoverPendingAdoptions).toHaveBeenCalledWith({});
  });

  it('is denied without shepherd.vm.adopt', async () => {
    const { api } = await renderAdminSection(
      'adoption',
      { listPendingAdoptions: async () => aPage([PENDING]) },
      { allowOnly: [shepherdCatalogManagePermission] },
    );

    expect(
      await screen.findByText(new RegExp(ADMIN_DENIED_TITLE)),
    ).toBeInTheDocument();
    expect(
      screen.getByText(new RegExp(shepherdVmAdoptPermission.name)),
    ).toBeInTheDocument();
    expect(api.listPendingAdoptions).not.toHaveBeenCalled();
  });
});
