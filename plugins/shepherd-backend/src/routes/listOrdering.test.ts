import { describeShepherdApi } from '../__testUtils__/apiHarness';

/** Sorting and searching of the VM list, My requests and the approval queue, through the API. */
describe('List order and search API', () => {
  describeShepherdApi({}, api => {
    /**
     * shop/cart, owned by team-payments (engineer-test's team), with VMs in test and one in
     * prod; bank/ledger, of nobody the tests act as.
     */
    async function seed() {
      const cart = await api.fixtures.teamService();
      const ledger = await api.fixtures.service(
        await api.fixtures.system({ name: 'bank' }),
        { name: 'ledger' },
      );
      const vm = (service: typeof cart, name: string, overrides: object = {}) =>
        api.fixtures.vm(service, {
          name,
          namespace: 'dev',
          environment: 'test',
          ...overrides,
        });
      await vm(cart, 'dev-shop-cart-02', { status: 'STOPPED' });
      await vm(cart, 'dev-shop-cart-01');
      await vm(cart, 'dev-shop-cart-03', {
        createdAt: '2026-11-24T10:00:00.000Z',
      });
      await vm(cart, 'prd-shop-cart-01', {
        namespace: 'prd',
        environment: 'prod',
      });
      await vm(ledger, 'dev-bank-ledger-01');
      return { cart, ledger };
    }

    const namesOf = (body: { items: Array<{ name: string }> }) =>
      body.items.map(item => item.name);

    async function get(persona: string, path: string) {
      const response = await api.as(persona).get(path);
      expect([path, response.status, response.body.error]).toEqual([
        path,
        200,
        undefined,
      ]);
      return response.body;
    }

    it('orders VMs by the chosen column within what the caller may read', async () => {
      await seed();

      // engineer-test reads its team's VMs in test only: the filter stays, in SQL.
      expect(
        namesOf(await get('engineer-test', '/v1/vms?orderBy=name&order=desc')),
      ).toEqual(['dev-shop-cart-03', 'dev-shop-cart-02', 'dev-shop-cart-01']);
      expect(
        namesOf(
          await get('engineer-test', '/v1/vms?orderBy=createdAt&order=desc'),
        )[0],
      ).toBe('dev-shop-cart-03');
      const byStatus = namesOf(
        await get('engineer-test', '/v1/vms?orderBy=status&order=desc'),
      );
      expect(byStatus[0]).toBe('dev-shop-cart-02');
      expect(byStatus.slice(1).sort()).toEqual([
        'dev-shop-cart-01',
        'dev-shop-cart-03',
      ]);
      const page = await get(
        'platform-admin',
        '/v1/vms?orderBy=environment&order=asc&limit=1',
      );
      expect(namesOf(page)).toEqual(['prd-shop-cart-01']);
      expect(page.totalItems).toBe(5);
      // Without orderBy, the list's own order: by namespace and name.
      expect(namesOf(await get('platform-admin', '/v1/vms'))).toEqual([
        'dev-bank-ledger-01',
        'dev-shop-cart-01',
        'dev-shop-cart-02',
        'dev-shop-cart-03',
        'prd-shop-cart-01',
      ]);
      expect(
        namesOf(
          await get('platform-admin', '/v1/vms?search=LEDGER&order=desc'),
        ),
      ).toEqual(['dev-bank-ledger-01']);
    });

    it('searches and orders the caller’s requests', async () => {
      const { cart } = await seed();
      const mine = { requester: 'user:default/engineer-test' };
      const ticket = (overrides: object) =>
        api.fixtures.ticket(cart, { ...mine, ...overrides });
      const resize = await ticket({
        operation: 'MODIFY',
        vmName: 'dev-shop-cart-02',
        reason: 'More memory for the 100% load test',
        createdAt: '2026-11-23T10:01:00.000Z',
      });
      const stop = await ticket({
        operation: 'POWER',
        vmName: 'dev-shop-cart-01',
        createdAt: '2026-11-23T10:02:00.000Z',
      });
      await api.fixtures.ticket(cart, {
        requester: 'user:default/engineer-prod',
        vmName: 'dev-shop-cart-03',
      });

      const idsOf = (body: { items: Array<{ id: string }> }) =>
        body.items.map(item => item.id);

      expect(idsOf(await get('engineer-test', '/v1/tickets'))).toEqual([
        stop.id,
        resize.id,
      ]);
      expect(
        idsOf(await get('engineer-test', '/v1/tickets?orderBy=vmName')),
      ).toEqual([stop.id, resize.id]);
      expect(
        idsOf(
          await get('engineer-test', '/v1/tickets?orderBy=operation&order=asc'),
        ),
      ).toEqual([resize.id, stop.id]);
      expect(
        idsOf(await get('engineer-test', '/v1/tickets?search=100%25%20LOAD')),
      ).toEqual([resize.id]);
      expect(
        idsOf(await get('engineer-test', '/v1/tickets?search=cart-03')),
      ).toEqual([]);
      expect(
        idsOf(
          await get(
            'engineer-test',
            '/v1/tickets?search=shop&orderBy=createdAt',
          ),
        ),
      ).toEqual([resize.id, stop.id]);
    });

    it('searches and orders the approval queue, never showing the approver’s own requests', async () => {
      const { cart } = await seed();
      const pending = (requester: string, overrides: object = {}) =>
        api.fixtures.ticket(cart, {
          requester: `user:default/${requester}`,
          status: 'PENDING',
          ...overrides,
        });
      const fromTest = await pending('engineer-test', {
        createdAt: '2026-11-23T09:00:00.000Z',
      });
      const fromProd = await pending('engineer-prod', {
        environment: 'prod',
        namespace: 'prd',
        reason: 'Quarterly close',
        createdAt: '2026-11-23T08:00:00.000Z',
      });
      await pending('approver', { reason: 'Quarterly close too' });
      await pending('engineer-test', { status: 'REJECTED' });

      const idsOf = (body: { items: Array<{ ticket: { id: string } }> }) =>
        body.items.map(item => item.ticket.id);

      expect(idsOf(await get('approver', '/v1/approval-tasks'))).toEqual([
        fromProd.id,
        fromTest.id,
      ]);
      expect(
        idsOf(
          await get(
            'approver',
            '/v1/approval-tasks?orderBy=requester&order=desc',
          ),
        ),
      ).toEqual([fromTest.id, fromProd.id]);
      expect(
        idsOf(await get('approver', '/v1/approval-tasks?orderBy=environment')),
      ).toEqual([fromProd.id, fromTest.id]);
      expect(
        idsOf(await get('approver', '/v1/approval-tasks?search=quarterly')),
      ).toEqual([fromProd.id]);
      expect(
        idsOf(await get('approver', '/v1/approval-tasks?search=engineer-TEST')),
      ).toEqual([fromTest.id]);
    });

    it('refuses unknown columns, directions and overlong searches with VALIDATION_FAILED', async () => {
      for (const path of [
        '/v1/vms?orderBy=cpu_millicores',
        `/v1/vms?orderBy=${encodeURIComponent('name; drop table vms')}`,
        '/v1/vms?order=up',
        `/v1/vms?search=${'x'.repeat(201)}`,
        '/v1/tickets?orderBy=reason',
        '/v1/tickets?order=DESC',
        `/v1/tickets?search=${'x'.repeat(201)}`,
        '/v1/approval-tasks?orderBy=id',
        '/v1/approval-tasks?order=random',
        `/v1/approval-tasks?search=${'x'.repeat(201)}`,
      ]) {
        const response = await api.as('platform-admin').get(path);
        expect([path, response.status]).toEqual([path, 400]);
        expect(response.body.error.code).toBe('VALIDATION_FAILED');
      }
      const longest = await api
        .as('platform-admin')
        .get(`/v1/vms?search=${'x'.repeat(200)}`);
      expect(longest.status).toBe(200);
    });
  });
});
