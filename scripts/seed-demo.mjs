#!/usr/bin/env node
// Fills the demo portal through Shepherd's own API, as the platform-admin persona: the
// simulated clusters (registered, or their credentials rotated when the simulator restarted,
// then checked at once), the namespaces, templates and instance sizes of examples/shepherd/,
// and the demo catalog's Systems and Services. Safe to run again: existing records are kept.
// Usage: node scripts/seed-demo.mjs [backend URL] [directory of simulator kubeconfigs]
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './lib.mjs';

const require = createRequire(
  join(ROOT, 'plugins', 'shepherd-backend', 'package.json'),
);
const YAML = require('yaml');

/** The simulated clusters of the demo portal: one per environment. */
export const DEMO_CLUSTERS = [
  {
    name: 'sim-test',
    displayName: 'Simulated test cluster',
    environment: 'test',
    port: 6443,
  },
  {
    name: 'sim-prod',
    displayName: 'Simulated production cluster',
    environment: 'prod',
    port: 6444,
  },
];

/**
 * The backend's scheduled task that checks every registered cluster (health, KubeVirt
 * version, storage classes) once a minute.
 */
const CLUSTER_HEALTH_TASK = 'shepherd-cluster-health';

/** Catalog entities registered into Shepherd: Systems and their Components of type service. */
const DEMO_SYSTEMS = [
  {
    system: 'system:default/payments',
    services: ['component:default/payment-api', 'component:default/ledger'],
  },
  {
    system: 'system:default/logistics',
    services: ['component:default/stock-sync'],
  },
];

async function api(baseUrl, token, method, path, body) {
  const response = await fetch(`${baseUrl}/api/shepherd${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body && { 'content-type': 'application/json' }),
    },
    body: body && JSON.stringify(body),
  });
  const payload = await response.json().catch(() => ({}));
  return { status: response.status, body: payload };
}

export async function personaToken(baseUrl, persona) {
  const response = await fetch(`${baseUrl}/api/auth/demo-persona/refresh`, {
    method: 'POST',
    headers: {
      'x-shepherd-demo-persona': persona,
      'x-requested-with': 'XMLHttpRequest',
    },
  });
  if (!response.ok) {
    throw new Error(`Sign-in as ${persona} failed with ${response.status}`);
  }
  return (await response.json()).backstageIdentity.token;
}

/**
 * Asks the backend's scheduler to check the clusters now rather than within the minute, so
 * new or rotated clusters show their health right away. A check that is running already
 * (409) will do.
 */
export async function checkClustersNow(baseUrl, token) {
  const response = await fetch(
    `${baseUrl}/api/shepherd/.backstage/scheduler/v1/tasks/${CLUSTER_HEALTH_TASK}/trigger`,
    { method: 'POST', headers: { authorization: `Bearer ${token}` } },
  );
  if (!response.ok && response.status !== 409) {
    throw new Error(`Checking the clusters failed with ${response.status}`);
  }
}

function report(what, result, okStatuses = [200, 201, 204]) {
  if (okStatuses.includes(result.status)) return true;
  if (result.status === 409) return false;
  throw new Error(
    `${what}: ${result.status} ${result.body?.error?.code ?? ''} ${
      result.body?.error?.message ?? ''
    }`,
  );
}

async function all(baseUrl, token, path) {
  const result = await api(baseUrl, token, 'GET', `${path}?limit=100`);
  return result.body.items ?? [];
}

export async function seedDemo(baseUrl, kubeconfigDir) {
  const token = await personaToken(baseUrl, 'platform-admin');
  const created = [];

  const clusters = await all(baseUrl, token, '/v1/admin/clusters');
  for (const cluster of DEMO_CLUSTERS) {
    const file = join(kubeconfigDir, `${cluster.name}.kubeconfig`);
    if (!existsSync(file)) continue;
    const kubeconfig = readFileSync(file, 'utf8');
    const existing = clusters.find(c => c.name === cluster.name);
    if (existing) {
      report(
        `Rotating the credentials of ${cluster.name}`,
        await api(
          baseUrl,
          token,
          'PUT',
          `/v1/admin/clusters/${existing.id}/credentials`,
          {
            kubeconfig,
          },
        ),
      );
    } else {
      const { port, ...fields } = cluster;
      if (
        report(
          `Registering ${cluster.name}`,
          await api(baseUrl, token, 'POST', '/v1/admin/clusters', {
            ...fields,
            kubeconfig,
          }),
        )
      ) {
        created.push(`cluster ${cluster.name}`);
      }
    }
  }

  await checkClustersNow(baseUrl, token);

  const examples = name =>
    YAML.parse(readFileSync(join(ROOT, 'examples', 'shepherd', name), 'utf8'));
  for (const [file, path] of [
    ['namespaces.yaml', '/v1/admin/namespaces'],
    ['templates.yaml', '/v1/admin/templates'],
    ['instance-sizes.yaml', '/v1/admin/instance-sizes'],
  ]) {
    const existing = new Set(
      (await all(baseUrl, token, path)).map(item => item.name),
    );
    for (const item of examples(file)) {
      if (existing.has(item.name)) continue;
      if (
        report(
          `Creating ${item.name}`,
          await api(baseUrl, token, 'POST', path, item),
        )
      ) {
        created.push(`${path.split('/').pop()} ${item.name}`);
      }
    }
  }

  for (const { system, services } of DEMO_SYSTEMS) {
    const registered = await api(
      baseUrl,
      token,
      'POST',
      '/v1/systems/register',
      {
        entityRef: system,
      },
    );
    if (registered.body?.error?.code === 'ENTITY_NOT_FOUND') {
      // The catalog has not read examples/ yet; the caller tries again.
      throw new Error(`${system} is not in the catalog yet`);
    }
    if (report(`Registering ${system}`, registered)) created.push(system);
    const systems = await all(baseUrl, token, '/v1/systems');
    const record = systems.find(s => s.entityRef === system);
    for (const service of services) {
      const result = await api(
        baseUrl,
        token,
        'POST',
        `/v1/systems/${record.id}/services/register`,
        { entityRef: service },
      );
      if (report(`Registering ${service}`, result)) created.push(service);
    }
  }
  return created;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [
    baseUrl = 'http://localhost:7007',
    kubeconfigDir = join(ROOT, '.shepherd', 'clusters'),
  ] = process.argv.slice(2);
  const created = await seedDemo(baseUrl, kubeconfigDir);
  console.log(
    created.length
      ? `Created: ${created.join(', ')}`
      : 'Demo data already present',
  );
}
