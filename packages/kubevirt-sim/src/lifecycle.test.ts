import { KubevirtSimulator, start } from './simulator';
import {
  FIELD_MANAGER,
  KUBEVIRT,
  CDI,
  clientsFor,
  serverSideApply,
  vmAction,
  vmManifest,
} from './__testUtils__/clients';

/** Reads what the provider polls: the VM, its VMI and its DataVolumes, as plain objects. */
function snapshot(sim: KubevirtSimulator, namespace: string, name: string) {
  const vm = sim.objects.get('virtualmachines', namespace, name);
  const vmi = sim.objects.get('virtualmachineinstances', namespace, name);
  return {
    vm,
    vmi,
    printableStatus: vm?.status?.printableStatus as string | undefined,
    vmiPhase: vmi?.status?.phase as string | undefined,
    dv: sim.objects.get('datavolumes', namespace, `${name}-rootfs`),
  };
}

describe('simulated controllers with instant timing', () => {
  let sim: KubevirtSimulator;
  let clients: ReturnType<typeof clientsFor>;
  const vms = { ...KUBEVIRT, namespace: 'life', plural: 'virtualmachines' };

  beforeAll(async () => {
    sim = await start({ vnc: false, namespaces: ['life'] });
    clients = clientsFor(sim);
  });
  afterAll(() => sim.close());

  const apply = (body: any) =>
    clients.custom.patchNamespacedCustomObject(
      {
        ...vms,
        name: body.metadata.name,
        body,
        fieldManager: FIELD_MANAGER,
        force: true,
      },
      serverSideApply,
    );

  it('runs a VM with runStrategy Always: DataVolume imported, VMI running with an IP and a node', async () => {
    await apply(vmManifest('web-1', 'life', { dataVolume: true }));
    const vm = (await clients.custom.getNamespacedCustomObject({
      ...vms,
      name: 'web-1',
    })) as any;
    expect(vm.status).toMatchObject({
      printableStatus: 'Running',
      ready: true,
      created: true,
      runStrategy: 'Always',
    });
    expect(vm.status.conditions).toContainEqual(
      expect.objectContaining({ type: 'Ready', status: 'True' }),
    );
    expect(vm.metadata.finalizers).toContain(
      'kubevirt.io/virtualMachineControllerFinalize',
    );

    const vmi = (await clients.custom.getNamespacedCustomObject({
      ...KUBEVIRT,
      namespace: 'life',
      plural: 'virtualmachineinstances',
      name: 'web-1',
    })) as any;
    expect(vmi.status.phase).toBe('Running');
    expect(vmi.status.interfaces[0].ipAddress).toMatch(/^10\.244\.\d+\.\d+$/);
    expect(vmi.status.nodeName).toMatch(/^node0\d$/);
    expect(vmi.metadata.ownerReferences[0]).toMatchObject({
      kind: 'VirtualMachine',
      name: 'web-1',
      uid: vm.metadata.uid,
      controller: true,
    });
    expect(vmi.metadata.labels['kubevirt-shepherd.io/managed-by']).toBe(
      'kubevirt-shepherd',
    );

    const dv = (await clients.custom.getNamespacedCustomObject({
      ...CDI,
      namespace: 'life',
      plural: 'datavolumes',
      name: 'web-1-rootfs',
    })) as any;
    expect(dv.status).toMatchObject({ phase: 'Succeeded', progress: '100.0%' });
    expect(dv.metadata.ownerReferences[0]).toMatchObject({
      kind: 'VirtualMachine',
      name: 'web-1',
    });
  });

  it('stops, starts and restarts through the subresource API', async () => {
    await apply(vmManifest('web-2', 'life'));
    const firstVmi = snapshot(sim, 'life', 'web-2').vmi!;

    const stop = await vmAction(sim, 'life', 'web-2', 'stop');
    expect(stop.status).toBe(202);
    expect(stop.text).toBe('');
    let state = snapshot(sim, 'life', 'web-2');
    expect(state.vm!.spec.runStrategy).toBe('Halted');
    expect(state.printableStatus).toBe('Stopped');
    expect(state.vm!.status.ready).toBeUndefined();
    expect(state.vmi).toBeUndefined();

    const stopAgain = await vmAction(sim, 'life', 'web-2', 'stop');
    expect(stopAgain.status).toBe(409);
    expect(stopAgain.json).toMatchObject({
      reason: 'Conflict',
      message: expect.stringContaining('VM is not running'),
    });
    expect((await vmAction(sim, 'life', 'web-2', 'restart')).status).toBe(409);

    expect((await vmAction(sim, 'life', 'web-2', 'start')).status).toBe(202);
    state = snapshot(sim, 'life', 'web-2');
    expect(state.vm!.spec.runStrategy).toBe('Always');
    expect(state.printableStatus).toBe('Running');
    expect(state.vmiPhase).toBe('Running');
    const startAgain = await vmAction(sim, 'life', 'web-2', 'start');
    expect(startAgain.status).toBe(409);
    expect(startAgain.json.message).toContain('VM is already running');

    const beforeRestart = snapshot(sim, 'life', 'web-2').vmi!;
    expect(beforeRestart.metadata.uid).not.toBe(firstVmi.metadata.uid); // the stop/start made a new one
    expect((await vmAction(sim, 'life', 'web-2', 'restart')).status).toBe(202);
    state = snapshot(sim, 'life', 'web-2');
    expect(state.vmiPhase).toBe('Running');
    expect(state.vmi!.metadata.uid).not.toBe(beforeRestart.metadata.uid);
    expect(state.vm!.status.stateChangeRequests).toBeUndefined();

    expect((await vmAction(sim, 'life', 'missing', 'start')).status).toBe(404);
    expect((await vmAction(sim, 'life', 'web-2', 'migrate')).status).toBe(202);
  });

  it('migrates a running VM through a VirtualMachineInstanceMigration', async () => {
    await apply(vmManifest('web-4', 'life'));
    const before = snapshot(sim, 'life', 'web-4').vmi!;
    const sourceNode = before.status.nodeName;

    const dryRun = await vmAction(sim, 'life', 'web-4', 'migrate', {
      dryRun: ['All'],
    });
    expect(dryRun.status).toBe(202);
    const ofWeb4 = () =>
      sim.objects
        .list('virtualmachineinstancemigrations', 'life')
        .filter(m => m.spec.vmiName === 'web-4');
    expect(ofWeb4()).toEqual([]);

    expect((await vmAction(sim, 'life', 'web-4', 'migrate')).status).toBe(202);
    const [migration] = ofWeb4();
    expect(migration.metadata.name).toMatch(
      /^kubevirt-migrate-vm-[a-z0-9]{5}$/,
    );
    expect(migration.metadata.labels).toEqual({
      'kubevirt.io/vmi-name': 'web-4',
    });
    expect(migration.status).toMatchObject({
      phase: 'Succeeded',
      migrationState: {
        sourceNode,
        targetNode: expect.not.stringMatching(sourceNode),
        completed: true,
        startTimestamp: expect.any(String),
        endTimestamp: expect.any(String),
      },
    });
    expect(
      migration.status.phaseTransitionTimestamps.map((t: any) => t.phase),
    ).toEqual([
      'Pending',
      'Scheduling',
      'Scheduled',
      'PreparingTarget',
      'TargetReady',
      'Running',
      'Succeeded',
    ]);
    const after = snapshot(sim, 'life', 'web-4');
    expect(after.vmi!.metadata.uid).toBe(before.metadata.uid);
    expect(after.vmi!.status.nodeName).toBe(
      migration.status.migrationState.targetNode,
    );
    expect(after.vmi!.metadata.labels?.['kubevirt.io/nodeName']).toBe(
      migration.status.migrationState.targetNode,
    );
    expect(after.printableStatus).toBe('Running');

    await vmAction(sim, 'life', 'web-4', 'stop');
    const refused = await vmAction(sim, 'life', 'web-4', 'migrate');
    expect(refused.status).toBe(404);
    expect(ofWeb4()).toHaveLength(1);
  });

  it('honours dryRun on actions and the legacy spec.running', async () => {
    await apply(vmManifest('web-3', 'life'));
    expect(
      (await vmAction(sim, 'life', 'web-3', 'stop', { dryRun: ['All'] }))
        .status,
    ).toBe(202);
    expect(snapshot(sim, 'life', 'web-3').printableStatus).toBe('Running');

    const legacy = vmManifest('legacy', 'life');
    delete legacy.spec.runStrategy;
    legacy.spec.running = false;
    await clients.custom.createNamespacedCustomObject({ ...vms, body: legacy });
    expect(snapshot(sim, 'life', 'legacy').printableStatus).toBe('Stopped');
    await vmAction(sim, 'life', 'legacy', 'start');
    const started = snapshot(sim, 'life', 'legacy');
    expect(started.vm!.spec.running).toBe(true);
    expect(started.vm!.spec.runStrategy).toBeUndefined();
    expect(started.printableStatus).toBe('Running');
  });

  it('deletes a VM with its VMI and owned DataVolumes', async () => {
    await apply(vmManifest('web-4', 'life', { dataVolume: true }));
    expect(snapshot(sim, 'life', 'web-4').dv).toBeDefined();
    await clients.custom.deleteNamespacedCustomObject({
      ...vms,
      name: 'web-4',
    });
    const state = snapshot(sim, 'life', 'web-4');
    expect(state.vm).toBeUndefined();
    expect(state.vmi).toBeUndefined();
    expect(state.dv).toBeUndefined();
  });

  it('deletes everything in a deleted namespace', async () => {
    await clients.core.createNamespace({
      body: { metadata: { name: 'doomed' } },
    });
    await clients.custom.createNamespacedCustomObject({
      ...vms,
      namespace: 'doomed',
      body: vmManifest('x', 'doomed', { dataVolume: true }),
    });
    await clients.core.deleteNamespace({ name: 'doomed' });
    expect(sim.objects.get('namespaces', undefined, 'doomed')).toBeUndefined();
    expect(sim.objects.list('virtualmachines', 'doomed')).toEqual([]);
    expect(sim.objects.list('datavolumes', 'doomed')).toEqual([]);
  });

  it('can force failures and make objects vanish', async () => {
    sim.controllers.failVirtualMachine('life', 'broken', 'ErrImagePull');
    await apply(vmManifest('broken', 'life'));
    let state = snapshot(sim, 'life', 'broken');
    expect(state.printableStatus).toBe('ErrImagePull');
    expect(state.vmiPhase).toBe('Scheduling');
    expect(state.vm!.status.conditions).toContainEqual(
      expect.objectContaining({
        type: 'Failure',
        status: 'True',
        reason: 'ErrImagePull',
      }),
    );

    sim.controllers.clearVirtualMachineFailure('life', 'broken');
    state = snapshot(sim, 'life', 'broken');
    expect(state.printableStatus).toBe('Running');

    sim.controllers.failVirtualMachine('life', 'broken', 'CrashLoopBackOff');
    expect(snapshot(sim, 'life', 'broken').vmiPhase).toBe('Failed');
    expect(snapshot(sim, 'life', 'broken').printableStatus).toBe(
      'CrashLoopBackOff',
    );
    sim.controllers.clearVirtualMachineFailure('life', 'broken');
    expect(snapshot(sim, 'life', 'broken').printableStatus).toBe('Running');

    await apply(
      vmManifest('dv-broken', 'life', {
        dataVolume: true,
        runStrategy: 'Halted',
      }),
    );
    sim.controllers.failVirtualMachine('life', 'dv-broken', 'DataVolumeError');
    expect(snapshot(sim, 'life', 'dv-broken').dv!.status.phase).toBe('Failed');

    expect(
      sim.controllers.removeObject('virtualmachines', 'life', 'broken'),
    ).toBe(true);
    state = snapshot(sim, 'life', 'broken');
    expect(state.vm).toBeUndefined();
    expect(state.vmi).toBeUndefined(); // garbage-collected with its owner
    expect(
      sim.controllers.removeObject('virtualmachines', 'life', 'broken'),
    ).toBe(false);
  });
});

