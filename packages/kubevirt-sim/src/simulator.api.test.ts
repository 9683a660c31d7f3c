import { KubevirtSimulator, start } from './simulator';
import {
  FIELD_MANAGER,
  KUBEVIRT,
  clientsFor,
  jsonPatch,
  mergePatch,
  rawRequest,
  serverSideApply,
  statusOf,
  vmManifest,
} from './__testUtils__/clients';

describe('Kubernetes API semantics through @kubernetes/client-node', () => {
  let sim: KubevirtSimulator;
  let clients: ReturnType<typeof clientsFor>;

  beforeAll(async () => {
    sim = await start({ vnc: false });
    clients = clientsFor(sim);
  });
  afterAll(() => sim.close());

  const vms = (namespace: string) => ({
    ...KUBEVIRT,
    namespace,
    plural: 'virtualmachines',
  });

  const apply = (
    body: any,
    extra: { dryRun?: string; force?: boolean; fieldManager?: string } = {},
  ) =>
    clients.custom.patchNamespacedCustomObject(
      {
        ...vms(body.metadata.namespace),
        name: body.metadata.name,
        body,
        fieldManager: extra.fieldManager ?? FIELD_MANAGER,
        force: extra.force ?? true,
        dryRun: extra.dryRun,
      },
      serverSideApply,
    ) as Promise<any>;

  it('creates, reads, lists and deletes namespaces', async () => {
    const created = await clients.core.createNamespace({
      body: {
        metadata: {
          name: 'team-a',
          labels: { 'shepherd.io/environment': 'test' },
        },
      },
    });
    expect(created.metadata?.uid).toBeTruthy();
    expect(created.status?.phase).toBe('Active');
    const read = await clients.core.readNamespace({ name: 'team-a' });
    expect(read.metadata?.labels).toMatchObject({
      'shepherd.io/environment': 'test',
      'kubernetes.io/metadata.name': 'team-a',
    });
    const list = await clients.core.listNamespace({
      labelSelector: 'shepherd.io/environment=test',
    });
    expect(list.items.map(n => n.metadata?.name)).toEqual(['team-a']);

    const again = await statusOf(
      clients.core.createNamespace({ body: { metadata: { name: 'team-a' } } }),
    );
    expect(again.code).toBe(409);
    expect(again.status).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'AlreadyExists',
      code: 409,
      details: { name: 'team-a', kind: 'namespaces' },
    });

    await clients.core.deleteNamespace({ name: 'team-a' });
    const gone = await statusOf(clients.core.readNamespace({ name: 'team-a' }));
    expect(gone.status).toMatchObject({
      reason: 'NotFound',
      message: 'namespaces "team-a" not found',
    });
  });

  it('server-side applies a VirtualMachine idempotently and records managedFields', async () => {
    await clients.core.createNamespace({
      body: { metadata: { name: 'apply-ns' } },
    });
    const first = await apply(vmManifest('vm-1', 'apply-ns'));
    expect(first.metadata.generation).toBe(1);
    expect(first.metadata.managedFields).toEqual([
      expect.objectContaining({
        manager: FIELD_MANAGER,
        operation: 'Apply',
        fieldsType: 'FieldsV1',
      }),
    ]);
    expect(
      first.metadata.managedFields[0].fieldsV1['f:spec']['f:runStrategy'],
    ).toEqual({});

    // Controllers ran after the write; applying the same configuration changes nothing.
    const settled = (await clients.custom.getNamespacedCustomObject({
      ...vms('apply-ns'),
      name: 'vm-1',
    })) as any;
    const second = await apply(vmManifest('vm-1', 'apply-ns'));
    expect(second.metadata.resourceVersion).toBe(
      settled.metadata.resourceVersion,
    );
    expect(second.metadata.generation).toBe(1);

    // A real change moves resourceVersion and generation.
    const third = await apply(
      vmManifest('vm-1', 'apply-ns', { memory: '2Gi' }),
    );
    expect(Number(third.metadata.resourceVersion)).toBeGreaterThan(
      Number(second.metadata.resourceVersion),
    );
    expect(third.metadata.generation).toBe(2);
    expect(third.spec.template.spec.domain.resources.requests.memory).toBe(
      '2Gi',
    );

    // Labels the manager no longer applies are removed.
    const withLabel = vmManifest('vm-1', 'apply-ns', {
      memory: '2Gi',
      labels: { extra: 'yes' },
    });
    expect((await apply(withLabel)).metadata.labels.extra).toBe('yes');
    expect(
      (await apply(vmManifest('vm-1', 'apply-ns', { memory: '2Gi' }))).metadata
        .labels.extra,
    ).toBeUndefined();
  });

  it('requires a fieldManager for apply and reports conflicts between managers', async () => {
    await clients.core.createNamespace({
      body: { metadata: { name: 'managers' } },
    });
    await apply(vmManifest('vm-m', 'managers'));
    const noManager = await rawRequest(
      sim,
      'PATCH',
      '/apis/kubevirt.io/v1/namespaces/managers/virtualmachines/vm-m',
      {
        body: vmManifest('vm-m', 'managers'),
        headers: { 'Content-Type': 'application/apply-patch+yaml' },
      },
    );
    expect(noManager.status).toBe(400);

    const other = vmManifest('vm-m', 'managers', { runStrategy: 'Halted' });
    const conflict = await statusOf(
      apply(other, { fieldManager: 'someone-else', force: false }),
    );
    expect(conflict.code).toBe(409);
    expect(conflict.status.reason).toBe('Conflict');
    expect(conflict.status.details.causes).toContainEqual(
      expect.objectContaining({
        reason: 'FieldManagerConflict',
        field: '.spec.runStrategy',
      }),
    );
    const forced = await apply(other, {
      fieldManager: 'someone-else',
      force: true,
    });
    expect(forced.spec.runStrategy).toBe('Halted');
    const owners = forced.metadata.managedFields.map((m: any) => m.manager);
    expect(owners).toEqual(
      expect.arrayContaining([FIELD_MANAGER, 'someone-else']),
    );
  });

  it('takes a resourceVersion in an apply configuration as a precondition', async () => {
    await clients.core.createNamespace({
      body: { metadata: { name: 'versions' } },
    });
    const first = await apply(vmManifest('vm-v', 'versions'));
    const stale = vmManifest('vm-v', 'versions', { runStrategy: 'Halted' });
    // The namespace was written before the VM: its version is older than any of the VM's.
    stale.metadata.resourceVersion = String(
      Number(first.metadata.resourceVersion) - 1,
    );
    const refused = await statusOf(apply(stale));
    expect(refused.code).toBe(409);
    expect(refused.status.reason).toBe('Conflict');
    expect(
      sim.objects.get('vm', 'versions', 'vm-v')?.spec?.runStrategy,
    ).not.toBe('Halted');
  });

  it('does not persist dry-run writes', async () => {
    await clients.core.createNamespace({ body: { metadata: { name: 'dry' } } });
    const dry = await apply(vmManifest('vm-dry', 'dry'), { dryRun: 'All' });
    expect(dry.metadata.name).toBe('vm-dry');
    expect(dry.metadata.uid).toBeTruthy();
    expect(
      (
        await statusOf(
          clients.custom.getNamespacedCustomObject({
            ...vms('dry'),
            name: 'vm-dry',
          }),
        )
      ).code,
    ).toBe(404);

    await clients.custom.createNamespacedCustomObject({
      ...vms('dry'),
      body: vmManifest('vm-real', 'dry'),
    });
    const before = (await clients.custom.getNamespacedCustomObject({
      ...vms('dry'),
      name: 'vm-real',
    })) as any;
    const dryPatch = (await clients.custom.patchNamespacedCustomObject(
      {
        ...vms('dry'),
        name: 'vm-real',
        body: { spec: { runStrategy: 'Halted' } },
        dryRun: 'All',
      },
      mergePatch,
    )) as any;
    expect(dryPatch.spec.runStrategy).toBe('Halted');
    const after = (await clients.custom.getNamespacedCustomObject({
      ...vms('dry'),
      name: 'vm-real',
    })) as any;
    expect(after.spec.runStrategy).toBe('Always');
    expect(after.metadata.resourceVersion).toBe(
      before.metadata.resourceVersion,
    );

    const dryDelete = await rawRequest(
      sim,
      'DELETE',
      '/apis/kubevirt.io/v1/namespaces/dry/virtualmachines/vm-real?dryRun=All',
    );
    expect(dryDelete.status).toBe(200);
    await clients.custom.getNamespacedCustomObject({
      ...vms('dry'),
      name: 'vm-real',
    });

    const dryNamespace = await clients.core.createNamespace({
      body: { metadata: { name: 'never' } },
      dryRun: 'All',
    });
    expect(dryNamespace.metadata?.name).toBe('never');
    expect(
      (await statusOf(clients.core.readNamespace({ name: 'never' }))).code,
    ).toBe(404);
  });

  it('selects by labels (equality and set-based) and by metadata.name, and pages lists', async () => {
    await clients.core.createNamespace({
      body: { metadata: { name: 'select' } },
    });
    for (const [name, env] of [
      ['a', 'test'],
      ['b', 'prod'],
      ['c', 'test'],
    ]) {
      await clients.custom.createNamespacedCustomObject({
        ...vms('select'),
        body: vmManifest(name, 'select', {
          runStrategy: 'Halted',
          labels: { env, app: name === 'c' ? 'db' : 'web' },
        }),
      });
    }
    const names = async (params: Record<string, string | number>) =>
      (
        (await clients.custom.listNamespacedCustomObject({
          ...vms('select'),
          ...params,
        })) as any
      ).items.map((i: any) => i.metadata.name);
    expect(await names({ labelSelector: 'env=test' })).toEqual(['a', 'c']);
    expect(await names({ labelSelector: 'env==test,app!=db' })).toEqual(['a']);
    expect(await names({ labelSelector: 'env in (prod, staging)' })).toEqual([
      'b',
    ]);
    expect(await names({ labelSelector: 'env notin (prod),app' })).toEqual([
      'a',
      'c',
    ]);
    expect(await names({ labelSelector: '!missing' })).toEqual(['a', 'b', 'c']);
    expect(await names({ fieldSelector: 'metadata.name=b' })).toEqual(['b']);

    const page1 = (await clients.custom.listNamespacedCustomObject({
      ...vms('select'),
      limit: 2,
    })) as any;
    expect(page1.items).toHaveLength(2);
    expect(page1.metadata.remainingItemCount).toBe(1);
    const page2 = (await clients.custom.listNamespacedCustomObject({
      ...vms('select'),
      limit: 2,
      _continue: page1.metadata.continue,
    })) as any;
    expect(page2.items.map((i: any) => i.metadata.name)).toEqual(['c']);
    expect(page2.metadata.continue).toBeUndefined();

    const all = (await clients.custom.listClusterCustomObject({
      ...KUBEVIRT,
      plural: 'virtualmachines',
      labelSelector: 'env',
    })) as any;
    expect(all.kind).toBe('VirtualMachineList');
    expect(
      all.items.map((i: any) => `${i.metadata.namespace}/${i.metadata.name}`),
    ).toEqual(['select/a', 'select/b', 'select/c']);

    const bad = await rawRequest(
      sim,
      'GET',
      '/apis/kubevirt.io/v1/virtualmachines?labelSelector=%3D%3Dx',
    );
    expect(bad.status).toBe(400);
  });

  it('answers resourceVersion conflicts on replace and supports merge and JSON patches', async () => {
    await clients.core.createNamespace({
      body: { metadata: { name: 'conflicts' } },
    });
    const created = (await clients.custom.createNamespacedCustomObject({
      ...vms('conflicts'),
      body: vmManifest('vm-c', 'conflicts', { runStrategy: 'Halted' }),
    })) as any;
    const fresh = (await clients.custom.getNamespacedCustomObject({
      ...vms('conflicts'),
      name: 'vm-c',
    })) as any;

    const stale = {
      ...created,
      spec: { ...created.spec, runStrategy: 'Always' },
    };
    stale.metadata.resourceVersion = '1';
    const conflict = await statusOf(
      clients.custom.replaceNamespacedCustomObject({
        ...vms('conflicts'),
        name: 'vm-c',
        body: stale,
      }),
    );
    expect(conflict.code).toBe(409);
    expect(conflict.status).toMatchObject({
      reason: 'Conflict',
      message: expect.stringContaining('the object has been modified'),
      details: { name: 'vm-c', group: 'kubevirt.io', kind: 'virtualmachines' },
    });

    fresh.metadata.labels.replaced = 'yes';
    const replaced = (await clients.custom.replaceNamespacedCustomObject({
      ...vms('conflicts'),
      name: 'vm-c',
      body: fresh,
    })) as any;
    expect(replaced.metadata.labels.replaced).toBe('yes');
    expect(replaced.metadata.generation).toBe(1); // metadata only

    const merged = (await clients.custom.patchNamespacedCustomObject(
      {
        ...vms('conflicts'),
        name: 'vm-c',
        body: { metadata: { labels: { replaced: null, merged: 'yes' } } },
      },
      mergePatch,
    )) as any;
    expect(merged.metadata.labels).toMatchObject({ merged: 'yes' });
    expect(merged.metadata.labels.replaced).toBeUndefined();

    const patched = (await clients.custom.patchNamespacedCustomObject(
      {
        ...vms('conflicts'),
        name: 'vm-c',
        body: [
          { op: 'test', path: '/spec/runStrategy', value: 'Halted' },
          { op: 'replace', path: '/spec/runStrategy', value: 'Always' },
        ],
      },
      jsonPatch,
    )) as any;
    expect(patched.spec.runStrategy).toBe('Always');
    expect(patched.metadata.generation).toBe(2);

    const failedTest = await statusOf(
      clients.custom.patchNamespacedCustomObject(
        {
          ...vms('conflicts'),
          name: 'vm-c',
          body: [{ op: 'test', path: '/spec/runStrategy', value: 'Halted' }],
        },
        jsonPatch,
      ),
    );
    expect(failedTest.code).toBe(422);
    expect(failedTest.status.message).toContain(
      'jsonpatch test operation does not apply',
    );
  });

  it('answers Kubernetes Status errors: missing namespace, missing object, bad token, invalid VM', async () => {
    const noNamespace = await statusOf(
      clients.custom.createNamespacedCustomObject({
        ...vms('nowhere'),
        body: vmManifest('x', 'nowhere'),
      }),
    );
    expect(noNamespace).toMatchObject({
      code: 404,
      status: {
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        reason: 'NotFound',
        message: 'namespaces "nowhere" not found',
        code: 404,
      },
    });

    const applyNoNamespace = await statusOf(apply(vmManifest('x', 'nowhere')));
    expect(applyNoNamespace.code).toBe(404);

    const missing = await statusOf(
      clients.custom.getNamespacedCustomObject({
        ...vms('default'),
        name: 'nope',
      }),
    );
    expect(missing.status).toMatchObject({
      reason: 'NotFound',
      message: 'virtualmachines.kubevirt.io "nope" not found',
      details: { name: 'nope', group: 'kubevirt.io', kind: 'virtualmachines' },
    });
    const deleteMissing = await statusOf(
      clients.custom.deleteNamespacedCustomObject({
        ...vms('default'),
        name: 'nope',
      }),
    );
    expect(deleteMissing.code).toBe(404);

    const unauthorized = await rawRequest(sim, 'GET', '/api/v1/namespaces', {
      token: null,
    });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.json).toMatchObject({
      kind: 'Status',
      reason: 'Unauthorized',
      code: 401,
    });
    expect(
      (await rawRequest(sim, 'GET', '/version', { token: 'wrong' })).status,
    ).toBe(401);

    const both = vmManifest('both', 'default');
    both.spec.running = true;
    const invalid = await statusOf(apply(both));
    expect(invalid.code).toBe(422);
    expect(invalid.status).toMatchObject({
      reason: 'Invalid',
      details: { causes: [expect.objectContaining({ field: 'spec.running' })] },
    });
    expect(invalid.status.message).toContain('mutually exclusive');

    const neither = vmManifest('neither', 'default');
    delete neither.spec.runStrategy;
    const required = await statusOf(
      clients.custom.createNamespacedCustomObject({
        ...vms('default'),
        body: neither,
      }),
    );
    expect(required.code).toBe(422);
    expect(required.status.message).toContain(
      'One of Running or RunStrategy must be specified',
    );

    const badName = await statusOf(
      clients.core.createNamespace({
        body: { metadata: { name: 'Not_Valid' } },
      }),
    );
    expect(badName.code).toBe(422);
  });

  it('accepts annotations up to 256 KiB per object, as the apiserver does', async () => {
    await clients.core.createNamespace({
      body: { metadata: { name: 'annotated' } },
    });
    const withAnnotation = (bytes: number) => {
      const manifest = vmManifest('vm-a', 'annotated') as any;
      manifest.metadata.annotations = { bulk: 'x'.repeat(bytes) };
      return manifest;
    };
    const created = (await clients.custom.createNamespacedCustomObject({
      ...vms('annotated'),
      body: withAnnotation(200 * 1024),
    })) as any;
    expect(created.metadata.annotations.bulk).toHaveLength(200 * 1024);

    const tooLong = await statusOf(
      clients.custom.createNamespacedCustomObject({
        ...vms('annotated'),
        body: {
          ...withAnnotation(256 * 1024),
          metadata: { ...withAnnotation(256 * 1024).metadata, name: 'vm-b' },
        },
      }),
    );
    expect(tooLong).toMatchObject({
      code: 422,
      status: {
        reason: 'Invalid',
        message: expect.stringContaining(
          'metadata.annotations: Too long: must have at most 262144 bytes',
        ),
      },
    });
  });

  it('lets status be written only through the status subresource', async () => {
    const created = (await clients.custom.createNamespacedCustomObject({
      ...vms('default'),
      body: {
        ...vmManifest('status-vm', 'default', { runStrategy: 'Halted' }),
        status: { printableStatus: 'Hacked' },
      },
    })) as any;
    expect(created.status).toBeUndefined(); // the create answer is the stored object, before controllers ran
    const settled = (await clients.custom.getNamespacedCustomObject({
      ...vms('default'),
      name: 'status-vm',
    })) as any;
    expect(settled.status.printableStatus).toBe('Stopped');

    const viaMain = (await clients.custom.patchNamespacedCustomObject(
      {
        ...vms('default'),
        name: 'status-vm',
        body: { status: { printableStatus: 'Hacked' } },
      },
      mergePatch,
    )) as any;
    expect(viaMain.status.printableStatus).toBe('Stopped');

    const viaStatus = (await clients.custom.patchNamespacedCustomObjectStatus(
      {
        ...vms('default'),
        name: 'status-vm',
        body: { status: { snapshotInProgress: 'snap-1' } },
      },
      mergePatch,
    )) as any;
    expect(viaStatus.status.snapshotInProgress).toBe('snap-1');
    expect(viaStatus.metadata.generation).toBe(settled.metadata.generation);
  });
});
