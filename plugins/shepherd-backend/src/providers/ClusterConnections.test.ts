import { ShepherdVmProvider } from '@kubevirt-shepherd/plugin-shepherd-node';
import { TestDatabaseId } from '@backstage/backend-test-utils';
import { createMigratedStores } from '../database/__testUtils__/migratedStores';
import { ClusterConnections } from './ClusterConnections';
import { ClusterNotRegisteredError, ProviderNotInstalledError } from './errors';
import { VmProviderRegistry } from './VmProviderRegistry';

describe('ClusterConnections', () => {
  const databases = createMigratedStores();

  async function setUp(databaseId: TestDatabaseId) {
    const { store, fixtures } = await databases.open(databaseId);
    const registry = new VmProviderRegistry();
    const kubevirt = { type: 'kubevirt' } as ShepherdVmProvider;
    const other = { type: 'other' } as ShepherdVmProvider;
    registry.addProvider(kubevirt);
    registry.addProvider(other);
    const connections = new ClusterConnections(
      store,
      { getClusterKubeconfig: async id => `kubeconfig of ${id}` },
      registry,
    );
    return { connections, kubevirt, other, fixtures };
  }

  it.each(databases.eachSupportedId())(
    'reaches each cluster through the provider of its type, side by side, %p',
    async databaseId => {
      const { connections, kubevirt, other, fixtures } = await setUp(
        databaseId,
      );
      const first = await fixtures.cluster({ name: 'first' });
      const second = await fixtures.cluster({
        name: 'second',
        providerType: 'other',
      });

      const connectedFirst = await connections.connect(first.id);
      const connectedSecond = await connections.connect(second.id);

      expect(connectedFirst.provider).toBe(kubevirt);
      expect(connectedFirst.connection).toEqual({
        id: first.id,
        name: 'first',
        kubeconfig: `kubeconfig of ${first.id}`,
      });
      expect(connectedSecond.provider).toBe(other);
      expect(connectedSecond.cluster.providerType).toBe('other');
    },
  );

  it.each(databases.eachSupportedId())(
    'says which cluster is not registered and which provider is missing, %p',
    async databaseId => {
      const { connections, fixtures } = await setUp(databaseId);
      const orphan = await fixtures.cluster({ providerType: 'elsewhere' });

      await expect(connections.connect(orphan.id)).rejects.toBeInstanceOf(
        ProviderNotInstalledError,
      );
      await expect(connections.connect(orphan.id)).rejects.toThrow(
        'No VM provider of type elsewhere is installed in this backend',
      );
      await expect(
        connections.connect('6f1d0c5e-0000-4000-8000-000000000000'),
      ).rejects.toBeInstanceOf(ClusterNotRegisteredError);
      await expect(connections.connect(undefined)).rejects.toThrow(
        'The cluster (none) is not registered',
      );
    },
  );
});
