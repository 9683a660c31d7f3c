import { mockServices } from '@backstage/backend-test-utils';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  KubevirtSimulator,
  start as startSimulator,
} from '@kubevirt-shepherd/kubevirt-sim';
import {
  DOMAIN_EVENT_AGGREGATES,
  ShepherdVm,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdClusterConnection } from '@kubevirt-shepherd/plugin-shepherd-node';
import { KubeVirtVmProvider } from '@kubevirt-shepherd/plugin-shepherd-backend-module-kubevirt';
import { ManualTimers } from '../__testUtils__/manualTime';
import {
  TEST_INSTALLATION,
  describeOnEachDatabase,
  operationDependencies,
} from '../__testUtils__/operations';
import { RecordingProvider } from '../__testUtils__/vmJobs';
import { vmDefinition } from '../operations/vmCreation';
import { POWER_VM_JOB, vmPower } from '../operations/vmPower';
import { ClusterConnections } from '../providers/ClusterConnections';
import { VmProviderRegistry } from '../providers/VmProviderRegistry';
import { exponentialBackoff } from '../queue/backoff';
import { JobWorker } from '../queue/JobWorker';
import { ShepherdNotifier } from '../service/notifications/ShepherdNotifier';
import { VM_JOB_MAX_ATTEMPTS, vmJob } from './vmJob';
import { VmJobs } from './VmJobs';

const LEASE_MS = 60_000;
const FOLLOW_MS = 5_000;
const CLUSTER_WAIT_MAX_MS = 60 * 60_000;

/*
 * How VM jobs live through trouble on their cluster, on a clock the test moves: a cluster
 * outage (the real KubeVirt provider and its circuit breaker against a simulated cluster
 * that stops answering), and a job cancelled while its cluster call is under way.
 */
