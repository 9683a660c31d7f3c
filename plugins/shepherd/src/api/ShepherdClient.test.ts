import { MockFetchApi, mockApis } from '@backstage/test-utils';
import { SHEPHERD_ERROR_CODES } from '@kubevirt-shepherd/plugin-shepherd-common';
import { HttpResponse, JsonBodyType, http } from 'msw';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  aHealthReport,
  aPage,
  aTicket,
  aVm,
  anErrorBody,
} from '../__testUtils__/fixtures';
import {
  SHEPHERD_TEST_BASE_URL,
  createTestShepherdClient,
  setupShepherdMswServer,
  shepherdUrl,
} from '../__testUtils__/shepherdMsw';
import { ShepherdApi } from './ShepherdApi';
import { ShepherdClient } from './ShepherdClient';
import {
  ShepherdApiError,
  hasShepherdErrorCode,
  isShepherdApiError,
} from './ShepherdApiError';

/** The API contract the client is written against. */
const OPENAPI_SPEC = resolve(
  __dirname,
  '../../../shepherd-backend/src/schema/openapi.yaml',
);

type ExpectedRequest = {
  method: string;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
};

type OperationCase = {
  call: (api: ShepherdApi) => Promise<unknown>;
  expected: ExpectedRequest;
  /** Status of the answer (200 by default); 204 answers without a body. */
  status?: number;
};

const SPEC = {
  templateId: 't',
  instanceSizeId: 's',
  cpuCores: 2,
  cpuRequest: 1,
  memoryGi: 4,
  memoryRequestGi: 4,
  diskGb: 20,
};

/** The text of a downloaded file (a Blob of the fetch implementation, not of jsdom). */
function readBlob(blob: Blob): Promise<string> {
  return new Response(blob).text();
}

