import {
  mockCredentials,
  mockErrorHandler,
} from '@backstage/backend-test-utils';
import {
  ShepherdService,
  ShepherdSystem,
  ShepherdVm,
  SystemMember,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import express from 'express';
import request from 'supertest';
import { startOpenApiCheckedServer } from '../__testUtils__/openApiServer';
import { routerOptionsForTests } from '../__testUtils__/routerOptions';
import { Reader } from '../service/Actor';
import { createRouter, RouterOptions } from './createRouter';

const AT = '2026-11-23T10:00:00.000Z';
/** Ids are UUIDs: the router answers a path id of another shape 404 before any service. */
const SYSTEM: ShepherdSystem = {
  id: '5e3a1f0c-8d2b-4c1e-9a7f-000000000001',
  name: 'payments',
  description: '',
  createdBy: 'user:default/alice',
  createdAt: AT,
  updatedAt: AT,
};
const MEMBER: SystemMember = {
  id: '5e3a1f0c-8d2b-4c1e-9a7f-000000000002',
  systemId: SYSTEM.id,
  memberRef: 'group:default/team-payments',
  role: 'owner',
  grantedBy: 'user:default/alice',
  createdAt: AT,
  updatedAt: AT,
};
const SERVICE: ShepherdService = {
  id: '5e3a1f0c-8d2b-4c1e-9a7f-000000000003',
  systemId: SYSTEM.id,
  systemName: SYSTEM.name,
  name: 'api',
  description: '',
  nextInstanceIndex: 2,
  createdBy: 'user:default/alice',
  createdAt: AT,
  updatedAt: AT,
};
const VM: ShepherdVm = {
  id: '5e3a1f0c-8d2b-4c1e-9a7f-000000000004',
  name: 'dev-payments-api-01',
  namespace: 'dev',
  environment: 'test',
  instance: '01',
  status: 'RUNNING',
  systemId: SYSTEM.id,
  systemName: SYSTEM.name,
  serviceId: SERVICE.id,
  serviceName: SERVICE.name,
  ticketId: '5e3a1f0c-8d2b-4c1e-9a7f-000000000005',
  createdBy: 'user:default/alice',
  templateId: '5e3a1f0c-8d2b-4c1e-9a7f-000000000006',
  instanceSizeId: '5e3a1f0c-8d2b-4c1e-9a7f-000000000007',
  cpuCores: 2,
  cpuRequest: 1,
  memoryGi: 4,
  memoryRequestGi: 2,
  diskGb: 20,
  createdAt: AT,
  updatedAt: AT,
};
const page = <T>(item: T) => ({
  items: [item],
  totalItems: 1,
  offset: 0,
  limit: 20,
});

/** Services that answer the read routes and remember who asked; any other call fails. */
function readOnlyServices(readers: Reader[]) {
  const refuse = (what: string) => () => {
    throw new Error(`Unexpected call of ${what} in this test`);
  };
  const answering = <T extends object>(methods: T) =>
    new Proxy(methods, {
      get: (target, property) =>
        (target as Record<string | symbol, unknown>)[property] ??
        refuse(String(property)),
    });
  const remember =
    <T>(answer: T) =>
    async (reader: Reader) => {
      readers.push(reader);
      return answer;
    };
  return {
    systems: answering({
      listSystems: remember(page(SYSTEM)),
      getSystem: remember(SYSTEM),
    }) as unknown as RouterOptions['systems'],
    members: answering({
      listMembers: remember([MEMBER]),
    }) as unknown as RouterOptions['members'],
    services: answering({
      listServices: remember(page(SERVICE)),
      getService: remember(SERVICE),
    }) as unknown as RouterOptions['services'],
    vms: answering({
      listVms: remember(page(VM)),
      getVm: remember(VM),
    }) as unknown as RouterOptions['vms'],
  };
}

const READ_ROUTES = [
  '/v1/systems',
  `/v1/systems/${SYSTEM.id}`,
  `/v1/systems/${SYSTEM.id}/members`,
  '/v1/services',
  `/v1/services/${SERVICE.id}`,
  '/v1/vms',
  `/v1/vms/${VM.id}`,
];

describe('routes that other backend plugins may read', () => {
  let readers: Reader[];
  let baseUrl: string;

  beforeEach(async () => {
    readers = [];
    const router = await createRouter(
      routerOptionsForTests(readOnlyServices(readers)),
    );
    baseUrl = await startOpenApiCheckedServer(
      express().use(router).use(mockErrorHandler()),
    );
  });

  it.each(READ_ROUTES)(
    'answer GET %s to a service caller with its credentials',
    async path => {
      const response = await request(baseUrl)
        .get(path)
        .set('Authorization', mockCredentials.service.header());

      expect(response.status).toBe(200);
      expect(readers).toEqual([{ credentials: mockCredentials.service() }]);
    },
  );

  it.each(READ_ROUTES)('answer GET %s to a user as before', async path => {
    const response = await request(baseUrl)
      .get(path)
      .set('Authorization', mockCredentials.user.header('user:default/bob'));

    expect(response.status).toBe(200);
    expect(readers).toEqual([
      { credentials: mockCredentials.user('user:default/bob') },
    ]);
  });

  it.each(READ_ROUTES)('refuse GET %s without credentials', async path => {
    const response = await request(baseUrl)
      .get(path)
      .set('Authorization', mockCredentials.none.header());

    expect(response.status).toBe(401);
    expect(readers).toEqual([]);
  });

  it.each([
    ['post', '/v1/systems', { name: 'shop' }],
    [
      'post',
      `/v1/systems/${SYSTEM.id}/members`,
      {
        memberRef: 'user:default/eve',
        role: 'owner',
      },
    ],
    ['delete', `/v1/services/${SERVICE.id}?confirm=true`, undefined],
    ['post', `/v1/vms/${VM.id}/power`, { action: 'stop' }],
    ['get', '/v1/audit-logs', undefined],
  ] as const)(
    'refuse a service caller everything else: %s %s',
    async (method, path, body) => {
      const response = await request(baseUrl)
        [method](path)
        .set('Authorization', mockCredentials.service.header())
        .send(body);

      expect(response.status).toBe(403);
      expect(readers).toEqual([]);
    },
  );
});
