import * as k8s from '@kubernetes/client-node';
import { KubevirtSimulator, start } from './simulator';
import { clientsFor, rawRequest, statusOf } from './__testUtils__/clients';
import { eventually } from './__testUtils__/eventually';

describe('fault injection', () => {
  let sim: KubevirtSimulator;

  beforeEach(async () => {
    sim = await start({ vnc: false });
  });
  afterEach(() => sim.close());

  it('adds latency to matching requests only', async () => {
    const fault = sim.faults.inject({
      kind: 'latency',
      method: 'GET',
      path: '^/api/v1/namespaces$',
      latencyMs: 300,
    });
    const began = Date.now();
    await clientsFor(sim).core.listNamespace();
    expect(Date.now() - began).toBeGreaterThanOrEqual(290);
    await rawRequest(sim, 'GET', '/version');
    await rawRequest(sim, 'POST', '/api/v1/namespaces', {
      body: { metadata: { name: 'fast' } },
    });
    expect(fault.hits).toBe(1);
  });

  it('answers a 5xx Status a given number of times', async () => {
    const fault = sim.faults.inject({
      kind: 'error',
      status: 500,
      path: /\/namespaces/,
      times: 2,
      message: 'etcd is on fire',
    });
    const { core } = clientsFor(sim);
    const first = await statusOf(core.listNamespace());
    expect(first).toMatchObject({
      code: 500,
      status: {
        kind: 'Status',
        reason: 'InternalError',
        message: 'etcd is on fire',
        code: 500,
      },
    });
    expect((await statusOf(core.readNamespace({ name: 'default' }))).code).toBe(
      500,
    );
    expect((await core.listNamespace()).items.length).toBeGreaterThan(0);
    expect(fault.hits).toBe(2);

    sim.faults.inject({ kind: 'error', path: '/version' });
    expect((await rawRequest(sim, 'GET', '/version')).json).toMatchObject({
      reason: 'ServiceUnavailable',
      code: 503,
    });
  });

  it('answers 409 Conflict on writes', async () => {
    sim.faults.inject({
      kind: 'conflict',
      method: 'POST',
      path: '^/api/v1/namespaces$',
      times: 1,
    });
    const { core } = clientsFor(sim);
    const conflict = await statusOf(
      core.createNamespace({ body: { metadata: { name: 'retry-me' } } }),
    );
    expect(conflict).toMatchObject({
      code: 409,
      status: { reason: 'Conflict' },
    });
    expect(
      sim.objects.get('namespaces', undefined, 'retry-me'),
    ).toBeUndefined();
    await core.createNamespace({ body: { metadata: { name: 'retry-me' } } });
  });

  it('denies writes as an admission webhook does: 422 Invalid with its message', async () => {
    const reason = 'x'.repeat(2_000);
    sim.faults.inject({
      kind: 'denied',
      method: 'POST',
      path: '^/api/v1/namespaces$',
      times: 1,
      message: reason,
    });
    const { core } = clientsFor(sim);
    const denied = await statusOf(
      core.createNamespace({ body: { metadata: { name: 'denied' } } }),
    );
    expect(denied).toMatchObject({
      code: 422,
      status: {
        reason: 'Invalid',
        message: `admission webhook "faults.kubevirt-sim.io" denied the request: ${reason}`,
      },
    });
    expect(sim.objects.get('namespaces', undefined, 'denied')).toBeUndefined();
    await core.createNamespace({ body: { metadata: { name: 'denied' } } });
  });

  it('hangs until the client gives up', async () => {
    sim.faults.inject({ kind: 'hang', path: '^/api/v1/namespaces/default$' });
    await expect(
      rawRequest(sim, 'GET', '/api/v1/namespaces/default', { timeoutMs: 200 }),
    ).rejects.toThrow('client timeout');
  });

  it('drops connections', async () => {
    sim.faults.inject({ kind: 'drop', times: 1 });
    await expect(rawRequest(sim, 'GET', '/version')).rejects.toThrow(
      /socket hang up|ECONNRESET/,
    );
    expect((await rawRequest(sim, 'GET', '/version')).status).toBe(200);
  });

  it('applies probabilistic faults repeatably from the seed', async () => {
    const outcomes = async () => {
      const s = await start({ vnc: false, seed: 42 });
      s.faults.inject({ kind: 'error', path: '/version', probability: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++)
        statuses.push((await rawRequest(s, 'GET', '/version')).status);
      await s.close();
      return statuses;
    };
    const first = await outcomes();
    expect(first).toContain(200);
    expect(first).toContain(503);
    expect(await outcomes()).toEqual(first);
  });

  it('becomes unreachable and comes back on the same port', async () => {
    const { core } = clientsFor(sim);
    await sim.faults.setReachable(false);
    expect(sim.faults.reachable).toBe(false);
    await expect(core.listNamespace()).rejects.toThrow(/ECONNREFUSED/);
    await sim.faults.setReachable(true);
    expect((await core.listNamespace()).items.length).toBeGreaterThan(0);
  });

  it('can be removed and cleared', async () => {
    const fault = sim.faults.inject({ kind: 'error', path: '/version' });
    expect(sim.faults.list()).toHaveLength(1);
    fault.remove();
    expect((await rawRequest(sim, 'GET', '/version')).status).toBe(200);
    sim.faults.inject({ kind: 'drop' });
    sim.faults.clear();
    expect((await rawRequest(sim, 'GET', '/version')).status).toBe(200);
    expect(() => sim.faults.inject({ kind: 'error', status: 404 })).toThrow();
  });

  it('reaches a client-node Watch too: a dropped watch is reported as an error', async () => {
    const kc = clientsFor(sim).kc;
    sim.faults.inject({ kind: 'drop', path: '^/api/v1/namespaces$', times: 1 });
    const done = new Promise<unknown>(resolve => {
      void new k8s.Watch(kc).watch(
        '/api/v1/namespaces',
        {},
        () => {},
        error => resolve(error),
      );
    });
    expect(await done).toBeTruthy();
  });

  it('cuts open watches mid-stream, all or by path', async () => {
    const kc = clientsFor(sim).kc;
    const ended: unknown[] = [];
    const received: string[] = [];
    const controller = await new k8s.Watch(kc).watch(
      '/api/v1/namespaces',
      {},
      type => received.push(type),
      error => ended.push(error),
    );
    await eventually(() => expect(received.length).toBeGreaterThan(0));
    expect(sim.watches.open()).toBe(1);
    expect(sim.faults.dropWatches({ path: /virtualmachines/ })).toBe(0);
    expect(sim.watches.open('^/api/v1/namespaces$')).toBe(1);

    expect(sim.faults.dropWatches()).toBe(1);
    await eventually(() => expect(ended).toHaveLength(1));
    expect(sim.watches.open()).toBe(0);
    controller.abort();
  });

  it('fails new watch requests only, while lists and writes work', async () => {
    const { core, kc } = clientsFor(sim);
    const fault = sim.faults.inject({
      kind: 'error',
      status: 503,
      watch: true,
    });
    const failed = await new Promise<any>(resolve => {
      void new k8s.Watch(kc).watch('/api/v1/namespaces', {}, () => {}, resolve);
    });
    expect(failed).toMatchObject({ statusCode: 503 });
    expect((await core.listNamespace()).items.length).toBeGreaterThan(0);
    await core.createNamespace({
      body: { metadata: { name: 'still-writable' } },
    });
    expect(fault.hits).toBe(1);

    sim.faults.inject({ kind: 'drop', watch: true, times: 1 });
    fault.remove();
    const reset = await new Promise<any>(resolve => {
      void new k8s.Watch(kc).watch('/api/v1/namespaces', {}, () => {}, resolve);
    });
    expect(String(reset?.code ?? reset?.message)).toMatch(
      /ECONNRESET|socket hang up/,
    );
    const events: string[] = [];
    const working = await new k8s.Watch(kc).watch(
      '/api/v1/namespaces',
      {},
      type => events.push(type),
      () => {},
    );
    await eventually(() => expect(events).toContain('ADDED'));
    working.abort();
  });
});
