import {
  Environment,
  shepherdSystemCreatePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  aNamespace,
  aPage,
  aService,
  aSystem,
  aTemplate,
  anInstanceSize,
} from '../../__testUtils__/fixtures';
import { renderShepherd } from '../../__testUtils__/renderShepherd';
import { ShepherdApi } from '../../api/ShepherdApi';
import { ShepherdApiError } from '../../api/ShepherdApiError';
import { EXISTING_REQUEST_LINK } from '../common';
import { NO_NAMESPACES_TITLE } from './NamespaceStep';
import {
  NEXT_LABEL,
  NOT_ACCEPTED_TITLE,
  RequestVmPage,
  START_NOT_REQUESTABLE,
  SUBMIT_LABEL,
} from './RequestVmPage';
import { NO_REQUEST_ACCESS_TITLE } from './requestAccess';
import { NO_TEMPLATES_TITLE } from './TemplateStep';
import { CPU_LABEL, REASON_LABEL } from './DetailsStep';
import { VM_NAME_INDEX_NOTE } from './ReviewStep';
import { FOLLOW_REQUEST_LABEL } from './SubmittedCard';
import { Refusal, refusing } from '../../__testUtils__/refusing';
import { RenderShepherdOptions } from '../../__testUtils__/renderShepherd';

const BURSTABLE = anInstanceSize({
  id: 'size-burst',
  name: 'burst',
  displayName: 'Burstable',
  description: 'Overcommitted',
  cpuCores: 4,
  cpuRequest: 1,
  memoryGi: 8,
  memoryRequestGi: 4,
});
/** Dedicated CPUs with a CPU request below the cores: the backend refuses it anywhere. */
const PINNED_OVERCOMMITTED = anInstanceSize({
  id: 'size-pinned-burst',
  name: 'pinned-burst',
  displayName: 'Pinned burst',
  description: 'Dedicated, overcommitted',
  dedicatedCpu: true,
  cpuCores: 4,
  cpuRequest: 2,
});
const PINNED = anInstanceSize({
  id: 'size-pinned',
  name: 'pinned',
  displayName: 'Pinned',
  description: 'Dedicated',
  dedicatedCpu: true,
  requiresHugepages: true,
  hugepagesSize: '1Gi',
});

/** The API of a user who can request in test and prod. */
function catalogApi(
  overrides: Partial<ShepherdApi> = {},
): Partial<ShepherdApi> {
  return {
    listSystems: async () =>
      aPage([
        aSystem(),
        aSystem({ id: 'sys-logistics', name: 'logistics', description: '' }),
      ]),
    listServices: async () => aPage([aService()]),
    getService: async () => aService(),
    listCatalogNamespaces: async () =>
      aPage([
        aNamespace(),
        aNamespace({
          id: 'ns-prod',
          name: 'prod',
          environment: 'prod',
          description: 'Production',
        }),
      ]),
    listCatalogTemplates: async () => aPage([aTemplate()]),
    listCatalogInstanceSizes: async () =>
      aPage([anInstanceSize(), BURSTABLE, PINNED]),
    requestVm: async () => ({
      ticketId: 'ticket-42',
      eventId: 'event-42',
      status: 'PENDING' as const,
    }),
    ...overrides,
  };
}

function renderWizard(
  stubs: Partial<ShepherdApi>,
  query = '',
  permissions?: RenderShepherdOptions['permissions'],
) {
  return renderShepherd(<RequestVmPage />, {
    api: stubs,
    path: '/shepherd/request-vm',
    route: `/shepherd/request-vm${query}`,
    permissions,
  });
}

/**
 * GET /v1/capabilities for a user who may request VMs in the given environments, by System
 * id (Systems it can see but not request for: none).
 */
function capabilities(
  offers: Record<string, Environment[]>,
): ShepherdApi['getCapabilities'] {
  return async () => ({
    decideRequests: false,
    requestVms: Object.entries(offers).map(([systemId, environments]) => ({
      systemId,
      environments,
    })),
    totalItems: Object.keys(offers).length,
    offset: 0,
    limit: 100,
  });
}

const next = () =>
  userEvent.click(screen.getByRole('button', { name: NEXT_LABEL }));

// Walking through every step takes a while in jsdom.

/** The button of a MUI select, by the select's id. */
function selectButton(id: string): HTMLElement {
  const select = document.getElementById(id);
  if (!select) throw new Error(`No select ${id}`);
  return within(select.parentElement!).getByRole('button');
}

