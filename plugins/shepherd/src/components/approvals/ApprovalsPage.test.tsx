import {
  ApprovalPreview,
  ApprovalTask,
  ClusterCandidate,
  SHEPHERD_REDACTED,
  SHEPHERD_SIGNAL_CHANNELS,
  ShepherdTicket,
  shepherdTicketApprovePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  aPage,
  aTemplate,
  aTicket,
  anInstanceSize,
} from '../../__testUtils__/fixtures';
import {
  RenderShepherdOptions,
  renderShepherd,
} from '../../__testUtils__/renderShepherd';
import { ShepherdApi } from '../../api/ShepherdApi';
import { ShepherdApiError } from '../../api/ShepherdApiError';
import { NOT_PERMITTED } from '../../labels';
import { NO_TASKS_TITLE } from './ApprovalQueuePage';
import { ApprovalsPage } from './ApprovalsPage';
import { TYPE_NAME_LABEL } from '../common';
import {
  APPROVE_DELETION_LABEL,
  APPROVE_LABEL,
  GRANT_MINUTES_LABEL,
  MAY_NOT_DECIDE,
  NOT_APPROVED_TITLE,
  REPLACE_SPEC_LABEL,
} from './DecisionCard';
import { RESIZE_PATCH_NOTE } from './EffectiveSpecCard';
import {
  CHOOSE_CLUSTER_FOR_MANIFEST,
  CLOUD_INIT_REDACTED_NOTE,
  MANIFEST_NOT_RENDERED,
  MANIFEST_TITLE,
  NO_PROVIDER_NOTE,
} from './ManifestPreview';
import { REJECT_LABEL, REJECT_REASON_LABEL } from './RejectDialog';
import { SPEC_FIELD_LABELS } from './SpecOverrideFields';
import { refusing } from '../../__testUtils__/refusing';
import { FakeSignalApi } from '../../__testUtils__/fakeSignalApi';

const PROD_CREATE = aTicket({
  environment: 'prod',
  namespace: 'prod',
  reason: 'Capacity for the sales peak',
  requestSpec: {
    serviceId: 'svc-api',
    namespace: 'prod',
    templateId: 'tpl-ubuntu',
    instanceSizeId: 'size-burst',
    targetCpuCores: 4,
  },
});

const BURSTABLE = anInstanceSize({
  id: 'size-burst',
  name: 'burst',
  displayName: 'Burstable',
  cpuCores: 2,
  cpuRequest: 1,
});

const PROD_CLUSTER: ClusterCandidate = {
  id: 'cluster-prod',
  name: 'sim-prod',
  displayName: 'Simulated prod cluster',
  environment: 'prod',
  status: 'HEALTHY',
  enabled: true,
  storageClasses: ['fast', 'standard'],
  defaultStorageClass: 'standard',
  eligible: true,
};

const TEST_CLUSTER: ClusterCandidate = {
  id: 'cluster-test',
  name: 'sim-test',
  displayName: 'Simulated test cluster',
  environment: 'test',
  status: 'HEALTHY',
  enabled: true,
  storageClasses: ['standard'],
  defaultStorageClass: 'standard',
  eligible: false,
  reasonCode: 'CLUSTER_ENVIRONMENT_MISMATCH',
  reason: 'sim-test is a test cluster; the namespace is prod',
};

const CREATE_PREVIEW: ApprovalPreview = {
  ticket: PROD_CREATE,
  effectiveSpec: {
    templateId: 'tpl-ubuntu',
    instanceSizeId: 'size-burst',
    cpuCores: 4,
    cpuRequest: 2,
    memoryGi: 4,
    memoryRequestGi: 4,
    diskGb: 20,
  },
  warnings: [
    {
      code: 'OVERCOMMIT_IN_PROD',
      message:
        'CPU or memory is overcommitted (requests below limits) in a production environment',
    },
  ],
  clusters: [PROD_CLUSTER, TEST_CLUSTER],
};