describeOnEachDatabase(bed => {
  let sim: KubevirtSimulator;

  beforeAll(async () => {
    sim = await startSimulator({ timing: 'instant', vnc: false });
  });

  afterAll(async () => {
    await sim.close();
  });

  afterEach(async () => {
    if (!sim.faults.reachable) await sim.faults.setReachable(true);
  });

  function jobsOn(
    provider: KubeVirtVmProvider | RecordingProvider,
    timers = new ManualTimers(),
  ) {
    const registry = new VmProviderRegistry();
    registry.addProvider(provider);
    // The cipher has tests of its own; here the credentials are the simulator's.
    const connections = new ClusterConnections(
      bed.store,
      { getClusterKubeconfig: async () => sim.kubeconfig },
      registry,
    );
    const logger = mockServices.logger.mock();
    const vmJobs = new VmJobs({
      context: bed.context,
      connections,
      // Power in the test environment has no ticket: nobody is notified.
      notifier: new ShepherdNotifier(
        {} as unknown as NotificationService,
        [],
        logger,
      ),
      followIntervalMs: FOLLOW_MS,
      followDeadlineMs: 30 * 60_000,
      clusterWaitMaxMs: CLUSTER_WAIT_MAX_MS,
    });
    const worker = new JobWorker({
      jobs: bed.store.jobs,
      handlers: vmJobs.handlers([vmPower(operationDependencies(bed)).job!]),
      workerId: 'worker',
      concurrency: 4,
      perKeyLimit: 10,
      leaseMs: LEASE_MS,
      pollIntervalMs: 1_000,
      // The production policy, without jitter.
      backoff: exponentialBackoff({
        baseMs: 5_000,
        maxMs: 5 * 60_000,
        random: () => 0.5,
      }),
      logger,
      clock: bed.clock.now,
      timers,
    });
    return { worker, timers };
  }

  /** Asks for a power action of the VM, as the power operation records it. */
  async function requestPower(vm: ShepherdVm, operation: 'stop' | 'start') {
    return bed.context.execute(async unit => {
      const event = await unit.recordEvent({
        type: 'VM_STOP_REQUESTED',
        aggregateType: DOMAIN_EVENT_AGGREGATES.vm,
        aggregateId: vm.id,
        payload: { vmId: vm.id, operation },
        status: 'PROCESSING',
        createdBy: 'user:default/engineer-test',
      });
      const job = await unit.enqueue(
        vmJob(POWER_VM_JOB, event.id, vm.id, vm.clusterId),
      );
      return { event, job };
    });
  }

  it('waits out a cluster outage longer than 10 minutes without failing, and completes when the cluster is back', async () => {
    const provider = KubeVirtVmProvider.create({
      logger: mockServices.logger.mock(),
      clock: { now: () => bed.clock.now().getTime() },
    });
    const { worker } = jobsOn(provider);
    const namespace = `outage${Math.random().toString(36).slice(2, 8)}`;
    const vm = await bed.vm({ namespace, status: 'RUNNING' });
    const connection: ShepherdClusterConnection = {
      id: vm.clusterId!,
      name: 'sim',
      kubeconfig: sim.kubeconfig,
    };
    await provider.ensureNamespace(connection, namespace, 'test');
    await provider.applyVirtualMachine(
      connection,
      vmDefinition(
        vm,
        {
          id: vm.ticketId,
          templateSnapshot: await bed.fixtures.template(),
          instanceSizeSnapshot: await bed.fixtures.instanceSize(),
        } as any,
        TEST_INSTALLATION,
      ),
    );
    const { event, job } = await requestPower(vm, 'stop');

    /** Runs what is due, then lets `ms` pass. */
    async function step(ms: number) {
      await worker.runAvailable();
      await worker.drain();
      bed.clock.advance(ms);
    }

    await sim.faults.setReachable(false);
    const outageEnds = bed.clock.now().getTime() + 15 * 60_000;
    let sawWaiting = false;
    while (bed.clock.now().getTime() < outageEnds) {
      await step(15_000);
      const stored = await bed.store.jobs.get(job.id);
      expect(stored?.status).toBe('queued');
      const note = (await bed.store.events.get(event.id))?.errorMessage;
      sawWaiting ||= /^Waiting for the cluster/.test(note ?? '');
    }
    expect(sawWaiting).toBe(true);
    expect(await bed.store.events.get(event.id)).toMatchObject({
      status: 'PROCESSING',
      errorMessage: expect.stringMatching(/circuit open|ECONNREFUSED/),
    });

    await sim.faults.setReachable(true);
    for (let round = 0; round < 20; round++) {
      await step(15_000);
      if ((await bed.store.jobs.get(job.id))?.status === 'succeeded') break;
    }
    const finished = await bed.store.jobs.get(job.id);
    expect(finished).toMatchObject({ status: 'succeeded' });
    // The failures before the circuit opened used attempts; the wait used none.
    expect(finished!.attempt).toBeLessThan(VM_JOB_MAX_ATTEMPTS);
    expect(await bed.store.events.get(event.id)).toMatchObject({
      status: 'COMPLETED',
      errorMessage: undefined,
    });
    expect((await bed.store.vms.get(vm.id))?.status).toBe('STOPPED');
  });

  it('fails a job whose cluster stays out longer than the longest wait, saying so', async () => {
    const provider = KubeVirtVmProvider.create({
      logger: mockServices.logger.mock(),
      clock: { now: () => bed.clock.now().getTime() },
    });
    const { worker } = jobsOn(provider);
    const vm = await bed.vm({ status: 'RUNNING' });
    const { event, job } = await requestPower(vm, 'stop');

    await sim.faults.setReachable(false);
    for (let round = 0; round < 200; round++) {
      await worker.runAvailable();
      await worker.drain();
      if ((await bed.store.jobs.get(job.id))?.status === 'failed') break;
      bed.clock.advance(60_000);
    }
    expect(await bed.store.jobs.get(job.id)).toMatchObject({
      status: 'failed',
    });
    expect(await bed.store.events.get(event.id)).toMatchObject({
      status: 'FAILED',
      errorMessage: expect.stringMatching(
        /^The cluster did not recover within 60 minutes: /,
      ),
    });
    expect((await bed.store.vms.get(vm.id))?.status).toBe('FAILED');
  });

  it('makes no cluster call and writes nothing once its job is cancelled mid-call', async () => {
    let releaseStop = () => {};
    const provider = new (class extends RecordingProvider {
      async stopVirtualMachine() {
        this.calls.push('stopVirtualMachine');
        await new Promise<void>(resolve => (releaseStop = resolve));
      }
    })([{ status: 'STOPPED' }]);
    const { worker, timers } = jobsOn(provider);
    const cluster = await bed.fixtures.cluster({ providerType: provider.type });
    const vm = await bed.vm({ clusterId: cluster.id, status: 'RUNNING' });
    const { event, job } = await requestPower(vm, 'stop');

    expect(await worker.runAvailable()).toBe(1);
    await bed.store.jobs.cancel(job.id, bed.clock.now().toISOString());
    // The heartbeat finds the cancel and aborts the job while the stop is under way.
    await timers.tickIntervals();
    releaseStop();
    await worker.drain();

    // The ownership read, then the stop that was under way when the job was cancelled.
    expect(provider.calls).toEqual(['getVirtualMachine', 'stopVirtualMachine']);
    expect((await bed.store.vms.get(vm.id))?.status).toBe('RUNNING');
    expect(await bed.store.jobs.get(job.id)).toMatchObject({
      status: 'cancelled',
    });
    expect((await bed.store.events.get(event.id))?.status).toBe('PROCESSING');
  });
});
