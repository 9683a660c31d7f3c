import { Entity } from '@backstage/catalog-model';
import { identityApiRef } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { TestApiProvider } from '@backstage/test-utils';
import { shepherdSystemCreatePermission } from '@kubevirt-shepherd/plugin-shepherd-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aPage, aService, aSystem } from '../../__testUtils__/fixtures';
import {
  RenderShepherdOptions,
  renderShepherd,
} from '../../__testUtils__/renderShepherd';
import { ShepherdApi } from '../../api/ShepherdApi';
import { NOT_PERMITTED } from '../../labels';
import { CREATE_LABEL } from './CreateDialog';
import { REGISTER_LABEL } from './RegisterDialog';
import { NO_SYSTEMS_TITLE } from './SystemListPage';
import { SystemsPage } from './SystemsPage';
import { CREATE_SYSTEM_LABEL, REGISTER_SYSTEM_LABEL } from './SystemDialogs';
import { refusing } from '../../__testUtils__/refusing';

const PAYMENTS = aSystem();
const LEGACY = aSystem({
  id: 'sys-legacy',
  name: 'legacy',
  description: '# Legacy\nThe old platform',
  entityRef: undefined,
});

/** The APIs the System page asks for, once a create or register leads there. */
const DETAIL_STUBS: Partial<ShepherdApi> = {
  listServices: async () => aPage([]),
  listSystemMembers: async () => ({ items: [] }),
  listVms: async () => aPage([]),
};

function renderIndex(
  stubs: Partial<ShepherdApi> = {},
  options: Pick<RenderShepherdOptions, 'permissions' | 'route'> = {},
) {
  return renderShepherd(<SystemsPage />, {
    api: {
      listSystems: async () => aPage([PAYMENTS, LEGACY]),
      ...DETAIL_STUBS,
      ...stubs,
    },
    path: '/shepherd/systems/*',
    route: '/shepherd/systems',
    ...options,
  });
}

// Whole pages with tables and dialogs, driven keystroke by keystroke: slow on a busy machine.

const button = (name: string | RegExp) => screen.getByRole('button', { name });