const APPROVED = {
  ticket: {
    ...PROD_CREATE,
    status: 'APPROVED' as const,
    approver: 'user:default/approver',
    vmId: 'vm-7',
    vmName: 'prod-payments-api-02',
    clusterId: 'cluster-prod',
  },
  warnings: [],
};

/** The VMs the requests for existing VMs are about. */
const PROD_VM = {
  vmId: 'vm-9',
  vmName: 'prod-payments-api-01',
  environment: 'prod',
  namespace: 'prod',
} as const;
const DEV_VM = { vmId: 'vm-1', vmName: 'dev-payments-api-01' } as const;

/** Replaces what a field holds with `text`, as a user selecting it all and typing. */
async function retype(field: HTMLElement, text: string) {
  await userEvent.clear(field);
  await userEvent.type(field, text);
}

function task(
  ageDays: number,
  overrides: Parameters<typeof aTicket>[0],
): ApprovalTask {
  return { ageDays, ticket: aTicket(overrides) };
}

const TASKS = [
  task(1, { id: 'ticket-new' }),
  task(9, {
    id: 'ticket-old',
    operation: 'DELETE',
    ...DEV_VM,
    requester: 'user:default/jane',
  }),
  task(5, {
    id: 'ticket-power',
    operation: 'POWER',
    powerAction: 'stop',
    ...PROD_VM,
  }),
];

function renderApprovals(
  route: string,
  stubs: Partial<ShepherdApi>,
  options: Pick<RenderShepherdOptions, 'permissions' | 'signals'> = {},
) {
  return renderShepherd(<ApprovalsPage />, {
    api: stubs,
    path: '/shepherd/approvals/*',
    route,
    ...options,
  });
}

/** The stubs of one request's page: its preview and the catalog of its namespace. */
function taskStubs(
  preview: ApprovalPreview,
  overrides: Partial<ShepherdApi> = {},
): Partial<ShepherdApi> {
  return {
    previewApproval: async () => preview,
    listCatalogTemplates: async () => aPage([aTemplate()]),
    listCatalogInstanceSizes: async () => aPage([anInstanceSize(), BURSTABLE]),
    ...overrides,
  };
}

const button = (name: string) => screen.getByRole('button', { name });
const manifest = () => screen.getByRole('region', { name: MANIFEST_TITLE });

