import {
  auditActions,
  expectRefusedToNonAdmins,
  expectNothingWritten,
  describePlatformApi,
} from '../../__testUtils__/platformApi';

describe('Platform API: namespaces', () => {
  describePlatformApi((api, service) => {
    const base = '/v1/admin/namespaces';

    it('lets platform admins register, read, change and delete namespaces, audited', async () => {
      const created = await api
        .as('platform-admin')
        .post(base)
        .send({ name: 'payments-dev1', environment: 'test' });
      expect(created.status).toBe(201);
      expect(created.body.item).toMatchObject({
        name: 'payments-dev1',
        environment: 'test',
        description: '',
        enabled: true,
        createdBy: 'user:default/platform-admin',
      });
      expect(created.body.warnings).toEqual([
        expect.objectContaining({ code: 'NAME_LENGTH_WARNING' }),
      ]);
      const id = created.body.item.id;

      const list = await api
        .as('platform-admin')
        .get(`${base}?environment=test&enabled=true`);
      expect(list.body).toMatchObject({
        totalItems: 1,
        offset: 0,
        limit: 20,
      });
      expect(
        (await api.as('platform-admin').get(`${base}?environment=prod`)).body
          .items,
      ).toEqual([]);
      expect(
        (await api.as('platform-admin').get(`${base}/${id}`)).body,
      ).toEqual(created.body.item);

      const patched = await api
        .as('platform-admin')
        .patch(`${base}/${id}`)
        .send({
          description: 'Payments, test',
          enabled: false,
          environment: 'prod',
        });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({
        description: 'Payments, test',
        enabled: false,
        environment: 'prod',
      });
      const [update] = (
        await api.store.audit.list({
          offset: 0,
          limit: 1,
          action: 'namespace.update',
        })
      ).items;
      expect(update).toMatchObject({
        resourceId: id,
        environment: 'prod',
        details: {
          changes: {
            description: { from: '', to: 'Payments, test' },
            enabled: { from: true, to: false },
            environment: { from: 'test', to: 'prod' },
          },
        },
      });

      await api
        .as('platform-admin')
        .delete(`${base}/${id}?confirm_name=payments-dev1`)
        .expect(204);
      expect((await api.as('platform-admin').get(`${base}/${id}`)).status).toBe(
        404,
      );
      expect(await auditActions(api, 'namespace')).toEqual([
        'namespace.create',
        'namespace.delete',
        'namespace.update',
      ]);
    });

    it.each([
      [{ name: 'Dev', environment: 'test' }, 'NAME_INVALID'],
      [{ name: 'dev--a', environment: 'test' }, 'NAME_INVALID'],
      [{ name: 'a-very-long-name1', environment: 'test' }, 'NAME_TOO_LONG'],
      [{ name: 'default', environment: 'test' }, 'NAME_RESERVED'],
      [{ name: 'kube-things', environment: 'test' }, 'NAME_RESERVED'],
      [{ name: 'dev' }, 'VALIDATION_FAILED'],
      [{ name: 'dev', environment: 'staging' }, 'VALIDATION_FAILED'],
      [
        { name: 'dev', environment: 'test', description: 'x'.repeat(513) },
        'VALIDATION_FAILED',
      ],
      [
        { name: 'dev', environment: 'test', cluster: 'c1' },
        'VALIDATION_FAILED',
      ],
    ])('refuses %p with %p and writes nothing', async (body, code) => {
      const response = await api.as('platform-admin').post(base).send(body);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe(code);
      await expectNothingWritten(api, 'namespaces', 'namespace');
    });

    it('refuses a second namespace with the same name', async () => {
      await api.fixtures.namespace({ name: 'dev' });
      const response = await api
        .as('platform-admin')
        .post(base)
        .send({ name: 'dev', environment: 'prod' });
      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe('NAME_ALREADY_EXISTS');
      expect(await auditActions(api, 'namespace')).toEqual([]);
    });

    it('is for catalog managers only, reads included', async () => {
      const namespace = await api.fixtures.namespace({ name: 'dev' });
      await expectRefusedToNonAdmins(api, as => [
        as.get(base),
        as.get(`${base}/${namespace.id}`),
        as.post(base).send({ name: 'other', environment: 'test' }),
        as.patch(`${base}/${namespace.id}`).send({ enabled: false }),
        as.delete(`${base}/${namespace.id}?confirm_name=dev`),
      ]);
      expect((await api.anonymous().get(base)).status).toBe(401);
      expect(
        (
          await api
            .anonymous()
            .post(base)
            .send({ name: 'x', environment: 'test' })
        ).status,
      ).toBe(401);
      expect(await api.store.namespaces.get(namespace.id)).toEqual(namespace);
      expect(await auditActions(api, 'namespace')).toEqual([]);
    });

    it('keeps the environment once a VM or any request uses the namespace', async () => {
      const withTicket = await api.fixtures.namespace({ name: 'dev' });
      await api.fixtures.ticket(service, {
        namespace: 'dev',
        status: 'REJECTED',
      });
      const withVm = await api.fixtures.namespace({ name: 'qa' });
      await api.fixtures.vm(service, { namespace: 'qa' });

      for (const namespace of [withTicket, withVm]) {
        const refused = await api
          .as('platform-admin')
          .patch(`${base}/${namespace.id}`)
          .send({ environment: 'prod', description: 'moved' });
        expect(refused.status).toBe(409);
        expect(refused.body.error.code).toBe('ENVIRONMENT_IMMUTABLE');
        expect(await api.store.namespaces.get(namespace.id)).toEqual(namespace);
      }
      expect(await auditActions(api, 'namespace')).toEqual([]);

      const description = await api
        .as('platform-admin')
        .patch(`${base}/${withVm.id}`)
        .send({ environment: 'test', description: 'same environment' });
      expect(description.status).toBe(200);
    });

    it('deletes only with the typed name, and not while VMs or unfinished requests use it', async () => {
      const namespace = await api.fixtures.namespace({ name: 'dev' });
      const as = api.as('platform-admin');

      const missing = await as.delete(`${base}/${namespace.id}`);
      expect(missing.status).toBe(400);
      expect(missing.body.error.code).toBe('DELETE_CONFIRMATION_REQUIRED');
      const wrong = await as.delete(`${base}/${namespace.id}?confirm_name=qa`);
      expect(wrong.body.error.code).toBe('CONFIRMATION_NAME_MISMATCH');

      const pending = await api.fixtures.ticket(service, {
        namespace: 'dev',
        status: 'PENDING',
      });
      const byTicket = await as.delete(
        `${base}/${namespace.id}?confirm_name=dev`,
      );
      expect(byTicket.status).toBe(409);
      expect(byTicket.body.error).toMatchObject({
        code: 'DELETE_RESTRICTED',
        details: { vms: 0, tickets: 1 },
      });
      await api
        .knex('tickets')
        .where({ id: pending.id })
        .update({ status: 'SUCCESS' });

      const vm = await api.fixtures.vm(service, { namespace: 'dev' });
      const byVm = await as.delete(`${base}/${namespace.id}?confirm_name=dev`);
      expect(byVm.body.error).toMatchObject({
        code: 'DELETE_RESTRICTED',
        details: { vms: 1, tickets: 0 },
      });
      expect(await api.store.namespaces.get(namespace.id)).toEqual(namespace);
      expect(await auditActions(api, 'namespace')).toEqual([]);

      await api.store.vms.delete(vm.id);
      await as.delete(`${base}/${namespace.id}?confirm_name=dev`).expect(204);
      expect(await auditActions(api, 'namespace')).toEqual([
        'namespace.delete',
      ]);
      expect(
        (await as.delete(`${base}/${namespace.id}?confirm_name=dev`)).status,
      ).toBe(404);
    });
  });
});
