import * as k8s from '@kubernetes/client-node';
import { KubevirtSimulator, start } from './simulator';
import {
  KUBEVIRT,
  clientsFor,
  mergePatch,
  rawRequest,
  vmManifest,
} from './__testUtils__/clients';
import { eventually } from './__testUtils__/eventually';

const NAMESPACE = 'watched';
const VMS_PATH = `/apis/kubevirt.io/v1/namespaces/${NAMESPACE}/virtualmachines`;

interface Received {
  type: string;
  object: any;
}

/** A client-node watch whose events and end are recorded for assertions. */
function recordWatch(
  sim: KubevirtSimulator,
  query: Record<string, string | boolean | number>,
  path = VMS_PATH,
) {
  const events: Received[] = [];
  const state: { done: boolean; error: unknown } = {
    done: false,
    error: undefined,
  };
  const controller = new k8s.Watch(clientsFor(sim).kc).watch(
    path,
    query,
    (type, object) => events.push({ type, object }),
    error => {
      state.done = true;
      state.error = error;
    },
  );
  return {
    events,
    state,
    /** Ends the watch from the client's side. */
    abort: async () => (await controller).abort(),
    names: (type: string) =>
      events.filter(e => e.type === type).map(e => e.object.metadata.name),
  };
}

describe('watch semantics', () => {
  let sim: KubevirtSimulator;
  let clients: ReturnType<typeof clientsFor>;
  const vms = { ...KUBEVIRT, namespace: NAMESPACE, plural: 'virtualmachines' };

  const createVm = (name: string) =>
    clients.custom.createNamespacedCustomObject({
      ...vms,
      body: vmManifest(name, NAMESPACE, { runStrategy: 'Halted' }),
    });
  const deleteVm = (name: string) =>
    clients.custom.deleteNamespacedCustomObject({ ...vms, name });
  /** A write to another resource: the revision moves, the VM watch sees no event. */
  const touchAnotherResource = (name: string) =>
    clients.core.createNamespace({ body: { metadata: { name } } });

  beforeEach(async () => {
    sim = await start({ vnc: false, namespaces: [NAMESPACE] });
    clients = clientsFor(sim);
  });
  afterEach(() => sim.close());

  it('lists carry the collection resourceVersion to start a watch from', async () => {
    await createVm('listed');
    const list = (await clients.custom.listNamespacedCustomObject(vms)) as any;
    expect(list.metadata.resourceVersion).toBe(sim.resourceVersion);
    const table = await rawRequest(sim, 'GET', VMS_PATH, {
      headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' },
    });
    expect(table.json.metadata.resourceVersion).toBe(sim.resourceVersion);
  });

  it('sends bookmarks with only kind, apiVersion and the current resourceVersion when asked', async () => {
    const withBookmarks = recordWatch(sim, {
      allowWatchBookmarks: true,
      resourceVersion: sim.resourceVersion,
    });
    const without = recordWatch(sim, {
      resourceVersion: sim.resourceVersion,
      timeoutSeconds: 1,
    });
    await eventually(() => expect(sim.watches.open(VMS_PATH)).toBe(2));
    await touchAnotherResource('elsewhere');
    const moved = sim.resourceVersion;

    await eventually(() =>
      expect(withBookmarks.events).toContainEqual({
        type: 'BOOKMARK',
        object: {
          kind: 'VirtualMachine',
          apiVersion: 'kubevirt.io/v1',
          metadata: { resourceVersion: moved },
        },
      }),
    );
    // The other watch ends after its timeoutSeconds, cleanly, without a bookmark.
    await eventually(() => expect(without.state.done).toBe(true));
    expect(without.state.error).toBeNull();
    expect(without.events).toEqual([]);
    expect(withBookmarks.state.done).toBe(false);
    await withBookmarks.abort();
  });

  it('resumes from a resourceVersion with exactly the changes after it', async () => {
    await createVm('before');
    const from = sim.resourceVersion;
    await createVm('after');
    await deleteVm('before');
    const watch = recordWatch(sim, { resourceVersion: from });
    await eventually(() =>
      expect(watch.events.map(e => e.type)).toContain('DELETED'),
    );
    expect(watch.names('ADDED')).toEqual(['after']);
    expect(watch.names('DELETED')).toEqual(['before']);
    const versions = watch.events.map(e =>
      Number(e.object.metadata.resourceVersion),
    );
    expect(versions.every(v => v > Number(from))).toBe(true);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);

    await createVm('live');
    await eventually(() => expect(watch.names('ADDED')).toContain('live'));
    await watch.abort();
  });

  it('filters by selector as the watch cache does: an object leaving the selection is DELETED, one entering it ADDED', async () => {
    await clients.custom.createNamespacedCustomObject({
      ...vms,
      body: vmManifest('labelled', NAMESPACE, {
        runStrategy: 'Halted',
        labels: { team: 'a' },
      }),
    });
    const watch = recordWatch(sim, {
      labelSelector: 'team=a',
      resourceVersion: sim.resourceVersion,
    });
    const relabel = (team: string) =>
      clients.custom.patchNamespacedCustomObject(
        { ...vms, name: 'labelled', body: { metadata: { labels: { team } } } },
        mergePatch,
      );
    const left = (await relabel('b')) as any;
    await relabel('c'); // unseen: matched neither before nor after
    const back = (await relabel('a')) as any;
    await eventually(() => expect(watch.events).toHaveLength(2));
    expect(watch.events[0]).toMatchObject({
      type: 'DELETED',
      object: {
        metadata: {
          labels: expect.objectContaining({ team: 'a' }),
          resourceVersion: left.metadata.resourceVersion,
        },
      },
    });
    expect(watch.events[1]).toMatchObject({
      type: 'ADDED',
      object: {
        metadata: {
          labels: expect.objectContaining({ team: 'a' }),
          resourceVersion: back.metadata.resourceVersion,
        },
      },
    });
    await watch.abort();
  });

  it('answers 410 Expired for a resourceVersion compacted away; a bookmark keeps a watch resumable', async () => {
    const old = sim.resourceVersion;
    const bookmarked = recordWatch(sim, {
      allowWatchBookmarks: true,
      resourceVersion: old,
    });
    await touchAnotherResource('moves-the-revision');
    const current = sim.resourceVersion;
    await eventually(() =>
      expect(
        bookmarked.events.some(
          e =>
            e.type === 'BOOKMARK' &&
            e.object.metadata.resourceVersion === current,
        ),
      ).toBe(true),
    );
    await bookmarked.abort();

    expect(sim.watches.compact()).toBe(current);

    const expired = recordWatch(sim, { resourceVersion: old });
    await eventually(() => expect(expired.state.done).toBe(true));
    expect(expired.events).toEqual([
      {
        type: 'ERROR',
        object: expect.objectContaining({
          kind: 'Status',
          status: 'Failure',
          reason: 'Expired',
          code: 410,
          message: `too old resource version: ${old} (${current})`,
        }),
      },
    ]);

    const resumed = recordWatch(sim, { resourceVersion: current });
    await createVm('after-compaction');
    await eventually(() =>
      expect(resumed.names('ADDED')).toEqual(['after-compaction']),
    );
    expect(resumed.events.some(e => e.type === 'ERROR')).toBe(false);
    await resumed.abort();
  });

  it('keeps a bounded history: older resourceVersions expire on their own', async () => {
    const small = await start({
      vnc: false,
      namespaces: [NAMESPACE],
      watch: { historySize: 3 },
    });
    try {
      const smallClients = clientsFor(small);
      const from = small.resourceVersion;
      for (const name of ['h1', 'h2', 'h3', 'h4']) {
        await smallClients.core.createNamespace({
          body: { metadata: { name } },
        });
      }
      const expired = recordWatch(small, { resourceVersion: from });
      await eventually(() => expect(expired.state.done).toBe(true));
      expect(expired.events[0].object).toMatchObject({ code: 410 });
      const recent = recordWatch(
        small,
        { resourceVersion: String(Number(small.resourceVersion) - 3) },
        '/api/v1/namespaces',
      );
      await eventually(() =>
        expect(recent.names('ADDED')).toEqual(['h2', 'h3', 'h4']),
      );
      await recent.abort();
    } finally {
      await small.close();
    }
  });

  it('sends initial events and the initial-events-end bookmark (watch list)', async () => {
    await createVm('existing-1');
    await createVm('existing-2');
    const atStart = sim.resourceVersion;
    const watch = recordWatch(sim, {
      sendInitialEvents: true,
      resourceVersionMatch: 'NotOlderThan',
      allowWatchBookmarks: true,
    });
    await eventually(() =>
      expect(watch.events.map(e => e.type)).toContain('BOOKMARK'),
    );
    expect(watch.events[0].type).toBe('ADDED');
    expect(watch.events.slice(0, 3)).toEqual([
      expect.objectContaining({ type: 'ADDED' }),
      expect.objectContaining({ type: 'ADDED' }),
      {
        type: 'BOOKMARK',
        object: {
          kind: 'VirtualMachine',
          apiVersion: 'kubevirt.io/v1',
          metadata: {
            resourceVersion: atStart,
            annotations: { 'k8s.io/initial-events-end': 'true' },
          },
        },
      },
    ]);
    expect(watch.names('ADDED')).toEqual(['existing-1', 'existing-2']);
    await watch.abort();

    const invalid = await rawRequest(
      sim,
      'GET',
      `${VMS_PATH}?watch=true&sendInitialEvents=true`,
    );
    expect(invalid.status).toBe(422);
    expect(invalid.json).toMatchObject({
      reason: 'Invalid',
      message:
        'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan',
      details: {
        kind: 'ListOptions',
        causes: [
          expect.objectContaining({
            reason: 'FieldValueForbidden',
            field: 'resourceVersionMatch',
          }),
        ],
      },
    });
  });

  it('lists at an exact past resourceVersion, 410 once compacted, 504 for one not reached', async () => {
    await createVm('one');
    const rv = sim.resourceVersion;
    await createVm('two');
    await deleteVm('one');
    const past = await rawRequest(
      sim,
      'GET',
      `${VMS_PATH}?resourceVersion=${rv}&resourceVersionMatch=Exact`,
    );
    expect(past.status).toBe(200);
    expect(past.json.metadata.resourceVersion).toBe(rv);
    expect(past.json.items.map((i: any) => i.metadata.name)).toEqual(['one']);
    expect(
      Number(past.json.items[0].metadata.resourceVersion),
    ).toBeLessThanOrEqual(Number(rv));

    sim.watches.compact();
    const gone = await rawRequest(
      sim,
      'GET',
      `${VMS_PATH}?resourceVersion=${rv}&resourceVersionMatch=Exact`,
    );
    expect(gone.status).toBe(410);
    expect(gone.json).toMatchObject({ reason: 'Expired', code: 410 });
    const exactNow = await rawRequest(
      sim,
      'GET',
      `${VMS_PATH}?resourceVersion=${sim.resourceVersion}&resourceVersionMatch=Exact`,
    );
    expect(exactNow.json.items.map((i: any) => i.metadata.name)).toEqual([
      'two',
    ]);

    const future = String(Number(sim.resourceVersion) + 100);
    const tooLarge = await rawRequest(
      sim,
      'GET',
      `${VMS_PATH}?resourceVersion=${future}`,
    );
    expect(tooLarge.status).toBe(504);
    expect(tooLarge.json).toMatchObject({
      reason: 'Timeout',
      details: { causes: [{ reason: 'ResourceVersionTooLarge' }] },
    });
  });

  it('bounds its watch options', async () => {
    await expect(
      start({ vnc: false, watch: { bookmarkIntervalMs: 0 } }),
    ).rejects.toThrow(/bookmarkIntervalMs/);
    await expect(
      start({
        vnc: false,
        watch: { bookmarkIntervalMs: 10 * 24 * 3600 * 1000 },
      }),
    ).rejects.toThrow(/bookmarkIntervalMs/);
    await expect(
      start({ vnc: false, watch: { historySize: -1 } }),
    ).rejects.toThrow(/history size/);
    const invalid = await rawRequest(
      sim,
      'GET',
      `${VMS_PATH}?watch=true&resourceVersion=abc`,
    );
    expect(invalid.status).toBe(400);
  });

  describe("client-node's informer", () => {
    /** An informer on the namespace's VMs that counts its lists and records its errors. */
    function informerOf() {
      const counts = { lists: 0 };
      const errors: any[] = [];
      const informer = k8s.makeInformer(clientsFor(sim).kc, VMS_PATH, () => {
        counts.lists += 1;
        return clients.custom.listNamespacedCustomObject(vms) as any;
      });
      informer.on('error', error => errors.push(error));
      const cached = () =>
        informer
          .list(NAMESPACE)
          .map(o => o.metadata!.name)
          .sort();
      return { informer, counts, errors, cached };
    }

    it('resumes after a dropped watch, and relists after 410 Gone, ending with the cluster state', async () => {
      await createVm('a');
      await createVm('b');
      const { informer, counts, errors, cached } = informerOf();
      await informer.start();
      await eventually(() => expect(sim.watches.open(VMS_PATH)).toBe(1));
      expect(cached()).toEqual(['a', 'b']);

      // New watches fail while the open one is cut: the informer reports an error.
      const refuseWatches = sim.faults.inject({
        kind: 'error',
        status: 503,
        watch: true,
      });
      expect(sim.faults.dropWatches({ path: /virtualmachines$/ })).toBe(1);
      await eventually(() => expect(errors.length).toBeGreaterThan(0));
      expect(sim.watches.open(VMS_PATH)).toBe(0);
      // Lists and writes still work.
      await createVm('c');
      expect(refuseWatches.hits).toBeLessThanOrEqual(1);

      refuseWatches.remove();
      await informer.start();
      await eventually(() => expect(cached()).toEqual(['a', 'b', 'c']));
      expect(counts.lists).toBe(1); // resumed from its resourceVersion

      // Cut again, change while disconnected and compact: the resume gets 410 and relists.
      const errorsBefore = errors.length;
      const resetWatches = sim.faults.inject({ kind: 'drop', watch: true });
      expect(sim.faults.dropWatches()).toBe(1);
      await eventually(() =>
        expect(errors.length).toBeGreaterThan(errorsBefore),
      );
      resetWatches.remove();
      await deleteVm('a');
      await createVm('d');
      sim.watches.compact();
      await informer.start();
      await eventually(() => expect(cached()).toEqual(['b', 'c', 'd']));
      expect(counts.lists).toBe(2);
      expect(
        (
          informer as unknown as k8s.ListWatch<k8s.KubernetesObject>
        ).latestResourceVersion(),
      ).toBe(sim.resourceVersion);

      // And it follows live changes again.
      await deleteVm('b');
      await eventually(() => expect(cached()).toEqual(['c', 'd']));
      await informer.stop();
    });
  });
});
