#!/usr/bin/env node
// `npm test`: installs what is missing, then type-checks, lints and runs every test of the
// project: unit and integration tests (database tests on SQLite and on PostgreSQL) and the
// browser tests. Ends with the line "N passed, N failed".
//
// PostgreSQL: SHEPHERD_TEST_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432).
// If it cannot be reached the run fails, unless SHEPHERD_TEST_SKIP_POSTGRES=1 says to skip it.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  ROOT,
  checkNodeVersion,
  ensureChromium,
  ensureDependencies,
  ensureVncServer,
  log,
  runYarn,
  run,
} from './lib.mjs';

const DEFAULT_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432';
const RESULTS_DIR = join(ROOT, 'test-results');
const JEST_RESULTS = join(RESULTS_DIR, 'jest.json');
const E2E_RESULTS = join(RESULTS_DIR, 'e2e', 'results.json');

checkNodeVersion();
const startedAt = Date.now();
await ensureDependencies();

const skipPostgres = process.env.SHEPHERD_TEST_SKIP_POSTGRES === '1';
const postgresUrl =
  process.env.SHEPHERD_TEST_POSTGRES_URL ?? DEFAULT_POSTGRES_URL;
if (skipPostgres) {
  log('PostgreSQL tests are skipped (SHEPHERD_TEST_SKIP_POSTGRES=1)');
} else {
  await assertPostgresReachable(postgresUrl);
}

rmSync(RESULTS_DIR, { recursive: true, force: true });
mkdirSync(RESULTS_DIR, { recursive: true });

/** One line per step of the run, for the summary. */
const steps = [];
let passed = 0;
let failed = 0;

async function check(name, command) {
  log(name);
  const began = Date.now();
  const code = await command();
  steps.push({ name, ok: code === 0, seconds: (Date.now() - began) / 1000 });
  if (code === 0) passed += 1;
  else failed += 1;
}

await check('Type check (tsc)', () => runYarn(['tsc']));
await check('Lint (eslint, every package)', () =>
  runYarn(['backstage-cli', 'repo', 'lint']),
);
await check('Formatting (prettier)', () =>
  runYarn(['prettier', '--check', '.']),
);
await check('Architecture rules (dependency-cruiser)', () =>
  runYarn([
    'depcruise',
    '--config',
    '.dependency-cruiser.cjs',
    '--output-type',
    'err-long',
    'plugins',
  ]),
);
await check(
  'Code generated from openapi.yaml up to date (spec constant, API types)',
  () => run(process.execPath, ['scripts/generate-openapi.mjs', '--check']),
);

ensureVncServer(); // Xtigervnc for the KubeVirt simulator's VNC console tests
log('Unit and integration tests (jest)');
const jestBegan = Date.now();
await runYarn(
  ['backstage-cli', 'repo', 'test', '--json', `--outputFile=${JEST_RESULTS}`],
  {
    env: {
      CI: 'true',
      BACKSTAGE_TEST_DISABLE_DOCKER: '1',
      ...(skipPostgres
        ? { SHEPHERD_TEST_SKIP_POSTGRES: '1' }
        : {
            SHEPHERD_TEST_POSTGRES_URL: postgresUrl,
            BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING: postgresUrl,
          }),
    },
  },
);
const jest = readJestResults();
steps.push({
  name: `Unit and integration tests: ${jest.passed} passed, ${jest.failed} failed`,
  ok: jest.ok,
  seconds: (Date.now() - jestBegan) / 1000,
});
passed += jest.passed;
failed += jest.failed + (jest.ok ? 0 : jest.failed === 0 ? 1 : 0);

log('Browser tests (Playwright driving Debian Chromium)');
const e2eBegan = Date.now();
ensureChromium();
const buildCode = await runYarn(['workspace', 'app', 'build']);
if (buildCode !== 0) {
  steps.push({
    name: 'Build of the app for the browser tests',
    ok: false,
    seconds: 0,
  });
  failed += 1;
} else {
  await runYarn(['playwright', 'test'], {
    // A throw-away key: the browser tests' backend starts with an empty database.
    env: { SHEPHERD_ENCRYPTION_KEY: randomBytes(32).toString('base64') },
  });
  const e2e = readPlaywrightResults();
  steps.push({
    name: `Browser tests: ${e2e.passed} passed, ${e2e.failed} failed`,
    ok: e2e.ok,
    seconds: (Date.now() - e2eBegan) / 1000,
  });
  passed += e2e.passed;
  failed += e2e.failed + (e2e.ok ? 0 : e2e.failed === 0 ? 1 : 0);
}

console.log('\n──────── Summary ────────');
for (const step of steps) {
  console.log(
    `${step.ok ? '✔' : '✖'} ${step.name} (${step.seconds.toFixed(0)} s)`,
  );
}
if (jest.databases.length > 0) {
  console.log(`  database tests: ${jest.databases.join(', ')}`);
}
console.log(`Total time ${((Date.now() - startedAt) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;

async function assertPostgresReachable(url) {
  const require = createRequire(
    join(ROOT, 'plugins', 'shepherd-backend', 'package.json'),
  );
  const { Client } = require('pg');
  const client = new Client({
    connectionString: url,
    connectionTimeoutMillis: 5000,
  });
  try {
    await client.connect();
    const { rows } = await client.query('show server_version');
    log(
      `PostgreSQL ${rows[0].server_version} is reachable for the database tests`,
    );
  } catch (error) {
    console.error(
      `\n✖ PostgreSQL is not reachable at ${redact(url)}: ${error.message}\n` +
        '  Database tests must run on PostgreSQL too. Start PostgreSQL, point\n' +
        '  SHEPHERD_TEST_POSTGRES_URL at one, or set SHEPHERD_TEST_SKIP_POSTGRES=1 to skip them.',
    );
    process.exit(1);
  } finally {
    await client.end().catch(() => {});
  }
}

function redact(url) {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

function readJestResults() {
  if (!existsSync(JEST_RESULTS)) {
    return { ok: false, passed: 0, failed: 0, databases: [] };
  }
  const results = JSON.parse(readFileSync(JEST_RESULTS, 'utf8'));
  const perDatabase = new Map();
  for (const file of results.testResults) {
    for (const assertion of file.assertionResults) {
      const id = assertion.fullName.match(/\b(SQLITE_3|POSTGRES_\d+)\b/)?.[1];
      if (!id) continue;
      const counts = perDatabase.get(id) ?? { passed: 0, failed: 0 };
      if (assertion.status === 'passed') counts.passed += 1;
      if (assertion.status === 'failed') counts.failed += 1;
      perDatabase.set(id, counts);
    }
  }
  return {
    ok: results.success,
    passed: results.numPassedTests,
    failed: results.numFailedTests,
    databases: [...perDatabase].map(
      ([id, counts]) =>
        `${id} ${counts.passed} passed, ${counts.failed} failed`,
    ),
  };
}

function readPlaywrightResults() {
  if (!existsSync(E2E_RESULTS)) {
    return { ok: false, passed: 0, failed: 0 };
  }
  const { stats } = JSON.parse(readFileSync(E2E_RESULTS, 'utf8'));
  const failedCount = stats.unexpected + stats.flaky;
  return {
    ok: failedCount === 0 && stats.expected > 0,
    passed: stats.expected,
    failed: failedCount,
  };
}
