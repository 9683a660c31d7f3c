import { ClusterClient } from '../client/ClusterClient';
import { Reflector, ReflectorSink, WatchedObject } from './Reflector';

/*
 * The reflector's list against a client that answers pages as the test decides; the watch
 * and its retries are covered against the simulator (integration/watch.test.ts).
 */

interface Page {
  items: WatchedObject[];
  metadata: { continue?: string; resourceVersion: string };
}

/** A client whose list calls wait for the test to answer them, page by page. */
function pagedClient() {
  const requests: Array<{
    continueToken?: string;
    answer: (page: Page) => void;
  }> = [];
  const waiting: Array<() => void> = [];
  const client = {
    call: (_action: string, run: (apis: unknown) => Promise<unknown>) =>
      run({
        custom: {
          listClusterCustomObject: ({ _continue }: { _continue?: string }) =>
            new Promise<Page>(resolve => {
              requests.push({ continueToken: _continue, answer: resolve });
              waiting.splice(0).forEach(wake => wake());
            }),
        },
      }),
    watch: () => new Promise(() => {}),
  } as unknown as ClusterClient;
  /** The next list request, once it is made. */
  const nextRequest = async () => {
    while (requests.length === 0) {
      await new Promise<void>(wake => waiting.push(wake));
    }
    return requests.shift()!;
  };
  return { client, nextRequest };
}

const vm = (name: string) => ({
  metadata: { name, namespace: 'dev', resourceVersion: '7' },
});

/** A reflector of VMs over `client` into `sink`, until `stop` aborts. */
function vmReflector(
  client: ClusterClient,
  sink: ReflectorSink<WatchedObject>,
  stop: AbortController,
) {
  return new Reflector(
    client,
    { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachines' },
    sink,
    { signal: stop.signal, resyncIntervalMs: 60_000, onInterrupted: () => {} },
  );
}

describe('Reflector', () => {
  it('delivers nothing of a list that was stopped between two pages', async () => {
    const { client, nextRequest } = pagedClient();
    const replaced: WatchedObject[][] = [];
    const sink: ReflectorSink<WatchedObject> = {
      replace: items => replaced.push(items),
      apply: () => {},
    };
    const stop = new AbortController();
    const reflector = vmReflector(client, sink, stop);
    const running = reflector.run();

    (await nextRequest()).answer({
      items: [vm('dev-a-01')],
      metadata: { continue: 'page-2', resourceVersion: '7' },
    });
    const second = await nextRequest();
    expect(second.continueToken).toBe('page-2');
    // Stopped (shutdown, a lost lease) while the second page is on its way.
    stop.abort();
    second.answer({
      items: [vm('dev-b-01')],
      metadata: { resourceVersion: '7' },
    });
    await running;

    // Half a list would say that every VM on the pages not read is gone.
    expect(replaced).toEqual([]);
  });

  it('delivers a list of several pages as one complete list', async () => {
    const { client, nextRequest } = pagedClient();
    const replaced: Array<{ names: string[]; revision: string }> = [];
    const stop = new AbortController();
    const reflector = vmReflector(
      client,
      {
        replace: (items, revision) => {
          replaced.push({
            names: items.map(item => item.metadata?.name ?? ''),
            revision,
          });
          stop.abort();
        },
        apply: () => {},
      },
      stop,
    );
    const running = reflector.run();
    (await nextRequest()).answer({
      items: [vm('dev-a-01')],
      metadata: { continue: 'page-2', resourceVersion: '7' },
    });
    (await nextRequest()).answer({
      items: [vm('dev-b-01')],
      metadata: { resourceVersion: '9' },
    });
    await running;
    // The revision is the first page's: every page is served from its snapshot.
    expect(replaced).toEqual([
      { names: ['dev-a-01', 'dev-b-01'], revision: '7' },
    ]);
  });
});
