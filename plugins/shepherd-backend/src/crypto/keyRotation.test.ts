import {
  KubevirtSimulator,
  start as startSimulator,
} from '@kubevirt-shepherd/kubevirt-sim';
import shepherdModuleKubevirt from '@kubevirt-shepherd/plugin-shepherd-backend-module-kubevirt';
import { ShepherdApi, startShepherdApi } from '../__testUtils__/apiHarness';
import { seedSimulatedCluster } from '../__testUtils__/simulatedCluster';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { CREDENTIAL_REENCRYPTION_TASK } from '../periodic/CredentialReencryption';

/*
 * Rotating the encryption key, as an operator does it (docs/operations.md): the new key is
 * made current, the periodic task re-encrypts the stored kubeconfig, /health tells when the
 * old key may go, and without it the cluster is still reached. Nobody uploads the kubeconfig
 * again. Each step is another backend on the same database, as a roll-out is.
 */

const OLD_KEY = {
  id: '2026-11',
  secret: Buffer.alloc(32, 1).toString('base64'),
};
const NEW_KEY = {
  id: '2027-01',
  secret: Buffer.alloc(32, 2).toString('base64'),
};

const configWith = (encryptionKeys: Array<{ id: string; secret: string }>) => ({
  shepherd: { credentials: { encryptionKeys } },
});

describe('encryption key rotation', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let sim: KubevirtSimulator;
    let api: ShepherdApi | undefined;

    beforeEach(async () => {
      sim = await startSimulator({
        timing: 'instant',
        vnc: false,
        name: 'sim-test',
      });
    });

    afterEach(async () => {
      await api?.backend.stop();
      await sim.close();
    });

    /** Replaces the running backend with one configured with `keys`, on the same database. */
    async function rollOut(keys: Array<{ id: string; secret: string }>) {
      const knex = api?.knex;
      await api?.backend.stop();
      api = await startShepherdApi({
        databases,
        databaseId,
        knex,
        config: configWith(keys),
        features: [shepherdModuleKubevirt],
        periodicTasksOnStartup: false,
      });
      return api;
    }

    const health = async () =>
      (await api!.as('viewer').get('/health')).body.credentials;

    it('moves the stored kubeconfig to the new key, after which the old key can go', async () => {
      await rollOut([OLD_KEY]);
      const { clusterId } = await seedSimulatedCluster(api!, sim);
      expect(await health()).toEqual({
        total: 1,
        onPreviousKeys: 0,
        onUnknownKeys: 0,
      });

      // The new key is made current; the old one stays to decrypt.
      await rollOut([NEW_KEY, OLD_KEY]);
      expect(await health()).toEqual({
        total: 1,
        onPreviousKeys: 1,
        onUnknownKeys: 0,
      });
      await api!.scheduler.triggerTask(CREDENTIAL_REENCRYPTION_TASK);
      expect(await health()).toEqual({
        total: 1,
        onPreviousKeys: 0,
        onUnknownKeys: 0,
      });

      // Without the old key, the cluster is reached with the stored kubeconfig.
      await rollOut([NEW_KEY]);
      await api!.knex('clusters').update({ status: 'UNKNOWN' });
      await api!.scheduler.triggerTask('shepherd-cluster-health');
      const cluster = await api!
        .as('platform-admin')
        .get(`/v1/admin/clusters/${clusterId}`);
      expect(cluster.body).toMatchObject({
        credentialKeyId: NEW_KEY.id,
        status: 'HEALTHY',
      });
    });
  });
});
