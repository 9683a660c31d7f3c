#!/usr/bin/env node
// `npm start`: installs what is missing, then starts the demo portal (frontend on :3000,
// backend on :7007) with the embedded SQLite database and the demo catalog, next to two
// simulated KubeVirt clusters (test on :6443, prod on :6444, their objects kept in
// .shepherd/clusters/ across restarts) that the portal gets registered with, together with
// the demo namespaces, templates, instance sizes, Systems and Services.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  ROOT,
  YARN,
  checkNodeVersion,
  developmentEncryptionKey,
  ensureDependencies,
  ensureVncServer,
  log,
  yarnEnv,
} from './lib.mjs';

const BACKEND_URL = 'http://localhost:7007';
const CLUSTERS_DIR = join(ROOT, '.shepherd', 'clusters');

checkNodeVersion();
await ensureDependencies();
ensureVncServer();

// The seeding is TypeScript on the API client of shepherd-common: loaded through Backstage's
// node transform, as the browser tests' backend is, once the dependencies are installed.
const require = createRequire(import.meta.url);
require('@backstage/cli/config/nodeTransform.cjs');
const { DEMO_CLUSTERS, seedDemo } = require('./seed-demo.ts');

const children = [];
function startChild(args, env = {}) {
  const child = spawn(process.execPath, [YARN, ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    env: yarnEnv(env),
  });
  children.push(child);
  child.on('exit', code => {
    if (!stopping) {
      console.error(`\n✖ ${args.join(' ')} stopped (exit code ${code})`);
      stop(code ?? 1);
    }
  });
  return child;
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  process.exitCode = code;
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

log('Starting the simulated KubeVirt clusters');
startChild([
  'workspace',
  '@kubevirt-shepherd/kubevirt-sim',
  'start',
  ...DEMO_CLUSTERS.flatMap(cluster => [
    '--cluster',
    `${cluster.name}=${cluster.port}`,
  ]),
  '--out-dir',
  CLUSTERS_DIR,
  // Each cluster keeps its objects, CA and token next to its kubeconfig, so that the
  // portal finds its VMs (and valid credentials) again after a restart.
  '--state-dir',
  CLUSTERS_DIR,
  '--timing',
  'realistic',
]);

log(
  'Starting the portal: open http://localhost:3000 and pick a persona (Ctrl+C stops it)',
);
startChild(['backstage-cli', 'repo', 'start'], {
  SHEPHERD_ENCRYPTION_KEY:
    process.env.SHEPHERD_ENCRYPTION_KEY ?? developmentEncryptionKey(),
});

await seedWhenReady();

async function seedWhenReady() {
  const deadline = Date.now() + 5 * 60_000;
  while (!stopping && Date.now() < deadline) {
    await new Promise(resolve => setTimeout(resolve, 2_000));
    try {
      const ready = await fetch(
        `${BACKEND_URL}/.backstage/health/v1/readiness`,
      );
      if (!ready.ok) continue;
      const created = await seedDemo(BACKEND_URL, CLUSTERS_DIR);
      log(
        created.length
          ? `Demo data ready (${created.join(', ')})`
          : 'Demo data ready; the simulated clusters got fresh credentials',
      );
      return;
    } catch (error) {
      // The backend or the catalog is still starting; try again.
      if (Date.now() + 2_000 >= deadline) {
        console.error(`\n✖ Could not load the demo data: ${error.message}`);
      }
    }
  }
}
