import { ShepherdService } from '@kubevirt-shepherd/plugin-shepherd-common';
import { Response, Test } from 'supertest';
import {
  ApiTestDatabase,
  ShepherdApi,
  describeShepherdApi,
} from './apiHarness';

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
const ADMIN_WRITE_REFUSED = [
  'engineer-test',
  'engineer-prod',
  'viewer',
  'outsider',
  'approver',
];

/** The requests a persona sends, from `api.as(persona)`. */
type PersonaRequests = ReturnType<ShepherdApi['as']>;

/**
 * Sends the requests of `send` as each persona that may not change the platform, one after
 * the other, and expects every one refused with 403 PERMISSION_DENIED; `check` looks
 * further at each refusal.
 */
export async function expectRefusedToNonAdmins(
  api: ShepherdApi,
  send: (as: PersonaRequests) => Test[],
  check: (refusal: Response) => void = () => {},
): Promise<void> {
  for (const persona of ADMIN_WRITE_REFUSED) {
    for (const request of send(api.as(persona))) {
      const response = await request;
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('PERMISSION_DENIED');
      check(response);
    }
  }
}

/**
 * Declares `suite` once per supported database, each test against a plugin of its own started
 * with {@link ENCRYPTION_CONFIG}, and a Service (in a System of its own) that the test's VMs
 * and requests can belong to. `api` and `service` are the current test's.
 */
export function describePlatformApi(
  suite: (
    api: ShepherdApi,
    service: ShepherdService,
    database: ApiTestDatabase,
  ) => void,
) {
  describeShepherdApi({ config: ENCRYPTION_CONFIG }, (api, database) => {
    const service = {} as ShepherdService;
    beforeEach(async () => {
      Object.assign(
        service,
        await api.fixtures.service(await api.fixtures.system()),
      );
    });
    suite(api, service, database);
  });
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
