import { mockServices } from '@backstage/backend-test-utils';
import { ShepherdCluster } from '@kubevirt-shepherd/plugin-shepherd-common';
import { Fixtures } from '../__testUtils__/fixtures';
import { CredentialCipher, EncryptionKey } from '../crypto/CredentialCipher';
import { DatabaseShepherdStore } from '../database/DatabaseShepherdStore';
import { createMigratedStores } from '../database/__testUtils__/migratedStores';
import { ClustersStore } from '../database/stores/clusters/ClustersStore';
import { CredentialReencryption } from './CredentialReencryption';

/*
 * Key rotation: credentials stored under a previous key move to the current key in batches,
 * through the real store on every supported database; runs that crash half-way, run twice
 * or run on two replicas at once leave every credential readable.
 */

const OLD_KEY: EncryptionKey = { id: 'k1', secret: Buffer.alloc(32, 1) };
const NEW_KEY: EncryptionKey = { id: 'k2', secret: Buffer.alloc(32, 2) };
const BATCH_SIZE = 3;
const CLUSTERS = 7;

const kubeconfigOf = (cluster: ShepherdCluster) =>
  `apiVersion: v1\nkind: Config\n# the kubeconfig of ${cluster.id}\n`;

describe('CredentialReencryption', () => {
  const databases = createMigratedStores();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let store: DatabaseShepherdStore;
    let fixtures: Fixtures;
    let clusters: ShepherdCluster[];
    const before = new CredentialCipher([OLD_KEY]);
    const rotated = new CredentialCipher([NEW_KEY, OLD_KEY]);

    /** A cluster whose kubeconfig is stored encrypted by `cipher`. */
    async function clusterEncryptedBy(cipher: CredentialCipher) {
      const cluster = await fixtures.cluster({
        credentialKeyId: cipher.currentKeyId,
      });
      const encrypted = cipher.encrypt(kubeconfigOf(cluster), cluster.id);
      await store.clusters.updateCredentials(
        cluster.id,
        {
          encryptedKubeconfig: encrypted.ciphertext,
          encryptionKeyId: encrypted.keyId,
        },
        cluster.updatedAt,
      );
      return cluster;
    }

    /** What the cluster's stored credentials decrypt to under `cipher`. */
    async function kubeconfigUnder(
      cipher: CredentialCipher,
      cluster: ShepherdCluster,
    ) {
      const stored = (await store.clusters.getCredentials(cluster.id))!;
      return cipher.decrypt(
        {
          keyId: stored.encryptionKeyId,
          ciphertext: stored.encryptedKubeconfig,
        },
        cluster.id,
      );
    }

    const reencryption = (
      clustersStore: ClustersStore = store.clusters,
      logger = mockServices.logger.mock(),
    ) => new CredentialReencryption(clustersStore, rotated, logger, BATCH_SIZE);

    beforeEach(async () => {
      ({ store, fixtures } = await databases.open(databaseId));
      clusters = [];
      for (let i = 0; i < CLUSTERS; i++) {
        clusters.push(await clusterEncryptedBy(before));
      }
    });

    it('moves every credential to the current key in batches, and tells how many are left', async () => {
      const task = reencryption();
      expect(await task.usage()).toEqual({
        total: CLUSTERS,
        onPreviousKeys: CLUSTERS,
        onUnknownKeys: 0,
      });

      expect(await task.run()).toEqual({
        reencrypted: CLUSTERS,
        changedMeanwhile: 0,
        failed: 0,
      });

      expect(await task.usage()).toEqual({
        total: CLUSTERS,
        onPreviousKeys: 0,
        onUnknownKeys: 0,
      });
      // Readable with the new key alone: the old one can go.
      const newKeyOnly = new CredentialCipher([NEW_KEY]);
      for (const cluster of clusters) {
        expect(await kubeconfigUnder(newKeyOnly, cluster)).toBe(
          kubeconfigOf(cluster),
        );
        // The record tells the key; re-encryption is no administrator's edit.
        expect(await store.clusters.get(cluster.id)).toMatchObject({
          credentialKeyId: NEW_KEY.id,
          updatedAt: cluster.updatedAt,
        });
      }
      // Nothing left: a second run changes nothing.
      expect(await task.run()).toEqual({
        reencrypted: 0,
        changedMeanwhile: 0,
        failed: 0,
      });
    });

    it('picks up after a run that stopped half-way, with every credential readable meanwhile', async () => {
      let writes = 0;
      const crashing: ClustersStore = Object.create(store.clusters);
      crashing.reencryptCredentials = async (...args) => {
        writes += 1;
        if (writes > BATCH_SIZE + 1) throw new Error('the process died');
        return store.clusters.reencryptCredentials(...args);
      };
      await expect(reencryption(crashing).run()).rejects.toThrow(
        'the process died',
      );
      expect(await reencryption().usage()).toMatchObject({
        onPreviousKeys: CLUSTERS - (BATCH_SIZE + 1),
      });
      for (const cluster of clusters) {
        expect(await kubeconfigUnder(rotated, cluster)).toBe(
          kubeconfigOf(cluster),
        );
      }

      expect(await reencryption().run()).toMatchObject({
        reencrypted: CLUSTERS - (BATCH_SIZE + 1),
      });
      expect(await reencryption().usage()).toMatchObject({
        onPreviousKeys: 0,
      });
    });

    it('moves each credential once when two replicas run at the same time', async () => {
      const runs = await Promise.all([
        reencryption().run(),
        reencryption().run(),
      ]);
      expect(runs[0].reencrypted + runs[1].reencrypted).toBe(CLUSTERS);
      for (const cluster of clusters) {
        expect(await kubeconfigUnder(rotated, cluster)).toBe(
          kubeconfigOf(cluster),
        );
      }
    });

    it('leaves a credential uploaded meanwhile as it is', async () => {
      const [first] = clusters;
      const racing: ClustersStore = Object.create(store.clusters);
      racing.reencryptCredentials = async (clusterId, expected, next) => {
        if (clusterId === first.id) {
          // An administrator uploads a new kubeconfig between the read and the write.
          const uploaded = rotated.encrypt('uploaded', first.id);
          await store.clusters.updateCredentials(
            first.id,
            {
              encryptedKubeconfig: uploaded.ciphertext,
              encryptionKeyId: uploaded.keyId,
            },
            first.updatedAt,
          );
        }
        return store.clusters.reencryptCredentials(clusterId, expected, next);
      };
      expect(await reencryption(racing).run()).toEqual({
        reencrypted: CLUSTERS - 1,
        changedMeanwhile: 1,
        failed: 0,
      });
      expect(await kubeconfigUnder(rotated, first)).toBe('uploaded');
    });

    it('reports credentials it cannot read without holding up the others, and logs no secret', async () => {
      const [damaged] = clusters;
      await store.clusters.updateCredentials(
        damaged.id,
        // Another cluster's ciphertext: it does not authenticate for this row.
        (await store.clusters.getCredentials(clusters[1].id))!,
        damaged.updatedAt,
      );
      const lost = await clusterEncryptedBy(
        new CredentialCipher([{ id: 'k0', secret: Buffer.alloc(32, 7) }]),
      );
      const logger = mockServices.logger.mock();
      const task = reencryption(store.clusters, logger);

      expect(await task.run()).toEqual({
        reencrypted: CLUSTERS - 1,
        changedMeanwhile: 0,
        failed: 1,
      });
      expect(await task.usage()).toEqual({
        total: CLUSTERS + 1,
        onPreviousKeys: 1,
        onUnknownKeys: 1,
      });
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining(
          `The credentials of cluster ${damaged.id} cannot be re-encrypted`,
        ),
        { clusterId: damaged.id },
      );
      const logged = JSON.stringify([
        ...logger.info.mock.calls,
        ...logger.warn.mock.calls,
        ...logger.error.mock.calls,
      ]);
      for (const secret of [OLD_KEY, NEW_KEY].map(key => key.secret)) {
        expect(logged).not.toContain(secret.toString('base64'));
      }
      expect(logged).not.toContain('kind: Config');
      expect(logged).not.toContain(lost.id);
    });
  });
});
