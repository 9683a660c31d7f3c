import { Entity } from '@backstage/catalog-model';
import { readShepherdPolicyConfig } from '@kubevirt-shepherd/plugin-permission-backend-module-shepherd-policy';
import {
  Environment,
  MemberRole,
  SHEPHERD_ANNOTATIONS,
  SHEPHERD_ERROR_CODES,
  ShepherdCluster,
  ShepherdInstanceSize,
  ShepherdNamespace,
  ShepherdService,
  ShepherdSystem,
  ShepherdTemplate,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { randomUUID } from 'node:crypto';
import { Response } from 'supertest';
import { ShepherdApi, startShepherdApi } from '../__testUtils__/apiHarness';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  PERSONA_GROUPS,
  demoPermissionConfig,
  readRepoYaml,
  userRef,
} from '../__testUtils__/testPolicy';
import { spec } from '../schema/openapi';

/*
 * The persona matrix: every operation of the API, for every demo persona, through the
 * Shepherd policy module's policy with the demo portal's role bindings (app-config.yaml).
 * Each row names an operation of openapi.yaml (its method and path come from there, and an
 * operation without a row fails the suite) and says what each persona gets: the operation
 * done, 403 (may see, may not do), 404 (may not see), or for lists which seeded records the
 * persona sees. One backend and one seed per database; state-changing rows prepare their
 * own targets, one per persona.
 */

const PERSONAS = [
  'platform-admin',
  'approver',
  'engineer-test',
  'engineer-prod',
  'viewer',
  'outsider',
] as const;
type Persona = (typeof PERSONAS)[number];

/** Short persona codes, for names with a length limit. */
const CODES: Record<Persona, string> = {
  'platform-admin': 'pa',
  approver: 'ap',
  'engineer-test': 'et',
  'engineer-prod': 'ep',
  viewer: 'vw',
  outsider: 'os',
};

const OK = 'ok';
const F = 403;
const N = 404;
/** What a persona gets: done, 403, 404, or the labels of the seeded records a list shows. */
type Outcome = typeof OK | typeof F | typeof N | string[];
type Expectation = [
  admin: Outcome,
  approver: Outcome,
  engineerTest: Outcome,
  engineerProd: Outcome,
  viewer: Outcome,
  outsider: Outcome,
];

const ADMIN_ONLY: Expectation = [OK, F, F, F, F, F];
const CLUSTER_READERS: Expectation = [OK, OK, F, F, F, F];
const AUDIT_READERS: Expectation = [OK, F, F, F, OK, F];
/** Reading a record of the payments System, which the engineers' team owns. */
const READ_PAYMENTS: Expectation = [OK, OK, OK, OK, OK, N];
/**
 * Reading a production record of the payments System: invisible to engineers whose
 * environments do not include production, as in the upstream product.
 */
const READ_PAYMENTS_PROD: Expectation = [OK, OK, N, OK, OK, N];
/** Reading a record of the logistics System, which no persona belongs to. */
const READ_LOGISTICS: Expectation = [OK, OK, N, N, OK, N];
/** Changing the payments System (its owners and admins, and platform admins). */
const MANAGE_PAYMENTS: Expectation = [OK, F, OK, OK, F, N];
/** Operating a test VM of the payments System (members and above, in test). */
const OPERATE_PAYMENTS_TEST: Expectation = [OK, F, OK, OK, F, N];
/**
 * Operating a production VM of the payments System: only engineers of prod; the VM is
 * invisible to test-only engineers.
 */
const OPERATE_PAYMENTS_PROD: Expectation = [OK, F, N, OK, F, N];
/** Deciding a request of the payments System. */
const DECIDE_PAYMENTS: Expectation = [OK, OK, F, F, F, N];

const KUBECONFIG = (server: string) =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'c',
        cluster: { server, 'certificate-authority-data': 'Q0EtREFUQQ==' },
      },
    ],
    users: [{ name: 'u', user: { token: 'sha256~token' } }],
    contexts: [{ name: 'c', context: { cluster: 'c', user: 'u' } }],
    'current-context': 'c',
  });

interface Seed {
  systems: Record<'payments' | 'ops' | 'reports' | 'logistics', ShepherdSystem>;
  services: Record<'cart' | 'board' | 'depot', ShepherdService>;
  namespaces: Record<'dev' | 'prd', ShepherdNamespace>;
  template: ShepherdTemplate;
  size: ShepherdInstanceSize;
  clusters: Record<Environment, ShepherdCluster>;
  vms: Record<'payTest' | 'payProd' | 'repTest' | 'logTest', { id: string }>;
  tickets: Record<
    'payTest' | 'payProd' | 'logOther' | 'logMine' | 'osMine' | 'preview',
    { id: string }
  >;
  auditLogId: string;
  /** Labels of seeded records by id, for lists. */
  labels: Map<string, string>;
}

interface Context {
  api: ShepherdApi;
  seed: Seed;
  persona: Persona;
  /** A name no other row uses, at most 15 characters. */
  unique: (prefix: string) => string;
}

interface RequestParts {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: object;
}

interface Row {
  operationId: string;
  /** What this row of the operation is about, when it has several. */
  variant?: string;
  /** Path parameters, query and body; may seed the persona's own target first. */
  request?: (context: Context) => RequestParts | Promise<RequestParts>;
  /** For lists: the ids of the items in the answer. */
  listed?: (body: any) => string[];
  expect: Expectation;
}

const items = (body: any) => body.items.map((item: any) => item.id);

// Fresh targets for state-changing rows, one per persona.

async function freshService(
  { api, seed, unique }: Context,
  system: keyof Seed['systems'] = 'payments',
) {
  return api.fixtures.service(seed.systems[system], { name: unique('svc') });
}

