import { KubevirtSimulator } from '@kubevirt-shepherd/kubevirt-sim';
import {
  ShepherdClusterConnection,
  ShepherdProviderError,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { definition, ownerOf } from '../__testUtils__/definitions';
import {
  ManualClock,
  connectionTo,
  createProvider,
  startSimulator,
} from '../__testUtils__/simulator';

/*
 * Timeouts, the per-cluster circuit breaker and concurrency limit, unreachable clusters
 * and rotated credentials, against the simulator's fault injection over HTTPS. The breaker's
 * clock is a manual one: "60 seconds later" costs no time.
 */

let sim: KubevirtSimulator;

const vm = definition({
  namespace: 'resilience',
  name: 'resilience-shop-web-01',
});
const ref = { namespace: vm.namespace, name: vm.name };

beforeAll(async () => {
  sim = await startSimulator({ namespaces: ['resilience'] });
  const provider = createProvider();
  await provider.applyVirtualMachine(connectionTo(sim), vm);
});

afterEach(async () => {
  sim.faults.clear();
  if (!sim.faults.reachable) await sim.faults.setReachable(true);
});

afterAll(async () => {
  await sim?.close();
});

async function failure(
  promise: Promise<unknown>,
): Promise<ShepherdProviderError> {
  const error = await promise.then(
    () => undefined,
    e => e,
  );
  expect(error).toBeInstanceOf(ShepherdProviderError);
  return error;
}

describe('circuit breaker', () => {
  let clock: ManualClock;
  let cluster: ShepherdClusterConnection;
  let provider: ReturnType<typeof createProvider>;

  beforeEach(() => {
    clock = new ManualClock();
    provider = createProvider({}, clock);
    cluster = connectionTo(sim);
  });

  async function openTheCircuit() {
    const fault = sim.faults.inject({ kind: 'error', status: 503 });
    for (let i = 0; i < 5; i++) {
      expect(await provider.getVirtualMachine(cluster, ref)).toMatchObject({
        status: 'UNKNOWN',
        message: expect.stringMatching(/HTTP 503/),
      });
    }
    return fault;
  }

  it('opens after 5 failures (5xx) and fails fast without reaching the cluster', async () => {
    const fault = await openTheCircuit();
    expect(fault.hits).toBe(5);

    expect(await provider.getVirtualMachine(cluster, ref)).toMatchObject({
      status: 'UNKNOWN',
      message: expect.stringMatching(
        /circuit open after 5 consecutive failures/,
      ),
    });
    const error = await failure(provider.applyVirtualMachine(cluster, vm));
    expect(error.kind).toBe('transient');
    expect(error.message).toMatch(/circuit open/);
    expect(await provider.inspectCluster(cluster)).toMatchObject({
      status: 'UNREACHABLE',
      message: expect.stringMatching(/circuit open/),
    });
    expect(fault.hits).toBe(5);
  });

  it('lets one trial call through after 60 s, and its success closes the circuit', async () => {
    await openTheCircuit();
    sim.faults.clear();

    clock.advance(59_000);
    expect((await provider.getVirtualMachine(cluster, ref)).message).toMatch(
      /circuit open/,
    );

    clock.advance(1_000);
    expect(await provider.getVirtualMachine(cluster, ref)).toMatchObject({
      status: 'RUNNING',
    });
    await expect(
      provider.applyVirtualMachine(cluster, vm),
    ).resolves.toBeDefined();
  });

  it('re-opens when the trial call fails', async () => {
    const fault = await openTheCircuit();
    clock.advance(60_000);
    expect((await provider.getVirtualMachine(cluster, ref)).message).toMatch(
      /HTTP 503/,
    );
    expect(fault.hits).toBe(6);
    expect((await provider.getVirtualMachine(cluster, ref)).message).toMatch(
      /circuit open/,
    );
    expect(fault.hits).toBe(6);
  });

  it('tells callers how long the circuit stays open, from the failure that opens it on', async () => {
    const fault = sim.faults.inject({ kind: 'error', status: 503 });
    const start = () => failure(provider.startVirtualMachine(cluster, ref));
    for (let i = 0; i < 4; i++) {
      expect((await start()).retryAfterMs).toBeUndefined();
    }
    // The fifth failure opens the circuit: it says so, like the calls turned away after it.
    expect(await start()).toMatchObject({
      kind: 'transient',
      message: expect.stringMatching(/HTTP 503/),
      retryAfterMs: 60_000,
    });
    clock.advance(20_000);
    expect(await start()).toMatchObject({
      message: expect.stringMatching(/circuit open/),
      retryAfterMs: 40_000,
    });
    expect(fault.hits).toBe(5);

    // The trial fails: another full period.
    clock.advance(40_000);
    expect(await start()).toMatchObject({
      message: expect.stringMatching(/HTTP 503/),
      retryAfterMs: 60_000,
    });
    expect(fault.hits).toBe(6);
  });

  it('keeps other clusters out of it', async () => {
    await openTheCircuit();
    sim.faults.clear();
    const other = connectionTo(sim);
    expect(await provider.getVirtualMachine(other, ref)).toMatchObject({
      status: 'RUNNING',
    });
  });

  it('does not count answers such as 409 or 404 as failures', async () => {
    sim.faults.inject({ kind: 'conflict', method: 'PATCH' });
    for (let i = 0; i < 6; i++) {
      expect(
        (await failure(provider.applyVirtualMachine(cluster, vm))).kind,
      ).toBe('conflict');
    }
    for (let i = 0; i < 6; i++) {
      expect(
        await provider.getVirtualMachine(cluster, {
          namespace: vm.namespace,
          name: `missing-${i}`,
        }),
      ).toMatchObject({ status: 'NOT_FOUND' });
    }
    sim.faults.clear();
    await expect(
      provider.applyVirtualMachine(cluster, vm),
    ).resolves.toBeDefined();
  });
});

describe('timeouts', () => {
  const provider = createProvider({ requestTimeoutMs: 300 });

  it('gives up on a slow typed read and reports the VM as UNKNOWN', async () => {
    // Never answered: only the request timeout can end the read.
    sim.faults.inject({
      kind: 'hang',
      method: 'GET',
      path: '/virtualmachines/',
    });
    expect(
      await provider.getVirtualMachine(connectionTo(sim), ref),
    ).toMatchObject({
      status: 'UNKNOWN',
      message: expect.stringMatching(/timed out/),
    });
  });

  it('gives up on a request that never gets an answer (server-side apply)', async () => {
    sim.faults.inject({ kind: 'hang', method: 'PATCH' });
    const error = await failure(
      provider.applyVirtualMachine(connectionTo(sim), vm),
    );
    expect(error.kind).toBe('transient');
    expect(error.message).toMatch(/timed out \(no answer within 300 ms\)/);
  });

  it('treats a dropped connection as transient', async () => {
    sim.faults.inject({ kind: 'drop', method: 'PUT', times: 1 });
    const error = await failure(
      provider.stopVirtualMachine(connectionTo(sim), ref),
    );
    expect(error.kind).toBe('transient');
  });
});

describe('an unreachable cluster', () => {
  it('gives UNKNOWN for a VM and UNREACHABLE for the cluster, and recovers', async () => {
    const provider = createProvider();
    const cluster = connectionTo(sim);
    await sim.faults.setReachable(false);

    expect(await provider.getVirtualMachine(cluster, ref)).toEqual({
      ...ref,
      status: 'UNKNOWN',
      message: expect.stringMatching(/cluster unreachable \(ECONNREFUSED\)/),
    });
    expect(await provider.inspectCluster(cluster)).toMatchObject({
      status: 'UNREACHABLE',
      message: expect.stringMatching(/ECONNREFUSED/),
      featureGates: [],
      storageClasses: [],
    });
    const error = await failure(
      provider.ensureNamespace(cluster, 'somewhere', 'test'),
    );
    expect(error.kind).toBe('transient');

    await sim.faults.setReachable(true);
    expect(await provider.getVirtualMachine(cluster, ref)).toMatchObject({
      status: 'RUNNING',
    });
  });
});

describe('credentials', () => {
  it('rejects a wrong token as permanent (not a failing cluster) and picks up rotated credentials', async () => {
    const provider = createProvider();
    const id = connectionTo(sim).id;
    const stale = sim.kubeconfig.replace(sim.token, 'not-the-token');
    const cluster = { id, name: sim.name, kubeconfig: stale };

    for (let i = 0; i < 6; i++) {
      const error = await failure(provider.applyVirtualMachine(cluster, vm));
      expect(error.kind).toBe('permanent');
      expect(error.statusCode).toBe(401);
      expect(error.message).not.toContain('not-the-token');
    }
    // Same cluster, new credentials: a new client, and the breaker never opened.
    expect(
      await provider.getVirtualMachine(
        { ...cluster, kubeconfig: sim.kubeconfig },
        ref,
      ),
    ).toMatchObject({ status: 'RUNNING' });
  });
});

describe('concurrency limit', () => {
  it('runs at most the configured number of requests against a cluster at once', async () => {
    const provider = createProvider({ maxConcurrentRequestsPerCluster: 2 });
    const cluster = connectionTo(sim);
    const fault = sim.faults.inject({
      kind: 'latency',
      latencyMs: 300,
      // A delete reads the VM first; these VMs do not exist, so the read is all it sends.
      method: 'GET',
    });
    const started = Date.now();
    let hitsWhenFirstDone = -1;
    const deletes = Array.from({ length: 6 }, (_, i) =>
      provider
        .deleteVirtualMachine(
          cluster,
          {
            namespace: vm.namespace,
            name: `ghost-${i}`,
          },
          ownerOf(vm),
        )
        .then(result => {
          if (hitsWhenFirstDone < 0) hitsWhenFirstDone = fault.hits;
          return result;
        }),
    );
    expect(await Promise.all(deletes)).toEqual(
      Array(6).fill({ existed: false }),
    );
    // Two at a time: three rounds of 300 ms; the third request starts only when one ends.
    expect(Date.now() - started).toBeGreaterThanOrEqual(850);
    expect(hitsWhenFirstDone).toBeLessThanOrEqual(3);
    expect(fault.hits).toBe(6);
  });
});