describe('Systems & Services index', () => {
  it('lists the Systems with links to their pages and their VMs', async () => {
    const { api } = await renderIndex();

    const payments = await screen.findByRole('link', { name: 'payments' });
    expect(payments).toHaveAttribute('href', '/shepherd/systems/sys-payments');
    const row = payments.closest('tr')!;
    expect(within(row).getByText('Payments platform')).toBeInTheDocument();
    expect(
      within(row).getByText('system:default/payments'),
    ).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'VMs' })).toHaveAttribute(
      'href',
      '/shepherd/vms?systemId=sys-payments',
    );
    const legacy = screen.getByRole('link', { name: 'legacy' }).closest('tr')!;
    expect(within(legacy).getByText('Legacy')).toBeInTheDocument();
    expect(within(legacy).getByText('Created in Shepherd')).toBeInTheDocument();
    expect(api.listSystems).toHaveBeenCalledWith({ offset: 0, limit: 20 });
  });

  it('shows a progress bar while loading', async () => {
    await renderIndex({ listSystems: () => new Promise(() => {}) });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('explains what Systems are when there is none', async () => {
    await renderIndex({ listSystems: async () => aPage([]) });
    expect(await screen.findByText(NO_SYSTEMS_TITLE)).toBeInTheDocument();
  });

  it('searches on the server and pages through the results', async () => {
    const { api } = await renderIndex({
      listSystems: async query =>
        aPage([PAYMENTS], {
          totalItems: 45,
          offset: query?.offset ?? 0,
          limit: query?.limit ?? 20,
        }),
    });
    await screen.findByRole('link', { name: 'payments' });

    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Search systems' }),
      'pay',
    );
    await waitFor(() =>
      expect(api.listSystems).toHaveBeenLastCalledWith({
        search: 'pay',
        offset: 0,
        limit: 20,
      }),
    );

    await userEvent.click(button('Next page'));
    await waitFor(() =>
      expect(api.listSystems).toHaveBeenLastCalledWith({
        search: 'pay',
        offset: 20,
        limit: 20,
      }),
    );
  });

  it('lists the Services across Systems in the other view', async () => {
    const { api } = await renderIndex({
      listServices: async () => aPage([aService()]),
    });
    await screen.findByRole('link', { name: 'payments' });

    await userEvent.click(screen.getByRole('tab', { name: 'Services' }));

    const service = await screen.findByRole('link', { name: 'payments/api' });
    expect(service).toHaveAttribute('href', '/shepherd/systems/sys-payments');
    expect(
      within(service.closest('tr')!).getByRole('link', { name: 'VMs' }),
    ).toHaveAttribute(
      'href',
      '/shepherd/vms?systemId=sys-payments&serviceId=svc-api',
    );
    expect(api.listServices).toHaveBeenCalledWith({ offset: 0, limit: 20 });
  });

  it('disables creating and registering without the permission', async () => {
    await renderIndex(
      {},
      { permissions: { deny: [shepherdSystemCreatePermission] } },
    );
    await screen.findByRole('link', { name: 'payments' });

    expect(button(CREATE_SYSTEM_LABEL)).toBeDisabled();
    expect(button(REGISTER_SYSTEM_LABEL)).toBeDisabled();
    await userEvent.hover(button(CREATE_SYSTEM_LABEL).parentElement!);
    expect(await screen.findByText(NOT_PERMITTED)).toBeInTheDocument();
  });

  describe('creating a System', () => {
    async function openCreate(stubs: Partial<ShepherdApi> = {}) {
      const rendered = await renderIndex(stubs);
      await screen.findByRole('link', { name: 'payments' });
      await userEvent.click(button(CREATE_SYSTEM_LABEL));
      return rendered;
    }
    const nameField = () => screen.getByRole('textbox', { name: /^Name/ });

    it('checks the name as the backend does, and refuses invalid ones', async () => {
      await openCreate();

      await userEvent.type(nameField(), 'Payments');
      expect(screen.getByText(/NAME_INVALID/)).toBeInTheDocument();
      expect(button(CREATE_LABEL)).toBeDisabled();

      await userEvent.clear(nameField());
      await userEvent.type(nameField(), 'kube-payments');
      expect(screen.getByText(/NAME_RESERVED/)).toBeInTheDocument();
      expect(button(CREATE_LABEL)).toBeDisabled();

      await userEvent.clear(nameField());
      await userEvent.type(nameField(), 'payments-platform');
      expect(screen.getByText(/NAME_TOO_LONG/)).toBeInTheDocument();
      expect(screen.getByText(/Try 'payments-platfo'/)).toBeInTheDocument();
      expect(button(CREATE_LABEL)).toBeDisabled();

      await userEvent.clear(nameField());
      await userEvent.type(nameField(), 'payments');
      expect(screen.queryByText(/NAME_/)).not.toBeInTheDocument();
      expect(button(CREATE_LABEL)).toBeEnabled();
    });

    it('warns above 12 characters, creates, and opens the System with the backend’s warnings', async () => {
      const created = aSystem({
        id: 'sys-new',
        name: 'payments-core',
        description: 'Core',
        entityRef: undefined,
      });
      const { api } = await openCreate({
        createSystem: async () => ({
          item: created,
          warnings: [
            {
              code: 'NAME_LENGTH_WARNING',
              message:
                "The system name 'payments-core' is longer than 12 characters, which makes VM names long",
            },
          ],
        }),
        getSystem: async () => created,
      });

      await userEvent.type(nameField(), 'payments-core');
      const warning = screen.getByText(/NAME_LENGTH_WARNING/);
      expect(warning.closest('[data-name-check]')).toHaveAttribute(
        'data-name-check',
        'warning',
      );
      await userEvent.type(
        screen.getByRole('textbox', { name: 'Description' }),
        'Core',
      );
      await userEvent.click(button(CREATE_LABEL));

      expect(
        await screen.findByRole('heading', { name: 'payments-core' }),
      ).toBeInTheDocument();
      expect(
        screen.getByText('Created the System payments-core.'),
      ).toBeInTheDocument();
      expect(screen.getByText('NAME_LENGTH_WARNING')).toBeInTheDocument();
      expect(api.createSystem).toHaveBeenCalledWith({
        name: 'payments-core',
        description: 'Core',
      });
    });

    it('lets the user make one of their groups the owner', async () => {
      const { api } = await renderShepherd(
        <TestApiProvider
          apis={[
            [
              identityApiRef,
              {
                getBackstageIdentity: async () => ({
                  type: 'user' as const,
                  userEntityRef: 'user:default/jane',
                  ownershipEntityRefs: [
                    'user:default/jane',
                    'group:default/team-payments',
                  ],
                }),
              },
            ],
          ]}
        >
          <SystemsPage />
        </TestApiProvider>,
        {
          api: {
            listSystems: async () => aPage([]),
            createSystem: async () => ({ item: PAYMENTS, warnings: [] }),
            getSystem: async () => PAYMENTS,
            ...DETAIL_STUBS,
          },
          path: '/shepherd/systems/*',
          route: '/shepherd/systems',
        },
      );
      await screen.findByText(NO_SYSTEMS_TITLE);
      await userEvent.click(button(CREATE_SYSTEM_LABEL));
      await userEvent.type(nameField(), 'payments');

      await userEvent.click(
        await screen.findByRole('button', { name: /Owner/ }),
      );
      await userEvent.click(
        await screen.findByRole('option', { name: 'team-payments' }),
      );
      await userEvent.click(button(CREATE_LABEL));

      await screen.findByRole('heading', { name: 'payments' });
      expect(api.createSystem).toHaveBeenCalledWith({
        name: 'payments',
        owner: 'group:default/team-payments',
      });
    });

    it('shows the backend’s refusal in the dialog, with its code', async () => {
      await openCreate({
        createSystem: refusing({
          message: "A System named 'payments' already exists",
          code: 'NAME_ALREADY_EXISTS',
          status: 409,
        }),
      });
      await userEvent.type(nameField(), 'payments');
      await userEvent.click(button(CREATE_LABEL));

      const dialog = screen.getByRole('dialog');
      expect(
        await within(dialog).findByText('The system was not created'),
      ).toBeInTheDocument();
      expect(
        within(dialog).getByText('NAME_ALREADY_EXISTS'),
      ).toBeInTheDocument();
      expect(
        within(dialog).getByText("A System named 'payments' already exists"),
      ).toBeInTheDocument();
    });
  });

  describe('registering a catalog System', () => {
    const CATALOG_SYSTEM: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: {
        name: 'checkout',
        namespace: 'default',
        title: 'Checkout',
        description: 'Checkout platform',
      },
      spec: { owner: 'group:default/team-checkout' },
    };

    it('offers the catalog’s Systems and registers the picked one', async () => {
      const catalogApi = catalogApiMock.mock({
        queryEntities: jest.fn(async () => ({
          items: [CATALOG_SYSTEM],
          totalItems: 1,
          pageInfo: {},
        })),
      });
      const registered = aSystem({
        id: 'sys-checkout',
        name: 'checkout',
        entityRef: 'system:default/checkout',
      });
      const { api } = await renderShepherd(
        <TestApiProvider apis={[[catalogApiRef, catalogApi]]}>
          <SystemsPage />
        </TestApiProvider>,
        {
          api: {
            listSystems: async () => aPage([PAYMENTS]),
            registerSystem: async () => ({ item: registered, warnings: [] }),
            getSystem: async () => registered,
            ...DETAIL_STUBS,
          },
          path: '/shepherd/systems/*',
          route: '/shepherd/systems',
        },
      );
      await screen.findByRole('link', { name: 'payments' });
      await userEvent.click(button(REGISTER_SYSTEM_LABEL));

      await userEvent.click(
        screen.getByRole('textbox', { name: /Catalog entity/ }),
      );
      await userEvent.click(await screen.findByText('Checkout'));
      await userEvent.click(button(REGISTER_LABEL));

      expect(
        await screen.findByText('Registered the System checkout.'),
      ).toBeInTheDocument();
      expect(api.registerSystem).toHaveBeenCalledWith({
        entityRef: 'system:default/checkout',
      });
      expect(catalogApi.queryEntities).toHaveBeenCalledWith(
        expect.objectContaining({ filter: { kind: 'system' } }),
      );
    });

    it('takes a typed entity ref, checks it, and shows the backend’s refusal', async () => {
      await renderIndex({
        registerSystem: refusing({
          message: 'system:default/payments is already registered in Shepherd',
          code: 'ALREADY_REGISTERED',
          status: 409,
        }),
      });
      await screen.findByRole('link', { name: 'payments' });
      await userEvent.click(button(REGISTER_SYSTEM_LABEL));
      const field = screen.getByRole('textbox', { name: /Catalog entity/ });

      await userEvent.type(field, 'component:default/payments');
      expect(screen.getByText(/ENTITY_KIND_INVALID/)).toBeInTheDocument();
      expect(button(REGISTER_LABEL)).toBeDisabled();

      await userEvent.clear(field);
      await userEvent.type(field, 'system:default/payments');
      await userEvent.click(button(REGISTER_LABEL));

      expect(await screen.findByText('ALREADY_REGISTERED')).toBeInTheDocument();
    });
  });
});