async function freshVm(
  context: Context,
  environment: Environment,
  system: keyof Seed['systems'] = 'payments',
) {
  const service = await freshService(context, system);
  const namespace =
    context.seed.namespaces[environment === 'test' ? 'dev' : 'prd'];
  return context.api.fixtures.vm(service, {
    name: `${namespace.name}-${service.systemName}-${service.name}-01`,
    namespace: namespace.name,
    environment,
    clusterId: context.seed.clusters[environment].id,
    createdBy: userRef('engineer-test'),
  });
}

/**
 * A console grant of the persona on a seeded VM, as a test-environment request or an
 * approval leaves it, so that only the permission decides a console session.
 */
async function grantedConsole(
  { api, seed, persona }: Context,
  vm: keyof Seed['vms'] | { id: string },
) {
  const vmId = typeof vm === 'string' ? seed.vms[vm].id : vm.id;
  await api.store.consoleGrants.insert({
    id: randomUUID(),
    vmId,
    userRef: userRef(persona),
    grantedBy: userRef('approver'),
    expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(),
    createdAt: new Date().toISOString(),
  });
  return vmId;
}

/** A pending CREATE request of engineer-test, made through the API like a real one. */
async function requestedTicket(context: Context) {
  const service = await freshService(context);
  const response = await context.api
    .as('engineer-test')
    .post('/v1/vms/requests')
    .send({
      serviceId: service.id,
      namespace: 'dev',
      templateId: context.seed.template.id,
      instanceSizeId: context.seed.size.id,
      reason: 'persona matrix',
    });
  expect(response.status).toBe(202);
  return response.body.ticketId as string;
}

async function freshMember(context: Context) {
  const memberRef = `user:default/${context.unique('m')}`;
  const response = await context.api
    .as('platform-admin')
    .post(`/v1/systems/${context.seed.systems.payments.id}/members`)
    .send({ memberRef, role: 'member' });
  expect(response.status).toBe(201);
  return response.body.id as string;
}

function requestVm(
  service: (context: Context) => Promise<ShepherdService>,
  namespace: 'dev' | 'prd',
) {
  return async (context: Context): Promise<RequestParts> => ({
    body: {
      serviceId: (await service(context)).id,
      namespace,
      templateId: context.seed.template.id,
      instanceSizeId: context.seed.size.id,
      reason: 'persona matrix',
    },
  });
}

