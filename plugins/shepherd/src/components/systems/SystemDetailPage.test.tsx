import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { TestApiProvider } from '@backstage/test-utils';
import {
  ShepherdService,
  SystemMember,
  shepherdAuditReadPermission,
  shepherdServiceDeletePermission,
  shepherdSystemDeletePermission,
  shepherdSystemMembersManagePermission,
  shepherdSystemUpdatePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aPage, aService, aSystem } from '../../__testUtils__/fixtures';
import {
  RenderShepherdOptions,
  renderShepherd,
} from '../../__testUtils__/renderShepherd';
import { ShepherdApi } from '../../api/ShepherdApi';
import { TYPE_NAME_LABEL } from '../common';
import { ADD_MEMBER_LABEL } from './AddMemberDialog';
import { CREATE_LABEL } from './CreateDialog';
import { DELETE_SERVICE_LABEL, DELETE_SYSTEM_LABEL } from './DeleteDialogs';
import { SAVE_DESCRIPTION_LABEL } from './EditDescriptionDialog';
import { REMOVE_MEMBER_LABEL } from './MembersCard';
import { REGISTER_LABEL } from './RegisterDialog';
import { CREATE_SERVICE_LABEL, REGISTER_SERVICE_LABEL } from './ServiceDialogs';
import { AUDIT_TRAIL_LABEL } from './SystemDetailPage';
import { SystemsPage } from './SystemsPage';
import { LAST_OWNER_REASON } from './systemRules';
import { refusing } from '../../__testUtils__/refusing';

const SYSTEM = aSystem({
  description: 'Payments **platform**\n\nRuns the card rails.',
});
const API_SERVICE = aService();
const WORKER = aService({
  id: 'svc-worker',
  name: 'worker',
  description: 'Background jobs',
  entityRef: undefined,
});

function aMember(overrides: Partial<SystemMember> = {}): SystemMember {
  return {
    id: 'member-owner',
    systemId: 'sys-payments',
    memberRef: 'group:default/team-payments',
    role: 'owner',
    grantedBy: 'user:default/platform-admin',
    createdAt: '2026-11-23T10:00:00.000Z',
    updatedAt: '2026-11-23T10:00:00.000Z',
    ...overrides,
  };
}
const OWNER = aMember();
const JANE = aMember({
  id: 'member-jane',
  memberRef: 'user:default/jane',
  role: 'member',
});

/** VM counts by query: the System has 3, the api Service 3, the worker none. */
const vmCounts: ShepherdApi['listVms'] = async query =>
  aPage([], {
    totalItems: query?.serviceId === 'svc-worker' ? 0 : 3,
  });

function renderSystem(
  stubs: Partial<ShepherdApi> = {},
  options: Pick<RenderShepherdOptions, 'permissions'> = {},
) {
  return renderShepherd(<SystemsPage />, {
    api: {
      getSystem: async () => SYSTEM,
      listServices: async () => aPage([API_SERVICE, WORKER]),
      listSystemMembers: async () => ({ items: [JANE, OWNER] }),
      listVms: vmCounts,
      ...stubs,
    },
    path: '/shepherd/systems/*',
    route: '/shepherd/systems/sys-payments',
    ...options,
  });
}

// Whole pages with tables and dialogs, driven keystroke by keystroke: slow on a busy machine.

const button = (name: string | RegExp) => screen.getByRole('button', { name });
const rowOf = (text: string) => screen.getByText(text).closest('tr')!;

async function loaded() {
  await screen.findByRole('heading', { name: 'payments' });
  await screen.findByText('worker');
  await screen.findByText('jane');
}

