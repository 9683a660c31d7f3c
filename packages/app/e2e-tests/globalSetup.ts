import { expect } from '@playwright/test';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  E2E_BASE_URL,
  E2E_CLUSTERS_DIR,
  REPO_ROOT,
} from './support/environment';

/** The seeding of `npm start`, in scripts/seed-demo.mjs. */
type SeedDemo = {
  seedDemo: (baseUrl: string, kubeconfigDir: string) => Promise<string[]>;
};

/** How long the catalog may take to read examples/ after the backend is ready. */
const SEED_TIMEOUT_MS = 90_000;

/**
 * Runs after the web servers are up (the simulated clusters and the portal): registers the
 * simulated clusters in the portal over the API, with the kubeconfigs the simulator wrote,
 * and fills it with the demo data, exactly as `npm start` does.
 */
export default async function globalSetup(): Promise<void> {
  // An ES module with top-level await, so imported rather than required.
  const { seedDemo }: SeedDemo = await import(
    pathToFileURL(join(REPO_ROOT, 'scripts', 'seed-demo.mjs')).href
  );
  // Signing in and registering the catalog's Systems fail until the catalog has read
  // examples/, a few seconds after the backend is ready; seedDemo is safe to run again.
  await expect(async () => {
    await seedDemo(E2E_BASE_URL, E2E_CLUSTERS_DIR);
  }).toPass({ timeout: SEED_TIMEOUT_MS, intervals: [1_000] });
}
