import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { SHEPHERD_ANNOTATIONS } from '@kubevirt-shepherd/plugin-shepherd-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aPage, aService, aSystem, aVm } from '../../__testUtils__/fixtures';
import { renderShepherd } from '../../__testUtils__/renderShepherd';
import { ShepherdApi } from '../../api/ShepherdApi';
import { EntityShepherdVmsContent } from './EntityShepherdVmsContent';
import { isShepherdGovernable } from './isShepherdGovernable';
import { refusing } from '../../__testUtils__/refusing';

const SYSTEM_ENTITY: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { owner: 'group:default/team-payments' },
};

const SERVICE_ENTITY: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'group:default/team-payments',
    system: 'payments',
  },
};

function renderFor(entity: Entity, stubs: Partial<ShepherdApi>) {
  return renderShepherd(
    <EntityProvider entity={entity}>
      <EntityShepherdVmsContent />
    </EntityProvider>,
    { api: stubs },
  );
}

describe('entity VMs', () => {
  it('lists the VMs of a registered System', async () => {
    const { api } = await renderFor(SYSTEM_ENTITY, {
      listSystems: async () => aPage([aSystem()]),
      listVms: async () => aPage([aVm()]),
    });

    expect(
      await screen.findByRole('link', { name: 'dev-payments-api-01' }),
    ).toBeInTheDocument();
    expect(api.listSystems).toHaveBeenCalledWith({
      entityRef: 'system:default/payments',
      limit: 1,
    });
    expect(api.listVms).toHaveBeenCalledWith({
      systemId: 'sys-payments',
      offset: 0,
      limit: 20,
    });
  });

  it('searches and sorts the VMs of a System on the server', async () => {
    const { api } = await renderFor(SYSTEM_ENTITY, {
      listSystems: async () => aPage([aSystem()]),
      listVms: async () => aPage([aVm()]),
    });
    await screen.findByRole('link', { name: 'dev-payments-api-01' });

    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Search VMs' }),
      'api',
    );
    await waitFor(() =>
      expect(api.listVms).toHaveBeenLastCalledWith({
        systemId: 'sys-payments',
        search: 'api',
        offset: 0,
        limit: 20,
      }),
    );

    await userEvent.click(
      await within(await screen.findByRole('table')).findByRole('button', {
        name: 'Name',
      }),
    );
    await waitFor(() =>
      expect(api.listVms).toHaveBeenLastCalledWith({
        systemId: 'sys-payments',
        search: 'api',
        orderBy: 'name',
        order: 'asc',
        offset: 0,
        limit: 20,
      }),
    );
  });

  it('lists the VMs of a registered service Component', async () => {
    const { api } = await renderFor(SERVICE_ENTITY, {
      listServices: async () => aPage([aService()]),
      listVms: async () => aPage([]),
    });

    expect(
      await screen.findByText('No virtual machines for api'),
    ).toBeInTheDocument();
    expect(api.listVms).toHaveBeenCalledWith({
      serviceId: 'svc-api',
      offset: 0,
      limit: 20,
    });
  });

  it('opens the Request a VM wizard at the registered System or Service', async () => {
    await renderFor(SYSTEM_ENTITY, {
      listSystems: async () => aPage([aSystem()]),
      listVms: async () => aPage([aVm()]),
    });
    expect(
      (await screen.findByRole('button', { name: 'Request a VM' })).closest(
        'a',
      ),
    ).toHaveAttribute('href', '/shepherd/request-vm?systemId=sys-payments');
  });

  it('opens the wizard at the Service of a service Component', async () => {
    await renderFor(SERVICE_ENTITY, {
      listServices: async () => aPage([aService()]),
      listVms: async () => aPage([]),
    });
    expect(
      (await screen.findByRole('button', { name: 'Request a VM' })).closest(
        'a',
      ),
    ).toHaveAttribute('href', '/shepherd/request-vm?serviceId=svc-api');
  });

  describe('entities the Shepherd entity provider published', () => {
    const PUBLISHED_SYSTEM: Entity = {
      ...SYSTEM_ENTITY,
      metadata: {
        name: 'shop',
        namespace: 'default',
        annotations: { [SHEPHERD_ANNOTATIONS.systemId]: 'sys-shop' },
      },
    };
    const PUBLISHED_SERVICE: Entity = {
      ...SERVICE_ENTITY,
      metadata: {
        name: 'shop-web',
        namespace: 'default',
        annotations: {
          [SHEPHERD_ANNOTATIONS.systemId]: 'sys-shop',
          [SHEPHERD_ANNOTATIONS.serviceId]: 'svc-web',
        },
      },
    };

    it('finds a System by the record its annotation names', async () => {
      const { api } = await renderFor(PUBLISHED_SYSTEM, {
        getSystem: async () =>
          aSystem({ id: 'sys-shop', name: 'shop', entityRef: undefined }),
        listVms: async () => aPage([aVm()]),
      });

      expect(
        await screen.findByRole('link', { name: 'dev-payments-api-01' }),
      ).toBeInTheDocument();
      expect(api.getSystem).toHaveBeenCalledWith('sys-shop');
      expect(api.listSystems).not.toHaveBeenCalled();
      expect(api.listVms).toHaveBeenCalledWith({
        systemId: 'sys-shop',
        offset: 0,
        limit: 20,
      });
    });

    it('finds a service Component by the record its annotation names', async () => {
      const { api } = await renderFor(PUBLISHED_SERVICE, {
        getService: async () =>
          aService({ id: 'svc-web', name: 'web', entityRef: undefined }),
        listVms: async () => aPage([]),
      });

      expect(
        await screen.findByText('No virtual machines for web'),
      ).toBeInTheDocument();
      expect(api.getService).toHaveBeenCalledWith('svc-web');
      expect(api.listVms).toHaveBeenCalledWith({
        serviceId: 'svc-web',
        offset: 0,
        limit: 20,
      });
    });

    it('says when the record the annotation names is gone', async () => {
      const { api } = await renderFor(PUBLISHED_SYSTEM, {
        getSystem: refusing({
          message: 'System was not found',
          code: 'NOT_FOUND',
          status: 404,
        }),
      });

      expect(
        await screen.findByText('Not governed by Shepherd'),
      ).toBeInTheDocument();
      expect(api.listVms).not.toHaveBeenCalled();
    });
  });

  it('says when the entity is not registered in Shepherd', async () => {
    const { api } = await renderFor(SYSTEM_ENTITY, {
      listSystems: async () => aPage([]),
    });

    expect(
      await screen.findByText('Not governed by Shepherd'),
    ).toBeInTheDocument();
    expect(api.listVms).not.toHaveBeenCalled();
    expect(
      screen.queryByRole('button', { name: 'Request a VM' }),
    ).not.toBeInTheDocument();
  });

  it('shows why the lookup failed, with the error code', async () => {
    await renderFor(SYSTEM_ENTITY, {
      listSystems: refusing({
        message: 'Missing credentials',
        code: 'UNAUTHENTICATED',
        status: 401,
      }),
    });

    expect(await screen.findByText('UNAUTHENTICATED')).toBeInTheDocument();
  });

  it('appears on Systems and service Components only', () => {
    expect(isShepherdGovernable(SYSTEM_ENTITY)).toBe(true);
    expect(isShepherdGovernable(SERVICE_ENTITY)).toBe(true);
    expect(
      isShepherdGovernable({ ...SERVICE_ENTITY, spec: { type: 'website' } }),
    ).toBe(false);
    expect(isShepherdGovernable({ ...SYSTEM_ENTITY, kind: 'Group' })).toBe(
      false,
    );
  });
});
