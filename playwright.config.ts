import { defineConfig } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import {
  E2E_BASE_URL,
  E2E_CLUSTERS,
  E2E_CLUSTERS_DIR,
  SIMULATOR_READY_LINE,
} from './packages/app/e2e-tests/support/environment';

/** The checked-in Yarn, so the web servers start the same way everywhere. */
const YARN = 'node .yarn/releases/yarn-4.13.0.cjs';

/** Flags for Chromium on machines without outside network access. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The simulated KubeVirt clusters: the same simulator as `npm start`, on the ports of
 * E2E_CLUSTERS, with instant phase timings (a VM is running right after it is created) and
 * a real VNC server (Xtigervnc) per running VM, which console.test.ts opens.
 */
const simulator = [
  `${YARN} workspace @kubevirt-shepherd/kubevirt-sim start`,
  ...E2E_CLUSTERS.map(cluster => `--cluster ${cluster.name}=${cluster.port}`),
  `--out-dir ${E2E_CLUSTERS_DIR}`,
  '--timing instant',
].join(' ');

/**
 * The development backend serving the built app (the demo sign-in needs NODE_ENV
 * development), run once without `backstage-cli package start`'s file watcher: an edit
 * during a run must not restart it and so empty its in-memory database.
 */
const backend = [
  'node --enable-source-maps',
  '--require @backstage/cli-node/config/nodeTransform.cjs',
  'src/index.ts',
  '--config ../../app-config.yaml',
  '--config ../../app-config.e2e.yaml',
].join(' ');

export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  // Seeds the portal through its API once both web servers are up.
  globalSetup: './packages/app/e2e-tests/globalSetup.ts',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  forbidOnly: true,
  retries: 0,
  // The tests share one portal and its data, and the machine has two cores.
  workers: 1,
  outputDir: 'test-results/e2e/artifacts',
  reporter: [
    ['list'],
    ['json', { outputFile: 'test-results/e2e/results.json' }],
    ['html', { outputFolder: 'test-results/e2e/report', open: 'never' }],
  ],
  use: {
    baseURL: E2E_BASE_URL,
    viewport: { width: 1400, height: 900 },
    // A failed test leaves its screenshot and a trace (DOM, network, console, every step):
    // `yarn playwright show-trace test-results/e2e/artifacts/<test>/trace.zip`.
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.SHEPHERD_CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
  webServer: [
    {
      name: 'kubevirt-sim',
      command: simulator,
      // Fails fast when a simulator of an earlier run still holds the port.
      url: `https://127.0.0.1:${E2E_CLUSTERS[0].port}/version`,
      ignoreHTTPSErrors: true,
      // Every kubeconfig is written once this line is printed.
      wait: { stdout: SIMULATOR_READY_LINE },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      name: 'portal',
      command: backend,
      cwd: 'packages/backend',
      env: {
        NODE_ENV: 'development',
        // A throw-away key: the portal starts with an empty database.
        SHEPHERD_ENCRYPTION_KEY:
          process.env.SHEPHERD_ENCRYPTION_KEY ??
          randomBytes(32).toString('base64'),
      },
      url: `${E2E_BASE_URL}/.backstage/health/v1/readiness`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
