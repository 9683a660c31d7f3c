import { Entity } from '@backstage/catalog-model';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import {
  aHealthReport,
  aPage,
  aTicket,
  aVm,
  aDomainEvent,
} from './__testUtils__/fixtures';
import { setupShepherdMswServer } from './__testUtils__/shepherdMsw';
import shepherdPlugin from './alpha';
import { OVERVIEW_TITLE } from './labels';
import { SHEPHERD_PAGES } from './pages';

/** The backend as the pages of these tests need it, answered whatever the host. */
const BACKEND = [
  http.get('*/api/shepherd/health', () =>
    HttpResponse.json(
      aHealthReport({
        database: {
          status: 'ok',
          engine: 'postgres',
          latencyMs: 1.2,
          migrations: { applied: 1, pending: 0 },
        },
      }),
    ),
  ),
  http.get('*/api/shepherd/v1/vms', () => HttpResponse.json(aPage([aVm()]))),
  http.get('*/api/shepherd/v1/tickets', () =>
    HttpResponse.json(aPage([aTicket()])),
  ),
  http.get('*/api/shepherd/v1/tickets/ticket-create', () =>
    HttpResponse.json({
      ticket: aTicket(),
      events: [aDomainEvent()],
      history: [],
    }),
  ),
  http.get('*/api/shepherd/v1/systems', () => HttpResponse.json(aPage([]))),
  // A user who decides requests (and whose Systems are not asked for here).
  http.get('*/api/shepherd/v1/capabilities', () =>
    HttpResponse.json({
      decideRequests: true,
      requestVms: [],
      totalItems: 0,
      offset: 0,
      limit: 1,
    }),
  ),
  http.get('*/api/shepherd/v1/services', () => HttpResponse.json(aPage([]))),
  http.get('*/api/shepherd/v1/catalog/namespaces', () =>
    HttpResponse.json(aPage([])),
  ),
  http.get('*/api/shepherd/v1/admin/clusters', () =>
    HttpResponse.json(aPage([])),
  ),
  // The permission framework of the test app: allow.
  http.post('*/api/permission/authorize', async ({ request }) => {
    const body = (await request.json()) as { items: Array<{ id: string }> };
    return HttpResponse.json({
      items: body.items.map(item => ({ id: item.id, result: 'ALLOW' })),
    });
  }),
];

/** The app and the Shepherd page load lazily; on a busy machine that takes longer than findBy's 1 s. */
const LAZY_PAGE = { timeout: 10_000 };

describe('shepherd frontend plugin (new frontend system)', () => {
  const server = setupShepherdMswServer();
  beforeEach(() => server.use(...BACKEND));

  it('serves the overview at /shepherd, with a tab per page and the backend health', async () => {
    renderTestApp({
      features: [shepherdPlugin],
      initialRouteEntries: ['/shepherd'],
    });

    // The app mounts the page again as it settles: wait on what is shown, not on one element.
    await waitFor(
      () => expect(screen.getByText('Backend health')).toBeInTheDocument(),
      LAZY_PAGE,
    );
    await waitFor(() =>
      expect(screen.getByText('Healthy')).toBeInTheDocument(),
    );
    expect(
      screen.getByText('PostgreSQL, answered in 1.2 ms'),
    ).toBeInTheDocument();
    // The tabs of pages behind permissions and capabilities appear once they are answered.
    await waitFor(
      () =>
        expect(
          within(screen.getByRole('tablist'))
            .getAllByRole('tab')
            .map(tab => [tab.textContent, tab.getAttribute('href')]),
        ).toEqual([
          [OVERVIEW_TITLE, '/shepherd'],
          ...SHEPHERD_PAGES.map(page => [
            page.title,
            `/shepherd${page.routeRef.path}`,
          ]),
        ]),
      LAZY_PAGE,
    );
  });

  it('lets an app leave a page out through its sub-page extension', async () => {
    renderTestApp({
      features: [shepherdPlugin],
      initialRouteEntries: ['/shepherd'],
      config: {
        app: {
          baseUrl: 'http://localhost:3000',
          extensions: [{ 'sub-page:shepherd/requests': false }],
        },
        backend: { baseUrl: 'http://localhost:7007' },
      },
    });

    await waitFor(
      () => expect(screen.getByText('Backend health')).toBeInTheDocument(),
      LAZY_PAGE,
    );
    await waitFor(
      () =>
        expect(
          within(screen.getByRole('tablist'))
            .getAllByRole('tab')
            .map(tab => tab.textContent),
        ).toEqual([
          OVERVIEW_TITLE,
          ...SHEPHERD_PAGES.filter(page => page.id !== 'requests').map(
            page => page.title,
          ),
        ]),
      LAZY_PAGE,
    );
  });

  it('serves the VMs page and a VM’s sub-route', async () => {
    renderTestApp({
      features: [shepherdPlugin],
      initialRouteEntries: ['/shepherd/vms'],
    });

    const link = await screen.findByRole(
      'link',
      { name: 'dev-payments-api-01' },
      LAZY_PAGE,
    );
    expect(link).toHaveAttribute('href', '/shepherd/vms/vm-1');
  });

  it('serves My requests and one request', async () => {
    renderTestApp({
      features: [shepherdPlugin],
      initialRouteEntries: ['/shepherd/requests'],
    });

    await userEvent.click(
      await screen.findByRole(
        'link',
        { name: 'New VM for payments/api in dev' },
        LAZY_PAGE,
      ),
    );

    expect(
      await screen.findByRole('heading', {
        name: 'New VM for payments/api in dev',
      }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Timeline' })).getByText(
          'VM creation: waiting',
        ),
      ).toBeInTheDocument(),
    );
  });

  describe('entity page extensions', () => {
    const entity = (kind: string, type?: string): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: { name: 'x' },
      spec: type ? { type } : {},
    });

    it('adds the VM card to the overview of virtual-machine Resources only', () => {
      const filter = createExtensionTester(
        shepherdPlugin.getExtension('entity-card:shepherd/virtual-machine'),
      ).get(EntityCardBlueprint.dataRefs.filterFunction);

      expect(filter?.(entity('Resource', 'virtual-machine'))).toBe(true);
      expect(filter?.(entity('Resource', 'database'))).toBe(false);
      expect(filter?.(entity('Component', 'virtual-machine'))).toBe(false);
    });

    it('adds the Virtual machines tab to Systems and service Components only', () => {
      const filter = createExtensionTester(
        shepherdPlugin.getExtension('entity-content:shepherd/virtual-machines'),
      ).get(EntityContentBlueprint.dataRefs.filterFunction);

      expect(filter?.(entity('System'))).toBe(true);
      expect(filter?.(entity('Component', 'service'))).toBe(true);
      expect(filter?.(entity('Component', 'website'))).toBe(false);
      expect(filter?.(entity('Resource', 'virtual-machine'))).toBe(false);
    });
  });
});