const ROWS: Row[] = [
  { operationId: 'GetHealth', expect: [OK, OK, OK, OK, OK, OK] },
  {
    operationId: 'GetCapabilities',
    variant: 'the Systems the persona may request VMs for',
    listed: body =>
      body.requestVms
        .filter((entry: any) => entry.environments.length > 0)
        .map((entry: any) => entry.systemId),
    expect: [
      ['payments', 'ops', 'reports', 'logistics'],
      [],
      ['payments', 'ops'],
      ['payments', 'ops'],
      [],
      [],
    ],
  },

  // Systems, members, Services.
  {
    operationId: 'ListSystems',
    listed: items,
    expect: [
      ['payments', 'ops', 'reports', 'logistics'],
      ['payments', 'ops', 'reports', 'logistics'],
      ['payments', 'ops', 'reports'],
      ['payments', 'ops', 'reports'],
      ['payments', 'ops', 'reports', 'logistics'],
      [],
    ],
  },
  {
    operationId: 'CreateSystem',
    request: ({ unique }) => ({ body: { name: unique('s') } }),
    expect: [OK, F, OK, OK, F, F],
  },
  {
    operationId: 'RegisterSystem',
    request: ({ persona }) => ({
      body: { entityRef: `system:default/rs-${CODES[persona]}` },
    }),
    expect: [OK, F, OK, OK, F, F],
  },
  {
    operationId: 'GetSystem',
    variant: 'payments, owned by the engineers',
    request: ({ seed }) => ({
      params: { systemId: seed.systems.payments.id },
    }),
    expect: READ_PAYMENTS,
  },
  {
    operationId: 'GetSystem',
    variant: "logistics, another team's",
    request: ({ seed }) => ({
      params: { systemId: seed.systems.logistics.id },
    }),
    expect: READ_LOGISTICS,
  },
  {
    operationId: 'UpdateSystem',
    variant: 'payments, where the engineers are owners',
    request: ({ seed }) => ({
      params: { systemId: seed.systems.payments.id },
      body: { description: 'Updated by the persona matrix' },
    }),
    expect: MANAGE_PAYMENTS,
  },
  {
    operationId: 'UpdateSystem',
    variant: 'ops, where the engineers are members',
    request: ({ seed }) => ({
      params: { systemId: seed.systems.ops.id },
      body: { description: 'Updated by the persona matrix' },
    }),
    expect: [OK, F, F, F, F, N],
  },
  {
    operationId: 'DeleteSystem',
    request: async ({ api, unique }) => {
      const system = await api.fixtures.system({
        name: unique('del'),
        members: [['group:default/team-payments', 'owner']],
      });
      return {
        params: { systemId: system.id },
        query: { confirm_name: system.name },
      };
    },
    expect: MANAGE_PAYMENTS,
  },
  {
    operationId: 'ListSystemMembers',
    request: ({ seed }) => ({
      params: { systemId: seed.systems.payments.id },
    }),
    expect: READ_PAYMENTS,
  },
  {
    operationId: 'AddSystemMember',
    request: ({ seed, unique }) => ({
      params: { systemId: seed.systems.payments.id },
      body: { memberRef: `user:default/${unique('new')}`, role: 'member' },
    }),
    expect: MANAGE_PAYMENTS,
  },
  {
    operationId: 'UpdateSystemMember',
    request: async context => ({
      params: {
        systemId: context.seed.systems.payments.id,
        memberId: await freshMember(context),
      },
      body: { role: 'viewer' },
    }),
    expect: MANAGE_PAYMENTS,
  },
  {
    operationId: 'RemoveSystemMember',
    request: async context => ({
      params: {
        systemId: context.seed.systems.payments.id,
        memberId: await freshMember(context),
      },
    }),
    expect: MANAGE_PAYMENTS,
  },
  {
    operationId: 'CreateService',
    variant: 'in payments, where the engineers are owners',
    request: ({ seed, unique }) => ({
      params: { systemId: seed.systems.payments.id },
      body: { name: unique('svc') },
    }),
    expect: MANAGE_PAYMENTS,
  },
  {
    operationId: 'CreateService',
    variant: 'in ops, where the engineers are members',
    request: ({ seed, unique }) => ({
      params: { systemId: seed.systems.ops.id },
      body: { name: unique('svc') },
    }),
    expect: [OK, F, OK, OK, F, N],
  },
  {
    operationId: 'CreateService',
    variant: 'in reports, where the engineers are viewers',
    request: ({ seed, unique }) => ({
      params: { systemId: seed.systems.reports.id },
      body: { name: unique('svc') },
    }),
    expect: [OK, F, F, F, F, N],
  },
  {
    operationId: 'RegisterService',
    request: ({ seed, persona }) => ({
      params: { systemId: seed.systems.payments.id },
      body: { entityRef: `component:default/rc-${CODES[persona]}` },
    }),
    expect: MANAGE_PAYMENTS,
  },
  {
    operationId: 'ListServices',
    listed: items,
    expect: [
      ['cart', 'board', 'depot'],
      ['cart', 'board', 'depot'],
      ['cart', 'board'],
      ['cart', 'board'],
      ['cart', 'board', 'depot'],
      [],
    ],
  },
  {
    operationId: 'GetService',
    variant: 'cart of payments',
    request: ({ seed }) => ({ params: { serviceId: seed.services.cart.id } }),
    expect: READ_PAYMENTS,
  },
  {
    operationId: 'GetService',
    variant: 'depot of logistics',
    request: ({ seed }) => ({ params: { serviceId: seed.services.depot.id } }),
    expect: READ_LOGISTICS,
  },
  {
    operationId: 'UpdateService',
    request: ({ seed }) => ({
      params: { serviceId: seed.services.cart.id },
      body: { description: 'Updated by the persona matrix' },
    }),
    expect: MANAGE_PAYMENTS,
  },
  {
    operationId: 'DeleteService',
    request: async context => ({
      params: { serviceId: (await freshService(context)).id },
      query: { confirm: 'true' },
    }),
    expect: MANAGE_PAYMENTS,
  },

  // Audit log.
  { operationId: 'ListAuditLogs', expect: AUDIT_READERS },
  { operationId: 'ExportAuditLogs', expect: AUDIT_READERS },
  {
    operationId: 'GetAuditLog',
    request: ({ seed }) => ({ params: { auditLogId: seed.auditLogId } }),
    expect: AUDIT_READERS,
  },

  // VMs.
  {
    operationId: 'ListVms',
    listed: items,
    expect: [
      ['payTest', 'payProd', 'repTest', 'logTest'],
      ['payTest', 'payProd', 'repTest', 'logTest'],
      ['payTest', 'repTest'],
      ['payTest', 'payProd', 'repTest'],
      ['payTest', 'payProd', 'repTest', 'logTest'],
      [],
    ],
  },
  {
    operationId: 'ListVms',
    variant: 'ordered by a column: the same VMs',
    request: () => ({ query: { orderBy: 'environment', order: 'desc' } }),
    listed: items,
    expect: [
      ['payTest', 'payProd', 'repTest', 'logTest'],
      ['payTest', 'payProd', 'repTest', 'logTest'],
      ['payTest', 'repTest'],
      ['payTest', 'payProd', 'repTest'],
      ['payTest', 'payProd', 'repTest', 'logTest'],
      [],
    ],
  },
  {
    operationId: 'RequestVm',
    variant: 'payments, test namespace',
    request: requestVm(freshService, 'dev'),
    expect: OPERATE_PAYMENTS_TEST,
  },
  {
    operationId: 'RequestVm',
    variant:
      'payments, production namespace (invisible to test-only engineers)',
    request: requestVm(freshService, 'prd'),
    expect: [OK, F, N, OK, F, N],
  },
  {
    operationId: 'RequestVm',
    variant: 'reports, where the engineers are viewers',
    request: requestVm(context => freshService(context, 'reports'), 'dev'),
    expect: [OK, F, F, F, F, N],
  },
  {
    operationId: 'RequestVm',
    variant: "logistics, another team's",
    request: requestVm(context => freshService(context, 'logistics'), 'dev'),
    expect: [OK, F, N, N, F, N],
  },
  {
    operationId: 'GetVm',
    variant: 'payments, test',
    request: ({ seed }) => ({ params: { vmId: seed.vms.payTest.id } }),
    expect: READ_PAYMENTS,
  },
  {
    operationId: 'GetVm',
    variant: 'payments, production',
    request: ({ seed }) => ({ params: { vmId: seed.vms.payProd.id } }),
    expect: READ_PAYMENTS_PROD,
  },
  {
    operationId: 'GetVm',
    variant: 'reports, where the engineers are viewers',
    request: ({ seed }) => ({ params: { vmId: seed.vms.repTest.id } }),
    expect: READ_PAYMENTS,
  },
  {
    operationId: 'GetVm',
    variant: 'logistics',
    request: ({ seed }) => ({ params: { vmId: seed.vms.logTest.id } }),
    expect: READ_LOGISTICS,
  },
  {
    operationId: 'GetVmHistory',
    variant: 'payments, test',
    request: ({ seed }) => ({ params: { vmId: seed.vms.payTest.id } }),
    expect: READ_PAYMENTS,
  },
  {
    operationId: 'GetVmHistory',
    variant: 'payments, production',
    request: ({ seed }) => ({ params: { vmId: seed.vms.payProd.id } }),
    expect: READ_PAYMENTS_PROD,
  },
  {
    operationId: 'GetVmHistory',
    variant: 'logistics',
    request: ({ seed }) => ({ params: { vmId: seed.vms.logTest.id } }),
    expect: READ_LOGISTICS,
  },
  {
    operationId: 'RequestVmDeletion',
    variant: 'test',
    request: async context => ({
      params: { vmId: (await freshVm(context, 'test')).id },
      query: { confirm: 'true' },
    }),
    expect: OPERATE_PAYMENTS_TEST,
  },
  {
    operationId: 'RequestVmDeletion',
    variant: 'production',
    request: async context => {
      const vm = await freshVm(context, 'prod');
      return {
        params: { vmId: vm.id },
        query: { confirm_name: vm.name, reason: 'persona matrix' },
      };
    },
    expect: OPERATE_PAYMENTS_PROD,
  },
  {
    operationId: 'RequestVmPower',
    variant: 'test',
    request: async context => ({
      params: { vmId: (await freshVm(context, 'test')).id },
      body: { action: 'stop' },
    }),
    expect: OPERATE_PAYMENTS_TEST,
  },
  {
    operationId: 'RequestVmPower',
    variant: 'production',
    request: async context => ({
      params: { vmId: (await freshVm(context, 'prod')).id },
      body: { action: 'stop' },
    }),
    expect: OPERATE_PAYMENTS_PROD,
  },
  {
    operationId: 'RequestVmPower',
    variant: 'reports, where the engineers are viewers',
    request: async context => ({
      params: { vmId: (await freshVm(context, 'test', 'reports')).id },
      body: { action: 'stop' },
    }),
    expect: [OK, F, F, F, F, N],
  },
  {
    operationId: 'RequestVmModification',
    variant: 'test',
    request: async context => ({
      params: { vmId: (await freshVm(context, 'test')).id },
      body: { targetDiskGb: 40, reason: 'persona matrix' },
    }),
    expect: OPERATE_PAYMENTS_TEST,
  },
  {
    operationId: 'RequestVmModification',
    variant: 'production',
    request: async context => ({
      params: { vmId: (await freshVm(context, 'prod')).id },
      body: { targetDiskGb: 40, reason: 'persona matrix' },
    }),
    expect: OPERATE_PAYMENTS_PROD,
  },
  {
    operationId: 'GetVmConsoleAccess',
    variant: 'test',
    request: ({ seed }) => ({ params: { vmId: seed.vms.payTest.id } }),
    expect: OPERATE_PAYMENTS_TEST,
  },
  {
    operationId: 'GetVmConsoleAccess',
    variant: 'production',
    request: ({ seed }) => ({ params: { vmId: seed.vms.payProd.id } }),
    expect: OPERATE_PAYMENTS_PROD,
  },
  {
    operationId: 'RequestVmConsole',
    variant: 'test',
    request: ({ seed }) => ({
      params: { vmId: seed.vms.payTest.id },
      body: { minutes: 5 },
    }),
    expect: OPERATE_PAYMENTS_TEST,
  },
  {
    operationId: 'RequestVmConsole',
    variant: 'production',
    request: ({ seed }) => ({
      params: { vmId: seed.vms.payProd.id },
      body: { minutes: 5, reason: 'persona matrix' },
    }),
    expect: OPERATE_PAYMENTS_PROD,
  },
  {
    operationId: 'CreateVmConsoleSession',
    variant: 'test, with a console grant',
    request: async context => ({
      params: { vmId: await grantedConsole(context, 'payTest') },
    }),
    expect: OPERATE_PAYMENTS_TEST,
  },
  {
    operationId: 'CreateVmConsoleSession',
    variant: 'production, with a console grant',
    request: async context => ({
      params: { vmId: await grantedConsole(context, 'payProd') },
    }),
    expect: OPERATE_PAYMENTS_PROD,
  },
  {
    operationId: 'CreateVmConsoleSession',
    variant: 'take-over, test, where the engineers are owners',
    request: async context => ({
      params: { vmId: await grantedConsole(context, 'payTest') },
      body: { takeover: true },
    }),
    expect: OPERATE_PAYMENTS_TEST,
  },
  {
    operationId: 'CreateVmConsoleSession',
    variant: 'take-over, test, in ops, where the engineers are members',
    request: async context => ({
      params: {
        vmId: await grantedConsole(
          context,
          await freshVm(context, 'test', 'ops'),
        ),
      },
      body: { takeover: true },
    }),
    // Members open the console; taking it over needs owners or admins.
    expect: [OK, F, F, F, F, N],
  },

  // Tickets and approvals.
  {
    operationId: 'ListTickets',
    variant: 'scope=all: every ticket the persona may read',
    request: () => ({ query: { scope: 'all' } }),
    listed: items,
    expect: [
      ['payTest', 'payProd', 'logOther', 'logMine', 'osMine', 'preview'],
      ['payTest', 'payProd', 'logOther', 'logMine', 'osMine', 'preview'],
      ['payTest', 'logMine', 'preview'],
      ['payTest', 'payProd', 'preview'],
      ['payTest', 'payProd', 'logOther', 'logMine', 'osMine', 'preview'],
      [],
    ],
  },
  {
    operationId: 'ListTickets',
    variant: 'scope=all, ordered by a column: the same tickets',
    request: () => ({
      query: { scope: 'all', orderBy: 'requester', order: 'desc' },
    }),
    listed: items,
    expect: [
      ['payTest', 'payProd', 'logOther', 'logMine', 'osMine', 'preview'],
      ['payTest', 'payProd', 'logOther', 'logMine', 'osMine', 'preview'],
      ['payTest', 'logMine', 'preview'],
      ['payTest', 'payProd', 'preview'],
      ['payTest', 'payProd', 'logOther', 'logMine', 'osMine', 'preview'],
      [],
    ],
  },
  {
    operationId: 'ListTickets',
    variant: "the persona's own requests",
    listed: items,
    // The outsider's own request (osMine) stays hidden: without a role it reads nothing.
    expect: [[], [], ['payTest', 'logMine', 'preview'], ['payProd'], [], []],
  },
  {
    operationId: 'GetTicket',
    variant: 'of payments, test',
    request: ({ seed }) => ({ params: { ticketId: seed.tickets.payTest.id } }),
    expect: READ_PAYMENTS,
  },
  {
    operationId: 'GetTicket',
    variant: 'of payments, production, requested by engineer-prod',
    request: ({ seed }) => ({ params: { ticketId: seed.tickets.payProd.id } }),
    expect: READ_PAYMENTS_PROD,
  },
  {
    operationId: 'GetTicket',
    variant: 'of logistics, requested by engineer-test',
    request: ({ seed }) => ({ params: { ticketId: seed.tickets.logMine.id } }),
    expect: [OK, OK, OK, N, OK, N],
  },
  {
    operationId: 'GetTicket',
    variant: 'of logistics, requested by the outsider',
    request: ({ seed }) => ({ params: { ticketId: seed.tickets.osMine.id } }),
    expect: [OK, OK, N, N, OK, N],
  },
  {
    operationId: 'CancelTicket',
    variant: "the persona's own pending request",
    request: async ({ api, seed, persona }) => {
      const ticket = await api.fixtures.ticket(seed.services.cart, {
        requester: userRef(persona),
      });
      return { params: { ticketId: ticket.id } };
    },
    expect: [OK, F, OK, OK, F, N],
  },
  {
    operationId: 'CancelTicket',
    variant: "someone else's pending request of payments",
    // Only the requester withdraws a request, platform admins included.
    request: async ({ api, seed }) => {
      const ticket = await api.fixtures.ticket(seed.services.cart, {
        requester: 'user:default/someone',
      });
      return { params: { ticketId: ticket.id } };
    },
    expect: [F, F, F, F, F, N],
  },
  {
    operationId: 'ListApprovalTasks',
    variant: 'ordered by a column: the same tasks',
    request: () => ({ query: { orderBy: 'environment', order: 'desc' } }),
    listed: body => body.items.map((task: any) => task.ticket.id),
    expect: [
      ['payTest', 'payProd', 'logOther', 'logMine', 'osMine', 'preview'],
      ['payTest', 'payProd', 'logOther', 'logMine', 'osMine', 'preview'],
      [],
      [],
      [],
      [],
    ],
  },
  {
    operationId: 'ListApprovalTasks',
    listed: body => body.items.map((task: any) => task.ticket.id),
    expect: [
      ['payTest', 'payProd', 'logOther', 'logMine', 'osMine', 'preview'],
      ['payTest', 'payProd', 'logOther', 'logMine', 'osMine', 'preview'],
      [],
      [],
      [],
      [],
    ],
  },
  {
    operationId: 'PreviewApproval',
    request: ({ seed }) => ({ params: { ticketId: seed.tickets.preview.id } }),
    expect: DECIDE_PAYMENTS,
  },
  {
    operationId: 'RenderApprovalManifest',
    request: ({ seed }) => ({
      params: { ticketId: seed.tickets.preview.id },
      body: { clusterId: seed.clusters.test.id },
    }),
    expect: DECIDE_PAYMENTS,
  },
  {
    operationId: 'ApproveTicket',
    request: async context => ({
      params: { ticketId: await requestedTicket(context) },
      body: { clusterId: context.seed.clusters.test.id },
    }),
    expect: DECIDE_PAYMENTS,
  },
  {
    operationId: 'RejectTicket',
    request: async context => ({
      params: { ticketId: await requestedTicket(context) },
      body: { reason: 'Not this quarter' },
    }),
    expect: DECIDE_PAYMENTS,
  },

  // Admin catalogs: platform admins only; clusters also readable by approvers.
  { operationId: 'ListAdminNamespaces', expect: ADMIN_ONLY },
  {
    operationId: 'CreateNamespace',
    request: ({ unique }) => ({
      body: { name: unique('ns'), environment: 'test' },
    }),
    expect: ADMIN_ONLY,
  },
  {
    operationId: 'GetNamespace',
    request: ({ seed }) => ({
      params: { namespaceId: seed.namespaces.dev.id },
    }),
    expect: ADMIN_ONLY,
  },
  {
    operationId: 'UpdateNamespace',
    request: ({ seed }) => ({
      params: { namespaceId: seed.namespaces.dev.id },
      body: { description: 'Updated by the persona matrix' },
    }),
    expect: ADMIN_ONLY,
  },
  {
    operationId: 'DeleteNamespace',
    request: async ({ api, unique }) => {
      const namespace = await api.fixtures.namespace({ name: unique('ns') });
      return {
        params: { namespaceId: namespace.id },
        query: { confirm_name: namespace.name },
      };
    },
    expect: ADMIN_ONLY,
  },
  { operationId: 'ListClusters', expect: CLUSTER_READERS },
  {
    operationId: 'RegisterCluster',
    request: ({ unique }) => ({
      body: {
        name: unique('cluster'),
        environment: 'test',
        kubeconfig: KUBECONFIG('https://127.0.0.1:8443'),
      },
    }),
    expect: ADMIN_ONLY,
  },
  {
    operationId: 'GetCluster',
    request: ({ seed }) => ({ params: { clusterId: seed.clusters.test.id } }),
    expect: CLUSTER_READERS,
  },
  {
    operationId: 'UpdateCluster',
    request: ({ seed }) => ({
      params: { clusterId: seed.clusters.test.id },
      body: { displayName: 'Updated by the persona matrix' },
    }),
    expect: ADMIN_ONLY,
  },
  {
    operationId: 'RotateClusterCredentials',
    request: async ({ api, unique }) => {
      const cluster = await api.fixtures.cluster({ name: unique('cluster') });
      return {
        params: { clusterId: cluster.id },
        body: { kubeconfig: KUBECONFIG(cluster.apiServerUrl) },
      };
    },
    expect: ADMIN_ONLY,
  },
  {
    operationId: 'DeleteCluster',
    request: async ({ api, unique }) => ({
      params: {
        clusterId: (await api.fixtures.cluster({ name: unique('cluster') })).id,
      },
    }),
    expect: ADMIN_ONLY,
  },
  // The reconciler: platform admins only.
  { operationId: 'ListReconcileReports', expect: ADMIN_ONLY },
  {
    operationId: 'GetReconcileReport',
    request: async ({ api, unique }) => {
      const cluster = await api.fixtures.cluster({ name: unique('cluster') });
      const report = {
        id: randomUUID(),
        clusterId: cluster.id,
        clusterName: cluster.name,
        mode: 'dry-run' as const,
        trigger: 'SCHEDULED' as const,
        requestedBy: 'service:shepherd',
        status: 'COMPLETED' as const,
        startedAt: new Date().toISOString(),
        finishedAt: new Date().toISOString(),
        recordsCompared: 0,
        recordsSkipped: 0,
        objectsListed: 0,
        ghostCount: 0,
        orphanCount: 0,
        ghosts: [],
        orphans: [],
        marked: false,
      };
      await api.store.reconcileReports.insert(report);
      return { params: { reportId: report.id } };
    },
    expect: ADMIN_ONLY,
  },
  {
    operationId: 'RunReconciler',
    // A cluster whose provider is not installed here: the run fails, and is reported.
    request: async ({ api, unique }) => ({
      body: {
        mode: 'dry-run',
        clusterId: (await api.fixtures.cluster({ name: unique('cluster') })).id,
      },
    }),
    expect: ADMIN_ONLY,
  },
  { operationId: 'ListReconcileMarks', expect: ADMIN_ONLY },
  { operationId: 'ListTemplates', expect: ADMIN_ONLY },
  {
    operationId: 'CreateTemplate',
    request: ({ unique }) => ({
      body: {
        name: unique('tpl'),
        sourceType: 'containerdisk',
        imageUrl: 'quay.io/containerdisks/fedora:40',
        osFamily: 'linux',
        osVersion: '40',
      },
    }),
    expect: ADMIN_ONLY,
  },
  {
    operationId: 'GetTemplate',
    request: ({ seed }) => ({ params: { templateId: seed.template.id } }),
    expect: ADMIN_ONLY,
  },
  {
    operationId: 'UpdateTemplate',
    request: ({ seed }) => ({
      params: { templateId: seed.template.id },
      body: { displayName: 'Fedora (persona matrix)' },
    }),
    expect: ADMIN_ONLY,
  },
  {
    operationId: 'DeleteTemplate',
    request: async ({ api, unique }) => ({
      params: {
        templateId: (await api.fixtures.template({ name: unique('tpl') })).id,
      },
    }),
    expect: ADMIN_ONLY,
  },
  { operationId: 'ListInstanceSizes', expect: ADMIN_ONLY },
  {
    operationId: 'CreateInstanceSize',
    request: ({ unique }) => ({
      body: { name: unique('size'), cpuCores: 2, memoryGi: 4, diskGb: 40 },
    }),
    expect: ADMIN_ONLY,
  },
  {
    operationId: 'GetInstanceSize',
    request: ({ seed }) => ({ params: { instanceSizeId: seed.size.id } }),
    expect: ADMIN_ONLY,
  },
  {
    operationId: 'UpdateInstanceSize',
    request: ({ seed }) => ({
      params: { instanceSizeId: seed.size.id },
      body: { description: 'Updated by the persona matrix' },
    }),
    expect: ADMIN_ONLY,
  },
  {
    operationId: 'DeleteInstanceSize',
    request: async ({ api, unique }) => ({
      params: {
        instanceSizeId: (
          await api.fixtures.instanceSize({ name: unique('size') })
        ).id,
      },
    }),
    expect: ADMIN_ONLY,
  },

  // The request catalog.
  {
    operationId: 'ListCatalogNamespaces',
    listed: items,
    expect: [
      ['dev', 'prd'],
      ['dev', 'prd'],
      ['dev'],
      ['dev', 'prd'],
      ['dev', 'prd'],
      [],
    ],
  },
  { operationId: 'ListCatalogTemplates', expect: [OK, OK, OK, OK, OK, F] },
  {
    operationId: 'ListCatalogInstanceSizes',
    expect: [OK, OK, OK, OK, OK, F],
  },

  // Adoption of VMs found on the clusters: platform admins only (no provider here; the
  // adoption itself is tested against the simulator in service/adoption).
  { operationId: 'ListPendingAdoptions', expect: ADMIN_ONLY },
  { operationId: 'DiscoverPendingAdoptions', expect: ADMIN_ONLY },
  {
    operationId: 'AdoptPendingAdoption',
    variant: 'into a Service that does not exist',
    request: async context => ({
      params: { adoptionId: await pendingAdoption(context) },
      body: { serviceId: randomUUID() },
    }),
    expect: [N, F, F, F, F, F],
  },
  {
    operationId: 'RejectPendingAdoption',
    request: async context => ({
      params: { adoptionId: await pendingAdoption(context) },
      body: { reason: 'A lab VM' },
    }),
    expect: ADMIN_ONLY,
  },
];

