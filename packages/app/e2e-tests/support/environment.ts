import { join, resolve } from 'node:path';

/*
 * The portal the browser tests drive: the development backend serving the built app on its
 * own port with an in-memory database (app-config.e2e.yaml), next to two simulated KubeVirt
 * clusters on their own ports, so a run never touches a development portal (`npm start`:
 * 7007, 6443, 6444) that may be running on the same machine.
 */

/** The repository's root. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');

/** Port of the portal under test; app-config.e2e.yaml serves app and backend on it. */
export const E2E_PORT = 7017;

/** Base URL of the portal under test. */
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;

/**
 * The simulated clusters of the browser tests: the demo portal's clusters (same names, so
 * scripts/seed-demo.ts registers them) on other ports.
 */
export const E2E_CLUSTERS = [
  { name: 'sim-test', port: 6543 },
  { name: 'sim-prod', port: 6544 },
] as const;

/** Where the simulator writes the clusters' kubeconfigs, read by the seeding. */
export const E2E_CLUSTERS_DIR = join(
  REPO_ROOT,
  'test-results',
  'e2e',
  'clusters',
);

/** What the simulator prints once every cluster listens and its kubeconfig is written. */
export const SIMULATOR_READY_LINE = /Ctrl-C stops/;
