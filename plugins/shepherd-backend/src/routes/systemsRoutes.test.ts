import { describeShepherdApi } from '../__testUtils__/apiHarness';

const PAYMENTS_SYSTEM = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'payments', namespace: 'default', description: 'Money' },
  spec: { owner: 'group:default/team-payments' },
};
const LEDGER_COMPONENT = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'ledger', namespace: 'default', description: 'Books' },
  spec: {
    type: 'service',
    owner: 'group:default/team-payments',
    system: 'payments',
  },
};
const WEBSITE_COMPONENT = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'website', namespace: 'default' },
  spec: {
    type: 'website',
    owner: 'group:default/team-payments',
    system: 'payments',
  },
};

/** The catalog the API reads Systems and Components from. */
const CATALOG_ENTITIES = {
  entities: [PAYMENTS_SYSTEM, LEDGER_COMPONENT, WEBSITE_COMPONENT],
};

describe('Systems, members and Services API', () => {
  describeShepherdApi(CATALOG_ENTITIES, api => {
    async function createSystem(persona = 'engineer-test', body: object = {}) {
      const response = await api
        .as(persona)
        .post('/v1/systems')
        .send({ name: 'shop', description: 'The shop', ...body });
      expect(response.status).toBe(201);
      return response.body.item;
    }

    it('creates a System with its creator as owner, audited and recorded', async () => {
      const response = await api
        .as('engineer-test')
        .post('/v1/systems')
        .send({ name: 'checkout-flows', description: 'Checkout' });

      expect(response.status).toBe(201);
      expect(response.body.item).toMatchObject({
        name: 'checkout-flows',
        description: 'Checkout',
        createdBy: 'user:default/engineer-test',
      });
      expect(response.body.warnings).toEqual([
        expect.objectContaining({ code: 'NAME_LENGTH_WARNING' }),
      ]);
      const id = response.body.item.id;
      const members = await api
        .as('engineer-test')
        .get(`/v1/systems/${id}/members`);
      expect(members.body.items).toEqual([
        expect.objectContaining({
          memberRef: 'user:default/engineer-test',
          role: 'owner',
        }),
      ]);
      const audit = await api.store.audit.list({
        offset: 0,
        limit: 10,
        resourceId: id,
      });
      expect(audit.items.map(e => e.action)).toEqual(['system.create']);
      const events = await api.store.events.listForAggregate('system', id);
      expect(events.map(e => [e.type, e.status])).toEqual([
        ['SYSTEM_CREATED', 'COMPLETED'],
      ]);
    });

    it('makes a group of the creator the owner when asked, and refuses other owners', async () => {
      const system = await createSystem('engineer-test', {
        owner: 'group:default/team-payments',
      });
      const members = await api
        .as('engineer-prod')
        .get(`/v1/systems/${system.id}/members`);
      expect(members.status).toBe(200);
      expect(members.body.items[0]).toMatchObject({
        memberRef: 'group:default/team-payments',
        role: 'owner',
      });

      const foreign = await api
        .as('engineer-test')
        .post('/v1/systems')
        .send({ name: 'other', owner: 'group:default/marketing' });
      expect(foreign.status).toBe(400);
      expect(foreign.body.error.code).toBe('OWNER_NOT_ALLOWED');
    });

    it.each([
      ['Shop', 'NAME_INVALID'],
      ['shop--cart', 'NAME_INVALID'],
      ['1shop', 'NAME_INVALID'],
      ['shop-', 'NAME_INVALID'],
      ['a-very-long-name1', 'NAME_TOO_LONG'],
      ['admin', 'NAME_RESERVED'],
      ['kube-things', 'NAME_RESERVED'],
    ])('refuses the name %p with %p and writes nothing', async (name, code) => {
      const response = await api
        .as('engineer-test')
        .post('/v1/systems')
        .send({ name });
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({
        name: 'InputError',
        code,
      });
      expect(
        (await api.store.systems.list({ offset: 0, limit: 10 })).totalItems,
      ).toBe(0);
      expect(
        (await api.store.audit.list({ offset: 0, limit: 10 })).totalItems,
      ).toBe(0);
    });

    it('answers VALIDATION_FAILED for bodies that do not match the spec', async () => {
      const unknownField = await api
        .as('engineer-test')
        .post('/v1/systems')
        .send({ name: 'shop', namespace: 'dev' });
      expect(unknownField.status).toBe(400);
      expect(unknownField.body.error.code).toBe('VALIDATION_FAILED');

      const notJson = await api
        .as('engineer-test')
        .post('/v1/systems')
        .set('Content-Type', 'application/json')
        .send('{"name": ');
      expect(notJson.status).toBe(400);
      expect(notJson.body.error.code).toBe('VALIDATION_FAILED');
    });

    it('refuses a second System with the same name', async () => {
      await createSystem();
      const response = await api
        .as('engineer-prod')
        .post('/v1/systems')
        .send({ name: 'shop' });
      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe('NAME_ALREADY_EXISTS');
    });

    it('refuses unauthenticated callers and users without a Shepherd role', async () => {
      expect((await api.anonymous().get('/v1/systems')).status).toBe(401);
      const outsider = await api
        .as('outsider')
        .post('/v1/systems')
        .send({ name: 'shop' });
      expect(outsider.status).toBe(403);
      expect(outsider.body.error.code).toBe('PERMISSION_DENIED');
      const viewer = await api
        .as('viewer')
        .post('/v1/systems')
        .send({ name: 'shop' });
      expect(viewer.status).toBe(403);
    });

    it('lists only the Systems the caller belongs to, and hides the others (404)', async () => {
      const mine = await createSystem('engineer-test');
      const theirs = await createSystem('platform-admin', { name: 'infra' });

      const list = await api.as('engineer-test').get('/v1/systems');
      expect(list.status).toBe(200);
      expect(list.body.items.map((s: any) => s.name)).toEqual(['shop']);
      expect(list.body.totalItems).toBe(1);

      expect(
        (await api.as('engineer-test').get(`/v1/systems/${theirs.id}`)).status,
      ).toBe(404);
      expect(
        (await api.as('outsider').get(`/v1/systems/${mine.id}`)).status,
      ).toBe(404);
      expect((await api.as('outsider').get('/v1/systems')).body.items).toEqual(
        [],
      );

      const all = await api.as('viewer').get('/v1/systems?limit=1&offset=1');
      expect(all.body).toMatchObject({ totalItems: 2, offset: 1, limit: 1 });
      expect(all.body.items.map((s: any) => s.name)).toEqual(['shop']);

      const bad = await api.as('viewer').get('/v1/systems?limit=1000');
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    });

    it('lets owners change the description, not viewers of the System', async () => {
      const system = await createSystem();
      await api
        .as('engineer-test')
        .post(`/v1/systems/${system.id}/members`)
        .send({ memberRef: 'user:default/engineer-prod', role: 'viewer' })
        .expect(201);

      const denied = await api
        .as('engineer-prod')
        .patch(`/v1/systems/${system.id}`)
        .send({ description: 'mine now' });
      expect(denied.status).toBe(403);

      const updated = await api
        .as('engineer-test')
        .patch(`/v1/systems/${system.id}`)
        .send({ description: 'Shop front' });
      expect(updated.status).toBe(200);
      expect(updated.body.description).toBe('Shop front');

      const renamed = await api
        .as('engineer-test')
        .patch(`/v1/systems/${system.id}`)
        .send({ name: 'other' });
      expect(renamed.status).toBe(400);
    });

    it('deletes a System only with its typed name and without Services', async () => {
      const system = await createSystem();
      const service = await api
        .as('engineer-test')
        .post(`/v1/systems/${system.id}/services`)
        .send({ name: 'cart' });
      expect(service.status).toBe(201);

      const missing = await api
        .as('engineer-test')
        .delete(`/v1/systems/${system.id}`);
      expect(missing.body.error.code).toBe('DELETE_CONFIRMATION_REQUIRED');
      const wrong = await api
        .as('engineer-test')
        .delete(`/v1/systems/${system.id}?confirm_name=shopx`);
      expect(wrong.body.error.code).toBe('CONFIRMATION_NAME_MISMATCH');
      const restricted = await api
        .as('engineer-test')
        .delete(`/v1/systems/${system.id}?confirm_name=shop`);
      expect(restricted.status).toBe(409);
      expect(restricted.body.error).toMatchObject({
        code: 'DELETE_RESTRICTED',
        details: { services: 1 },
      });

      await api
        .as('engineer-test')
        .delete(`/v1/services/${service.body.item.id}`)
        .expect(400);
      await api
        .as('engineer-test')
        .delete(`/v1/services/${service.body.item.id}?confirm=true`)
        .expect(204);
      await api
        .as('engineer-test')
        .delete(`/v1/systems/${system.id}?confirm_name=shop`)
        .expect(204);
      expect(
        (await api.as('engineer-test').get(`/v1/systems/${system.id}`)).status,
      ).toBe(404);
      const actions = (
        await api.store.audit.list({ offset: 0, limit: 20 })
      ).items.map(e => e.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          'service.delete_executed',
          'system.delete_executed',
        ]),
      );
    });

    it('keeps Services with VMs and only lets admins delete Services', async () => {
      const system = await createSystem();
      const created = await api
        .as('engineer-test')
        .post(`/v1/systems/${system.id}/services`)
        .send({ name: 'cart' });
      const service = await api.store.services.get(created.body.item.id);
      await api.fixtures.vm(service!);

      const restricted = await api
        .as('engineer-test')
        .delete(`/v1/services/${service!.id}?confirm=true`);
      expect(restricted.status).toBe(409);
      expect(restricted.body.error).toMatchObject({
        code: 'DELETE_RESTRICTED',
        details: { vms: 1 },
      });

      await api
        .as('engineer-test')
        .post(`/v1/systems/${system.id}/members`)
        .send({ memberRef: 'user:default/engineer-prod', role: 'member' })
        .expect(201);
      const memberDelete = await api
        .as('engineer-prod')
        .delete(`/v1/services/${service!.id}?confirm=true`);
      expect(memberDelete.status).toBe(403);
    });

    it('manages members: owner role only by owners, never the last owner', async () => {
      const system = await createSystem();
      const base = `/v1/systems/${system.id}/members`;

      const admin = await api
        .as('engineer-test')
        .post(base)
        .send({ memberRef: 'engineer-prod', role: 'admin' });
      expect(admin.status).toBe(201);
      expect(admin.body.memberRef).toBe('group:default/engineer-prod');

      const prodUser = await api
        .as('engineer-test')
        .post(base)
        .send({ memberRef: 'user:default/engineer-prod', role: 'admin' });
      expect(prodUser.status).toBe(201);

      const duplicate = await api
        .as('engineer-test')
        .post(base)
        .send({ memberRef: 'user:default/engineer-prod', role: 'member' });
      expect(duplicate.body.error.code).toBe('MEMBER_ALREADY_EXISTS');

      // An admin manages members, but not owners.
      const grantOwner = await api
        .as('engineer-prod')
        .post(base)
        .send({ memberRef: 'group:default/auditors', role: 'owner' });
      expect(grantOwner.status).toBe(403);
      expect(grantOwner.body.error.code).toBe('OWNER_GRANT_FORBIDDEN');
      const addViewer = await api
        .as('engineer-prod')
        .post(base)
        .send({ memberRef: 'group:default/auditors', role: 'viewer' });
      expect(addViewer.status).toBe(201);

      const owner = (await api.as('engineer-test').get(base)).body.items.find(
        (m: any) => m.role === 'owner',
      );
      const demoteLast = await api
        .as('engineer-test')
        .patch(`${base}/${owner.id}`)
        .send({ role: 'admin' });
      expect(demoteLast.status).toBe(409);
      expect(demoteLast.body.error.code).toBe('LAST_OWNER');
      const removeLast = await api
        .as('platform-admin')
        .delete(`${base}/${owner.id}`);
      expect(removeLast.body.error.code).toBe('LAST_OWNER');

      const promote = await api
        .as('engineer-test')
        .patch(`${base}/${prodUser.body.id}`)
        .send({ role: 'owner' });
      expect(promote.status).toBe(200);
      await api.as('engineer-prod').delete(`${base}/${owner.id}`).expect(204);

      const invalidRef = await api
        .as('engineer-prod')
        .post(base)
        .send({ memberRef: 'component:default/x', role: 'viewer' });
      expect(invalidRef.body.error.code).toBe('VALIDATION_FAILED');
      const outsider = await api
        .as('outsider')
        .post(base)
        .send({ memberRef: 'user:default/outsider', role: 'owner' });
      expect(outsider.status).toBe(404);
    });

    it('creates and lists Services of a System for its members only', async () => {
      const system = await createSystem();
      const created = await api
        .as('engineer-test')
        .post(`/v1/systems/${system.id}/services`)
        .send({ name: 'cart', description: 'Carts' });
      expect(created.status).toBe(201);
      expect(created.body.item).toMatchObject({
        name: 'cart',
        systemId: system.id,
        systemName: 'shop',
        nextInstanceIndex: 1,
      });

      const twice = await api
        .as('engineer-test')
        .post(`/v1/systems/${system.id}/services`)
        .send({ name: 'cart' });
      expect(twice.body.error.code).toBe('NAME_ALREADY_EXISTS');

      const outsider = await api
        .as('engineer-prod')
        .post(`/v1/systems/${system.id}/services`)
        .send({ name: 'other' });
      expect(outsider.status).toBe(404);

      const list = await api
        .as('engineer-test')
        .get(`/v1/services?systemId=${system.id}`);
      expect(list.body.items.map((s: any) => s.name)).toEqual(['cart']);
      expect(
        (await api.as('engineer-prod').get('/v1/services')).body.items,
      ).toEqual([]);
      const one = await api
        .as('engineer-test')
        .get(`/v1/services/${created.body.item.id}`);
      expect(one.body.name).toBe('cart');
      const patched = await api
        .as('engineer-test')
        .patch(`/v1/services/${created.body.item.id}`)
        .send({ description: 'Shopping carts' });
      expect(patched.body.description).toBe('Shopping carts');
    });

    it('registers catalog Systems and Components, linked and never twice', async () => {
      const system = await api
        .as('engineer-test')
        .post('/v1/systems/register')
        .send({ entityRef: 'system:default/payments' });
      expect(system.status).toBe(201);
      expect(system.body.item).toMatchObject({
        name: 'payments',
        description: 'Money',
        entityRef: 'system:default/payments',
      });
      const members = await api
        .as('engineer-prod')
        .get(`/v1/systems/${system.body.item.id}/members`);
      expect(members.body.items).toEqual([
        expect.objectContaining({
          memberRef: 'group:default/team-payments',
          role: 'owner',
        }),
      ]);

      const again = await api
        .as('engineer-test')
        .post('/v1/systems/register')
        .send({ entityRef: 'payments' });
      expect(again.body.error.code).toBe('ALREADY_REGISTERED');

      const service = await api
        .as('engineer-prod')
        .post(`/v1/systems/${system.body.item.id}/services/register`)
        .send({ entityRef: 'component:default/ledger' });
      expect(service.status).toBe(201);
      expect(service.body.item).toMatchObject({
        name: 'ledger',
        entityRef: 'component:default/ledger',
      });

      // Entity pages find the records of their entity.
      const bySystemRef = await api
        .as('engineer-test')
        .get('/v1/systems')
        .query({ entityRef: 'System:default/Payments' });
      expect(bySystemRef.body.items.map((s: any) => s.name)).toEqual([
        'payments',
      ]);
      const byServiceRef = await api
        .as('engineer-test')
        .get('/v1/services')
        .query({ entityRef: 'component:default/ledger' });
      expect(byServiceRef.body.items.map((s: any) => s.name)).toEqual([
        'ledger',
      ]);
      expect(
        (
          await api
            .as('engineer-test')
            .get('/v1/systems')
            .query({ entityRef: 'system:x/y' })
        ).body.items,
      ).toEqual([]);

      const website = await api
        .as('engineer-prod')
        .post(`/v1/systems/${system.body.item.id}/services/register`)
        .send({ entityRef: 'component:default/website' });
      expect(website.body.error.code).toBe('ENTITY_KIND_INVALID');

      const unknown = await api
        .as('engineer-test')
        .post('/v1/systems/register')
        .send({ entityRef: 'system:default/nope' });
      expect(unknown.body.error.code).toBe('ENTITY_NOT_FOUND');

      const wrongKind = await api
        .as('engineer-test')
        .post('/v1/systems/register')
        .send({ entityRef: 'component:default/ledger' });
      expect(wrongKind.body.error.code).toBe('ENTITY_KIND_INVALID');
    });
  });
});
