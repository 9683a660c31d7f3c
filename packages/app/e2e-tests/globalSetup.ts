import { expect } from '@playwright/test';
import { shepherdData } from '@kubevirt-shepherd/plugin-shepherd-common';
// The seeding of `npm start` is a script of the repository, not a package.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  checkClustersNow,
  personaToken,
  seedDemo,
  shepherdApiClient,
} from '../../../scripts/seed-demo';
import {
  E2E_BASE_URL,
  E2E_CLUSTERS,
  E2E_CLUSTERS_DIR,
} from './support/environment';

/** How long the catalog may take to read examples/ after the backend is ready. */
const SEED_TIMEOUT_MS = 90_000;

/** How long the first check of the new clusters may take (the seeding asks for it). */
const CLUSTER_CHECK_TIMEOUT_MS = 30_000;

/** The names and statuses of the clusters registered in the portal. */
async function registeredClusters(
  token: string,
): Promise<Array<{ name: string; status: string }>> {
  const { items } = await shepherdData(
    shepherdApiClient(E2E_BASE_URL, token).GET('/v1/admin/clusters', {
      params: { query: { limit: 100 } },
    }),
  );
  return items.map(({ name, status }) => ({ name, status }));
}

/**
 * Runs after the web servers are up (the simulated clusters and the portal): registers the
 * simulated clusters in the portal over the API, with the kubeconfigs the simulator wrote,
 * and fills it with the demo data, exactly as `npm start` does; then waits until the portal
 * has checked both clusters over HTTPS, so every test sees them healthy.
 */
export default async function globalSetup(): Promise<void> {
  // Signing in and registering the catalog's Systems fail until the catalog has read
  // examples/, a few seconds after the backend is ready; seedDemo is safe to run again.
  await expect(async () => {
    await seedDemo(E2E_BASE_URL, E2E_CLUSTERS_DIR);
  }).toPass({ timeout: SEED_TIMEOUT_MS, intervals: [1_000] });

  const token = await personaToken(E2E_BASE_URL, 'platform-admin');
  await expect
    .poll(
      async () => {
        const clusters = await registeredClusters(token);
        // The seeding's check may have begun before the last cluster was registered (the
        // scheduler then answers 409 and checks again only within the minute): ask again.
        if (clusters.some(cluster => cluster.status !== 'HEALTHY')) {
          await checkClustersNow(E2E_BASE_URL, token);
        }
        return clusters;
      },
      {
        message: 'the simulated clusters are registered and healthy',
        timeout: CLUSTER_CHECK_TIMEOUT_MS,
      },
    )
    .toEqual(
      expect.arrayContaining(
        E2E_CLUSTERS.map(cluster =>
          expect.objectContaining({ name: cluster.name, status: 'HEALTHY' }),
        ),
      ),
    );
}
