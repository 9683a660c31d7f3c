import { expect } from '@playwright/test';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  E2E_BASE_URL,
  E2E_CLUSTERS,
  E2E_CLUSTERS_DIR,
  REPO_ROOT,
} from './support/environment';

/** What the tests use of scripts/seed-demo.mjs, the seeding of `npm start`. */
type SeedDemoModule = {
  seedDemo: (baseUrl: string, kubeconfigDir: string) => Promise<string[]>;
  personaToken: (baseUrl: string, persona: string) => Promise<string>;
  checkClustersNow: (baseUrl: string, token: string) => Promise<void>;
};

/** How long the catalog may take to read examples/ after the backend is ready. */
const SEED_TIMEOUT_MS = 90_000;

/** How long the first check of the new clusters may take (the seeding asks for it). */
const CLUSTER_CHECK_TIMEOUT_MS = 30_000;

/** The names and statuses of the clusters registered in the portal. */
async function registeredClusters(
  token: string,
): Promise<Array<{ name: string; status: string }>> {
  const response = await fetch(
    `${E2E_BASE_URL}/api/shepherd/v1/admin/clusters?limit=100`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  const body = (await response.json()) as {
    items: Array<{ name: string; status: string }>;
  };
  return body.items.map(({ name, status }) => ({ name, status }));
}

/**
 * Runs after the web servers are up (the simulated clusters and the portal): registers the
 * simulated clusters in the portal over the API, with the kubeconfigs the simulator wrote,
 * and fills it with the demo data, exactly as `npm start` does; then waits until the portal
 * has checked both clusters over HTTPS, so every test sees them healthy.
 */
export default async function globalSetup(): Promise<void> {
  // An ES module with top-level await, so imported rather than required.
  const { seedDemo, personaToken, checkClustersNow }: SeedDemoModule =
    await import(
      pathToFileURL(join(REPO_ROOT, 'scripts', 'seed-demo.mjs')).href
    );
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
