import {
  auditActions,
  expectRefusedToNonAdmins,
  expectNothingWritten,
  describePlatformApi,
} from '../../__testUtils__/platformApi';

describe('Platform API: instance sizes', () => {
  describePlatformApi((api, service) => {
    const base = '/v1/admin/instance-sizes';
    const MEDIUM = { name: 'medium', cpuCores: 2, memoryGi: 4, diskGb: 40 };

    async function create(body: object = {}) {
      return api
        .as('platform-admin')
        .post(base)
        .send({ ...MEDIUM, ...body });
    }

    it('creates sizes whose requests default to the limits, audited', async () => {
      const created = await create({ catalogScope: 'test' });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        item: expect.objectContaining({
          ...MEDIUM,
          displayName: 'medium',
          catalogScope: 'test',
          enabled: true,
          sortOrder: 0,
          cpuRequest: 2,
          memoryRequestGi: 4,
          dedicatedCpu: false,
          requiresHugepages: false,
          specOverrides: {},
        }),
        warnings: [],
      });
      const id = created.body.item.id;
      expect(
        (await api.as('platform-admin').get(`${base}/${id}`)).body,
      ).toEqual(created.body.item);
      expect(
        (
          await api
            .as('platform-admin')
            .get(`${base}?enabled=true&catalogScope=test`)
        ).body.totalItems,
      ).toBe(1);
      expect(await auditActions(api, 'instance_size')).toEqual([
        'instance_size.create',
      ]);
    });

    it('warns about overcommit in sizes offered to production', async () => {
      const response = await create({
        catalogScope: 'all',
        cpuRequest: 1,
        memoryRequestGi: 2,
      });
      expect(response.status).toBe(201);
      expect(response.body.warnings).toEqual([
        expect.objectContaining({ code: 'OVERCOMMIT_IN_PROD' }),
      ]);
    });

    it.each([
      [{ cpuCores: 1.3 }, 'RESOURCE_STEP_INVALID'],
      [{ memoryGi: 0 }, 'RESOURCE_STEP_INVALID'],
      [{ diskGb: 10.5 }, 'RESOURCE_STEP_INVALID'],
      [{ cpuRequest: 4 }, 'RESOURCE_REQUEST_EXCEEDS_LIMIT'],
      [{ memoryRequestGi: 8 }, 'RESOURCE_REQUEST_EXCEEDS_LIMIT'],
      [{ dedicatedCpu: true, cpuRequest: 1 }, 'DEDICATED_CPU_OVERCOMMIT'],
      [{ dedicatedCpu: true, memoryRequestGi: 2 }, 'DEDICATED_CPU_OVERCOMMIT'],
      [{ requiresHugepages: true }, 'VALIDATION_FAILED'],
      [{ hugepagesSize: '2Mi' }, 'VALIDATION_FAILED'],
      [{ requiresHugepages: true, hugepagesSize: '4Ki' }, 'VALIDATION_FAILED'],
      [{ cpuCores: 100000 }, 'VALIDATION_FAILED'],
      [
        { specOverrides: { 'metadata.labels.x': 'y' } },
        'INVALID_SPEC_OVERRIDES',
      ],
      [
        { specOverrides: { 'spec.template.spec.volumes': [] } },
        'INVALID_SPEC_OVERRIDES',
      ],
      [
        { specOverrides: { 'spec.template.spec': { cloudInitNoCloud: {} } } },
        'INVALID_SPEC_OVERRIDES',
      ],
      [{ name: 'Medium' }, 'NAME_INVALID'],
      [{ gpu: true }, 'VALIDATION_FAILED'],
      // KubeVirt's admission rules.
      [{ dedicatedCpu: true, cpuCores: 1.5 }, 'RESOURCE_STEP_INVALID'],
      [
        { dedicatedCpu: true, cpuCores: 0.5, catalogScope: 'test' },
        'RESOURCE_STEP_INVALID',
      ],
      [
        { requiresHugepages: true, hugepagesSize: '1Gi', memoryGi: 2.5 },
        'RESOURCE_STEP_INVALID',
      ],
      [
        { requiresHugepages: true, hugepagesSize: '1Gi', memoryGi: 0.5 },
        'RESOURCE_STEP_INVALID',
      ],
      [
        {
          requiresHugepages: true,
          hugepagesSize: '1Gi',
          memoryRequestGi: 1.5,
        },
        'RESOURCE_STEP_INVALID',
      ],
      [{ specOverrides: { 'spec.running': true } }, 'INVALID_SPEC_OVERRIDES'],
      [
        { specOverrides: { 'spec.running': false }, enabled: false },
        'INVALID_SPEC_OVERRIDES',
      ],
      [
        {
          cpuCores: 1.5,
          specOverrides: {
            'spec.template.spec.domain.cpu.dedicatedCpuPlacement': true,
          },
        },
        'INVALID_SPEC_OVERRIDES',
      ],
      [
        {
          dedicatedCpu: true,
          specOverrides: {
            'spec.template.spec.domain.resources.requests.memory': '2Gi',
          },
        },
        'INVALID_SPEC_OVERRIDES',
      ],
      [
        {
          memoryGi: 2.5,
          specOverrides: {
            'spec.template.spec.domain.memory': {
              hugepages: { pageSize: '1Gi' },
            },
          },
        },
        'INVALID_SPEC_OVERRIDES',
      ],
    ])('refuses %p with %p and writes nothing', async (body, code) => {
      const response = await create(body);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe(code);
      await expectNothingWritten(api, 'instance_sizes', 'instance_size');
    });

    it('names the KubeVirt limit a size breaks, with every finding', async () => {
      const dedicated = await create({ dedicatedCpu: true, cpuCores: 2.5 });
      expect(dedicated.status).toBe(400);
      expect(dedicated.body.error).toMatchObject({
        code: 'RESOURCE_STEP_INVALID',
        message:
          'Dedicated CPUs need whole cores, but the CPU request is 2.5; Dedicated CPUs need whole cores, but the CPU limit is 2.5',
        details: {
          violations: [
            expect.objectContaining({
              field: 'cpuRequest',
              rule: 'dedicatedCpuWholeCores',
            }),
            expect.objectContaining({
              field: 'cpuCores',
              rule: 'dedicatedCpuWholeCores',
            }),
          ],
        },
      });

      const hugepages = await create({
        requiresHugepages: true,
        hugepagesSize: '1Gi',
        memoryGi: 0.5,
      });
      expect(hugepages.body.error).toMatchObject({
        code: 'RESOURCE_STEP_INVALID',
        message:
          'The memory request 512Mi is smaller than the hugepages size 1Gi; KubeVirt backs memory with whole hugepages',
        details: { violations: [{ field: 'memoryRequestGi' }] },
      });

      const running = await create({
        specOverrides: { 'spec.running': true },
      });
      expect(running.body.error).toMatchObject({
        code: 'INVALID_SPEC_OVERRIDES',
        message:
          'The spec overrides give a VM that KubeVirt refuses: spec.running must not be set: Shepherd sets spec.runStrategy, and KubeVirt refuses both together',
        details: { violations: [{ field: 'specOverrides' }] },
      });
      await expectNothingWritten(api, 'instance_sizes', 'instance_size');
    });

    it('accepts what KubeVirt admits: whole dedicated cores, memory in whole hugepages', async () => {
      for (const body of [
        { name: 'pinned', dedicatedCpu: true, cpuCores: 3, memoryGi: 6.5 },
        {
          name: 'huge-2m',
          requiresHugepages: true,
          hugepagesSize: '2Mi',
          memoryGi: 0.5,
        },
        {
          name: 'huge-1g',
          requiresHugepages: true,
          hugepagesSize: '1Gi',
          memoryGi: 8,
          memoryRequestGi: 3,
        },
        {
          name: 'pinned-host',
          dedicatedCpu: true,
          specOverrides: {
            'spec.template.spec.domain.cpu.model': 'host-passthrough',
          },
        },
      ]) {
        const response = await create(body);
        expect(response.status).toBe(201);
      }
    });

    it('refuses changes that break KubeVirt rules, and writes nothing', async () => {
      const pinned = (await create({ dedicatedCpu: true })).body.item;
      const as = api.as('platform-admin');
      for (const [body, code] of [
        [{ cpuCores: 1.5 }, 'RESOURCE_STEP_INVALID'],
        [
          { requiresHugepages: true, hugepagesSize: '1Gi', memoryGi: 4.5 },
          'RESOURCE_STEP_INVALID',
        ],
        [
          { specOverrides: { 'spec.running': false } },
          'INVALID_SPEC_OVERRIDES',
        ],
        [
          {
            specOverrides: {
              'spec.template.spec.domain.resources.limits.cpu': '2500m',
            },
          },
          'INVALID_SPEC_OVERRIDES',
        ],
      ] as const) {
        const refused = await as.patch(`${base}/${pinned.id}`).send(body);
        expect(refused.status).toBe(400);
        expect(refused.body.error.code).toBe(code);
      }
      expect(await api.store.instanceSizes.get(pinned.id)).toEqual(pinned);
      expect(await auditActions(api, 'instance_size')).toEqual([
        'instance_size.create',
      ]);
    });

    it('lets sizes saved before the KubeVirt rules be disabled, not offered', async () => {
      const legacy = await api.fixtures.instanceSize({
        name: 'legacy',
        catalogScope: 'test',
        dedicatedCpu: true,
        cpuCores: 1.5,
        cpuRequest: 1.5,
      });
      const as = api.as('platform-admin');
      const patch = (body: object) =>
        as.patch(`${base}/${legacy.id}`).send(body);

      expect((await patch({ enabled: false })).status).toBe(200);
      expect((await patch({ description: 'Old pinned' })).status).toBe(200);
      const enabled = await patch({ enabled: true });
      expect(enabled.status).toBe(400);
      expect(enabled.body.error.code).toBe('RESOURCE_STEP_INVALID');
      const worse = await patch({ cpuCores: 2.5, cpuRequest: 2.5 });
      expect(worse.body.error.code).toBe('RESOURCE_STEP_INVALID');
      expect(await api.store.instanceSizes.get(legacy.id)).toMatchObject({
        enabled: false,
        cpuCores: 1.5,
      });

      const fixed = await patch({ enabled: true, cpuCores: 2 });
      expect(fixed.status).toBe(200);
      expect(fixed.body).toMatchObject({ cpuCores: 2, cpuRequest: 2 });
    });

    it('accepts hugepages with their size and valid spec overrides', async () => {
      const response = await create({
        requiresHugepages: true,
        hugepagesSize: '1Gi',
        dedicatedCpu: true,
        specOverrides: {
          'spec.template.spec.domain.cpu.model': 'host-passthrough',
        },
      });
      expect(response.status).toBe(201);
      expect(response.body.item).toMatchObject({
        hugepagesSize: '1Gi',
        specOverrides: {
          'spec.template.spec.domain.cpu.model': 'host-passthrough',
        },
      });
    });

    it('changes sizes, requests following their limits, and refuses broken shapes', async () => {
      const overcommitted = (await create({ name: 'burst', cpuRequest: 1 }))
        .body.item;
      const exact = (await create({ name: 'exact' })).body.item;
      const as = api.as('platform-admin');

      const grown = await as
        .patch(`${base}/${exact.id}`)
        .send({ cpuCores: 4, memoryGi: 8 });
      expect(grown.body).toMatchObject({
        cpuCores: 4,
        cpuRequest: 4,
        memoryRequestGi: 8,
      });
      const burst = await as
        .patch(`${base}/${overcommitted.id}`)
        .send({ cpuCores: 4 });
      expect(burst.body).toMatchObject({ cpuCores: 4, cpuRequest: 1 });

      const dedicated = await as
        .patch(`${base}/${overcommitted.id}`)
        .send({ dedicatedCpu: true, enabled: false });
      expect(dedicated.status).toBe(400);
      expect(dedicated.body.error.code).toBe('DEDICATED_CPU_OVERCOMMIT');
      expect(await api.store.instanceSizes.get(overcommitted.id)).toEqual(
        burst.body,
      );

      const hugepages = await as
        .patch(`${base}/${exact.id}`)
        .send({ requiresHugepages: true, hugepagesSize: '2Mi' });
      expect(hugepages.body.hugepagesSize).toBe('2Mi');
      const cleared = await as
        .patch(`${base}/${exact.id}`)
        .send({ requiresHugepages: false, hugepagesSize: null });
      expect(cleared.body).not.toHaveProperty('hugepagesSize');

      expect(
        (await as.patch(`${base}/${exact.id}`).send({ name: 'x' })).status,
      ).toBe(400);
      const update = (
        await api.store.audit.list({
          offset: 0,
          limit: 10,
          action: 'instance_size.update',
        })
      ).items.find(entry => entry.resourceId === overcommitted.id);
      expect(update?.details).toEqual({
        changes: { cpuCores: { from: 2, to: 4 } },
      });
    });

    it('deletes only sizes that no VM and no unfinished request uses', async () => {
      const size = (await create()).body.item;
      const as = api.as('platform-admin');
      const vm = await api.fixtures.vm(service, { instanceSizeId: size.id });
      const ticket = await api.fixtures.ticket(service, {
        status: 'APPROVED',
        requestSpec: { instanceSizeId: size.id },
      });

      const refused = await as.delete(`${base}/${size.id}`);
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({
        code: 'DELETE_RESTRICTED',
        details: { vms: 1, tickets: 1 },
      });
      await api.store.vms.delete(vm.id);
      await api
        .knex('tickets')
        .where({ id: ticket.id })
        .update({ status: 'SUCCESS' });
      await as.delete(`${base}/${size.id}`).expect(204);
      expect(await auditActions(api, 'instance_size')).toEqual([
        'instance_size.create',
        'instance_size.delete',
      ]);
    });

    it('is for catalog managers only', async () => {
      const size = await api.fixtures.instanceSize();
      await expectRefusedToNonAdmins(api, as => [
        as.get(base),
        as.get(`${base}/${size.id}`),
        as.post(base).send(MEDIUM),
        as.patch(`${base}/${size.id}`).send({ enabled: false }),
        as.delete(`${base}/${size.id}`),
      ]);
      expect((await api.anonymous().get(base)).status).toBe(401);
      expect(await api.store.instanceSizes.get(size.id)).toEqual(size);
      expect(await auditActions(api, 'instance_size')).toEqual([]);
    });
  });
});
