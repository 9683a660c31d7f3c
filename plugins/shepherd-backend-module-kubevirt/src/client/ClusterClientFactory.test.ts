import { mockServices } from '@backstage/backend-test-utils';
import { ShepherdProviderError } from '@kubevirt-shepherd/plugin-shepherd-node';
import { stringify } from 'yaml';
import { DEFAULT_KUBEVIRT_PROVIDER_OPTIONS } from '../options';
import { ClusterClientFactory } from './ClusterClientFactory';

function kubeconfig(token: string, server = 'https://127.0.0.1:6443'): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'c', cluster: { server } }],
    users: [{ name: 'u', user: { token } }],
    contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'u' } }],
    'current-context': 'ctx',
  });
}

function factory() {
  const logger = mockServices.logger.mock();
  return {
    logger,
    clients: new ClusterClientFactory(
      DEFAULT_KUBEVIRT_PROVIDER_OPTIONS,
      { now: () => 0 },
      logger,
    ),
  };
}

describe('ClusterClientFactory', () => {
  it('reuses the client of a cluster while its kubeconfig stays the same', async () => {
    const { clients } = factory();
    const cluster = { id: 'c1', name: 'one', kubeconfig: kubeconfig('a') };
    const first = await clients.forCluster(cluster);
    expect(await clients.forCluster({ ...cluster })).toBe(first);
    expect(
      await clients.forCluster({
        id: 'c2',
        name: 'two',
        kubeconfig: kubeconfig('a'),
      }),
    ).not.toBe(first);
  });

  it('creates a new client when the credentials rotate, keeping the guard of the cluster', async () => {
    const { clients, logger } = factory();
    const first = await clients.forCluster({
      id: 'c1',
      name: 'one',
      kubeconfig: kubeconfig('a'),
    });
    const guard = clients.guardFor('c1', 'one');
    const rotated = await clients.forCluster({
      id: 'c1',
      name: 'one',
      kubeconfig: kubeconfig('b'),
    });
    expect(rotated).not.toBe(first);
    expect(clients.guardFor('c1', 'one')).toBe(guard);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('Credentials of cluster one changed'),
      { clusterId: 'c1' },
    );
  });

  it('rejects an unreadable kubeconfig without quoting it, and does not cache the failure', async () => {
    const { clients, logger } = factory();
    const secret = 'token: s3cr3t-value\n  bad: [indentation';
    const error = await clients
      .forCluster({ id: 'c1', name: 'one', kubeconfig: secret })
      .catch(e => e);
    expect(error).toBeInstanceOf(ShepherdProviderError);
    expect(error.kind).toBe('permanent');
    expect(error.message).toBe('The kubeconfig of cluster one cannot be read');
    expect(JSON.stringify(logger.info.mock.calls)).not.toContain('s3cr3t');

    await expect(
      clients.forCluster({
        id: 'c1',
        name: 'one',
        kubeconfig: kubeconfig('a'),
      }),
    ).resolves.toBeDefined();
  });
});
