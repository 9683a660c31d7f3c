// Fills the demo portal through Shepherd's own API, as the platform-admin persona: the
// simulated clusters (registered, or their credentials rotated when the simulator restarted,
// then checked at once), the namespaces, templates and instance sizes of examples/shepherd/,
// and the demo catalog's Systems and Services. Safe to run again: existing records are kept.
// It talks to Shepherd through the client generated from the API's spec (shepherd-common);
// TypeScript, so it runs through Backstage's node transform, as `yarn seed:demo` does:
//   yarn seed:demo [backend URL] [directory of simulator kubeconfigs]
// scripts/start.mjs and the browser tests' globalSetup call seedDemo() themselves.
import {
  SHEPHERD_ERROR_CODES,
  ShepherdApiClient,
  ShepherdApiError,
  createShepherdApiClient,
  shepherdData,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';

const ROOT = join(__dirname, '..');

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
] as const;

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

/** The largest page of the API: the demo's lists fit in one. */
const ALL = { params: { query: { limit: 100 } } };

/** What a call of the API client resolves to. */
type Answer = { error?: unknown; response: Response };

/** The catalogs of examples/shepherd/ and how the API lists and creates their items. */
const DEMO_CATALOGS: Array<{
  file: string;
  kind: string;
  list: (
    client: ShepherdApiClient,
  ) => Promise<{ items: Array<{ name: string }> }>;
  create: (client: ShepherdApiClient, item: any) => Promise<Answer>;
}> = [
  {
    file: 'namespaces.yaml',
    kind: 'namespaces',
    list: client => shepherdData(client.GET('/v1/admin/namespaces', ALL)),
    create: (client, body) => client.POST('/v1/admin/namespaces', { body }),
  },
  {
    file: 'templates.yaml',
    kind: 'templates',
    list: client => shepherdData(client.GET('/v1/admin/templates', ALL)),
    create: (client, body) => client.POST('/v1/admin/templates', { body }),
  },
  {
    file: 'instance-sizes.yaml',
    kind: 'instance-sizes',
    list: client => shepherdData(client.GET('/v1/admin/instance-sizes', ALL)),
    create: (client, body) => client.POST('/v1/admin/instance-sizes', { body }),
  },
];

/** A client of the Shepherd API of the portal at `baseUrl`, with a user's token. */
export function shepherdApiClient(
  baseUrl: string,
  token: string,
): ShepherdApiClient {
  return createShepherdApiClient({ baseUrl: `${baseUrl}/api/shepherd`, token });
}

/** Signs in as a demo persona and answers the user's Backstage token. */
export async function personaToken(
  baseUrl: string,
  persona: string,
): Promise<string> {
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
 * Asks the backend's scheduler (Backstage's scheduler API of the plugin, not an operation of
 * Shepherd's spec) to check the clusters now rather than within the minute, so new or
 * rotated clusters show their health right away. A check that is running already (409)
 * will do.
 */
export async function checkClustersNow(
  baseUrl: string,
  token: string,
): Promise<void> {
  const response = await fetch(
    `${baseUrl}/api/shepherd/.backstage/scheduler/v1/tasks/${CLUSTER_HEALTH_TASK}/trigger`,
    { method: 'POST', headers: { authorization: `Bearer ${token}` } },
  );
  if (!response.ok && response.status !== 409) {
    throw new Error(`Checking the clusters failed with ${response.status}`);
  }
}

/**
 * Whether a write created its record: true when it did, false when the record exists
 * already (409); any other error answer throws, with the backend's code.
 */
async function created(
  what: string,
  answer: Answer | Promise<Answer>,
): Promise<boolean> {
  const { error, response } = await answer;
  if (response.ok) return true;
  if (response.status === 409) return false;
  const failure = ShepherdApiError.fromAnswer(response, error);
  throw new Error(
    `${what}: ${failure.status} ${failure.code ?? ''} ${failure.message}`,
  );
}

/** Reads one of the YAML files of examples/shepherd/. */
function examples(name: string) {
  return YAML.parse(
    readFileSync(join(ROOT, 'examples', 'shepherd', name), 'utf8'),
  );
}

/**
 * Registers the simulated clusters whose kubeconfigs are in `kubeconfigDir` (or rotates
 * their credentials) and creates the demo records that are missing; answers what it created.
 */
export async function seedDemo(
  baseUrl: string,
  kubeconfigDir: string,
): Promise<string[]> {
  const token = await personaToken(baseUrl, 'platform-admin');
  const client = shepherdApiClient(baseUrl, token);
  const done: string[] = [];

  const clusters = await shepherdData(client.GET('/v1/admin/clusters', ALL));
  for (const { port: _port, ...cluster } of DEMO_CLUSTERS) {
    const file = join(kubeconfigDir, `${cluster.name}.kubeconfig`);
    if (!existsSync(file)) continue;
    const kubeconfig = readFileSync(file, 'utf8');
    const existing = clusters.items.find(c => c.name === cluster.name);
    if (existing) {
      await created(
        `Rotating the credentials of ${cluster.name}`,
        client.PUT('/v1/admin/clusters/{clusterId}/credentials', {
          params: { path: { clusterId: existing.id } },
          body: { kubeconfig },
        }),
      );
    } else if (
      await created(
        `Registering ${cluster.name}`,
        client.POST('/v1/admin/clusters', { body: { ...cluster, kubeconfig } }),
      )
    ) {
      done.push(`cluster ${cluster.name}`);
    }
  }

  await checkClustersNow(baseUrl, token);

  for (const { file, kind, list, create } of DEMO_CATALOGS) {
    const existing = new Set((await list(client)).items.map(item => item.name));
    for (const item of examples(file)) {
      if (existing.has(item.name)) continue;
      if (await created(`Creating ${item.name}`, create(client, item))) {
        done.push(`${kind} ${item.name}`);
      }
    }
  }

  for (const { system, services } of DEMO_SYSTEMS) {
    const registration = await client.POST('/v1/systems/register', {
      body: { entityRef: system },
    });
    if (
      !registration.response.ok &&
      ShepherdApiError.fromAnswer(registration.response, registration.error)
        .code === SHEPHERD_ERROR_CODES.ENTITY_NOT_FOUND
    ) {
      // The catalog has not read examples/ yet; the caller tries again.
      throw new Error(`${system} is not in the catalog yet`);
    }
    if (await created(`Registering ${system}`, registration)) done.push(system);
    const [record] = (
      await shepherdData(
        client.GET('/v1/systems', {
          params: { query: { entityRef: system, limit: 1 } },
        }),
      )
    ).items;
    for (const service of services) {
      if (
        await created(
          `Registering ${service}`,
          client.POST('/v1/systems/{systemId}/services/register', {
            params: { path: { systemId: record.id } },
            body: { entityRef: service },
          }),
        )
      ) {
        done.push(service);
      }
    }
  }
  return done;
}

if (require.main === module) {
  const [
    baseUrl = 'http://localhost:7007',
    kubeconfigDir = join(ROOT, '.shepherd', 'clusters'),
  ] = process.argv.slice(2);
  seedDemo(baseUrl, kubeconfigDir).then(
    done =>
      console.log(
        done.length
          ? `Created: ${done.join(', ')}`
          : 'Demo data already present',
      ),
    error => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