describe('System page', () => {
  it('shows the System: description, members by role, Services with their VMs', async () => {
    const { api } = await renderSystem();
    await loaded();

    expect(screen.getByText('platform')).toBeInTheDocument();
    expect(
      screen.getByText('From the catalog: system:default/payments'),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'View 3 VMs' }),
    ).toHaveAttribute('href', '/shepherd/vms?systemId=sys-payments');
    expect(
      screen.getByRole('link', { name: AUDIT_TRAIL_LABEL }),
    ).toHaveAttribute(
      'href',
      '/shepherd/audit?resourceType=system&resourceId=sys-payments',
    );

    const apiRow = rowOf('api');
    expect(
      await within(apiRow).findByRole('link', { name: '3 VMs' }),
    ).toHaveAttribute(
      'href',
      '/shepherd/vms?systemId=sys-payments&serviceId=svc-api',
    );
    expect(within(apiRow).getByText('02')).toBeInTheDocument();
    expect(within(rowOf('worker')).getByText('0 VMs')).toBeInTheDocument();

    // Owners first.
    const members = screen
      .getAllByRole('combobox', { name: /^Role of/ })
      .map(select => [
        select.getAttribute('aria-label'),
        (select as HTMLSelectElement).value,
      ]);
    expect(members).toEqual([
      ['Role of team-payments', 'owner'],
      ['Role of jane', 'member'],
    ]);
    expect(api.listServices).toHaveBeenCalledWith({
      systemId: 'sys-payments',
      offset: 0,
      limit: 20,
    });
  });

  it('disables what the user may not do, and hides the audit trail without audit read', async () => {
    await renderSystem(
      {},
      {
        permissions: {
          deny: [
            shepherdSystemDeletePermission,
            shepherdSystemUpdatePermission,
            shepherdSystemMembersManagePermission,
            shepherdServiceDeletePermission,
            shepherdAuditReadPermission,
          ],
        },
      },
    );
    await loaded();

    expect(button(DELETE_SYSTEM_LABEL)).toBeDisabled();
    expect(button('Edit description')).toBeDisabled();
    expect(button(ADD_MEMBER_LABEL)).toBeDisabled();
    expect(button(`${REMOVE_MEMBER_LABEL} jane`)).toBeDisabled();
    expect(
      screen.getByRole('combobox', { name: 'Role of jane' }),
    ).toBeDisabled();
    expect(button(`${DELETE_SERVICE_LABEL} worker`)).toBeDisabled();
    expect(button(CREATE_SERVICE_LABEL)).toBeEnabled();
    expect(
      screen.queryByRole('link', { name: AUDIT_TRAIL_LABEL }),
    ).not.toBeInTheDocument();
  });

  it('changes the description', async () => {
    const { api } = await renderSystem({
      updateSystem: async (_id, request) => ({ ...SYSTEM, ...request }),
    });
    await loaded();

    await userEvent.click(button('Edit description'));
    const field = screen.getByRole('textbox', { name: 'Description' });
    await userEvent.clear(field);
    await userEvent.type(field, 'Card payments');
    await userEvent.click(button(SAVE_DESCRIPTION_LABEL));

    await waitFor(() =>
      expect(api.updateSystem).toHaveBeenCalledWith('sys-payments', {
        description: 'Card payments',
      }),
    );
    await waitFor(() => expect(api.getSystem).toHaveBeenCalledTimes(2));
  });

  describe('deleting the System', () => {
    it('is not offered while the System has Services, and says why', async () => {
      await renderSystem();
      await loaded();

      expect(button(DELETE_SYSTEM_LABEL)).toBeDisabled();
      await userEvent.hover(button(DELETE_SYSTEM_LABEL).parentElement!);
      expect(
        await screen.findByText('Delete its 2 Services first'),
      ).toBeInTheDocument();
    });

    it('asks for the name to be typed, deletes, and returns to the list', async () => {
      const { api } = await renderSystem({
        listServices: async () => aPage([]),
        deleteSystem: async () => undefined,
        listSystems: async () => aPage([]),
      });
      await screen.findByRole('heading', { name: 'payments' });
      await waitFor(() => expect(button(DELETE_SYSTEM_LABEL)).toBeEnabled());

      await userEvent.click(button(DELETE_SYSTEM_LABEL));
      const dialog = screen.getByRole('dialog');
      const confirm = within(dialog).getByRole('button', {
        name: DELETE_SYSTEM_LABEL,
      });
      expect(confirm).toBeDisabled();
      await userEvent.type(
        within(dialog).getByRole('textbox', { name: TYPE_NAME_LABEL }),
        'paymen',
      );
      expect(confirm).toBeDisabled();
      await userEvent.type(
        within(dialog).getByRole('textbox', { name: TYPE_NAME_LABEL }),
        'ts',
      );
      await userEvent.click(confirm);

      expect(
        await screen.findByText('Deleted the System payments.'),
      ).toBeInTheDocument();
      expect(api.deleteSystem).toHaveBeenCalledWith('sys-payments', {
        confirm_name: 'payments',
      });
    });

    it('shows the backend’s DELETE_RESTRICTED in the dialog', async () => {
      await renderSystem({
        listServices: async () => aPage([]),
        deleteSystem: refusing({
          message:
            "The System 'payments' still has 1 Service(s); delete them first",
          code: 'DELETE_RESTRICTED',
          status: 409,
          details: { services: 1 },
        }),
      });
      await screen.findByRole('heading', { name: 'payments' });
      await waitFor(() => expect(button(DELETE_SYSTEM_LABEL)).toBeEnabled());
      await userEvent.click(button(DELETE_SYSTEM_LABEL));
      const dialog = screen.getByRole('dialog');
      await userEvent.type(
        within(dialog).getByRole('textbox', { name: TYPE_NAME_LABEL }),
        'payments',
      );
      await userEvent.click(
        within(dialog).getByRole('button', { name: DELETE_SYSTEM_LABEL }),
      );

      expect(
        await within(dialog).findByText('DELETE_RESTRICTED'),
      ).toBeInTheDocument();
      expect(within(dialog).getByText(/services:/)).toBeInTheDocument();
      expect(screen.getByRole('dialog')).toBeInTheDocument();
    });
  });

  describe('Services', () => {
    it('creates a Service and shows the backend’s name warning', async () => {
      const created: ShepherdService = aService({
        id: 'svc-reconcile',
        name: 'reconciliation',
      });
      const { api } = await renderSystem({
        createService: async () => ({
          item: created,
          warnings: [
            {
              code: 'NAME_LENGTH_WARNING',
              message:
                "The service name 'reconciliation' is longer than 12 characters, which makes VM names long",
            },
          ],
        }),
      });
      await loaded();

      await userEvent.click(button(CREATE_SERVICE_LABEL));
      await userEvent.type(
        screen.getByRole('textbox', { name: /^Name/ }),
        'reconciliation',
      );
      expect(screen.getByText(/NAME_LENGTH_WARNING/)).toBeInTheDocument();
      await userEvent.click(button(CREATE_LABEL));

      expect(
        await screen.findByText('Created the Service reconciliation.'),
      ).toBeInTheDocument();
      expect(screen.getByText('NAME_LENGTH_WARNING')).toBeInTheDocument();
      expect(api.createService).toHaveBeenCalledWith('sys-payments', {
        name: 'reconciliation',
      });
      await waitFor(() => expect(api.listServices).toHaveBeenCalledTimes(2));
    });

    it('registers a service Component of the System from the catalog', async () => {
      const catalogApi = catalogApiMock.mock({
        queryEntities: jest.fn(async () => ({
          items: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: { name: 'ledger', namespace: 'default' },
              spec: { type: 'service', system: 'payments' },
            },
          ],
          totalItems: 1,
          pageInfo: {},
        })),
      });
      const { api } = await renderShepherd(
        <TestApiProvider apis={[[catalogApiRef, catalogApi]]}>
          <SystemsPage />
        </TestApiProvider>,
        {
          api: {
            getSystem: async () => SYSTEM,
            listServices: async () => aPage([API_SERVICE, WORKER]),
            listSystemMembers: async () => ({ items: [JANE, OWNER] }),
            listVms: vmCounts,
            registerService: async () => ({
              item: aService({ id: 'svc-ledger', name: 'ledger' }),
              warnings: [],
            }),
          },
          path: '/shepherd/systems/*',
          route: '/shepherd/systems/sys-payments',
        },
      );
      await loaded();

      await userEvent.click(button(REGISTER_SERVICE_LABEL));
      await userEvent.click(
        screen.getByRole('textbox', { name: /Catalog entity/ }),
      );
      await userEvent.click(
        await screen.findByText('component:default/ledger'),
      );
      await userEvent.click(button(REGISTER_LABEL));

      expect(
        await screen.findByText('Registered the Service ledger.'),
      ).toBeInTheDocument();
      expect(api.registerService).toHaveBeenCalledWith('sys-payments', {
        entityRef: 'component:default/ledger',
      });
      expect(catalogApi.queryEntities).toHaveBeenCalledWith(
        expect.objectContaining({
          filter: {
            kind: 'component',
            'spec.type': 'service',
            'relations.partOf': 'system:default/payments',
          },
        }),
      );
    });

    it('does not offer to delete a Service that has VMs', async () => {
      await renderSystem();
      await loaded();
      const deleteApi = button(`${DELETE_SERVICE_LABEL} api`);
      await waitFor(() => expect(deleteApi).toBeDisabled());
      await userEvent.hover(deleteApi.parentElement!);
      expect(
        await screen.findByText('Delete its 3 VMs first'),
      ).toBeInTheDocument();
    });

    it('deletes a Service once ticked', async () => {
      const { api } = await renderSystem({
        deleteService: async () => undefined,
      });
      await loaded();
      await waitFor(() =>
        expect(button(`${DELETE_SERVICE_LABEL} worker`)).toBeEnabled(),
      );

      await userEvent.click(button(`${DELETE_SERVICE_LABEL} worker`));
      const dialog = screen.getByRole('dialog');
      const confirm = within(dialog).getByRole('button', {
        name: DELETE_SERVICE_LABEL,
      });
      expect(confirm).toBeDisabled();
      await userEvent.click(
        within(dialog).getByRole('checkbox', {
          name: 'I understand that the Service worker will be deleted',
        }),
      );
      await userEvent.click(confirm);

      expect(
        await screen.findByText('Deleted the Service worker.'),
      ).toBeInTheDocument();
      expect(api.deleteService).toHaveBeenCalledWith('svc-worker', {
        confirm: true,
      });
    });

    it('shows the backend’s refusal to delete a Service, with its code', async () => {
      await renderSystem({
        deleteService: refusing({
          message:
            "The Service 'worker' has requests that are not finished yet",
          code: 'ACTIVE_TICKETS_EXIST',
          status: 409,
        }),
      });
      await loaded();
      await waitFor(() =>
        expect(button(`${DELETE_SERVICE_LABEL} worker`)).toBeEnabled(),
      );
      await userEvent.click(button(`${DELETE_SERVICE_LABEL} worker`));
      const dialog = screen.getByRole('dialog');
      await userEvent.click(within(dialog).getByRole('checkbox'));
      await userEvent.click(
        within(dialog).getByRole('button', { name: DELETE_SERVICE_LABEL }),
      );

      expect(
        await within(dialog).findByText('ACTIVE_TICKETS_EXIST'),
      ).toBeInTheDocument();
    });
  });

  describe('members', () => {
    it('keeps the last owner: its role and removal are locked, with the reason', async () => {
      await renderSystem();
      await loaded();

      expect(
        screen.getByRole('combobox', { name: 'Role of team-payments' }),
      ).toBeDisabled();
      const remove = button(`${REMOVE_MEMBER_LABEL} team-payments`);
      expect(remove).toBeDisabled();
      await userEvent.hover(remove.parentElement!);
      expect(await screen.findByText(LAST_OWNER_REASON)).toBeInTheDocument();
      expect(button(`${REMOVE_MEMBER_LABEL} jane`)).toBeEnabled();
    });

    it('changes a role', async () => {
      const { api } = await renderSystem({
        updateSystemMember: async (_system, _member, request) => ({
          ...JANE,
          ...request,
        }),
      });
      await loaded();

      await userEvent.selectOptions(
        screen.getByRole('combobox', { name: 'Role of jane' }),
        'admin',
      );

      expect(await screen.findByText('jane is now admin.')).toBeInTheDocument();
      expect(api.updateSystemMember).toHaveBeenCalledWith(
        'sys-payments',
        'member-jane',
        { role: 'admin' },
      );
      await waitFor(() =>
        expect(api.listSystemMembers).toHaveBeenCalledTimes(2),
      );
    });

    it('shows why a role could not change, with the backend’s code', async () => {
      await renderSystem({
        updateSystemMember: refusing({
          message:
            'Only an owner of the System can grant, change or revoke the owner role',
          code: 'OWNER_GRANT_FORBIDDEN',
          status: 403,
        }),
      });
      await loaded();

      await userEvent.selectOptions(
        screen.getByRole('combobox', { name: 'Role of jane' }),
        'owner',
      );

      expect(
        await screen.findByText('Could not change the role of jane'),
      ).toBeInTheDocument();
      expect(screen.getByText('OWNER_GRANT_FORBIDDEN')).toBeInTheDocument();
      // The select still shows the role the backend has.
      expect(
        screen.getByRole('combobox', { name: 'Role of jane' }),
      ).toHaveValue('member');
    });

    it('shows the backend’s LAST_OWNER when another owner left meanwhile', async () => {
      const SECOND_OWNER = aMember({
        id: 'member-bob',
        memberRef: 'user:default/bob',
      });
      await renderSystem({
        listSystemMembers: async () => ({ items: [OWNER, SECOND_OWNER] }),
        updateSystemMember: refusing({
          message:
            'A System must keep at least one owner; grant the owner role to someone else first',
          code: 'LAST_OWNER',
          status: 409,
        }),
      });
      await screen.findByText('bob');

      await userEvent.selectOptions(
        screen.getByRole('combobox', { name: 'Role of bob' }),
        'viewer',
      );

      expect(await screen.findByText('LAST_OWNER')).toBeInTheDocument();
    });

    it('adds a member by entity ref with a role', async () => {
      const { api } = await renderSystem({
        addSystemMember: async (_system, request) =>
          aMember({ id: 'member-ops', ...request }),
      });
      await loaded();

      await userEvent.click(button(ADD_MEMBER_LABEL));
      const dialog = screen.getByRole('dialog');
      const ref = within(dialog).getByRole('textbox', {
        name: /User or Group/,
      });
      await userEvent.type(ref, 'component:default/x');
      expect(
        within(dialog).getByText(
          "'component:default/x' is not the entity ref of a User or Group",
        ),
      ).toBeInTheDocument();
      expect(
        within(dialog).getByRole('button', { name: ADD_MEMBER_LABEL }),
      ).toBeDisabled();

      await userEvent.clear(ref);
      await userEvent.type(ref, 'Ops-Team');
      await userEvent.click(
        within(dialog).getByRole('button', { name: /Role/ }),
      );
      await userEvent.click(
        await screen.findByRole('option', { name: 'viewer' }),
      );
      await userEvent.click(
        within(dialog).getByRole('button', { name: ADD_MEMBER_LABEL }),
      );

      expect(
        await screen.findByText('ops-team is now viewer of payments.'),
      ).toBeInTheDocument();
      expect(api.addSystemMember).toHaveBeenCalledWith('sys-payments', {
        memberRef: 'group:default/ops-team',
        role: 'viewer',
      });
    });

    it('shows MEMBER_ALREADY_EXISTS in the add dialog', async () => {
      await renderSystem({
        addSystemMember: refusing({
          message:
            "user:default/jane is already a member of 'payments'; change its role instead",
          code: 'MEMBER_ALREADY_EXISTS',
          status: 409,
        }),
      });
      await loaded();
      await userEvent.click(button(ADD_MEMBER_LABEL));
      const dialog = screen.getByRole('dialog');
      await userEvent.type(
        within(dialog).getByRole('textbox', { name: /User or Group/ }),
        'user:default/jane',
      );
      await userEvent.click(
        within(dialog).getByRole('button', { name: ADD_MEMBER_LABEL }),
      );

      expect(
        await within(dialog).findByText('MEMBER_ALREADY_EXISTS'),
      ).toBeInTheDocument();
    });

    it('removes a member after confirmation', async () => {
      const { api } = await renderSystem({
        removeSystemMember: async () => undefined,
      });
      await loaded();

      await userEvent.click(button(`${REMOVE_MEMBER_LABEL} jane`));
      await userEvent.click(
        within(screen.getByRole('dialog')).getByRole('button', {
          name: REMOVE_MEMBER_LABEL,
        }),
      );

      expect(
        await screen.findByText('jane is no longer a member.'),
      ).toBeInTheDocument();
      expect(api.removeSystemMember).toHaveBeenCalledWith(
        'sys-payments',
        'member-jane',
      );
    });
  });
});
