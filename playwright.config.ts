import { defineConfig } from '@playwright/test';

/** Port of the portal under test; app-config.e2e.yaml serves app and backend on it. */
const E2E_PORT = 7017;

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

export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  forbidOnly: true,
  retries: 0,
  workers: 1,
  outputDir: 'test-results/e2e/artifacts',
  reporter: [
    ['list'],
    ['json', { outputFile: 'test-results/e2e/results.json' }],
  ],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    viewport: { width: 1400, height: 900 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.SHEPHERD_CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    // The development backend (demo sign-in needs NODE_ENV=development) serving the built app.
    command:
      'node .yarn/releases/yarn-4.13.0.cjs workspace backend start --config ../../app-config.yaml --config ../../app-config.e2e.yaml',
    url: `http://localhost:${E2E_PORT}/.backstage/health/v1/readiness`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