/** One case per operationId of openapi.yaml: the call and the request it must send. */
const OPERATIONS: Record<string, OperationCase> = {
  GetHealth: {
    call: api => api.getHealth(),
    expected: { method: 'GET', path: '/health' },
  },
  GetCapabilities: {
    call: api => api.getCapabilities({ offset: 100, limit: 100 }),
    expected: {
      method: 'GET',
      path: '/v1/capabilities',
      query: { offset: '100', limit: '100' },
    },
  },
  ListSystems: {
    call: api => api.listSystems({ search: 'pay', offset: 20, limit: 10 }),
    expected: {
      method: 'GET',
      path: '/v1/systems',
      query: { search: 'pay', offset: '20', limit: '10' },
    },
  },
  CreateSystem: {
    call: api =>
      api.createSystem({ name: 'payments', owner: 'group:default/team' }),
    expected: {
      method: 'POST',
      path: '/v1/systems',
      body: { name: 'payments', owner: 'group:default/team' },
    },
    status: 201,
  },
  RegisterSystem: {
    call: api => api.registerSystem({ entityRef: 'system:default/payments' }),
    expected: {
      method: 'POST',
      path: '/v1/systems/register',
      body: { entityRef: 'system:default/payments' },
    },
    status: 201,
  },
  GetSystem: {
    call: api => api.getSystem('sys-1'),
    expected: { method: 'GET', path: '/v1/systems/sys-1' },
  },
  UpdateSystem: {
    call: api => api.updateSystem('sys-1', { description: 'New' }),
    expected: {
      method: 'PATCH',
      path: '/v1/systems/sys-1',
      body: { description: 'New' },
    },
  },
  DeleteSystem: {
    call: api => api.deleteSystem('sys-1', { confirm_name: 'payments' }),
    expected: {
      method: 'DELETE',
      path: '/v1/systems/sys-1',
      query: { confirm_name: 'payments' },
    },
    status: 204,
  },
  ListSystemMembers: {
    call: api => api.listSystemMembers('sys-1'),
    expected: { method: 'GET', path: '/v1/systems/sys-1/members' },
  },
  AddSystemMember: {
    call: api =>
      api.addSystemMember('sys-1', {
        memberRef: 'group:default/ops',
        role: 'admin',
      }),
    expected: {
      method: 'POST',
      path: '/v1/systems/sys-1/members',
      body: { memberRef: 'group:default/ops', role: 'admin' },
    },
    status: 201,
  },
  UpdateSystemMember: {
    call: api => api.updateSystemMember('sys-1', 'm-1', { role: 'viewer' }),
    expected: {
      method: 'PATCH',
      path: '/v1/systems/sys-1/members/m-1',
      body: { role: 'viewer' },
    },
  },
  RemoveSystemMember: {
    call: api => api.removeSystemMember('sys-1', 'm-1'),
    expected: { method: 'DELETE', path: '/v1/systems/sys-1/members/m-1' },
    status: 204,
  },
  CreateService: {
    call: api => api.createService('sys-1', { name: 'api' }),
    expected: {
      method: 'POST',
      path: '/v1/systems/sys-1/services',
      body: { name: 'api' },
    },
    status: 201,
  },
  RegisterService: {
    call: api =>
      api.registerService('sys-1', { entityRef: 'component:default/api' }),
    expected: {
      method: 'POST',
      path: '/v1/systems/sys-1/services/register',
      body: { entityRef: 'component:default/api' },
    },
    status: 201,
  },
  ListServices: {
    call: api => api.listServices({ systemId: 'sys-1', search: 'a' }),
    expected: {
      method: 'GET',
      path: '/v1/services',
      query: { systemId: 'sys-1', search: 'a' },
    },
  },
  GetService: {
    call: api => api.getService('svc-1'),
    expected: { method: 'GET', path: '/v1/services/svc-1' },
  },
  UpdateService: {
    call: api => api.updateService('svc-1', { description: 'd' }),
    expected: {
      method: 'PATCH',
      path: '/v1/services/svc-1',
      body: { description: 'd' },
    },
  },
  DeleteService: {
    call: api => api.deleteService('svc-1', { confirm: true }),
    expected: {
      method: 'DELETE',
      path: '/v1/services/svc-1',
      query: { confirm: 'true' },
    },
    status: 204,
  },
  ListAuditLogs: {
    call: api =>
      api.listAuditLogs({
        action: 'system.create',
        actor: 'user:default/jane',
        resourceType: 'system',
        resourceId: 'sys-1',
        ticketId: 't-1',
        outcome: 'failure',
        from: '2026-11-01T00:00:00Z',
        to: '2026-11-02T00:00:00Z',
        limit: 50,
      }),
    expected: {
      method: 'GET',
      path: '/v1/audit-logs',
      query: {
        action: 'system.create',
        actor: 'user:default/jane',
        resourceType: 'system',
        resourceId: 'sys-1',
        ticketId: 't-1',
        outcome: 'failure',
        from: '2026-11-01T00:00:00Z',
        to: '2026-11-02T00:00:00Z',
        limit: '50',
      },
    },
  },
  ExportAuditLogs: {
    // The file's text is the answer, whatever it holds.
    call: async api =>
      JSON.parse(
        await readBlob(
          (
            await api.exportAuditLogs({
              action: 'system.create',
              from: '2026-11-01T00:00:00Z',
            })
          ).csv,
        ),
      ),
    expected: {
      method: 'GET',
      path: '/v1/audit-logs/export.csv',
      query: { action: 'system.create', from: '2026-11-01T00:00:00Z' },
    },
  },
  GetAuditLog: {
    call: api => api.getAuditLog('a-1'),
    expected: { method: 'GET', path: '/v1/audit-logs/a-1' },
  },
  ListVms: {
    call: api =>
      api.listVms({
        systemId: 'sys-1',
        serviceId: 'svc-1',
        namespace: 'dev',
        environment: 'prod',
        status: ['RUNNING', 'STOPPED'],
        clusterId: 'c-1',
        search: 'web',
        orderBy: 'createdAt',
        order: 'desc',
        offset: 0,
        limit: 20,
      }),
    expected: {
      method: 'GET',
      path: '/v1/vms',
      query: {
        systemId: 'sys-1',
        serviceId: 'svc-1',
        namespace: 'dev',
        environment: 'prod',
        status: 'RUNNING,STOPPED',
        clusterId: 'c-1',
        search: 'web',
        orderBy: 'createdAt',
        order: 'desc',
        offset: '0',
        limit: '20',
      },
    },
  },
  RequestVm: {
    call: api =>
      api.requestVm({
        serviceId: 'svc-1',
        namespace: 'dev',
        templateId: 't',
        instanceSizeId: 's',
        reason: 'tests',
        targetCpuCores: 2.5,
      }),
    expected: {
      method: 'POST',
      path: '/v1/vms/requests',
      body: {
        serviceId: 'svc-1',
        namespace: 'dev',
        templateId: 't',
        instanceSizeId: 's',
        reason: 'tests',
        targetCpuCores: 2.5,
      },
    },
    status: 202,
  },
  GetVm: {
    call: api => api.getVm('vm-1'),
    expected: { method: 'GET', path: '/v1/vms/vm-1' },
  },
  GetVmHistory: {
    call: api => api.getVmHistory('vm-1', { limit: 50 }),
    expected: {
      method: 'GET',
      path: '/v1/vms/vm-1/history',
      query: { limit: '50' },
    },
  },
  RequestVmDeletion: {
    call: api =>
      api.requestVmDeletion('vm-1', {
        confirm_name: 'prod-vm',
        reason: 'Load test finished, VM no longer needed (ticket #42)',
      }),
    expected: {
      method: 'DELETE',
      path: '/v1/vms/vm-1',
      query: {
        confirm_name: 'prod-vm',
        reason: 'Load test finished, VM no longer needed (ticket #42)',
      },
    },
    status: 202,
  },
  RequestVmPower: {
    call: api => api.requestVmPower('vm-1', { action: 'restart', reason: 'r' }),
    expected: {
      method: 'POST',
      path: '/v1/vms/vm-1/power',
      body: { action: 'restart', reason: 'r' },
    },
    status: 202,
  },
  RequestVmModification: {
    call: api =>
      api.requestVmModification('vm-1', {
        targetMemoryGi: 8.5,
        targetDiskGb: 40,
        reason: 'grow',
      }),
    expected: {
      method: 'POST',
      path: '/v1/vms/vm-1/modify-requests',
      body: { targetMemoryGi: 8.5, targetDiskGb: 40, reason: 'grow' },
    },
    status: 202,
  },
  GetVmConsoleAccess: {
    call: api => api.getVmConsoleAccess('vm-1'),
    expected: { method: 'GET', path: '/v1/vms/vm-1/console' },
  },
  RequestVmConsole: {
    call: api => api.requestVmConsole('vm-1', { minutes: 30, reason: 'debug' }),
    expected: {
      method: 'POST',
      path: '/v1/vms/vm-1/console/requests',
      body: { minutes: 30, reason: 'debug' },
    },
    status: 202,
  },
  CreateVmConsoleSession: {
    call: api => api.createVmConsoleSession('vm-1'),
    expected: { method: 'POST', path: '/v1/vms/vm-1/console/sessions' },
    status: 201,
  },
  ListTickets: {
    call: api =>
      api.listTickets({
        scope: 'all',
        status: ['PENDING', 'FAILED'],
        statusGroup: 'ACTIVE',
        operation: ['CREATE', 'POWER'],
        vmId: 'vm-1',
        search: 'cart',
        orderBy: 'status',
        order: 'asc',
      }),
    expected: {
      method: 'GET',
      path: '/v1/tickets',
      query: {
        scope: 'all',
        status: 'PENDING,FAILED',
        statusGroup: 'ACTIVE',
        operation: 'CREATE,POWER',
        vmId: 'vm-1',
        search: 'cart',
        orderBy: 'status',
        order: 'asc',
      },
    },
  },
  GetTicket: {
    call: api => api.getTicket('t-1'),
    expected: { method: 'GET', path: '/v1/tickets/t-1' },
  },
  CancelTicket: {
    call: api => api.cancelTicket('t-1'),
    expected: { method: 'POST', path: '/v1/tickets/t-1/cancel' },
  },
  ListApprovalTasks: {
    call: api =>
      api.listApprovalTasks({
        search: 'zoe',
        orderBy: 'requester',
        order: 'desc',
        offset: 40,
        limit: 20,
      }),
    expected: {
      method: 'GET',
      path: '/v1/approval-tasks',
      query: {
        search: 'zoe',
        orderBy: 'requester',
        order: 'desc',
        offset: '40',
        limit: '20',
      },
    },
  },
  PreviewApproval: {
    call: api => api.previewApproval('t-1'),
    expected: { method: 'GET', path: '/v1/approval-tasks/t-1/preview' },
  },
  RenderApprovalManifest: {
    call: api =>
      api.renderApprovalManifest('t-1', {
        clusterId: 'c-1',
        storageClass: 'fast',
        spec: SPEC,
      }),
    expected: {
      method: 'POST',
      path: '/v1/approval-tasks/t-1/manifest',
      body: { clusterId: 'c-1', storageClass: 'fast', spec: SPEC },
    },
  },
  ApproveTicket: {
    call: api =>
      api.approveTicket('t-1', {
        clusterId: 'c-1',
        storageClass: 'fast',
        spec: SPEC,
        comment: 'ok',
      }),
    expected: {
      method: 'POST',
      path: '/v1/approval-tasks/t-1/approve',
      body: {
        clusterId: 'c-1',
        storageClass: 'fast',
        spec: SPEC,
        comment: 'ok',
      },
    },
  },
  RejectTicket: {
    call: api => api.rejectTicket('t-1', { reason: 'too big' }),
    expected: {
      method: 'POST',
      path: '/v1/approval-tasks/t-1/reject',
      body: { reason: 'too big' },
    },
  },
  ListAdminNamespaces: {
    call: api =>
      api.listAdminNamespaces({ environment: 'test', enabled: 'false' }),
    expected: {
      method: 'GET',
      path: '/v1/admin/namespaces',
      query: { environment: 'test', enabled: 'false' },
    },
  },
  CreateNamespace: {
    call: api => api.createNamespace({ name: 'dev', environment: 'test' }),
    expected: {
      method: 'POST',
      path: '/v1/admin/namespaces',
      body: { name: 'dev', environment: 'test' },
    },
    status: 201,
  },
  GetNamespace: {
    call: api => api.getNamespace('ns-1'),
    expected: { method: 'GET', path: '/v1/admin/namespaces/ns-1' },
  },
  UpdateNamespace: {
    call: api => api.updateNamespace('ns-1', { enabled: false }),
    expected: {
      method: 'PATCH',
      path: '/v1/admin/namespaces/ns-1',
      body: { enabled: false },
    },
  },
  DeleteNamespace: {
    call: api => api.deleteNamespace('ns-1', { confirm_name: 'dev' }),
    expected: {
      method: 'DELETE',
      path: '/v1/admin/namespaces/ns-1',
      query: { confirm_name: 'dev' },
    },
    status: 204,
  },
  ListClusters: {
    call: api => api.listClusters({ environment: 'prod', enabled: 'true' }),
    expected: {
      method: 'GET',
      path: '/v1/admin/clusters',
      query: { environment: 'prod', enabled: 'true' },
    },
  },
  RegisterCluster: {
    call: api =>
      api.registerCluster({
        name: 'east',
        environment: 'prod',
        kubeconfig: 'apiVersion: v1',
      }),
    expected: {
      method: 'POST',
      path: '/v1/admin/clusters',
      body: { name: 'east', environment: 'prod', kubeconfig: 'apiVersion: v1' },
    },
    status: 201,
  },
  GetCluster: {
    call: api => api.getCluster('c-1'),
    expected: { method: 'GET', path: '/v1/admin/clusters/c-1' },
  },
  UpdateCluster: {
    call: api => api.updateCluster('c-1', { defaultStorageClass: 'fast' }),
    expected: {
      method: 'PATCH',
      path: '/v1/admin/clusters/c-1',
      body: { defaultStorageClass: 'fast' },
    },
  },
  DeleteCluster: {
    call: api => api.deleteCluster('c-1'),
    expected: { method: 'DELETE', path: '/v1/admin/clusters/c-1' },
    status: 204,
  },
  RotateClusterCredentials: {
    call: api =>
      api.rotateClusterCredentials('c-1', { kubeconfig: 'apiVersion: v1' }),
    expected: {
      method: 'PUT',
      path: '/v1/admin/clusters/c-1/credentials',
      body: { kubeconfig: 'apiVersion: v1' },
    },
  },
  ListTemplates: {
    call: api => api.listTemplates({ status: 'active', catalogScope: 'prod' }),
    expected: {
      method: 'GET',
      path: '/v1/admin/templates',
      query: { status: 'active', catalogScope: 'prod' },
    },
  },
  CreateTemplate: {
    call: api =>
      api.createTemplate({
        name: 'ubuntu',
        sourceType: 'containerdisk',
        imageUrl: 'quay.io/ubuntu',
      }),
    expected: {
      method: 'POST',
      path: '/v1/admin/templates',
      body: {
        name: 'ubuntu',
        sourceType: 'containerdisk',
        imageUrl: 'quay.io/ubuntu',
      },
    },
    status: 201,
  },
  GetTemplate: {
    call: api => api.getTemplate('tpl-1'),
    expected: { method: 'GET', path: '/v1/admin/templates/tpl-1' },
  },
  UpdateTemplate: {
    call: api =>
      api.updateTemplate('tpl-1', { status: 'deprecated', cloudInit: null }),
    expected: {
      method: 'PATCH',
      path: '/v1/admin/templates/tpl-1',
      body: { status: 'deprecated', cloudInit: null },
    },
  },
  DeleteTemplate: {
    call: api => api.deleteTemplate('tpl-1'),
    expected: { method: 'DELETE', path: '/v1/admin/templates/tpl-1' },
    status: 204,
  },
  ListInstanceSizes: {
    call: api =>
      api.listInstanceSizes({ enabled: 'true', catalogScope: 'all' }),
    expected: {
      method: 'GET',
      path: '/v1/admin/instance-sizes',
      query: { enabled: 'true', catalogScope: 'all' },
    },
  },
  CreateInstanceSize: {
    call: api =>
      api.createInstanceSize({
        name: 'small',
        cpuCores: 2,
        memoryGi: 4,
        diskGb: 20,
      }),
    expected: {
      method: 'POST',
      path: '/v1/admin/instance-sizes',
      body: { name: 'small', cpuCores: 2, memoryGi: 4, diskGb: 20 },
    },
    status: 201,
  },
  GetInstanceSize: {
    call: api => api.getInstanceSize('size-1'),
    expected: { method: 'GET', path: '/v1/admin/instance-sizes/size-1' },
  },
  UpdateInstanceSize: {
    call: api => api.updateInstanceSize('size-1', { hugepagesSize: null }),
    expected: {
      method: 'PATCH',
      path: '/v1/admin/instance-sizes/size-1',
      body: { hugepagesSize: null },
    },
  },
  DeleteInstanceSize: {
    call: api => api.deleteInstanceSize('size-1'),
    expected: { method: 'DELETE', path: '/v1/admin/instance-sizes/size-1' },
    status: 204,
  },
  ListReconcileReports: {
    call: api => api.listReconcileReports({ clusterId: 'c-1' }),
    expected: {
      method: 'GET',
      path: '/v1/admin/reconciler/reports',
      query: { clusterId: 'c-1' },
    },
  },
  GetReconcileReport: {
    call: api => api.getReconcileReport('r-1'),
    expected: { method: 'GET', path: '/v1/admin/reconciler/reports/r-1' },
  },
  RunReconciler: {
    call: api => api.runReconciler({ mode: 'dry-run', clusterId: 'c-1' }),
    expected: {
      method: 'POST',
      path: '/v1/admin/reconciler/runs',
      body: { mode: 'dry-run', clusterId: 'c-1' },
    },
  },
  ListReconcileMarks: {
    call: api => api.listReconcileMarks({ clusterId: 'c-1' }),
    expected: {
      method: 'GET',
      path: '/v1/admin/reconciler/marks',
      query: { clusterId: 'c-1' },
    },
  },
  ListPendingAdoptions: {
    call: api =>
      api.listPendingAdoptions({ status: 'PENDING', clusterId: 'c-1' }),
    expected: {
      method: 'GET',
      path: '/v1/admin/pending-adoptions',
      query: { status: 'PENDING', clusterId: 'c-1' },
    },
  },
  DiscoverPendingAdoptions: {
    call: api => api.discoverPendingAdoptions({ clusterId: 'c-1' }),
    expected: {
      method: 'POST',
      path: '/v1/admin/pending-adoptions/discover',
      body: { clusterId: 'c-1' },
    },
  },
  AdoptPendingAdoption: {
    call: api => api.adoptPendingAdoption('a-1', { serviceId: 's-1' }),
    expected: {
      method: 'POST',
      path: '/v1/admin/pending-adoptions/a-1/adopt',
      body: { serviceId: 's-1' },
    },
  },
  RejectPendingAdoption: {
    call: api => api.rejectPendingAdoption('a-1', { reason: 'a lab VM' }),
    expected: {
      method: 'POST',
      path: '/v1/admin/pending-adoptions/a-1/reject',
      body: { reason: 'a lab VM' },
    },
  },
  ListCatalogNamespaces: {
    call: api => api.listCatalogNamespaces({ limit: 100 }),
    expected: {
      method: 'GET',
      path: '/v1/catalog/namespaces',
      query: { limit: '100' },
    },
  },
  ListCatalogTemplates: {
    call: api => api.listCatalogTemplates({ namespace: 'dev' }),
    expected: {
      method: 'GET',
      path: '/v1/catalog/templates',
      query: { namespace: 'dev' },
    },
  },
  ListCatalogInstanceSizes: {
    call: api => api.listCatalogInstanceSizes({ namespace: 'prod-ns' }),
    expected: {
      method: 'GET',
      path: '/v1/catalog/instance-sizes',
      query: { namespace: 'prod-ns' },
    },
  },
};