/** A VM found on the seeded test cluster without Shepherd's labels, proposed for adoption. */
async function pendingAdoption({ api, seed, unique }: Context) {
  const now = new Date().toISOString();
  const id = randomUUID();
  await api.store.pendingAdoptions.propose({
    id,
    clusterId: seed.clusters.test.id,
    namespace: seed.namespaces.dev.name,
    resourceName: unique('found'),
    resourceType: 'VirtualMachine',
    uid: randomUUID(),
    status: 'PENDING',
    runtimeStatus: 'RUNNING',
    labels: {},
    size: {},
    discoveredBy: 'service:shepherd',
    createdAt: now,
    lastSeenAt: now,
    updatedAt: now,
  });
  return id;
}

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * Every operation of openapi.yaml, with its method and path. An operation without an
 * operationId is listed under its method and path, so it fails the coverage check rather
 * than going unnoticed.
 */
const OPERATIONS = new Map(
  Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, { operationId?: string }>)
      .filter(([key]) => (HTTP_METHODS as readonly string[]).includes(key))
      .map(([method, operation]) => [
        operation.operationId ?? `${method.toUpperCase()} ${path}`,
        { method: method as HttpMethod, path },
      ]),
  ),
);

/**
 * Reads come first, before the state-changing rows add records, so that lists show the
 * seeded records on their first page.
 */