describe('simulated controllers on a manual clock with realistic timings', () => {
  let sim: KubevirtSimulator;
  let clients: ReturnType<typeof clientsFor>;
  const vms = { ...KUBEVIRT, namespace: 'slow', plural: 'virtualmachines' };

  beforeAll(async () => {
    sim = await start({
      vnc: false,
      namespaces: ['slow'],
      clock: 'manual',
      timing: 'realistic',
    });
    clients = clientsFor(sim);
  });
  afterAll(() => sim.close());

  it('moves a VM through Provisioning (with DataVolume progress), Starting and Running', async () => {
    await clients.custom.patchNamespacedCustomObject(
      {
        ...vms,
        name: 'db-1',
        body: vmManifest('db-1', 'slow', { dataVolume: true }),
        fieldManager: FIELD_MANAGER,
        force: true,
      },
      serverSideApply,
    );
    let state = snapshot(sim, 'slow', 'db-1');
    expect(state.printableStatus).toBe('Provisioning');
    expect(state.dv!.status).toMatchObject({
      phase: 'Pending',
      progress: 'N/A',
    });
    expect(state.vmi).toBeUndefined();

    sim.clock.advance(2000); // dataVolumeScheduling
    state = snapshot(sim, 'slow', 'db-1');
    expect(state.dv!.status).toMatchObject({
      phase: 'ImportInProgress',
      progress: '0.00%',
    });

    const progress: string[] = [];
    for (let i = 0; i < 3; i++) {
      sim.clock.advance(2000);
      progress.push(snapshot(sim, 'slow', 'db-1').dv!.status.progress);
    }
    expect(progress).toEqual(['25.00%', '50.00%', '75.00%']);
    expect(snapshot(sim, 'slow', 'db-1').printableStatus).toBe('Provisioning');

    sim.clock.advance(2000);
    state = snapshot(sim, 'slow', 'db-1');
    expect(state.dv!.status).toMatchObject({
      phase: 'Succeeded',
      progress: '100.0%',
    });
    expect(state.printableStatus).toBe('Starting');
    expect(state.vmiPhase).toBe('Scheduling');

    sim.clock.advance(2000); // vmiScheduling
    state = snapshot(sim, 'slow', 'db-1');
    expect(state.vmiPhase).toBe('Scheduled');
    expect(state.vmi!.status.nodeName).toBeTruthy();
    expect(state.printableStatus).toBe('Starting');

    sim.clock.advance(4000); // vmiBooting
    state = snapshot(sim, 'slow', 'db-1');
    expect(state.vmiPhase).toBe('Running');
    expect(state.printableStatus).toBe('Running');
    expect(state.vm!.status.ready).toBe(true);
    expect(
      state.vmi!.status.phaseTransitionTimestamps.map((t: any) => t.phase),
    ).toEqual(['Pending', 'Scheduling', 'Scheduled', 'Running']);
  });

  it('shows a migration Running, with the VM Migrating, until it succeeds', async () => {
    const sourceNode = snapshot(sim, 'slow', 'db-1').vmi!.status.nodeName;
    expect((await vmAction(sim, 'slow', 'db-1', 'migrate')).status).toBe(202);
    const migration = () =>
      sim.objects.list('virtualmachineinstancemigrations', 'slow')[0];
    expect(migration().status.phase).toBe('Running');
    let state = snapshot(sim, 'slow', 'db-1');
    expect(state.printableStatus).toBe('Migrating');
    expect(state.vmi!.status.migrationState).toMatchObject({
      sourceNode,
      startTimestamp: expect.any(String),
    });
    expect(state.vmi!.status.migrationState.endTimestamp).toBeUndefined();

    sim.clock.advance(4999);
    expect(migration().status.phase).toBe('Running');
    sim.clock.advance(1); // migration
    expect(migration().status.phase).toBe('Succeeded');
    state = snapshot(sim, 'slow', 'db-1');
    expect(state.printableStatus).toBe('Running');
    expect(state.vmi!.status.nodeName).not.toBe(sourceNode);
    expect(state.vmi!.status.migrationState.completed).toBe(true);
  });

  it('moves through Stopping to Stopped, and through Terminating when deleted', async () => {
    await vmAction(sim, 'slow', 'db-1', 'stop');
    expect(snapshot(sim, 'slow', 'db-1').printableStatus).toBe('Stopping');
    sim.clock.advance(3000); // vmiStopping
    expect(snapshot(sim, 'slow', 'db-1').printableStatus).toBe('Stopped');
    expect(snapshot(sim, 'slow', 'db-1').vmi).toBeUndefined();

    await vmAction(sim, 'slow', 'db-1', 'start');
    expect(snapshot(sim, 'slow', 'db-1').printableStatus).toBe('Starting');
    sim.clock.runUntilIdle();
    expect(snapshot(sim, 'slow', 'db-1').printableStatus).toBe('Running');

    await vmAction(sim, 'slow', 'db-1', 'restart');
    expect(snapshot(sim, 'slow', 'db-1').printableStatus).toBe('Stopping');
    sim.clock.advance(3000);
    expect(snapshot(sim, 'slow', 'db-1').printableStatus).toBe('Starting');
    sim.clock.runUntilIdle();
    expect(snapshot(sim, 'slow', 'db-1').printableStatus).toBe('Running');

    await clients.custom.deleteNamespacedCustomObject({ ...vms, name: 'db-1' });
    let state = snapshot(sim, 'slow', 'db-1');
    expect(state.printableStatus).toBe('Terminating');
    expect(state.vm!.metadata.deletionTimestamp).toBeTruthy();
    expect(state.vmi!.metadata.deletionTimestamp).toBeTruthy();
    sim.clock.advance(3000);
    state = snapshot(sim, 'slow', 'db-1');
    expect(state.printableStatus).toBe('Terminating');
    expect(state.vmi).toBeUndefined();
    sim.clock.advance(1000);
    state = snapshot(sim, 'slow', 'db-1');
    expect(state.vm).toBeUndefined();
    expect(state.dv).toBeUndefined();
  });

  it('keeps a DataVolume Pending while its storage class does not exist', async () => {
    const vm = vmManifest('db-2', 'slow', { dataVolume: true });
    vm.spec.dataVolumeTemplates[0].spec.storage.storageClassName = 'gold';
    await clients.custom.createNamespacedCustomObject({ ...vms, body: vm });
    sim.clock.advance(60_000);
    const state = snapshot(sim, 'slow', 'db-2');
    expect(state.dv!.status.phase).toBe('Pending');
    expect(state.dv!.status.conditions).toContainEqual(
      expect.objectContaining({
        type: 'Bound',
        status: 'False',
        message: expect.stringContaining('"gold" not found'),
      }),
    );
    expect(state.printableStatus).toBe('Provisioning');

    await clients.storage.createStorageClass({
      body: { metadata: { name: 'gold' }, provisioner: 'rbd.csi.ceph.com' },
    });
    sim.clock.runUntilIdle();
    expect(snapshot(sim, 'slow', 'db-2').printableStatus).toBe('Running');
  });
});