describe('Approval workbench', () => {
  describe('queue', () => {
    it('shows progress while it loads', async () => {
      await renderApprovals('/shepherd/approvals', {
        listApprovalTasks: () => new Promise(() => {}),
      });
      expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    });

    it('lists the pending requests, longest-waiting first, highlighted by age', async () => {
      const { api } = await renderApprovals('/shepherd/approvals', {
        listApprovalTasks: async () => aPage(TASKS),
      });

      const oldest = await screen.findByRole('link', {
        name: 'Delete dev-payments-api-01',
      });
      expect(oldest).toHaveAttribute('href', '/shepherd/approvals/ticket-old');
      const rows = screen
        .getAllByRole('row')
        .filter(row => row.querySelector('[data-age-level]'));
      expect(
        rows.map(row => [
          row.querySelector('[data-age-level]')?.getAttribute('data-age-level'),
          row.querySelector('a')?.textContent,
        ]),
      ).toEqual([
        ['alert', 'Delete dev-payments-api-01'],
        ['warning', 'Stop prod-payments-api-01'],
        ['normal', 'New VM for payments/api in dev'],
      ]);
      const first = within(rows[0]);
      expect(first.getByText('9 days')).toBeInTheDocument();
      expect(first.getByText('Deletion')).toBeInTheDocument();
      expect(first.getByText('jane')).toBeInTheDocument();
      expect(first.getByText('payments / api')).toBeInTheDocument();
      expect(first.getByText('dev')).toBeInTheDocument();
      // Namespace and environment of the production power request.
      expect(within(rows[1]).getAllByText('prod')).toHaveLength(2);
      expect(screen.getByText(/3 requests wait for a decision/)).toBeVisible();
      expect(api.listApprovalTasks).toHaveBeenCalledWith({
        offset: 0,
        limit: 20,
      });
    });

    it("shows each requester's reason, long ones cut with the whole text on hover", async () => {
      const longReason =
        'Decommissioned after the migration to the new billing platform; its data is archived and its DNS name moved to api-02.';
      // With signals the queue is not polled every 2 s, so its rows stay the same
      // elements while the pointer rests on one.
      await renderApprovals(
        '/shepherd/approvals',
        {
          listApprovalTasks: async () =>
            aPage([
              task(2, { id: 'ticket-short', reason: 'Load tests' }),
              task(1, {
                id: 'ticket-long',
                operation: 'DELETE',
                ...PROD_VM,
                reason: longReason,
              }),
            ]),
        },
        { signals: new FakeSignalApi() },
      );

      expect(
        await screen.findByRole('columnheader', { name: 'Reason' }),
      ).toBeInTheDocument();
      const short = screen.getByText('Load tests');
      expect(short).not.toHaveAttribute('title');
      const cut = screen.getByText(/^Decommissioned after the migration/);
      expect(cut.textContent).toMatch(/…$/);
      expect(cut.textContent!.length).toBeLessThan(longReason.length);
      expect(screen.queryByText(longReason)).not.toBeInTheDocument();
      // The whole text is the cut one's title until its tooltip opens.
      expect(cut).toHaveAttribute('title', longReason);

      await userEvent.hover(cut);
      expect(await screen.findByRole('tooltip')).toHaveTextContent(longReason);
    });

    it('refreshes by itself: a new request appears', async () => {
      const listApprovalTasks = jest
        .fn()
        .mockResolvedValueOnce(aPage([TASKS[0]]))
        .mockResolvedValue(aPage([TASKS[0], TASKS[1]]));
      await renderApprovals('/shepherd/approvals', { listApprovalTasks });

      expect(
        await screen.findByRole('link', {
          name: 'New VM for payments/api in dev',
        }),
      ).toBeInTheDocument();
      expect(
        await screen.findByRole(
          'link',
          { name: 'Delete dev-payments-api-01' },
          { timeout: 5000 },
        ),
      ).toBeInTheDocument();
    });

    it('follows signals where the portal has them: a new request appears once signalled', async () => {
      const signals = new FakeSignalApi();
      const listApprovalTasks = jest
        .fn()
        .mockResolvedValueOnce(aPage([TASKS[0]]))
        .mockResolvedValue(aPage([TASKS[0], TASKS[1]]));
      await renderApprovals(
        '/shepherd/approvals',
        { listApprovalTasks },
        { signals },
      );
      expect(
        await screen.findByRole('link', {
          name: 'New VM for payments/api in dev',
        }),
      ).toBeInTheDocument();
      expect(listApprovalTasks).toHaveBeenCalledTimes(1);

      await signals.signal(SHEPHERD_SIGNAL_CHANNELS.tickets, {
        changes: [{ id: TASKS[1].ticket.id }],
      });

      expect(
        await screen.findByRole('link', { name: 'Delete dev-payments-api-01' }),
      ).toBeInTheDocument();
      expect(listApprovalTasks).toHaveBeenCalledTimes(2);
    });

    it('says when nothing waits for a decision', async () => {
      await renderApprovals('/shepherd/approvals', {
        listApprovalTasks: async () => aPage([]),
      });
      expect(await screen.findByText(NO_TASKS_TITLE)).toBeInTheDocument();
    });
  });

  describe('a new VM', () => {
    const route = '/shepherd/approvals/ticket-create';

    /** Opens the request for a new VM and waits until its clusters are offered. */
    async function openNewVmRequest(
      overrides: Partial<ShepherdApi> = {},
      options: Pick<RenderShepherdOptions, 'permissions'> = {},
    ) {
      await renderApprovals(
        route,
        taskStubs(CREATE_PREVIEW, overrides),
        options,
      );
      await screen.findByRole('radio', { name: /Simulated prod cluster/ });
    }

    async function chooseStorageClass(name: string) {
      await userEvent.click(
        within(
          document.getElementById('shepherd-approval-storage-class')!
            .parentElement!,
        ).getByRole('button'),
      );
      await userEvent.click(await screen.findByRole('option', { name }));
    }

    it('shows who asks for what, the effective spec, warnings and the clusters', async () => {
      await renderApprovals(route, taskStubs(CREATE_PREVIEW));

      expect(
        await screen.findByRole('heading', {
          name: 'New VM for payments/api in prod',
        }),
      ).toBeInTheDocument();
      expect(screen.getByText('engineer-test')).toBeInTheDocument();
      expect(
        screen.getByText('Capacity for the sales peak'),
      ).toBeInTheDocument();
      expect(await screen.findAllByText('Ubuntu 24.04')).not.toHaveLength(0);
      expect(screen.getAllByText('Burstable')).not.toHaveLength(0);
      expect(screen.getByText('CPU 4 cores')).toBeInTheDocument();
      expect(screen.getByText('4 cores (request 2 cores)')).toBeInTheDocument();
      expect(
        screen.getByText(
          'CPU or memory is overcommitted (requests below limits) in a production environment',
          { exact: false, selector: '.MuiAlert-message' },
        ),
      ).toHaveTextContent(/^CPU or memory .*Code: OVERCOMMIT_IN_PROD$/);
      // The manifest is rendered only when asked for.
      expect(button(MANIFEST_TITLE)).toHaveAttribute('aria-expanded', 'false');

      const prod = screen.getByRole('radio', {
        name: /Simulated prod cluster/,
      });
      expect(prod).toBeChecked();
      const test = screen.getByRole('radio', {
        name: /Simulated test cluster/,
      });
      expect(test).toBeDisabled();
      // The reason in words; its code beneath, small, for support.
      const reason = within(test.closest('label') as HTMLElement).getByText(
        'sim-test is a test cluster; the namespace is prod',
        { exact: false },
      );
      expect(reason).toHaveTextContent(
        /^sim-test is a test cluster; the namespace is prodCode: CLUSTER_ENVIRONMENT_MISMATCH$/,
      );
      expect(
        within(reason)
          .getByText('CLUSTER_ENVIRONMENT_MISMATCH')
          .closest('.MuiTypography-caption'),
      ).not.toBeNull();
      expect(screen.getByText('standard (default)')).toBeInTheDocument();
    });

    it('keeps the request open when the cluster refuses the dry run, then approves', async () => {
      const approveTicket = jest
        .fn()
        .mockRejectedValueOnce(
          new ShepherdApiError({
            message:
              'The cluster refused the VM: admission webhook "virtualmachine-validator.kubevirt.io" denied the request',
            code: 'VALIDATION_FAILED',
            status: 400,
          }),
        )
        .mockResolvedValueOnce(APPROVED);
      await openNewVmRequest({ approveTicket });

      await userEvent.click(button(APPROVE_LABEL));

      expect(await screen.findByText(NOT_APPROVED_TITLE)).toBeInTheDocument();
      expect(screen.getByText('VALIDATION_FAILED')).toBeInTheDocument();
      expect(
        screen.getByText(/admission webhook "virtualmachine-validator/),
      ).toBeInTheDocument();
      expect(screen.getByText(/The request stays pending/)).toBeInTheDocument();
      expect(approveTicket).toHaveBeenCalledWith('ticket-create', {
        clusterId: 'cluster-prod',
        storageClass: 'standard',
      });

      await userEvent.click(button(APPROVE_LABEL));
      expect(
        await screen.findByText('prod-payments-api-02'),
      ).toBeInTheDocument();
      expect(
        screen.getByRole('link', { name: 'Follow the request' }),
      ).toHaveAttribute('href', '/shepherd/requests/ticket-create');
      expect(
        screen.queryByRole('button', { name: APPROVE_LABEL }),
      ).not.toBeInTheDocument();
    });

    it('marks the cluster when it cannot be reached for the dry run', async () => {
      await openNewVmRequest({
        approveTicket: refusing({
          message: 'sim-prod could not be reached',
          code: 'CLUSTER_UNAVAILABLE',
          status: 503,
        }),
      });

      await userEvent.click(button(APPROVE_LABEL));

      expect(
        await screen.findByText(/could not be reached for the dry run/),
      ).toBeInTheDocument();
      expect(
        screen.getByText(
          'sim-prod could not be reached (Code: CLUSTER_UNAVAILABLE)',
        ),
      ).toBeInTheDocument();
      expect(button(APPROVE_LABEL)).toBeEnabled();
    });

    it('approves with another storage class and a replaced spec within the rules', async () => {
      const approveTicket = jest.fn().mockResolvedValue(APPROVED);
      await openNewVmRequest({ approveTicket });

      await chooseStorageClass('fast');

      await userEvent.click(screen.getByLabelText(REPLACE_SPEC_LABEL));
      const cpuRequest = screen.getByLabelText(SPEC_FIELD_LABELS.cpuRequest);
      expect(cpuRequest).toHaveValue(2);
      await retype(cpuRequest, '6');
      expect(
        screen.getByText(
          'The CPU request (6) exceeds the CPU cores (4) (Code: RESOURCE_REQUEST_EXCEEDS_LIMIT)',
        ),
      ).toBeInTheDocument();
      expect(button(APPROVE_LABEL)).toBeDisabled();

      await retype(cpuRequest, '4');
      await userEvent.click(button(APPROVE_LABEL));

      await waitFor(() =>
        expect(approveTicket).toHaveBeenCalledWith('ticket-create', {
          clusterId: 'cluster-prod',
          storageClass: 'fast',
          spec: {
            templateId: 'tpl-ubuntu',
            instanceSizeId: 'size-burst',
            cpuCores: 4,
            cpuRequest: 4,
            memoryGi: 4,
            memoryRequestGi: 4,
            diskGb: 20,
          },
        }),
      );
    });

    it('shows the manifest the approval would apply, following the choices', async () => {
      const renderApprovalManifest = jest
        .fn()
        .mockImplementation(async (_ticketId, request) => ({
          vmName: 'prod-payments-api-02',
          provider: 'kubevirt',
          manifest: {
            apiVersion: 'kubevirt.io/v1',
            kind: 'VirtualMachine',
            metadata: { name: 'prod-payments-api-02', namespace: 'prod' },
            spec: { storageClassName: request.storageClass },
          },
        }));
      await openNewVmRequest({ renderApprovalManifest });
      expect(renderApprovalManifest).not.toHaveBeenCalled();

      await userEvent.click(button(MANIFEST_TITLE));

      await waitFor(() =>
        expect(manifest()).toHaveTextContent('kind: VirtualMachine'),
      );
      expect(manifest()).toHaveTextContent('storageClassName: standard');
      expect(within(manifest()).getByText(/provisional/)).toHaveTextContent(
        'prod-payments-api-02',
      );
      expect(renderApprovalManifest).toHaveBeenLastCalledWith('ticket-create', {
        clusterId: 'cluster-prod',
        storageClass: 'standard',
      });

      await chooseStorageClass('fast');
      await waitFor(() =>
        expect(manifest()).toHaveTextContent('storageClassName: fast'),
      );
      expect(renderApprovalManifest).toHaveBeenLastCalledWith('ticket-create', {
        clusterId: 'cluster-prod',
        storageClass: 'fast',
      });
    });

    it('says why the cloud-init of the manifest is redacted, and only when it is', async () => {
      const volumes = (userData: string) => [
        { name: 'cloudinitdisk', cloudInitNoCloud: { userData } },
      ];
      const renderApprovalManifest = jest
        .fn()
        .mockResolvedValueOnce({
          vmName: 'prod-payments-api-02',
          manifest: {
            kind: 'VirtualMachine',
            spec: { template: { spec: { volumes: volumes('#cloud-config') } } },
          },
        })
        .mockResolvedValue({
          vmName: 'prod-payments-api-02',
          manifest: {
            kind: 'VirtualMachine',
            spec: {
              template: { spec: { volumes: volumes(SHEPHERD_REDACTED) } },
            },
          },
        });
      await openNewVmRequest({ renderApprovalManifest });
      await userEvent.click(button(MANIFEST_TITLE));
      await waitFor(() =>
        expect(manifest()).toHaveTextContent('userData: "#cloud-config"'),
      );
      expect(
        within(manifest()).queryByText(CLOUD_INIT_REDACTED_NOTE),
      ).not.toBeInTheDocument();

      await chooseStorageClass('fast');
      await waitFor(() =>
        expect(manifest()).toHaveTextContent(
          `userData: "${SHEPHERD_REDACTED}"`,
        ),
      );
      expect(
        within(manifest()).getByText(CLOUD_INIT_REDACTED_NOTE),
      ).toBeInTheDocument();
    });

    it('asks for a cluster that can take the VM before it renders the manifest', async () => {
      const renderApprovalManifest = jest.fn();
      await renderApprovals(
        route,
        taskStubs(
          { ...CREATE_PREVIEW, clusters: [TEST_CLUSTER] },
          { renderApprovalManifest },
        ),
      );
      await screen.findByRole('radio', { name: /Simulated test cluster/ });
      await userEvent.click(button(MANIFEST_TITLE));
      // No cluster that can take the VM: nothing to render yet.
      expect(
        await screen.findByText(CHOOSE_CLUSTER_FOR_MANIFEST),
      ).toBeInTheDocument();
      expect(renderApprovalManifest).not.toHaveBeenCalled();
    });

    it('says when the backend has no provider to render with, and shows its errors', async () => {
      const renderApprovalManifest = jest
        .fn()
        .mockResolvedValueOnce({ vmName: 'prod-payments-api-02' })
        .mockRejectedValue(
          new ShepherdApiError({
            message: 'The VM cannot be rendered: the template has no image',
            code: 'VALIDATION_FAILED',
            status: 400,
          }),
        );
      await openNewVmRequest({ renderApprovalManifest });
      await userEvent.click(button(MANIFEST_TITLE));
      expect(await screen.findByText(NO_PROVIDER_NOTE)).toBeInTheDocument();

      await userEvent.click(screen.getByLabelText(REPLACE_SPEC_LABEL));
      const disk = screen.getByLabelText(SPEC_FIELD_LABELS.diskGb);
      await retype(disk, '30');
      expect(
        await screen.findByText(MANIFEST_NOT_RENDERED),
      ).toBeInTheDocument();
      expect(screen.getByText('VALIDATION_FAILED')).toBeInTheDocument();
      expect(renderApprovalManifest).toHaveBeenLastCalledWith(
        'ticket-create',
        expect.objectContaining({
          spec: expect.objectContaining({ diskGb: 30 }),
        }),
      );
    });

    it('rejects only with a reason', async () => {
      const rejectTicket = jest
        .fn()
        .mockResolvedValue({ ...PROD_CREATE, status: 'REJECTED' });
      await openNewVmRequest({ rejectTicket });

      await userEvent.click(button(REJECT_LABEL));
      const dialog = await screen.findByRole('dialog');
      const confirm = within(dialog).getByRole('button', {
        name: REJECT_LABEL,
      });
      expect(confirm).toBeDisabled();
      await userEvent.type(
        within(dialog).getByLabelText(REJECT_REASON_LABEL, { exact: false }),
        '   ',
      );
      expect(confirm).toBeDisabled();
      await userEvent.type(
        within(dialog).getByLabelText(REJECT_REASON_LABEL, { exact: false }),
        'Use the shared load-test pool',
      );
      expect(confirm).toBeEnabled();
      await userEvent.click(confirm);

      expect(await screen.findByText('Rejected')).toBeInTheDocument();
      expect(rejectTicket).toHaveBeenCalledWith('ticket-create', {
        reason: 'Use the shared load-test pool',
      });
    });

    it('does not let users without the permission decide', async () => {
      await openNewVmRequest(
        {},
        { permissions: { deny: [shepherdTicketApprovePermission] } },
      );

      expect(await screen.findByText(MAY_NOT_DECIDE)).toBeInTheDocument();
      expect(button(APPROVE_LABEL)).toBeDisabled();
      expect(button(REJECT_LABEL)).toBeDisabled();
      await userEvent.hover(button(APPROVE_LABEL).parentElement!);
      expect(await screen.findByText(NOT_PERMITTED)).toBeInTheDocument();
    });
  });

  describe('other operations', () => {
    /** Opens the request of `ticket`, an operation on an existing VM: no cluster to choose. */
    function openOperationRequest(
      ticket: ShepherdTicket,
      stubs: Partial<ShepherdApi> = {},
      preview: Partial<ApprovalPreview> = {},
    ) {
      return renderApprovals(`/shepherd/approvals/${ticket.id}`, {
        previewApproval: async () => ({
          ticket,
          warnings: [],
          clusters: [],
          ...preview,
        }),
        ...stubs,
      });
    }

    /** An approveTicket stub that approves `ticket`. */
    function approving(ticket: ShepherdTicket) {
      return jest.fn().mockResolvedValue({
        ticket: { ...ticket, status: 'APPROVED' },
        warnings: [],
      });
    }

    it('shows a power request and approves it as it is', async () => {
      const ticket = aTicket({
        id: 'ticket-power',
        operation: 'POWER',
        powerAction: 'stop',
        ...PROD_VM,
        requestSpec: {},
      });
      const approveTicket = approving(ticket);
      await openOperationRequest(ticket, { approveTicket });

      expect(
        await screen.findByRole('heading', {
          name: 'Stop prod-payments-api-01',
        }),
      ).toBeInTheDocument();
      expect(screen.getByText('stop')).toBeInTheDocument();
      expect(screen.queryByRole('radio')).not.toBeInTheDocument();

      await userEvent.click(button(APPROVE_LABEL));
      await waitFor(() =>
        expect(approveTicket).toHaveBeenCalledWith('ticket-power', {}),
      );
      expect(await screen.findByText('Approved')).toBeInTheDocument();
    });

    it('grants console access for the minutes the approver sets', async () => {
      const ticket = aTicket({
        id: 'ticket-vnc',
        operation: 'VNC_ACCESS',
        ...PROD_VM,
        grantMinutes: 90,
        requestSpec: {},
      });
      const approveTicket = approving(ticket);
      await openOperationRequest(ticket, { approveTicket });

      const minutes = await screen.findByLabelText(GRANT_MINUTES_LABEL);
      expect(minutes).toHaveValue(90);
      expect(screen.getByText('90 minutes')).toBeInTheDocument();
      await retype(minutes, '500');
      expect(button(APPROVE_LABEL)).toBeDisabled();
      await retype(minutes, '30');
      await userEvent.click(button(APPROVE_LABEL));

      await waitFor(() =>
        expect(approveTicket).toHaveBeenCalledWith('ticket-vnc', {
          grantMinutes: 30,
        }),
      );
    });

    it('approves the deletion of a production VM only with its name typed', async () => {
      const ticket = aTicket({
        id: 'ticket-prod-delete',
        operation: 'DELETE',
        ...PROD_VM,
        reason: 'Replaced by prod-payments-api-02',
        requestSpec: {},
      });
      const approveTicket = jest
        .fn()
        .mockRejectedValueOnce(
          new ShepherdApiError({
            message: `'x' does not match the name of the VM to delete, '${PROD_VM.vmName}'`,
            code: 'CONFIRMATION_NAME_MISMATCH',
            status: 400,
          }),
        )
        .mockResolvedValue({
          ticket: { ...ticket, status: 'APPROVED' },
          warnings: [],
        });
      await openOperationRequest(ticket, { approveTicket });

      await waitFor(() => expect(button(APPROVE_LABEL)).toBeEnabled());
      await userEvent.click(button(APPROVE_LABEL));
      const dialog = await screen.findByRole('dialog');
      expect(approveTicket).not.toHaveBeenCalled();
      const confirm = within(dialog).getByRole('button', {
        name: APPROVE_DELETION_LABEL,
      });
      expect(confirm).toBeDisabled();
      const typed = within(dialog).getByLabelText(TYPE_NAME_LABEL);
      await userEvent.type(typed, 'prod-payments-api-1');
      expect(confirm).toBeDisabled();
      await retype(typed, PROD_VM.vmName);
      expect(confirm).toBeEnabled();

      // A refusal of the backend is shown in the dialog, with its code; the request stays.
      await userEvent.click(confirm);
      expect(
        await within(dialog).findByText('CONFIRMATION_NAME_MISMATCH'),
      ).toBeInTheDocument();
      await userEvent.click(confirm);

      await waitFor(() =>
        expect(approveTicket).toHaveBeenLastCalledWith('ticket-prod-delete', {
          confirmVmName: PROD_VM.vmName,
        }),
      );
      expect(await screen.findByText('Approved')).toBeInTheDocument();
    });

    it('approves the deletion of a test VM with one click', async () => {
      const ticket = aTicket({
        id: 'ticket-delete',
        operation: 'DELETE',
        ...DEV_VM,
        requestSpec: {},
      });
      const approveTicket = approving(ticket);
      await openOperationRequest(ticket, { approveTicket });

      await waitFor(() => expect(button(APPROVE_LABEL)).toBeEnabled());
      await userEvent.click(button(APPROVE_LABEL));

      await waitFor(() =>
        expect(approveTicket).toHaveBeenCalledWith('ticket-delete', {}),
      );
      expect(screen.queryByLabelText(TYPE_NAME_LABEL)).not.toBeInTheDocument();
    });

    it('warns that a deletion cannot be undone', async () => {
      const ticket = aTicket({
        id: 'ticket-delete',
        operation: 'DELETE',
        ...DEV_VM,
        requestSpec: {},
      });
      await openOperationRequest(ticket);

      expect(
        await screen.findByText(
          /Approving deletes dev-payments-api-01 and its disks/,
        ),
      ).toBeInTheDocument();
      expect(
        screen.getByRole('link', { name: 'dev-payments-api-01' }),
      ).toHaveAttribute('href', '/shepherd/vms/vm-1');
    });

    it('shows the targets of a resize and its effective spec', async () => {
      const ticket = aTicket({
        id: 'ticket-modify',
        operation: 'MODIFY',
        ...DEV_VM,
        requestSpec: { targetCpuCores: 4, targetDiskGb: 40 },
      });
      await openOperationRequest(
        ticket,
        {},
        {
          effectiveSpec: {
            templateId: 'tpl-ubuntu',
            instanceSizeId: 'size-small',
            cpuCores: 4,
            cpuRequest: 2,
            memoryGi: 4,
            memoryRequestGi: 4,
            diskGb: 40,
            storageClass: 'standard',
          },
        },
      );

      expect(
        await screen.findByText('CPU 4 cores, disk 40 GiB'),
      ).toBeInTheDocument();
      expect(screen.getByText('4 cores (request 2 cores)')).toBeInTheDocument();
      expect(screen.getByText('40 GiB')).toBeInTheDocument();
      expect(screen.getByText(RESIZE_PATCH_NOTE)).toBeInTheDocument();
      expect(
        screen.queryByRole('button', { name: MANIFEST_TITLE }),
      ).not.toBeInTheDocument();
    });
  });
});