function operationIdsOfSpec(): string[] {
  const spec = readFileSync(OPENAPI_SPEC, 'utf8');
  return [...spec.matchAll(/^\s+operationId:\s*(\w+)\s*$/gm)].map(
    match => match[1],
  );
}

type CapturedRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The query string as sent, without the `?`. */
  rawQuery: string;
  body: unknown;
  contentType: string | null;
};

describe('ShepherdClient', () => {
  const server = setupShepherdMswServer();
  const client = createTestShepherdClient();

  /** Answers every request with `body` and `status`, and records what was sent. */
  function captureRequests(answer: { status: number; body?: JsonBodyType }) {
    const captured: CapturedRequest[] = [];
    server.use(
      http.all(`${SHEPHERD_TEST_BASE_URL}/*`, async ({ request }) => {
        const url = new URL(request.url);
        const text = await request.text();
        captured.push({
          method: request.method,
          path: url.pathname.replace('/api/shepherd', ''),
          query: Object.fromEntries(url.searchParams),
          rawQuery: url.search.slice(1),
          body: text ? JSON.parse(text) : undefined,
          contentType: request.headers.get('content-type'),
        });
        return answer.status === 204
          ? new HttpResponse(null, { status: 204 })
          : HttpResponse.json(answer.body, { status: answer.status });
      }),
    );
    return captured;
  }

  it('has a method for every operation of openapi.yaml', () => {
    const specOperations = operationIdsOfSpec();
    expect(specOperations.length).toBeGreaterThan(50);
    expect(Object.keys(OPERATIONS).sort()).toEqual([...specOperations].sort());
  });

  it.each(Object.entries(OPERATIONS))(
    '%s sends the documented request and returns the answer',
    async (_operationId, { call, expected, status = 200 }) => {
      const answer = status === 204 ? undefined : aHealthReport();
      const captured = captureRequests({ status, body: answer });

      const result = await call(client);

      expect(captured).toHaveLength(1);
      const [request] = captured;
      expect(request.method).toBe(expected.method);
      expect(request.path).toBe(expected.path);
      expect(request.query).toEqual(expected.query ?? {});
      expect(request.body).toEqual(expected.body);
      // A body is sent as JSON; a request without one says nothing about its type.
      expect(request.contentType).toBe(
        expected.body === undefined ? null : 'application/json',
      );
      expect(result).toEqual(answer);
    },
  );

  it('leaves out undefined parameters and empty lists', async () => {
    const captured = captureRequests({ status: 200, body: aPage([]) });

    await client.listVms({ systemId: undefined, status: [], search: '' });

    expect(captured[0].query).toEqual({ search: '' });
  });

  it('encodes ids so that they cannot change the path', async () => {
    const captured = captureRequests({ status: 200, body: aVm() });

    await client.getVm('a/../b?c');

    expect(captured[0].path).toBe('/v1/vms/a%2F..%2Fb%3Fc');
    expect(captured[0].query).toEqual({});
  });

  it('percent-encodes query values, a space as %20', async () => {
    const captured = captureRequests({
      status: 202,
      body: { ticketId: 't', eventId: 'e', status: 'PENDING' },
    });

    await client.requestVmDeletion('vm-1', {
      confirm: true,
      reason: 'walk done, 100% & more (ticket #42)',
    });

    expect(captured[0].rawQuery).toBe(
      'confirm=true&reason=walk%20done%2C%20100%25%20%26%20more%20(ticket%20%2342)',
    );
  });

  it('sends lists comma-separated', async () => {
    const captured = captureRequests({ status: 200, body: aPage([]) });

    await client.listTickets({ status: ['PENDING', 'FAILED'] });

    expect(captured[0].rawQuery).toBe('status=PENDING,FAILED');
  });

  it.each([
    ['with the user token', 'user-token', 'Bearer user-token'],
    ['without a token', undefined, null],
  ])(
    "sends bodies through the app's fetchApi middlewares, %s",
    async (_case, token, authorization) => {
      // The identity middleware makes a Request of its input, and passes the input on as it
      // is when it adds no token.
      const throughMiddlewares = new ShepherdClient({
        discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
        fetchApi: new MockFetchApi({
          injectIdentityAuth: {
            identityApi: mockApis.identity({ token }),
          },
        }),
      });
      const captured = captureRequests({ status: 201, body: aHealthReport() });
      const authorizations: Array<string | null> = [];
      server.events.on('request:start', ({ request }) => {
        authorizations.push(request.headers.get('authorization'));
      });

      await throughMiddlewares.createSystem({ name: 'payments' });

      expect(captured[0].body).toEqual({ name: 'payments' });
      expect(authorizations).toEqual([authorization]);
    },
  );

  it('confirms the deletion of a test VM with confirm=true', async () => {
    const captured = captureRequests({
      status: 202,
      body: { ticketId: 't', eventId: 'e', status: 'PENDING' },
    });

    await client.requestVmDeletion('vm-1', { confirm: true });

    expect(captured[0].query).toEqual({ confirm: 'true' });
  });

  it('sends console requests with an empty body when nothing is asked for', async () => {
    const captured = captureRequests({
      status: 200,
      body: { status: 'ACCEPTED' },
    });

    await client.requestVmConsole('vm-1');

    expect(captured[0].body).toEqual({});
  });

  it('asks for a take-over console session in the body', async () => {
    const captured = captureRequests({ status: 201, body: aHealthReport() });

    await client.createVmConsoleSession('vm-1', { takeover: true });

    expect(captured[0].path).toBe('/v1/vms/vm-1/console/sessions');
    expect(captured[0].body).toEqual({ takeover: true });
  });

  it('downloads an audit export as a file, and says when it was cut short', async () => {
    const csv =
      'createdAt,action\r\n2026-11-23T10:00:00.000Z,system.create\r\n';
    for (const truncated of [true, false]) {
      server.use(
        http.get(
          shepherdUrl('/v1/audit-logs/export.csv'),
          () =>
            new HttpResponse(csv, {
              headers: {
                'Content-Type': 'text/csv; charset=utf-8',
                'X-Shepherd-Export-Truncated': String(truncated),
              },
            }),
        ),
      );

      const exported = await client.exportAuditLogs();

      expect(await readBlob(exported.csv)).toBe(csv);
      expect(exported.truncated).toBe(truncated);
    }
  });

  it('rejects a refused audit export with the backend code', async () => {
    server.use(
      http.get(shepherdUrl('/v1/audit-logs/export.csv'), () =>
        HttpResponse.json(
          anErrorBody({
            name: 'NotAllowedError',
            message: 'You may not read the audit log',
            code: SHEPHERD_ERROR_CODES.PERMISSION_DENIED,
            status: 403,
          }),
          { status: 403 },
        ),
      ),
    );

    const error = await client.exportAuditLogs().catch(e => e);

    expect(isShepherdApiError(error)).toBe(true);
    expect(error.code).toBe(SHEPHERD_ERROR_CODES.PERMISSION_DENIED);
    expect(error.status).toBe(403);
  });

  describe('errors', () => {
    it('carry the backend code, message, status and details', async () => {
      server.use(
        http.post(shepherdUrl('/v1/vms/requests'), () =>
          HttpResponse.json(
            anErrorBody({
              name: 'ConflictError',
              message: 'A request for this VM is already pending',
              code: SHEPHERD_ERROR_CODES.DUPLICATE_PENDING_REQUEST,
              details: { ticketId: 'ticket-7' },
              status: 409,
            }),
            { status: 409, statusText: 'Conflict' },
          ),
        ),
      );

      const error = await client
        .requestVm({
          serviceId: 's',
          namespace: 'dev',
          templateId: 't',
          instanceSizeId: 'i',
          reason: 'r',
        })
        .catch(e => e);

      expect(error).toBeInstanceOf(ShepherdApiError);
      expect(error).toMatchObject({
        name: 'ShepherdApiError',
        message: 'A request for this VM is already pending',
        code: 'DUPLICATE_PENDING_REQUEST',
        status: 409,
        statusText: 'Conflict',
        details: { ticketId: 'ticket-7' },
        errorName: 'ConflictError',
      });
      expect(isShepherdApiError(error)).toBe(true);
      expect(
        hasShepherdErrorCode(
          error,
          SHEPHERD_ERROR_CODES.DUPLICATE_PENDING_REQUEST,
        ),
      ).toBe(true);
      expect(hasShepherdErrorCode(error, SHEPHERD_ERROR_CODES.NOT_FOUND)).toBe(
        false,
      );
    });

    it('read an error body without the request and response members', async () => {
      server.use(
        http.get(shepherdUrl('/v1/vms/vm-1'), () =>
          HttpResponse.json(
            {
              error: {
                name: 'NotFoundError',
                message: 'VM vm-1 was not found',
                code: 'NOT_FOUND',
              },
            },
            { status: 404 },
          ),
        ),
      );

      const error = await client.getVm('vm-1').catch(e => e);

      expect(error).toMatchObject({
        code: 'NOT_FOUND',
        status: 404,
        message: 'VM vm-1 was not found',
      });
      expect(error.details).toBeUndefined();
    });

    it('survive answers that are not JSON, such as a proxy error page', async () => {
      server.use(
        http.get(
          shepherdUrl('/v1/tickets'),
          () =>
            new HttpResponse('<html>Bad gateway</html>', {
              status: 502,
              statusText: 'Bad Gateway',
              headers: { 'Content-Type': 'text/html' },
            }),
        ),
      );

      const error = await client.listTickets().catch(e => e);

      expect(isShepherdApiError(error)).toBe(true);
      expect(error.code).toBeUndefined();
      expect(error.status).toBe(502);
      expect(error.message).toBe('Request failed with 502 Bad Gateway');
    });

    it('map a 503 of an approval to CLUSTER_UNAVAILABLE', async () => {
      server.use(
        http.post(shepherdUrl('/v1/approval-tasks/t-1/approve'), () =>
          HttpResponse.json(
            anErrorBody({
              name: 'ServiceUnavailableError',
              message: 'The cluster sim-prod cannot be reached',
              code: SHEPHERD_ERROR_CODES.CLUSTER_UNAVAILABLE,
              status: 503,
            }),
            { status: 503 },
          ),
        ),
      );

      const error = await client
        .approveTicket('t-1', { clusterId: 'c' })
        .catch(e => e);

      expect(error.code).toBe('CLUSTER_UNAVAILABLE');
      expect(error.status).toBe(503);
    });

    it('are not confused with other errors', () => {
      expect(isShepherdApiError(new Error('boom'))).toBe(false);
      expect(
        isShepherdApiError({ name: 'ShepherdApiError', status: 400 }),
      ).toBe(false);
    });
  });

  describe('getHealth', () => {
    it('returns the report of a degraded backend (503)', async () => {
      const degraded = aHealthReport({
        status: 'degraded',
        database: { status: 'error', engine: 'postgres', message: 'down' },
      });
      server.use(
        http.get(shepherdUrl('/health'), () =>
          HttpResponse.json(degraded, { status: 503 }),
        ),
      );

      await expect(client.getHealth()).resolves.toEqual(degraded);
    });

    it('rejects a 503 that carries no report', async () => {
      server.use(
        http.get(shepherdUrl('/health'), () =>
          HttpResponse.json(
            anErrorBody({ message: 'Service unavailable', status: 503 }),
            { status: 503 },
          ),
        ),
      );

      const error = await client.getHealth().catch(e => e);

      expect(isShepherdApiError(error)).toBe(true);
      expect(error.message).toBe('Service unavailable');
    });

    it('rejects an unauthenticated request with UNAUTHENTICATED', async () => {
      server.use(
        http.get(shepherdUrl('/health'), () =>
          HttpResponse.json(
            anErrorBody({
              name: 'AuthenticationError',
              message: 'Missing credentials',
              code: SHEPHERD_ERROR_CODES.UNAUTHENTICATED,
              status: 401,
            }),
            { status: 401 },
          ),
        ),
      );

      await expect(client.getHealth()).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
        status: 401,
      });
    });
  });

  it('returns lists as the API pages them', async () => {
    const page = aPage([aTicket()], { totalItems: 41, offset: 20 });
    server.use(
      http.get(shepherdUrl('/v1/tickets'), () => HttpResponse.json(page)),
    );

    await expect(client.listTickets({ offset: 20 })).resolves.toEqual(page);
  });
});