/** Picks an option of a MUI select, by the select's id. */
async function pick(id: string, option: RegExp | string) {
  await waitFor(() => selectButton(id));
  await userEvent.click(selectButton(id));
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

/** Types into a field at once (a paste), which keeps these long walks quick. */
async function fill(field: HTMLElement, text: string) {
  await userEvent.clear(field);
  await userEvent.click(field);
  await userEvent.paste(text);
}

async function chooseServiceStep() {
  await pick('shepherd-request-system', /^payments/);
  await pick('shepherd-request-service', /^api/);
  await next();
}

/** Walks from the namespace step to the details step with the given namespace and size. */
async function chooseUpToDetails(namespace: RegExp, size: RegExp) {
  await userEvent.click(await screen.findByRole('radio', { name: namespace }));
  await next();
  await userEvent.click(
    await screen.findByRole('radio', { name: /Ubuntu 24\.04/ }),
  );
  await next();
  await userEvent.click(await screen.findByRole('radio', { name: size }));
  await next();
}

async function fillReason(reason: string) {
  await fill(screen.getByLabelText(REASON_LABEL, { exact: false }), reason);
}

/** Gives the reason, goes on to the review and submits the request. */
async function submitWithReason(reason: string) {
  await fillReason(reason);
  await next();
  await userEvent.click(screen.getByRole('button', { name: SUBMIT_LABEL }));
}

/** Opens the details of a small dev VM for the linked Service; the backend refuses the request. */
async function openDetailsRefusedWith(refusal: Refusal) {
  const rendered = await renderWizard(
    catalogApi({ requestVm: refusing(refusal) }),
    '?serviceId=svc-api',
  );
  await chooseUpToDetails(/^dev/, /^Small/);
  return rendered;
}

describe('Request a VM', () => {
  it('shows progress while it loads', async () => {
    await renderWizard(
      catalogApi({ listSystems: () => new Promise(() => {}) }),
    );
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('walks through the steps and submits the request, then shows the ticket', async () => {
    const { api } = await renderWizard(catalogApi());

    await chooseServiceStep();
    expect(api.listServices).toHaveBeenCalledWith({
      systemId: 'sys-payments',
      offset: 0,
      limit: 100,
    });
    await chooseUpToDetails(/^dev/, /^Small/);
    expect(api.listCatalogTemplates).toHaveBeenCalledWith({
      namespace: 'dev',
      offset: 0,
      limit: 100,
    });
    expect(api.listCatalogInstanceSizes).toHaveBeenCalledWith({
      namespace: 'dev',
      offset: 0,
      limit: 100,
    });

    expect(screen.getByRole('button', { name: NEXT_LABEL })).toBeDisabled();
    await fill(screen.getByLabelText(CPU_LABEL), '3');
    await fillReason('Load tests');
    await next();

    expect(screen.getByText('dev-payments-api-02')).toBeInTheDocument();
    expect(screen.getByText(VM_NAME_INDEX_NOTE)).toBeInTheDocument();
    expect(screen.getByText('3 cores')).toBeInTheDocument();
    expect(screen.getByText('4 GiB (as the size)')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: SUBMIT_LABEL }));

    expect(
      await screen.findByText(/Your request was received/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/ticket-42/)).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: FOLLOW_REQUEST_LABEL }).closest('a'),
    ).toHaveAttribute('href', '/shepherd/requests/ticket-42');
    expect(api.requestVm).toHaveBeenCalledWith({
      serviceId: 'svc-api',
      namespace: 'dev',
      templateId: 'tpl-ubuntu',
      instanceSizeId: 'size-small',
      reason: 'Load tests',
      targetCpuCores: 3,
    });
  });

  it('starts at the Service of ?serviceId=', async () => {
    const { api } = await renderWizard(catalogApi(), '?serviceId=svc-api');

    expect(
      await screen.findByRole('radio', { name: /^dev/ }),
    ).toBeInTheDocument();
    expect(await screen.findByText('payments / api')).toBeInTheDocument();
    expect(api.getService).toHaveBeenCalledWith('svc-api');
  });

  it('starts at the Service registered from a catalog Component', async () => {
    const { api } = await renderWizard(
      catalogApi(),
      '?service=component:default/payments-api',
    );

    expect(
      await screen.findByRole('radio', { name: /^dev/ }),
    ).toBeInTheDocument();
    expect(api.listServices).toHaveBeenCalledWith({
      entityRef: 'component:default/payments-api',
      limit: 1,
    });
  });

  it('says why it could not start from a linked Service, with the code', async () => {
    await renderWizard(
      catalogApi({
        getService: refusing({
          message: 'Service svc-gone was not found',
          code: 'NOT_FOUND',
          status: 404,
        }),
      }),
      '?serviceId=svc-gone',
    );

    expect(
      await screen.findByText(
        'Could not start from the linked System or Service',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('NOT_FOUND')).toBeInTheDocument();
    expect(selectButton('shepherd-request-system')).toBeInTheDocument();
  });

  it('tells a user without Systems, who may not create any, whom to ask', async () => {
    await renderWizard(catalogApi({ listSystems: async () => aPage([]) }), '', {
      deny: [shepherdSystemCreatePermission],
    });

    expect(
      await screen.findByText(NO_REQUEST_ACCESS_TITLE),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/you are in none yet/, { exact: false }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Ask the owner of your team's System to add you/),
    ).toBeInTheDocument();
    // No way out through buttons the user could not use.
    expect(
      screen.queryByRole('link', { name: 'Systems & Services' }),
    ).not.toBeInTheDocument();
  });

  it('shows a user without Systems who may create them the way to register one', async () => {
    await renderWizard(catalogApi({ listSystems: async () => aPage([]) }));

    expect(
      await screen.findByText(NO_REQUEST_ACCESS_TITLE),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Systems & Services' }),
    ).toHaveAttribute('href', '/shepherd/systems');
  });

  it('tells a reader of Systems up front that it may request nothing, and whom to ask', async () => {
    const { api } = await renderWizard(
      catalogApi({
        listSystemMembers: async systemId => ({
          items:
            systemId === 'sys-payments'
              ? [
                  {
                    id: 'm-1',
                    systemId,
                    memberRef: 'user:default/alice',
                    role: 'owner' as const,
                    grantedBy: 'user:default/platform-admin',
                    createdAt: '2026-01-01T00:00:00Z',
                    updatedAt: '2026-01-01T00:00:00Z',
                  },
                ]
              : [],
        }),
        getCapabilities: capabilities({
          'sys-payments': [],
          'sys-logistics': [],
        }),
      }),
      '',
      { deny: [shepherdSystemCreatePermission] },
    );

    expect(
      await screen.findByText(NO_REQUEST_ACCESS_TITLE),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/you hold it in none of the 2 Systems you can see/),
    ).toBeInTheDocument();
    const owners = within(
      await screen.findByRole('list', { name: 'System owners' }),
    );
    expect(owners.getByText('payments: alice')).toBeInTheDocument();
    // Nothing to walk through: no System to choose, no namespace offered.
    expect(
      document.getElementById('shepherd-request-system'),
    ).not.toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(api.requestVm).not.toHaveBeenCalled();
  });

  it('offers only the Systems the user may request VMs for', async () => {
    const { api } = await renderWizard(
      catalogApi({
        getCapabilities: capabilities({
          'sys-payments': ['test'],
          'sys-logistics': [],
        }),
      }),
    );

    await waitFor(() => selectButton('shepherd-request-system'));
    await userEvent.click(selectButton('shepherd-request-system'));
    const options = await screen.findAllByRole('option');
    expect(options.map(option => option.textContent)).toEqual([
      'payments — Payments platform',
    ]);
    expect(api.getCapabilities).toHaveBeenCalledWith({
      offset: 0,
      limit: 100,
    });
  });

  it('offers every System when the backend cannot say which: it decides on submission', async () => {
    await renderWizard(
      catalogApi({
        getCapabilities: async () => {
          throw new Error('Backend unreachable');
        },
      }),
    );

    await waitFor(() => selectButton('shepherd-request-system'));
    await userEvent.click(selectButton('shepherd-request-system'));
    const options = await screen.findAllByRole('option');
    expect(options.map(option => option.textContent)).toEqual([
      'payments — Payments platform',
      'logistics',
    ]);
  });

  it('offers only the namespaces of the environments the System takes requests in', async () => {
    await renderWizard(
      catalogApi({
        getCapabilities: capabilities({
          'sys-payments': ['test'],
          'sys-logistics': ['test', 'prod'],
        }),
      }),
    );
    await chooseServiceStep();

    expect(
      await screen.findByRole('radio', { name: /^dev/ }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('radio', { name: /^prod/ }),
    ).not.toBeInTheDocument();
  });

  it('says so when the System takes requests in no environment with a namespace', async () => {
    await renderWizard(
      catalogApi({
        getCapabilities: capabilities({ 'sys-payments': ['prod'] }),
        listCatalogNamespaces: async () => aPage([aNamespace()]),
      }),
    );
    await chooseServiceStep();

    expect(await screen.findByText(NO_NAMESPACES_TITLE)).toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
  });

  it('does not start from a linked System the user may not request VMs for', async () => {
    await renderWizard(
      catalogApi({
        getService: async () =>
          aService({ id: 'svc-route', systemId: 'sys-logistics' }),
        getCapabilities: capabilities({
          'sys-payments': ['test'],
          'sys-logistics': [],
        }),
      }),
      '?serviceId=svc-route',
    );

    expect(await screen.findByText(START_NOT_REQUESTABLE)).toBeInTheDocument();
    await waitFor(() =>
      expect(selectButton('shepherd-request-system')).toHaveTextContent(
        /^\W*$/,
      ),
    );
  });

  it('says when the user has no namespace in their environments', async () => {
    await renderWizard(
      catalogApi({ listCatalogNamespaces: async () => aPage([]) }),
      '?serviceId=svc-api',
    );

    expect(await screen.findByText(NO_NAMESPACES_TITLE)).toBeInTheDocument();
  });

  it('says when no template is offered in the namespace', async () => {
    await renderWizard(
      catalogApi({ listCatalogTemplates: async () => aPage([]) }),
      '?serviceId=svc-api',
    );
    await userEvent.click(await screen.findByRole('radio', { name: /^dev/ }));
    await next();

    expect(await screen.findByText(NO_TEMPLATES_TITLE)).toBeInTheDocument();
  });

  it('shows a failed load with its code and retries', async () => {
    const listSystems = jest
      .fn()
      .mockRejectedValueOnce(
        new ShepherdApiError({
          message: 'Missing credentials',
          code: 'UNAUTHENTICATED',
          status: 401,
        }),
      )
      .mockResolvedValue(aPage([aSystem()]));
    await renderWizard(catalogApi({ listSystems }));

    expect(
      await screen.findByText('Could not load your Systems'),
    ).toBeInTheDocument();
    expect(screen.getByText('UNAUTHENTICATED')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() =>
      expect(selectButton('shepherd-request-system')).toBeInTheDocument(),
    );
    expect(screen.queryByText('UNAUTHENTICATED')).not.toBeInTheDocument();
  });

  it('shows sizes with their capabilities and overcommit notes for the environment', async () => {
    await renderWizard(catalogApi(), '?serviceId=svc-api');
    await userEvent.click(await screen.findByRole('radio', { name: /^prod/ }));
    await next();
    await userEvent.click(
      await screen.findByRole('radio', { name: /Ubuntu 24\.04/ }),
    );
    await next();

    const burst = await screen.findByRole('radio', { name: /^Burstable/ });
    expect(burst.closest('label')).toHaveTextContent(
      'CPU 4 cores (request 1 core) · memory 8 GiB (request 4 GiB) · disk 20 GiB',
    );
    expect(burst.closest('label')).toHaveTextContent('OVERCOMMIT_IN_PROD');
    const pinned = screen.getByRole('radio', { name: /^Pinned/ });
    expect(pinned.closest('label')).toHaveTextContent('Dedicated CPU');
    expect(pinned.closest('label')).toHaveTextContent('Hugepages 1Gi');
    expect(
      screen.getByRole('radio', { name: /^Small/ }).closest('label'),
    ).not.toHaveTextContent('OVERCOMMIT_IN_PROD');
  });

  it('disables sizes the backend would refuse and says why in words, codes aside', async () => {
    await renderWizard(
      catalogApi({
        listCatalogInstanceSizes: async () =>
          aPage([anInstanceSize(), BURSTABLE, PINNED_OVERCOMMITTED]),
      }),
      '?serviceId=svc-api',
    );
    await userEvent.click(await screen.findByRole('radio', { name: /^prod/ }));
    await next();
    await userEvent.click(
      await screen.findByRole('radio', { name: /Ubuntu 24\.04/ }),
    );
    await next();

    const refused = await screen.findByRole('radio', {
      name: /^Pinned burst/,
    });
    expect(refused).toBeDisabled();
    expect(refused.closest('label')).toHaveTextContent(
      'Cannot be used: Dedicated CPUs cannot be overcommitted: requests must equal limits.',
    );
    // Overcommit in production is a warning for the approver: the size can be chosen.
    const burst = screen.getByRole('radio', { name: /^Burstable/ });
    expect(burst).toBeEnabled();
    expect(
      within(burst.closest('label')!).getByText(
        /Overcommitted in production: it can be requested/,
      ),
    ).toBeInTheDocument();
    // The code is there for support, beside the words rather than in front of them.
    expect(burst.closest('label')).not.toHaveTextContent(/OVERCOMMIT_IN_PROD:/);
    await userEvent.click(burst);
    expect(screen.getByRole('button', { name: NEXT_LABEL })).toBeEnabled();
  });

  it('checks targets before submitting: steps of 0.5, whole cores for dedicated CPUs', async () => {
    await renderWizard(catalogApi(), '?serviceId=svc-api');
    await chooseUpToDetails(/^dev/, /^Pinned/);
    await fillReason('Latency tests');

    await fill(screen.getByLabelText(CPU_LABEL), '0.3');
    expect(
      screen.getByText('CPU comes in steps of 0.5 cores'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: NEXT_LABEL })).toBeDisabled();

    await fill(screen.getByLabelText(CPU_LABEL), '1.5');
    expect(
      screen.getByText('Pinned has dedicated CPUs, which take whole cores'),
    ).toBeInTheDocument();

    await fill(screen.getByLabelText(CPU_LABEL), '2');
    expect(screen.getByRole('button', { name: NEXT_LABEL })).toBeEnabled();
  });

  it('puts a refused field back in front of the user, with the code', async () => {
    const { api } = await openDetailsRefusedWith({
      message:
        'With the instance size small, the CPU request must be whole cores',
      code: 'RESOURCE_STEP_INVALID',
      status: 400,
      details: {
        violations: [
          {
            code: 'RESOURCE_STEP_INVALID',
            field: 'cpuRequest',
            message:
              'With the instance size small, the CPU request must be whole cores',
          },
        ],
      },
    });
    await fill(screen.getByLabelText(CPU_LABEL), '2.5');
    await submitWithReason('Load tests');

    // The details step is open again, the message next to the CPU field.
    await waitFor(() =>
      expect(screen.getByLabelText(CPU_LABEL)).toHaveAttribute(
        'aria-invalid',
        'true',
      ),
    );
    const cpu = screen.getByLabelText(CPU_LABEL);
    expect(cpu).toHaveValue(2.5);
    expect(cpu).toHaveAttribute('aria-invalid', 'true');
    expect(
      screen.getByText(
        'With the instance size small, the CPU request must be whole cores (Code: RESOURCE_STEP_INVALID)',
      ),
    ).toBeInTheDocument();
    expect(api.requestVm).toHaveBeenCalledTimes(1);

    // Changing the field clears the backend's mark.
    await fill(cpu, '2');
    await waitFor(() => expect(cpu).toHaveAttribute('aria-invalid', 'false'));
  });

  it('shows the backend’s refusal when the user may not request VMs for the Service', async () => {
    await openDetailsRefusedWith({
      message: 'You may not request VMs for payments/api',
      code: 'PERMISSION_DENIED',
      status: 403,
    });
    await submitWithReason('Load tests');

    // Next to the Submit button, where the user is looking.
    const refusal = await screen.findByText(NOT_ACCEPTED_TITLE);
    const reviewStep = screen
      .getByRole('button', { name: SUBMIT_LABEL })
      .closest('.MuiStepContent-root');
    expect(reviewStep).toContainElement(refusal);
    expect(screen.getByText('PERMISSION_DENIED')).toBeInTheDocument();
    expect(
      screen.getByText('You may not request VMs for payments/api', {
        exact: false,
      }),
    ).toBeInTheDocument();
  });

  it('links the existing request of a duplicate', async () => {
    await openDetailsRefusedWith({
      message: 'An identical request is already pending',
      code: 'DUPLICATE_PENDING_REQUEST',
      status: 409,
      details: { ticketId: 'ticket-7' },
    });
    await submitWithReason('Load tests');

    expect(
      await screen.findByText('DUPLICATE_PENDING_REQUEST'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: EXISTING_REQUEST_LINK }),
    ).toHaveAttribute('href', '/shepherd/requests/ticket-7');
  });
});
