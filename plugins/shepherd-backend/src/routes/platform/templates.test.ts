import {
  auditActions,
  expectRefusedToNonAdmins,
  cloudInitOfBytes,
  expectNothingWritten,
  describePlatformApi,
} from '../../__testUtils__/platformApi';

describe('Platform API: templates', () => {
  describePlatformApi((api, service) => {
    const base = '/v1/admin/templates';
    const FEDORA = {
      name: 'fedora-40',
      displayName: 'Fedora 40',
      sourceType: 'containerdisk',
      imageUrl: 'quay.io/containerdisks/fedora:40',
      cloudInit: '#cloud-config\npackages: [qemu-guest-agent]\n',
      osFamily: 'linux',
      osVersion: '40',
    };

    async function create(body: object = {}) {
      return api
        .as('platform-admin')
        .post(base)
        .send({ ...FEDORA, ...body });
    }

    it('creates drafts, unclassified by default, and reads them back', async () => {
      const created = await create();
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        item: expect.objectContaining({
          ...FEDORA,
          description: '',
          status: 'draft',
          catalogScope: 'unclassified',
          createdBy: 'user:default/platform-admin',
        }),
        warnings: [],
      });
      const id = created.body.item.id;
      expect(
        (await api.as('platform-admin').get(`${base}/${id}`)).body,
      ).toEqual(created.body.item);
      const drafts = await api.as('platform-admin').get(`${base}?status=draft`);
      expect(drafts.body.items.map((t: any) => t.id)).toEqual([id]);
      expect(
        (await api.as('platform-admin').get(`${base}?catalogScope=all`)).body
          .items,
      ).toEqual([]);
      const [audit] = (
        await api.store.audit.list({
          offset: 0,
          limit: 1,
          resourceType: 'template',
        })
      ).items;
      expect(audit).toMatchObject({
        action: 'template.create',
        resourceId: id,
        details: {
          status: 'draft',
          catalogScope: 'unclassified',
          sourceType: 'containerdisk',
        },
      });
    });

    it.each([
      [{ cpuCores: 2 }, 'TEMPLATE_SPEC_VIOLATION'],
      [{ memoryGi: 4 }, 'TEMPLATE_SPEC_VIOLATION'],
      [{ diskGb: 20 }, 'TEMPLATE_SPEC_VIOLATION'],
      [{ gpus: [{ name: 'a10' }] }, 'TEMPLATE_SPEC_VIOLATION'],
      [{ hugepagesSize: '2Mi' }, 'TEMPLATE_SPEC_VIOLATION'],
      [{ instanceSizeId: 'x' }, 'TEMPLATE_SPEC_VIOLATION'],
      [{ labels: ['os:any'] }, 'VALIDATION_FAILED'],
      [{ status: 'archived' }, 'VALIDATION_FAILED'],
      [{ sourceType: 'iso' }, 'VALIDATION_FAILED'],
      [{ name: 'Fedora_40' }, 'NAME_INVALID'],
      [
        { imageUrl: 'https://example.com/fedora.qcow2' },
        'TEMPLATE_SOURCE_INVALID',
      ],
      [
        { sourceType: 'cdi_image_import', imageUrl: 'quay.io/x:1' },
        'TEMPLATE_SOURCE_INVALID',
      ],
      [
        {
          sourceType: 'cdi_pvc_clone',
          imageUrl: undefined,
          pvcName: 'golden',
        },
        'TEMPLATE_SOURCE_INVALID',
      ],
      [{ cloudInit: '#!/bin/bash\necho hi' }, 'CLOUD_INIT_INVALID'],
      [{ cloudInit: cloudInitOfBytes(2049) }, 'CLOUD_INIT_INVALID'],
      // Fewer than 2048 characters, more than 2048 bytes.
      [{ cloudInit: cloudInitOfBytes(3000, '€') }, 'CLOUD_INIT_INVALID'],
    ])('refuses %p with %p and writes nothing', async (body, code) => {
      const response = await create(body);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe(code);
      await expectNothingWritten(api, 'templates', 'template');
    });

    it('reports where cloud-init stops parsing', async () => {
      const response = await create({
        cloudInit: '#cloud-config\npackages:\n  - vim\nruncmd: [\n',
      });
      expect(response.body.error).toMatchObject({
        code: 'CLOUD_INIT_INVALID',
        details: { line: expect.any(Number), column: expect.any(Number) },
      });
      expect(response.body.error.message).toMatch(/line \d+, column \d+/);
    });

    it("keeps cloud-init within KubeVirt's 2048-byte inline limit", async () => {
      const atLimit = await create({
        cloudInit: cloudInitOfBytes(2048, '€'),
      });
      expect(atLimit.status).toBe(201);
      const id = atLimit.body.item.id;

      const tooLong = cloudInitOfBytes(2100, 'é');
      expect(tooLong.length).toBeLessThan(2048);
      const refused = await create({ name: 'too-long', cloudInit: tooLong });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({
        code: 'CLOUD_INIT_INVALID',
        message:
          'The cloud-init user data has 2100 bytes; KubeVirt accepts at most 2048 bytes inline',
        details: { bytes: 2100, maxBytes: 2048 },
      });

      const as = api.as('platform-admin');
      const patched = await as
        .patch(`${base}/${id}`)
        .send({ cloudInit: cloudInitOfBytes(2049) });
      expect(patched.status).toBe(400);
      expect(patched.body.error.code).toBe('CLOUD_INIT_INVALID');
      expect(await api.store.templates.get(id)).toEqual(atLimit.body.item);
      expect(await auditActions(api, 'template')).toEqual(['template.create']);
    });

    it('lets templates saved before the cloud-init limit retire, not serve', async () => {
      const legacy = await api.fixtures.template({
        name: 'legacy',
        status: 'active',
        catalogScope: 'test',
        cloudInit: cloudInitOfBytes(4000),
      });
      const as = api.as('platform-admin');
      const patch = (body: object) =>
        as.patch(`${base}/${legacy.id}`).send(body);

      expect((await patch({ displayName: 'Legacy' })).status).toBe(200);
      expect((await patch({ status: 'deprecated' })).status).toBe(200);
      const reactivated = await patch({ status: 'active' });
      expect(reactivated.status).toBe(400);
      expect(reactivated.body.error.code).toBe('CLOUD_INIT_INVALID');
      const longer = await patch({ cloudInit: cloudInitOfBytes(4001) });
      expect(longer.body.error.code).toBe('CLOUD_INIT_INVALID');
      expect((await api.store.templates.get(legacy.id))?.status).toBe(
        'deprecated',
      );

      const fixed = await patch({
        status: 'active',
        cloudInit: FEDORA.cloudInit,
      });
      expect(fixed.status).toBe(200);
      expect((await patch({ status: 'deprecated' })).status).toBe(200);
      expect((await patch({ status: 'archived' })).status).toBe(200);
    });

    it('accepts every source type with its own fields', async () => {
      expect(
        (
          await create({
            name: 'rhel-import',
            sourceType: 'cdi_image_import',
            imageUrl: 'https://images.example.com/rhel9.qcow2',
          })
        ).status,
      ).toBe(201);
      const clone = await create({
        name: 'rhel-clone',
        sourceType: 'cdi_pvc_clone',
        imageUrl: undefined,
        pvcName: 'golden-rhel9',
        pvcNamespace: 'os-images',
        cloudInit: undefined,
      });
      expect(clone.status).toBe(201);
      expect(clone.body.item).not.toHaveProperty('imageUrl');
      expect(clone.body.item).not.toHaveProperty('cloudInit');
    });

    it('moves templates through their lifecycle and refuses other transitions', async () => {
      const id = (await create()).body.item.id;
      const as = api.as('platform-admin');
      const move = (status: string) =>
        as.patch(`${base}/${id}`).send({ status });

      expect((await move('deprecated')).body.error).toMatchObject({
        code: 'TEMPLATE_STATUS_TRANSITION_INVALID',
        details: {
          from: 'draft',
          to: 'deprecated',
          allowed: ['active', 'archived'],
        },
      });
      expect((await move('active')).body.status).toBe('active');
      const back = await move('draft');
      expect(back.status).toBe(409);
      expect(back.body.error.code).toBe('TEMPLATE_STATUS_TRANSITION_INVALID');
      expect((await move('deprecated')).body.status).toBe('deprecated');
      expect((await move('active')).body.status).toBe('active');
      expect((await move('deprecated')).body.status).toBe('deprecated');
      expect((await move('archived')).body.status).toBe('archived');
      expect((await move('active')).status).toBe(409);
      expect((await api.store.templates.get(id))?.status).toBe('archived');
      expect(await auditActions(api, 'template')).toEqual([
        'template.create',
        ...Array(5).fill('template.update'),
      ]);
    });

    it('changes the source with null clearing fields, audits cloud-init only as changed', async () => {
      const id = (await create()).body.item.id;
      const as = api.as('platform-admin');

      const halfway = await as.patch(`${base}/${id}`).send({
        sourceType: 'cdi_pvc_clone',
        pvcName: 'golden',
        pvcNamespace: 'os',
      });
      expect(halfway.body.error.code).toBe('TEMPLATE_SOURCE_INVALID');

      const switched = await as.patch(`${base}/${id}`).send({
        sourceType: 'cdi_pvc_clone',
        imageUrl: null,
        pvcName: 'golden',
        pvcNamespace: 'os',
        cloudInit:
          '#cloud-config\nchpasswd: {expire: false}\npassword: hunter2\n',
      });
      expect(switched.status).toBe(200);
      expect(switched.body).toMatchObject({
        sourceType: 'cdi_pvc_clone',
        pvcName: 'golden',
      });
      expect(switched.body).not.toHaveProperty('imageUrl');

      const update = (
        await api.store.audit.list({
          offset: 0,
          limit: 1,
          action: 'template.update',
        })
      ).items[0];
      expect(update.details).toMatchObject({
        changes: {
          sourceType: { from: 'containerdisk', to: 'cdi_pvc_clone' },
          imageUrl: { from: FEDORA.imageUrl, to: null },
          cloudInit: 'changed',
        },
      });
      expect(JSON.stringify(update)).not.toContain('hunter2');

      for (const [body, code] of [
        [{ name: 'renamed' }, 'VALIDATION_FAILED'],
        [{ cpuCores: 4 }, 'TEMPLATE_SPEC_VIOLATION'],
        [{ cloudInit: 'runcmd: []' }, 'CLOUD_INIT_INVALID'],
      ] as const) {
        const refused = await as.patch(`${base}/${id}`).send(body);
        expect(refused.status).toBe(400);
        expect(refused.body.error.code).toBe(code);
      }
      expect(await api.store.templates.get(id)).toEqual(switched.body);
    });

    it('deletes only templates that no VM and no request refers to', async () => {
      const usedByVm = (await create({ name: 'by-vm' })).body.item;
      const usedByTicket = (await create({ name: 'by-ticket' })).body.item;
      const unused = (await create({ name: 'unused' })).body.item;
      await api.fixtures.vm(service, { templateId: usedByVm.id });
      await api.fixtures.ticket(service, {
        status: 'REJECTED',
        requestSpec: { templateId: usedByTicket.id },
      });
      const as = api.as('platform-admin');

      for (const [template, details] of [
        [usedByVm, { vms: 1, tickets: 0 }],
        [usedByTicket, { vms: 0, tickets: 1 }],
      ] as const) {
        const refused = await as.delete(`${base}/${template.id}`);
        expect(refused.status).toBe(409);
        expect(refused.body.error).toMatchObject({
          code: 'DELETE_RESTRICTED',
          details,
        });
        expect(await api.store.templates.get(template.id)).toBeDefined();
      }
      await as.delete(`${base}/${unused.id}`).expect(204);
      expect((await as.get(`${base}/${unused.id}`)).status).toBe(404);
      expect(
        (await auditActions(api, 'template')).filter(
          a => a !== 'template.create',
        ),
      ).toEqual(['template.delete']);
    });

    it('is for catalog managers only', async () => {
      const template = await api.fixtures.template();
      await expectRefusedToNonAdmins(api, as => [
        as.get(base),
        as.get(`${base}/${template.id}`),
        as.post(base).send(FEDORA),
        as.patch(`${base}/${template.id}`).send({ status: 'deprecated' }),
        as.delete(`${base}/${template.id}`),
      ]);
      expect((await api.anonymous().post(base).send(FEDORA)).status).toBe(401);
      expect(await api.store.templates.get(template.id)).toEqual(template);
      expect(await auditActions(api, 'template')).toEqual([]);
    });
  });
});
