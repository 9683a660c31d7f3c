import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import {
  AdoptionDiscoveryReport,
  AdoptionResult,
  ApprovalDecision,
  ApprovalManifest,
  ApprovalManifestRequest,
  ApprovalPreview,
  ApprovalResult,
  ApprovalTask,
  AuditLogEntry,
  ConsoleAccess,
  ConsoleSession,
  CreateVmConsoleSessionRequest,
  OperationSubmission,
  Page,
  SHEPHERD_PLUGIN_ID,
  ShepherdApiClient,
  ShepherdApiError,
  ShepherdApiQuery as Query,
  ShepherdApiRequestBody as Body,
  ReconcileMark,
  ReconcileReport,
  SHEPHERD_AUDIT_EXPORT_TRUNCATED_HEADER,
  ShepherdCapabilities,
  ShepherdCluster,
  ShepherdHealth,
  ShepherdInstanceSize,
  ShepherdNamespace,
  ShepherdPendingAdoption,
  ShepherdService,
  ShepherdSystem,
  ShepherdTemplate,
  ShepherdTicket,
  ShepherdVm,
  SystemMember,
  TicketDetail,
  TicketSubmission,
  VmHistoryEntry,
  WithWarnings,
  createShepherdApiClient,
  shepherdData,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { AuditExportFile, ShepherdApi } from './ShepherdApi';

/**
 * {@link ShepherdApi} over HTTP: each method is one call of the client generated from the
 * API's spec (`createShepherdApiClient` of shepherd-common), which encodes paths, queries and
 * bodies. Requests go through the app's `fetchApi`, which attaches the user's Backstage
 * token, to the base URL `discoveryApi` names.
 *
 * @public
 */
export class ShepherdClient implements ShepherdApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  async getHealth(): Promise<ShepherdHealth> {
    const { data, error, response } = await (
      await this.#client()
    ).GET('/health');
    // A degraded backend answers 503 with the same report, which the UI shows as such.
    const report = response.ok ? data : error;
    if ((response.ok || response.status === 503) && isHealthReport(report)) {
      return report;
    }
    throw ShepherdApiError.fromAnswer(response, error);
  }

  getCapabilities(
    query: Query<'GetCapabilities'> = {},
  ): Promise<ShepherdCapabilities> {
    return this.#call(c => c.GET('/v1/capabilities', { params: { query } }));
  }

  // Systems and their members

  listSystems(query: Query<'ListSystems'> = {}): Promise<Page<ShepherdSystem>> {
    return this.#call(c => c.GET('/v1/systems', { params: { query } }));
  }

  createSystem(
    body: Body<'CreateSystem'>,
  ): Promise<WithWarnings<ShepherdSystem>> {
    return this.#call(c => c.POST('/v1/systems', { body }));
  }

  registerSystem(
    body: Body<'RegisterSystem'>,
  ): Promise<WithWarnings<ShepherdSystem>> {
    return this.#call(c => c.POST('/v1/systems/register', { body }));
  }

  getSystem(systemId: string): Promise<ShepherdSystem> {
    return this.#call(c =>
      c.GET('/v1/systems/{systemId}', { params: { path: { systemId } } }),
    );
  }

  updateSystem(
    systemId: string,
    body: Body<'UpdateSystem'>,
  ): Promise<ShepherdSystem> {
    return this.#call(c =>
      c.PATCH('/v1/systems/{systemId}', {
        params: { path: { systemId } },
        body,
      }),
    );
  }

  deleteSystem(systemId: string, query: Query<'DeleteSystem'>): Promise<void> {
    return this.#call(c =>
      c.DELETE('/v1/systems/{systemId}', {
        params: { path: { systemId }, query },
      }),
    );
  }

  listSystemMembers(systemId: string): Promise<{ items: SystemMember[] }> {
    return this.#call(c =>
      c.GET('/v1/systems/{systemId}/members', {
        params: { path: { systemId } },
      }),
    );
  }

  addSystemMember(
    systemId: string,
    body: Body<'AddSystemMember'>,
  ): Promise<SystemMember> {
    return this.#call(c =>
      c.POST('/v1/systems/{systemId}/members', {
        params: { path: { systemId } },
        body,
      }),
    );
  }

  updateSystemMember(
    systemId: string,
    memberId: string,
    body: Body<'UpdateSystemMember'>,
  ): Promise<SystemMember> {
    return this.#call(c =>
      c.PATCH('/v1/systems/{systemId}/members/{memberId}', {
        params: { path: { systemId, memberId } },
        body,
      }),
    );
  }

  removeSystemMember(systemId: string, memberId: string): Promise<void> {
    return this.#call(c =>
      c.DELETE('/v1/systems/{systemId}/members/{memberId}', {
        params: { path: { systemId, memberId } },
      }),
    );
  }

  // Services

  createService(
    systemId: string,
    body: Body<'CreateService'>,
  ): Promise<WithWarnings<ShepherdService>> {
    return this.#call(c =>
      c.POST('/v1/systems/{systemId}/services', {
        params: { path: { systemId } },
        body,
      }),
    );
  }

  registerService(
    systemId: string,
    body: Body<'RegisterService'>,
  ): Promise<WithWarnings<ShepherdService>> {
    return this.#call(c =>
      c.POST('/v1/systems/{systemId}/services/register', {
        params: { path: { systemId } },
        body,
      }),
    );
  }

  listServices(
    query: Query<'ListServices'> = {},
  ): Promise<Page<ShepherdService>> {
    return this.#call(c => c.GET('/v1/services', { params: { query } }));
  }

  getService(serviceId: string): Promise<ShepherdService> {
    return this.#call(c =>
      c.GET('/v1/services/{serviceId}', { params: { path: { serviceId } } }),
    );
  }

  updateService(
    serviceId: string,
    body: Body<'UpdateService'>,
  ): Promise<ShepherdService> {
    return this.#call(c =>
      c.PATCH('/v1/services/{serviceId}', {
        params: { path: { serviceId } },
        body,
      }),
    );
  }

  deleteService(
    serviceId: string,
    query: Query<'DeleteService'>,
  ): Promise<void> {
    return this.#call(c =>
      c.DELETE('/v1/services/{serviceId}', {
        params: { path: { serviceId }, query },
      }),
    );
  }

  // Audit

  listAuditLogs(
    query: Query<'ListAuditLogs'> = {},
  ): Promise<Page<AuditLogEntry>> {
    return this.#call(c => c.GET('/v1/audit-logs', { params: { query } }));
  }

  getAuditLog(auditLogId: string): Promise<AuditLogEntry> {
    return this.#call(c =>
      c.GET('/v1/audit-logs/{auditLogId}', {
        params: { path: { auditLogId } },
      }),
    );
  }

  async exportAuditLogs(
    query: Query<'ExportAuditLogs'> = {},
  ): Promise<AuditExportFile> {
    const { data, error, response } = await (
      await this.#client()
    ).GET('/v1/audit-logs/export.csv', {
      params: { query },
      parseAs: 'blob',
    });
    if (!response.ok || !data) {
      throw ShepherdApiError.fromAnswer(response, error);
    }
    return {
      csv: data,
      truncated:
        response.headers.get(SHEPHERD_AUDIT_EXPORT_TRUNCATED_HEADER) === 'true',
    };
  }

  // VMs and the requests on them

  listVms(query: Query<'ListVms'> = {}): Promise<Page<ShepherdVm>> {
    return this.#call(c => c.GET('/v1/vms', { params: { query } }));
  }

  requestVm(body: Body<'RequestVm'>): Promise<TicketSubmission> {
    return this.#call(c => c.POST('/v1/vms/requests', { body }));
  }

  getVm(vmId: string): Promise<ShepherdVm> {
    return this.#call(c =>
      c.GET('/v1/vms/{vmId}', { params: { path: { vmId } } }),
    );
  }

  getVmHistory(
    vmId: string,
    query: Query<'GetVmHistory'> = {},
  ): Promise<Page<VmHistoryEntry>> {
    return this.#call(c =>
      c.GET('/v1/vms/{vmId}/history', {
        params: { path: { vmId }, query },
      }),
    );
  }

  requestVmDeletion(
    vmId: string,
    query: Query<'RequestVmDeletion'>,
  ): Promise<TicketSubmission> {
    return this.#call(c =>
      c.DELETE('/v1/vms/{vmId}', { params: { path: { vmId }, query } }),
    );
  }

  requestVmPower(
    vmId: string,
    body: Body<'RequestVmPower'>,
  ): Promise<OperationSubmission> {
    return this.#call(c =>
      c.POST('/v1/vms/{vmId}/power', { params: { path: { vmId } }, body }),
    );
  }

  requestVmModification(
    vmId: string,
    body: Body<'RequestVmModification'>,
  ): Promise<TicketSubmission> {
    return this.#call(c =>
      c.POST('/v1/vms/{vmId}/modify-requests', {
        params: { path: { vmId } },
        body,
      }),
    );
  }

  getVmConsoleAccess(vmId: string): Promise<ConsoleAccess> {
    return this.#call(c =>
      c.GET('/v1/vms/{vmId}/console', { params: { path: { vmId } } }),
    );
  }

  requestVmConsole(
    vmId: string,
    body: Body<'RequestVmConsole'> = {},
  ): Promise<OperationSubmission> {
    return this.#call(c =>
      c.POST('/v1/vms/{vmId}/console/requests', {
        params: { path: { vmId } },
        body,
      }),
    );
  }

  createVmConsoleSession(
    vmId: string,
    body?: CreateVmConsoleSessionRequest,
  ): Promise<ConsoleSession> {
    return this.#call(c =>
      c.POST('/v1/vms/{vmId}/console/sessions', {
        params: { path: { vmId } },
        body,
      }),
    );
  }

  // Tickets

  listTickets(query: Query<'ListTickets'> = {}): Promise<Page<ShepherdTicket>> {
    return this.#call(c => c.GET('/v1/tickets', { params: { query } }));
  }

  getTicket(ticketId: string): Promise<TicketDetail> {
    return this.#call(c =>
      c.GET('/v1/tickets/{ticketId}', { params: { path: { ticketId } } }),
    );
  }

  cancelTicket(ticketId: string): Promise<ShepherdTicket> {
    return this.#call(c =>
      c.POST('/v1/tickets/{ticketId}/cancel', {
        params: { path: { ticketId } },
      }),
    );
  }

  // Approvals

  listApprovalTasks(
    query: Query<'ListApprovalTasks'> = {},
  ): Promise<Page<ApprovalTask>> {
    return this.#call(c => c.GET('/v1/approval-tasks', { params: { query } }));
  }

  previewApproval(ticketId: string): Promise<ApprovalPreview> {
    return this.#call(c =>
      c.GET('/v1/approval-tasks/{ticketId}/preview', {
        params: { path: { ticketId } },
      }),
    );
  }

  renderApprovalManifest(
    ticketId: string,
    body: ApprovalManifestRequest,
  ): Promise<ApprovalManifest> {
    return this.#call(c =>
      c.POST('/v1/approval-tasks/{ticketId}/manifest', {
        params: { path: { ticketId } },
        body,
      }),
    );
  }

  approveTicket(
    ticketId: string,
    body: ApprovalDecision,
  ): Promise<ApprovalResult> {
    return this.#call(c =>
      c.POST('/v1/approval-tasks/{ticketId}/approve', {
        params: { path: { ticketId } },
        body,
      }),
    );
  }

  rejectTicket(
    ticketId: string,
    body: Body<'RejectTicket'>,
  ): Promise<ShepherdTicket> {
    return this.#call(c =>
      c.POST('/v1/approval-tasks/{ticketId}/reject', {
        params: { path: { ticketId } },
        body,
      }),
    );
  }

  // Admin: namespaces

  listAdminNamespaces(
    query: Query<'ListAdminNamespaces'> = {},
  ): Promise<Page<ShepherdNamespace>> {
    return this.#call(c =>
      c.GET('/v1/admin/namespaces', { params: { query } }),
    );
  }

  createNamespace(
    body: Body<'CreateNamespace'>,
  ): Promise<WithWarnings<ShepherdNamespace>> {
    return this.#call(c => c.POST('/v1/admin/namespaces', { body }));
  }

  getNamespace(namespaceId: string): Promise<ShepherdNamespace> {
    return this.#call(c =>
      c.GET('/v1/admin/namespaces/{namespaceId}', {
        params: { path: { namespaceId } },
      }),
    );
  }

  updateNamespace(
    namespaceId: string,
    body: Body<'UpdateNamespace'>,
  ): Promise<ShepherdNamespace> {
    return this.#call(c =>
      c.PATCH('/v1/admin/namespaces/{namespaceId}', {
        params: { path: { namespaceId } },
        body,
      }),
    );
  }

  deleteNamespace(
    namespaceId: string,
    query: Query<'DeleteNamespace'>,
  ): Promise<void> {
    return this.#call(c =>
      c.DELETE('/v1/admin/namespaces/{namespaceId}', {
        params: { path: { namespaceId }, query },
      }),
    );
  }

  // Admin: clusters

  listClusters(
    query: Query<'ListClusters'> = {},
  ): Promise<Page<ShepherdCluster>> {
    return this.#call(c => c.GET('/v1/admin/clusters', { params: { query } }));
  }

  registerCluster(
    body: Body<'RegisterCluster'>,
  ): Promise<WithWarnings<ShepherdCluster>> {
    return this.#call(c => c.POST('/v1/admin/clusters', { body }));
  }

  getCluster(clusterId: string): Promise<ShepherdCluster> {
    return this.#call(c =>
      c.GET('/v1/admin/clusters/{clusterId}', {
        params: { path: { clusterId } },
      }),
    );
  }

  updateCluster(
    clusterId: string,
    body: Body<'UpdateCluster'>,
  ): Promise<ShepherdCluster> {
    return this.#call(c =>
      c.PATCH('/v1/admin/clusters/{clusterId}', {
        params: { path: { clusterId } },
        body,
      }),
    );
  }

  deleteCluster(clusterId: string): Promise<void> {
    return this.#call(c =>
      c.DELETE('/v1/admin/clusters/{clusterId}', {
        params: { path: { clusterId } },
      }),
    );
  }

  rotateClusterCredentials(
    clusterId: string,
    body: Body<'RotateClusterCredentials'>,
  ): Promise<ShepherdCluster> {
    return this.#call(c =>
      c.PUT('/v1/admin/clusters/{clusterId}/credentials', {
        params: { path: { clusterId } },
        body,
      }),
    );
  }

  // Admin: the reconciler

  listReconcileReports(
    query: Query<'ListReconcileReports'> = {},
  ): Promise<Page<ReconcileReport>> {
    return this.#call(c =>
      c.GET('/v1/admin/reconciler/reports', { params: { query } }),
    );
  }

  getReconcileReport(reportId: string): Promise<ReconcileReport> {
    return this.#call(c =>
      c.GET('/v1/admin/reconciler/reports/{reportId}', {
        params: { path: { reportId } },
      }),
    );
  }

  runReconciler(
    body: Body<'RunReconciler'>,
  ): Promise<{ items: ReconcileReport[] }> {
    return this.#call(c => c.POST('/v1/admin/reconciler/runs', { body }));
  }

  listReconcileMarks(
    query: Query<'ListReconcileMarks'> = {},
  ): Promise<Page<ReconcileMark>> {
    return this.#call(c =>
      c.GET('/v1/admin/reconciler/marks', { params: { query } }),
    );
  }

  // Admin: templates

  listTemplates(
    query: Query<'ListTemplates'> = {},
  ): Promise<Page<ShepherdTemplate>> {
    return this.#call(c => c.GET('/v1/admin/templates', { params: { query } }));
  }

  createTemplate(
    body: Body<'CreateTemplate'>,
  ): Promise<WithWarnings<ShepherdTemplate>> {
    return this.#call(c => c.POST('/v1/admin/templates', { body }));
  }

  getTemplate(templateId: string): Promise<ShepherdTemplate> {
    return this.#call(c =>
      c.GET('/v1/admin/templates/{templateId}', {
        params: { path: { templateId } },
      }),
    );
  }

  updateTemplate(
    templateId: string,
    body: Body<'UpdateTemplate'>,
  ): Promise<ShepherdTemplate> {
    return this.#call(c =>
      c.PATCH('/v1/admin/templates/{templateId}', {
        params: { path: { templateId } },
        body,
      }),
    );
  }

  deleteTemplate(templateId: string): Promise<void> {
    return this.#call(c =>
      c.DELETE('/v1/admin/templates/{templateId}', {
        params: { path: { templateId } },
      }),
    );
  }

  // Admin: instance sizes

  listInstanceSizes(
    query: Query<'ListInstanceSizes'> = {},
  ): Promise<Page<ShepherdInstanceSize>> {
    return this.#call(c =>
      c.GET('/v1/admin/instance-sizes', { params: { query } }),
    );
  }

  createInstanceSize(
    body: Body<'CreateInstanceSize'>,
  ): Promise<WithWarnings<ShepherdInstanceSize>> {
    return this.#call(c => c.POST('/v1/admin/instance-sizes', { body }));
  }

  getInstanceSize(instanceSizeId: string): Promise<ShepherdInstanceSize> {
    return this.#call(c =>
      c.GET('/v1/admin/instance-sizes/{instanceSizeId}', {
        params: { path: { instanceSizeId } },
      }),
    );
  }

  updateInstanceSize(
    instanceSizeId: string,
    body: Body<'UpdateInstanceSize'>,
  ): Promise<ShepherdInstanceSize> {
    return this.#call(c =>
      c.PATCH('/v1/admin/instance-sizes/{instanceSizeId}', {
        params: { path: { instanceSizeId } },
        body,
      }),
    );
  }

  deleteInstanceSize(instanceSizeId: string): Promise<void> {
    return this.#call(c =>
      c.DELETE('/v1/admin/instance-sizes/{instanceSizeId}', {
        params: { path: { instanceSizeId } },
      }),
    );
  }

  // Request catalogs

  listCatalogNamespaces(
    query: Query<'ListCatalogNamespaces'> = {},
  ): Promise<Page<ShepherdNamespace>> {
    return this.#call(c =>
      c.GET('/v1/catalog/namespaces', { params: { query } }),
    );
  }

  listCatalogTemplates(
    query: Query<'ListCatalogTemplates'> = {},
  ): Promise<Page<ShepherdTemplate>> {
    return this.#call(c =>
      c.GET('/v1/catalog/templates', { params: { query } }),
    );
  }

  listCatalogInstanceSizes(
    query: Query<'ListCatalogInstanceSizes'> = {},
  ): Promise<Page<ShepherdInstanceSize>> {
    return this.#call(c =>
      c.GET('/v1/catalog/instance-sizes', { params: { query } }),
    );
  }

  // Admin: adoption of VMs found on registered clusters

  listPendingAdoptions(
    query: Query<'ListPendingAdoptions'> = {},
  ): Promise<Page<ShepherdPendingAdoption>> {
    return this.#call(c =>
      c.GET('/v1/admin/pending-adoptions', { params: { query } }),
    );
  }

  discoverPendingAdoptions(
    body: Body<'DiscoverPendingAdoptions'> = {},
  ): Promise<AdoptionDiscoveryReport> {
    return this.#call(c =>
      c.POST('/v1/admin/pending-adoptions/discover', { body }),
    );
  }

  adoptPendingAdoption(
    adoptionId: string,
    body: Body<'AdoptPendingAdoption'>,
  ): Promise<AdoptionResult> {
    return this.#call(c =>
      c.POST('/v1/admin/pending-adoptions/{adoptionId}/adopt', {
        params: { path: { adoptionId } },
        body,
      }),
    );
  }

  rejectPendingAdoption(
    adoptionId: string,
    body: Body<'RejectPendingAdoption'>,
  ): Promise<ShepherdPendingAdoption> {
    return this.#call(c =>
      c.POST('/v1/admin/pending-adoptions/{adoptionId}/reject', {
        params: { path: { adoptionId } },
        body,
      }),
    );
  }

  /** A client of the generated API at the backend's current base URL. */
  async #client(): Promise<ShepherdApiClient> {
    return createShepherdApiClient({
      baseUrl: await this.#discoveryApi.getBaseUrl(SHEPHERD_PLUGIN_ID),
      fetch: (url, init) => this.#fetchApi.fetch(url, init),
    });
  }

  /** Makes one call; an error answer rejects with a ShepherdApiError. */
  async #call<Data>(
    send: (
      client: ShepherdApiClient,
    ) => Promise<{ data?: Data; error?: unknown; response: Response }>,
  ): Promise<Data> {
    return shepherdData(send(await this.#client()));
  }
}

function isHealthReport(body: unknown): body is ShepherdHealth {
  return (
    typeof body === 'object' &&
    body !== null &&
    'status' in body &&
    'database' in body
  );
}
