import { randomUUID } from 'node:crypto';
import { FIXED_NOW, Fixtures } from '../../../__testUtils__/fixtures';
import { createMigratedStores } from '../../__testUtils__/migratedStores';
import { STATUS_MESSAGE_MAX_LENGTH } from '../../columns';

const LATER = '2026-11-23T10:05:00.000Z';

describe('DatabaseVmsStore', () => {
  const databases = createMigratedStores();

  /**
   * Two Systems: shop (cart: VMs in dev and qa on the test cluster, one stopped) and bank
   * (ledger: a prod VM on the prod cluster, and one on no cluster yet).
   */
  async function seed(fixtures: Fixtures) {
    const shop = await fixtures.system({ name: 'shop' });
    const bank = await fixtures.system({ name: 'bank' });
    const cart = await fixtures.service(shop, { name: 'cart' });
    const ledger = await fixtures.service(bank, { name: 'ledger' });
    const testCluster = await fixtures.cluster({ name: 'test-a' });
    const prodCluster = await fixtures.cluster({
      name: 'prod-a',
      environment: 'prod',
    });
    const vm = (
      service: typeof cart,
      overrides: Parameters<Fixtures['vm']>[1],
    ) => fixtures.vm(service, overrides);
    const vms = {
      qaCart: await vm(cart, {
        name: 'qa-shop-cart-01',
        namespace: 'qa',
        clusterId: testCluster.id,
      }),
      devCart2: await vm(cart, {
        name: 'dev-shop-cart-02',
        namespace: 'dev',
        status: 'STOPPED',
        clusterId: testCluster.id,
      }),
      devCart1: await vm(cart, {
        name: 'dev-shop-cart-01',
        namespace: 'dev',
        clusterId: testCluster.id,
      }),
      prdLedger: await vm(ledger, {
        name: 'prd-bank-ledger-01',
        namespace: 'prd',
        environment: 'prod',
        clusterId: prodCluster.id,
      }),
      unplaced: await vm(ledger, {
        name: 'prd-bank-ledger_02',
        namespace: 'prd',
        environment: 'prod',
        status: 'CREATING',
      }),
    };
    return { shop, bank, cart, ledger, testCluster, prodCluster, vms };
  }

  const page = { offset: 0, limit: 20 };

  it.each(databases.eachSupportedId())(
    'keeps a status message of any length a cluster sends, cut to its column, %p',
    async databaseId => {
      const { store, fixtures } = await databases.open(databaseId);
      const { vms, testCluster } = await seed(fixtures);
      // A webhook's 422 can quote a whole object: far longer than the column.
      const providerError = `admission webhook denied the request: ${'x'.repeat(
        2000,
      )}`;

      await store.vms.update(vms.devCart1.id, {
        status: 'FAILED',
        statusMessage: providerError,
        updatedAt: LATER,
      });
      await store.vms.recordPoll(vms.qaCart.id, {
        lastPolledAt: LATER,
        polledStatus: 'RUNNING',
        status: 'FAILED',
        statusMessage: providerError,
        updatedAt: LATER,
      });
      await store.clusters.update(testCluster.id, {
        statusMessage: providerError,
        updatedAt: LATER,
      });

      for (const message of [
        (await store.vms.get(vms.devCart1.id))?.statusMessage,
        (await store.vms.get(vms.qaCart.id))?.statusMessage,
        (await store.clusters.get(testCluster.id))?.statusMessage,
      ]) {
        expect(message).toHaveLength(STATUS_MESSAGE_MAX_LENGTH);
        expect(message).toMatch(/^admission webhook denied the request: x+…$/);
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'lists VMs by namespace and name, with the names of their System, Service and cluster, %p',
    async databaseId => {
      const { store, fixtures } = await databases.open(databaseId);
      const { vms, cart, testCluster } = await seed(fixtures);
      // By name alone it would come before qa-shop-cart-01.
      await fixtures.vm(cart, { name: 'qa-b-shop-cart-01', namespace: 'qa-b' });

      const listed = await store.vms.list(page);

      expect(listed.items.map(vm => vm.name)).toEqual([
        'dev-shop-cart-01',
        'dev-shop-cart-02',
        'prd-bank-ledger-01',
        'prd-bank-ledger_02',
        'qa-shop-cart-01',
        'qa-b-shop-cart-01',
      ]);
      expect(listed.totalItems).toBe(6);
      expect(listed.items[0]).toEqual({
        ...vms.devCart1,
        systemName: 'shop',
        serviceName: 'cart',
        clusterName: testCluster.name,
      });
      expect(listed.items[3]).toMatchObject({
        systemName: 'bank',
        serviceName: 'ledger',
      });
      expect(listed.items[3].clusterName).toBeUndefined();
      expect(
        (await store.vms.list({ offset: 3, limit: 1 })).items.map(v => v.name),
      ).toEqual(['prd-bank-ledger_02']);
    },
  );

  it.each(databases.eachSupportedId())(
    'lists the VMs of a System, a Service, a namespace, an environment, statuses or a cluster, %p',
    async databaseId => {
      const { store, fixtures } = await databases.open(databaseId);
      const { shop, ledger, testCluster, prodCluster } = await seed(fixtures);

      const cases: Array<[string, object]> = [
        ['System', { systemId: shop.id }],
        ['Service', { serviceId: ledger.id }],
        ['namespace', { namespace: 'dev' }],
        ['environment', { environment: 'prod' }],
        ['statuses', { statuses: ['STOPPED', 'CREATING'] }],
        ['cluster', { clusterId: prodCluster.id }],
        [
          'several',
          {
            systemId: shop.id,
            clusterId: testCluster.id,
            statuses: ['RUNNING'],
          },
        ],
        ['a System id of no shape', { systemId: 'shop' }],
        ['a Service id of no shape', { serviceId: 'cart' }],
        ['a cluster id of no shape', { clusterId: 'test-a' }],
        ['an unknown cluster', { clusterId: randomUUID() }],
      ];
      const found = [];
      for (const [what, filter] of cases) {
        const listed = await store.vms.list({ ...page, ...filter });
        found.push([what, listed.totalItems, listed.items.map(vm => vm.name)]);
      }

      expect(found).toEqual([
        [
          'System',
          3,
          ['dev-shop-cart-01', 'dev-shop-cart-02', 'qa-shop-cart-01'],
        ],
        ['Service', 2, ['prd-bank-ledger-01', 'prd-bank-ledger_02']],
        ['namespace', 2, ['dev-shop-cart-01', 'dev-shop-cart-02']],
        ['environment', 2, ['prd-bank-ledger-01', 'prd-bank-ledger_02']],
        ['statuses', 2, ['dev-shop-cart-02', 'prd-bank-ledger_02']],
        ['cluster', 1, ['prd-bank-ledger-01']],
        ['several', 2, ['dev-shop-cart-01', 'qa-shop-cart-01']],
        ['a System id of no shape', 0, []],
        ['a Service id of no shape', 0, []],
        ['a cluster id of no shape', 0, []],
        ['an unknown cluster', 0, []],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'orders VMs by a chosen column in either direction, ties by id, %p',
    async databaseId => {
      const { store, fixtures } = await databases.open(databaseId);
      const { vms } = await seed(fixtures);
      const names = async (sort: object, paging = page) =>
        (await store.vms.list({ ...paging, ...sort })).items.map(vm => vm.name);
      const byId = (...picked: Array<{ id: string; name: string }>) =>
        [...picked].sort((a, b) => (a.id < b.id ? -1 : 1)).map(vm => vm.name);

      expect(await names({ orderBy: 'name', order: 'asc' })).toEqual([
        'dev-shop-cart-01',
        'dev-shop-cart-02',
        'prd-bank-ledger-01',
        'prd-bank-ledger_02',
        'qa-shop-cart-01',
      ]);
      expect(await names({ orderBy: 'name', order: 'desc' })).toEqual([
        'qa-shop-cart-01',
        'prd-bank-ledger_02',
        'prd-bank-ledger-01',
        'dev-shop-cart-02',
        'dev-shop-cart-01',
      ]);
      // Three RUNNING VMs tie on status: their ids order them, reversed with the direction.
      const running = byId(vms.qaCart, vms.devCart1, vms.prdLedger);
      expect(await names({ orderBy: 'status' })).toEqual([
        'prd-bank-ledger_02',
        ...running,
        'dev-shop-cart-02',
      ]);
      expect(await names({ orderBy: 'status', order: 'desc' })).toEqual([
        'dev-shop-cart-02',
        ...[...running].reverse(),
        'prd-bank-ledger_02',
      ]);
      // Every VM was created at the same time: paging by createdAt neither repeats nor skips.
      const all = byId(...Object.values(vms));
      const pages = [];
      for (let offset = 0; offset < all.length; offset += 2) {
        pages.push(
          ...(await names(
            { orderBy: 'createdAt', order: 'asc' },
            { offset, limit: 2 },
          )),
        );
      }
      expect(pages).toEqual(all);
      expect(
        await names({ orderBy: 'environment', order: 'desc', search: 'cart' }),
      ).toEqual(byId(vms.qaCart, vms.devCart1, vms.devCart2).reverse());
    },
  );

  it.each(databases.eachSupportedId())(
    'orders only the VMs the permission conditions keep, %p',
    async databaseId => {
      const { store, fixtures } = await databases.open(databaseId);
      await seed(fixtures);

      const listed = await store.vms.list({
        ...page,
        orderBy: 'name',
        order: 'desc',
        conditions: { kind: 'environment', environments: ['prod'] },
      });

      expect(listed.items.map(vm => vm.name)).toEqual([
        'prd-bank-ledger_02',
        'prd-bank-ledger-01',
      ]);
      expect(listed.totalItems).toBe(2);
    },
  );

  it.each(databases.eachSupportedId())(
    'searches names in any case, taking wildcards literally, %p',
    async databaseId => {
      const { store, fixtures } = await databases.open(databaseId);
      await seed(fixtures);

      const search = async (text: string) =>
        (await store.vms.list({ ...page, search: text })).items.map(
          vm => vm.name,
        );

      expect(await search('CART-0')).toEqual([
        'dev-shop-cart-01',
        'dev-shop-cart-02',
        'qa-shop-cart-01',
      ]);
      expect(await search('ledger-01')).toEqual(['prd-bank-ledger-01']);
      expect(await search('_')).toEqual(['prd-bank-ledger_02']);
      expect(await search('%')).toEqual([]);
      expect(await search('dev%01')).toEqual([]);
      expect(await search('\\')).toEqual([]);
      expect(
        (await store.vms.list({ ...page, search: 'shop', namespace: 'qa' }))
          .items,
      ).toEqual([expect.objectContaining({ name: 'qa-shop-cart-01' })]);
    },
  );

  it.each(databases.eachSupportedId())(
    'counts the VMs of a Service, a namespace or a cluster, %p',
    async databaseId => {
      const { store, fixtures } = await databases.open(databaseId);
      const { cart, ledger, testCluster, prodCluster } = await seed(fixtures);

      expect(
        await Promise.all([
          store.vms.count({ serviceId: cart.id }),
          store.vms.count({ serviceId: ledger.id }),
          store.vms.count({ namespace: 'dev' }),
          store.vms.count({ namespace: 'nowhere' }),
          store.vms.count({ clusterId: testCluster.id }),
          store.vms.count({ clusterId: prodCluster.id }),
          store.vms.count({ serviceId: cart.id, namespace: 'qa' }),
          store.vms.count({ serviceId: 'cart' }),
          store.vms.count({ clusterId: 'test-a' }),
          store.vms.count({}),
        ]),
      ).toEqual([3, 2, 2, 0, 3, 1, 1, 0, 0, 5]);
    },
  );

  it.each(databases.eachSupportedId())(
    'records the status a poll saw only while the VM still has the status it was read with, %p',
    async databaseId => {
      const { store, fixtures } = await databases.open(databaseId);
      const { vms } = await seed(fixtures);
      const { devCart1: polled, devCart2: movedOn } = vms;
      // An approval moved the second VM on after the poll read it as STOPPED.
      await store.vms.update(movedOn.id, {
        status: 'STARTING',
        updatedAt: FIXED_NOW,
      });

      const written = await store.vms.recordPoll(polled.id, {
        lastPolledAt: LATER,
        resourceVersion: '42',
        polledStatus: 'RUNNING',
        status: 'STOPPED',
        statusMessage: 'Stopped by the guest',
        updatedAt: LATER,
      });
      const lost = await store.vms.recordPoll(movedOn.id, {
        lastPolledAt: LATER,
        resourceVersion: '43',
        polledStatus: 'STOPPED',
        status: 'FAILED',
        statusMessage: 'Gone wrong',
        updatedAt: LATER,
      });

      expect([written, lost]).toEqual([true, false]);
      expect(await store.vms.get(polled.id)).toMatchObject({
        status: 'STOPPED',
        statusMessage: 'Stopped by the guest',
        updatedAt: LATER,
      });
      const after = await store.vms.get(movedOn.id);
      expect(after).toMatchObject({ status: 'STARTING', updatedAt: FIXED_NOW });
      expect(after?.statusMessage).toBeUndefined();
      // Either way the poll itself is recorded.
      const sync = await store.vms.listForStatusSync(page);
      expect(
        sync
          .filter(state => [polled.id, movedOn.id].includes(state.vm.id))
          .map(state => [
            state.vm.name,
            state.lastPolledAt,
            state.resourceVersion,
          ])
          .sort(),
      ).toEqual([
        ['dev-shop-cart-01', LATER, '42'],
        ['dev-shop-cart-02', LATER, '43'],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'records a poll that saw no change without touching the VM, and clears a message, %p',
    async databaseId => {
      const { store, fixtures } = await databases.open(databaseId);
      const { vms } = await seed(fixtures);
      await store.vms.update(vms.devCart1.id, {
        status: 'STARTING',
        statusMessage: 'Booting',
        updatedAt: FIXED_NOW,
      });

      const unchanged = await store.vms.recordPoll(vms.devCart1.id, {
        lastPolledAt: LATER,
        polledStatus: 'STARTING',
        updatedAt: LATER,
      });
      expect(unchanged).toBe(false);
      expect(await store.vms.get(vms.devCart1.id)).toMatchObject({
        status: 'STARTING',
        statusMessage: 'Booting',
        updatedAt: FIXED_NOW,
      });

      const cleared = await store.vms.recordPoll(vms.devCart1.id, {
        lastPolledAt: LATER,
        polledStatus: 'STARTING',
        status: 'RUNNING',
        statusMessage: null,
        updatedAt: LATER,
      });
      expect(cleared).toBe(true);
      const running = await store.vms.get(vms.devCart1.id);
      expect(running).toMatchObject({ status: 'RUNNING', updatedAt: LATER });
      expect(running?.statusMessage).toBeUndefined();
      const [state] = (await store.vms.listForStatusSync(page)).filter(
        s => s.vm.id === vms.devCart1.id,
      );
      expect(state.lastPolledAt).toBe(LATER);
      expect(state.resourceVersion).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'deletes a VM with its revisions, %p',
    async databaseId => {
      const { store, fixtures } = await databases.open(databaseId);
      const { vms } = await seed(fixtures);
      const revision = {
        vmId: vms.devCart1.id,
        spec: {
          templateId: vms.devCart1.templateId,
          instanceSizeId: vms.devCart1.instanceSizeId,
          cpuCores: 2,
          cpuRequest: 1,
          memoryGi: 4,
          memoryRequestGi: 2,
          diskGb: 20,
        },
        changeReason: 'created',
        changedBy: 'user:default/approver',
        createdAt: FIXED_NOW,
      };
      await store.revisions.insert({
        ...revision,
        id: randomUUID(),
        revision: 1,
      });
      await store.revisions.insert({
        ...revision,
        id: randomUUID(),
        revision: 2,
      });
      await store.revisions.insert({
        ...revision,
        id: randomUUID(),
        vmId: vms.devCart2.id,
        revision: 1,
      });

      await store.vms.delete(vms.devCart1.id);

      expect(await store.vms.get(vms.devCart1.id)).toBeUndefined();
      expect(await store.revisions.listForVm(vms.devCart1.id)).toEqual([]);
      expect(await store.revisions.listForVm(vms.devCart2.id)).toHaveLength(1);
      expect(await store.vms.count({})).toBe(4);
    },
  );
});