const ORDERED_ROWS = [
  ...ROWS.filter(row => OPERATIONS.get(row.operationId)?.method === 'get'),
  ...ROWS.filter(row => OPERATIONS.get(row.operationId)?.method !== 'get'),
];

/** The id of the seeded payments System, which its catalog entity carries. */
const PAYMENTS_SYSTEM_ID = randomUUID();

const ENTITIES: Entity[] = [
  // The payments System as the catalog module publishes it: Components join it by its ref.
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: 'payments',
      namespace: 'default',
      annotations: { [SHEPHERD_ANNOTATIONS.systemId]: PAYMENTS_SYSTEM_ID },
    },
    spec: { owner: 'group:default/team-payments' },
  },
  ...PERSONAS.flatMap((persona): Entity[] => [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: `rs-${CODES[persona]}`, namespace: 'default' },
      spec: { owner: 'group:default/team-payments' },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: `rc-${CODES[persona]}`, namespace: 'default' },
      spec: {
        type: 'service',
        owner: 'group:default/team-payments',
        system: 'payments',
      },
    },
  ]),
];

async function seedRecords(api: ShepherdApi): Promise<Seed> {
  const { fixtures } = api;
  const system = (
    name: string,
    role: MemberRole,
    team = 'team-payments',
    id = randomUUID(),
  ) =>
    fixtures.system({ id, name, members: [[`group:default/${team}`, role]] });
  const systems = {
    payments: await system(
      'payments',
      'owner',
      'team-payments',
      PAYMENTS_SYSTEM_ID,
    ),
    ops: await system('ops', 'member'),
    reports: await system('reports', 'viewer'),
    logistics: await system('logistics', 'owner', 'team-logistics'),
  };
  const services = {
    cart: await fixtures.service(systems.payments, { name: 'cart' }),
    board: await fixtures.service(systems.reports, { name: 'board' }),
    depot: await fixtures.service(systems.logistics, { name: 'depot' }),
  };
  const namespaces = {
    dev: await fixtures.namespace({ name: 'dev', environment: 'test' }),
    prd: await fixtures.namespace({ name: 'prd', environment: 'prod' }),
  };
  const template = await fixtures.template({ name: 'fedora' });
  const size = await fixtures.instanceSize({ name: 'medium', diskGb: 20 });
  const clusters = {
    test: await fixtures.cluster({ name: 'test-a', environment: 'test' }),
    prod: await fixtures.cluster({ name: 'prod-a', environment: 'prod' }),
  };
  const vm = (service: ShepherdService, environment: Environment) =>
    fixtures.vm(service, {
      name: `${environment === 'test' ? 'dev' : 'prd'}-${service.systemName}-${
        service.name
      }-01`,
      namespace: environment === 'test' ? 'dev' : 'prd',
      environment,
      clusterId: clusters[environment].id,
    });
  const vms = {
    payTest: await vm(services.cart, 'test'),
    payProd: await vm(
      await fixtures.service(systems.payments, { name: 'till' }),
      'prod',
    ),
    repTest: await vm(services.board, 'test'),
    logTest: await vm(services.depot, 'test'),
  };
  const tickets = {
    payTest: await fixtures.ticket(services.cart, {
      requester: userRef('engineer-test'),
    }),
    payProd: await fixtures.ticket(services.cart, {
      requester: userRef('engineer-prod'),
      environment: 'prod',
      namespace: 'prd',
    }),
    logOther: await fixtures.ticket(services.depot, {
      requester: 'user:default/someone',
    }),
    logMine: await fixtures.ticket(services.depot, {
      requester: userRef('engineer-test'),
    }),
    // A request of a user who holds no role (any more): it gets nothing of Shepherd's.
    osMine: await fixtures.ticket(services.depot, {
      requester: userRef('outsider'),
    }),
    preview: { id: '' },
  };
  const submitted = await api
    .as('engineer-test')
    .post('/v1/vms/requests')
    .send({
      serviceId: services.cart.id,
      namespace: 'dev',
      templateId: template.id,
      instanceSizeId: size.id,
      reason: 'to preview',
    });
  expect(submitted.status).toBe(202);
  tickets.preview = { id: submitted.body.ticketId };
  const audit = await api.store.audit.list({ offset: 0, limit: 1 });

  const labels = new Map<string, string>();
  for (const group of [systems, services, namespaces, vms, tickets]) {
    for (const [label, record] of Object.entries(group)) {
      labels.set(record.id, label);
    }
  }
  return {
    systems,
    services,
    namespaces,
    template,
    size,
    clusters,
    vms,
    tickets,
    auditLogId: audit.items[0].id,
    labels,
  };
}

