import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { ShepherdService } from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdApi, startShepherdApi } from './apiHarness';

/** The configuration the platform API tests start the plugin with: one credentials key. */
export const ENCRYPTION_CONFIG = {
  shepherd: {
    credentials: {
      encryptionKeys: [
        { id: 'k1', secret: Buffer.alloc(32, 7).toString('base64') },
      ],
    },
  },
};

/** Personas that may not change the platform's catalogs and clusters. */
export const ADMIN_WRITE_REFUSED = [
  'engineer-test',
  'engineer-prod',
  'viewer',
  'outsider',
];

/**
 * Starts the plugin with {@link ENCRYPTION_CONFIG} and seeds a Service (in a System of its
 * own) that VMs and requests of the test can belong to.
 */
export async function startPlatformApi(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
): Promise<{ api: ShepherdApi; service: ShepherdService }> {
  const api = await startShepherdApi({
    databases,
    databaseId,
    config: ENCRYPTION_CONFIG,
  });
  const service = await api.fixtures.service(await api.fixtures.system());
  return { api, service };
}

/** The audit actions recorded for a type of resource, sorted. */
export async function auditActions(
  api: ShepherdApi,
  resourceType: string,
): Promise<string[]> {
  const page = await api.store.audit.list({
    offset: 0,
    limit: 100,
    resourceType,
  });
  return page.items.map(entry => entry.action).sort();
}

/** Asserts that `table` is empty and nothing was audited for `resourceType`. */
export async function expectNothingWritten(
  api: ShepherdApi,
  table: string,
  resourceType: string,
): Promise<void> {
  const [{ count }] = await api.knex(table).count({ count: '*' });
  expect(Number(count)).toBe(0);
  expect(await auditActions(api, resourceType)).toEqual([]);
}

/** cloud-config user data of exactly `bytes` bytes of UTF-8 (`fill` of 1 to 4 bytes). */
export function cloudInitOfBytes(bytes: number, fill = 'x') {
  const header = '#cloud-config\nruncmd: []\n# ';
  const padding = bytes - header.length;
  const fillBytes = Buffer.byteLength(fill, 'utf8');
  return `${header}${fill.repeat(Math.floor(padding / fillBytes))}${'x'.repeat(
    padding % fillBytes,
  )}`;
}