/** Codes of a 403 that a permission decided (a take-over refusal has its own code). */
const PERMISSION_REFUSAL_CODES: ReadonlySet<string> = new Set([
  SHEPHERD_ERROR_CODES.PERMISSION_DENIED,
  SHEPHERD_ERROR_CODES.CONSOLE_TAKEOVER_DENIED,
]);

function outcomeOf(response: Response, row: Row, seed: Seed): unknown {
  const { status, body } = response;
  if (status >= 200 && status < 300) {
    if (!row.listed) return OK;
    return row.listed(body).flatMap(id => seed.labels.get(id) ?? []);
  }
  const code = body?.error?.code;
  if (status === 403 && PERMISSION_REFUSAL_CODES.has(code)) return F;
  if (status === 404 && code === 'NOT_FOUND') return N;
  return `${status} ${code}: ${body?.error?.message}`;
}

/** The expectation, with lists compared as sets. */
function normalized(outcome: unknown) {
  return Array.isArray(outcome) ? [...outcome].sort() : outcome;
}

describe('persona matrix', () => {
  it('has a row for every operation of the API', () => {
    const covered = new Set(ROWS.map(row => row.operationId));
    const missing = [...OPERATIONS.keys()].filter(id => !covered.has(id));
    const unknown = [...covered].filter(id => !OPERATIONS.has(id));
    expect({ missing, unknown }).toEqual({ missing: [], unknown: [] });
  });

  it('expects every operation but the health check to deny the outsider', () => {
    // The outsider holds no role: its column is what a caller gets from a policy that
    // denies every Shepherd permission, so every route must check one.
    const outsider = PERSONAS.indexOf('outsider');
    const open = ROWS.filter(row => {
      const outcome = row.expect[outsider];
      const denied =
        outcome === F ||
        outcome === N ||
        (Array.isArray(outcome) && !outcome.length);
      return !denied;
    }).map(row => row.operationId);
    expect(open).toEqual(['GetHealth']);
  });

  it('uses the personas and groups of the demo organisation', () => {
    const documents = readRepoYaml('examples/org.yaml') as Entity[];
    const groups = Object.fromEntries(
      documents
        .filter(entity => entity.kind === 'User')
        .map(user => [
          user.metadata.name,
          ((user.spec?.memberOf as string[]) ?? []).map(
            group => `group:default/${group}`,
          ),
        ]),
    );
    expect(groups).toEqual(PERSONA_GROUPS);
    expect(Object.keys(PERSONA_GROUPS).sort()).toEqual([...PERSONAS].sort());
  });

  it('finds valid role bindings in the demo and production configurations', () => {
    const demo = readShepherdPolicyConfig(demoPermissionConfig());
    expect(demo.roles.platformAdmins).toEqual(['group:default/platform-team']);
    expect(demo.defaultDecision).toBe('allow');
    const production = readShepherdPolicyConfig(
      demoPermissionConfig('app-config.production.yaml'),
    );
    expect(production.roles).toEqual({
      platformAdmins: [],
      approvers: [],
      engineers: [],
      viewers: [],
    });
  });

  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let api: ShepherdApi;
    let seed: Seed;
    let counter = 0;
    const unique = (prefix: string) => `${prefix}${(counter += 1)}`;

    beforeAll(async () => {
      api = await startShepherdApi({
        databases,
        databaseId,
        entities: ENTITIES,
        periodicTasksOnStartup: false,
        config: {
          shepherd: {
            credentials: {
              encryptionKeys: [
                { id: 'k1', secret: Buffer.alloc(32, 7).toString('base64') },
              ],
            },
          },
        },
      });
      seed = await seedRecords(api);
    });

    afterAll(async () => {
      await api?.backend.stop();
    });

    it.each(
      ORDERED_ROWS.map(row => [
        row.variant ? `${row.operationId} (${row.variant})` : row.operationId,
        row,
      ]),
    )('%s', async (_title, row: Row) => {
      const { method, path } = OPERATIONS.get(row.operationId)!;
      const actual: Record<string, unknown> = {};
      const expected: Record<string, unknown> = {};
      for (const [i, persona] of PERSONAS.entries()) {
        const parts =
          (await row.request?.({
            api,
            seed,
            persona,
            unique,
          })) ?? {};
        const url = path.replace(/\{(\w+)\}/g, (_match, name: string) => {
          const value = parts.params?.[name];
          if (value === undefined) {
            throw new Error(`${row.operationId}: no value for {${name}}`);
          }
          return encodeURIComponent(value);
        });
        let pending = api.as(persona)[method](url);
        // Lists are asked for one page large enough for every seeded record.
        const query = row.listed
          ? { limit: '100', ...parts.query }
          : parts.query;
        if (query) pending = pending.query(query);
        if (parts.body) pending = pending.send(parts.body);
        const response = await pending;
        actual[persona] = normalized(outcomeOf(response, row, seed));
        expected[persona] = normalized(row.expect[i]);
      }
      expect(actual).toEqual(expected);
    });
  });
});
