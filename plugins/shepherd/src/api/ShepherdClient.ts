import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import {
  ApprovalDecision,
  ApprovalManifest,
  ApprovalManifestRequest,
  ApprovalPreview,
  ApprovalTask,
  AuditLogEntry,
  ConsoleSession,
  CreateVmConsoleSessionRequest,
  OperationSubmission,
  Page,
  SHEPHERD_PLUGIN_ID,
  ShepherdCluster,
  ShepherdHealth,
  ShepherdInstanceSize,
  ShepherdNamespace,
  ShepherdService,
  ShepherdSystem,
  ShepherdTemplate,
  ShepherdTicket,
  ShepherdVm,
  SystemMember,
  TicketDetail,
  TicketSubmission,
  WithWarnings,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ApprovalResult, ConsoleAccess, ShepherdApi } from './ShepherdApi';
import { ShepherdApiError } from './ShepherdApiError';
import {
  AddSystemMemberRequest,
  CatalogQuery,
  ConfirmByFlag,
  ConfirmByName,
  CreateInstanceSizeRequest,
  CreateNamespaceRequest,
  CreateServiceRequest,
  CreateSystemRequest,
  CreateTemplateRequest,
  ListAdminNamespacesQuery,
  ListApprovalTasksQuery,
  ListAuditLogsQuery,
  ListClustersQuery,
  ListInstanceSizesQuery,
  ListServicesQuery,
  ListSystemsQuery,
  ListTemplatesQuery,
  ListTicketsQuery,
  ListVmsQuery,
  PageQuery,
  RegisterClusterRequest,
  RegisterEntityRequest,
  RejectTicketRequest,
  RequestVmConsoleRequest,
  RequestVmDeletionOptions,
  RequestVmModificationRequest,
  RequestVmPowerRequest,
  RequestVmRequest,
  RotateClusterCredentialsRequest,
  UpdateClusterRequest,
  UpdateDescriptionRequest,
  UpdateInstanceSizeRequest,
  UpdateNamespaceRequest,
  UpdateSystemMemberRequest,
  UpdateTemplateRequest,
} from './types';

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A query parameter as the client takes it; lists go on the wire comma-separated. */
type QueryValue = string | number | boolean | readonly string[] | undefined;

type RequestOptions = {
  query?: Record<string, QueryValue>;
  body?: unknown;
};

/** Shorthand for one path segment, so ids can never change the path. */
const segment = encodeURIComponent;

/**
 * {@link ShepherdApi} over HTTP, authenticated by the app's `fetchApi` (which attaches the
 * user's Backstage token) and addressed through `discoveryApi`.
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
    const response = await this.#send('GET', '/health', {});
    // A degraded backend answers 503 with the same report, which the UI shows as such.
    if (response.ok || response.status === 503) {
      const body = await response
        .clone()
        .json()
        .catch(() => undefined);
      if (isHealthReport(body)) {
        return body;
      }
    }
    throw await ShepherdApiError.fromResponse(response);
  }

  // Systems and their members

  listSystems(query: ListSystemsQuery = {}): Promise<Page<ShepherdSystem>> {
    return this.#request('GET', '/v1/systems', { query });
  }

  createSystem(
    request: CreateSystemRequest,
  ): Promise<WithWarnings<ShepherdSystem>> {
    return this.#request('POST', '/v1/systems', { body: request });
  }

  registerSystem(
    request: RegisterEntityRequest,
  ): Promise<WithWarnings<ShepherdSystem>> {
    return this.#request('POST', '/v1/systems/register', { body: request });
  }

  getSystem(systemId: string): Promise<ShepherdSystem> {
    return this.#request('GET', `/v1/systems/${segment(systemId)}`);
  }

  updateSystem(
    systemId: string,
    request: UpdateDescriptionRequest,
  ): Promise<ShepherdSystem> {
    return this.#request('PATCH', `/v1/systems/${segment(systemId)}`, {
      body: request,
    });
  }

  deleteSystem(systemId: string, confirmation: ConfirmByName): Promise<void> {
    return this.#request('DELETE', `/v1/systems/${segment(systemId)}`, {
      query: { confirm_name: confirmation.confirmName },
    });
  }

  listSystemMembers(systemId: string): Promise<{ items: SystemMember[] }> {
    return this.#request('GET', `/v1/systems/${segment(systemId)}/members`);
  }

  addSystemMember(
    systemId: string,
    request: AddSystemMemberRequest,
  ): Promise<SystemMember> {
    return this.#request('POST', `/v1/systems/${segment(systemId)}/members`, {
      body: request,
    });
  }

  updateSystemMember(
    systemId: string,
    memberId: string,
    request: UpdateSystemMemberRequest,
  ): Promise<SystemMember> {
    return this.#request(
      'PATCH',
      `/v1/systems/${segment(systemId)}/members/${segment(memberId)}`,
      { body: request },
    );
  }

  removeSystemMember(systemId: string, memberId: string): Promise<void> {
    return this.#request(
      'DELETE',
      `/v1/systems/${segment(systemId)}/members/${segment(memberId)}`,
    );
  }

  // Services

  createService(
    systemId: string,
    request: CreateServiceRequest,
  ): Promise<WithWarnings<ShepherdService>> {
    return this.#request('POST', `/v1/systems/${segment(systemId)}/services`, {
      body: request,
    });
  }

  registerService(
    systemId: string,
    request: RegisterEntityRequest,
  ): Promise<WithWarnings<ShepherdService>> {
    return this.#request(
      'POST',
      `/v1/systems/${segment(systemId)}/services/register`,
      { body: request },
    );
  }

  listServices(query: ListServicesQuery = {}): Promise<Page<ShepherdService>> {
    return this.#request('GET', '/v1/services', { query });
  }

  getService(serviceId: string): Promise<ShepherdService> {
    return this.#request('GET', `/v1/services/${segment(serviceId)}`);
  }

  updateService(
    serviceId: string,
    request: UpdateDescriptionRequest,
  ): Promise<ShepherdService> {
    return this.#request('PATCH', `/v1/services/${segment(serviceId)}`, {
      body: request,
    });
  }

  deleteService(serviceId: string, confirmation: ConfirmByFlag): Promise<void> {
    return this.#request('DELETE', `/v1/services/${segment(serviceId)}`, {
      query: { confirm: confirmation.confirm },
    });
  }

  // Audit

  listAuditLogs(query: ListAuditLogsQuery = {}): Promise<Page<AuditLogEntry>> {
    return this.#request('GET', '/v1/audit-logs', { query });
  }

  getAuditLog(auditLogId: string): Promise<AuditLogEntry> {
    return this.#request('GET', `/v1/audit-logs/${segment(auditLogId)}`);
  }

  // VMs and the requests on them

  listVms(query: ListVmsQuery = {}): Promise<Page<ShepherdVm>> {
    return this.#request('GET', '/v1/vms', { query });
  }

  requestVm(request: RequestVmRequest): Promise<TicketSubmission> {
    return this.#request('POST', '/v1/vms/requests', { body: request });
  }

  getVm(vmId: string): Promise<ShepherdVm> {
    return this.#request('GET', `/v1/vms/${segment(vmId)}`);
  }

  requestVmDeletion(
    vmId: string,
    options: RequestVmDeletionOptions,
  ): Promise<TicketSubmission> {
    return this.#request('DELETE', `/v1/vms/${segment(vmId)}`, {
      query: {
        confirm: 'confirm' in options ? options.confirm : undefined,
        confirm_name:
          'confirmName' in options ? options.confirmName : undefined,
        reason: options.reason,
      },
    });
  }

  requestVmPower(
    vmId: string,
    request: RequestVmPowerRequest,
  ): Promise<OperationSubmission> {
    return this.#request('POST', `/v1/vms/${segment(vmId)}/power`, {
      body: request,
    });
  }

  requestVmModification(
    vmId: string,
    request: RequestVmModificationRequest,
  ): Promise<TicketSubmission> {
    return this.#request('POST', `/v1/vms/${segment(vmId)}/modify-requests`, {
      body: request,
    });
  }

  getVmConsoleAccess(vmId: string): Promise<ConsoleAccess> {
    return this.#request('GET', `/v1/vms/${segment(vmId)}/console`);
  }

  requestVmConsole(
    vmId: string,
    request: RequestVmConsoleRequest = {},
  ): Promise<OperationSubmission> {
    return this.#request('POST', `/v1/vms/${segment(vmId)}/console/requests`, {
      body: request,
    });
  }

  createVmConsoleSession(
    vmId: string,
    request?: CreateVmConsoleSessionRequest,
  ): Promise<ConsoleSession> {
    return this.#request(
      'POST',
      `/v1/vms/${segment(vmId)}/console/sessions`,
      request ? { body: request } : undefined,
    );
  }

  // Tickets

  listTickets(query: ListTicketsQuery = {}): Promise<Page<ShepherdTicket>> {
    return this.#request('GET', '/v1/tickets', { query });
  }

  getTicket(ticketId: string): Promise<TicketDetail> {
    return this.#request('GET', `/v1/tickets/${segment(ticketId)}`);
  }

  cancelTicket(ticketId: string): Promise<ShepherdTicket> {
    return this.#request('POST', `/v1/tickets/${segment(ticketId)}/cancel`);
  }

  // Approvals

  listApprovalTasks(
    query: ListApprovalTasksQuery = {},
  ): Promise<Page<ApprovalTask>> {
    return this.#request('GET', '/v1/approval-tasks', { query });
  }

  previewApproval(ticketId: string): Promise<ApprovalPreview> {
    return this.#request(
      'GET',
      `/v1/approval-tasks/${segment(ticketId)}/preview`,
    );
  }

  renderApprovalManifest(
    ticketId: string,
    request: ApprovalManifestRequest,
  ): Promise<ApprovalManifest> {
    return this.#request(
      'POST',
      `/v1/approval-tasks/${segment(ticketId)}/manifest`,
      { body: request },
    );
  }

  approveTicket(
    ticketId: string,
    decision: ApprovalDecision,
  ): Promise<ApprovalResult> {
    return this.#request(
      'POST',
      `/v1/approval-tasks/${segment(ticketId)}/approve`,
      { body: decision },
    );
  }

  rejectTicket(
    ticketId: string,
    request: RejectTicketRequest,
  ): Promise<ShepherdTicket> {
    return this.#request(
      'POST',
      `/v1/approval-tasks/${segment(ticketId)}/reject`,
      { body: request },
    );
  }

  // Admin: namespaces

  listAdminNamespaces(
    query: ListAdminNamespacesQuery = {},
  ): Promise<Page<ShepherdNamespace>> {
    return this.#request('GET', '/v1/admin/namespaces', { query });
  }

  createNamespace(
    request: CreateNamespaceRequest,
  ): Promise<WithWarnings<ShepherdNamespace>> {
    return this.#request('POST', '/v1/admin/namespaces', { body: request });
  }

  getNamespace(namespaceId: string): Promise<ShepherdNamespace> {
    return this.#request('GET', `/v1/admin/namespaces/${segment(namespaceId)}`);
  }

  updateNamespace(
    namespaceId: string,
    request: UpdateNamespaceRequest,
  ): Promise<ShepherdNamespace> {
    return this.#request(
      'PATCH',
      `/v1/admin/namespaces/${segment(namespaceId)}`,
      { body: request },
    );
  }

  deleteNamespace(
    namespaceId: string,
    confirmation: ConfirmByName,
  ): Promise<void> {
    return this.#request(
      'DELETE',
      `/v1/admin/namespaces/${segment(namespaceId)}`,
      { query: { confirm_name: confirmation.confirmName } },
    );
  }

  // Admin: clusters

  listClusters(query: ListClustersQuery = {}): Promise<Page<ShepherdCluster>> {
    return this.#request('GET', '/v1/admin/clusters', { query });
  }

  registerCluster(
    request: RegisterClusterRequest,
  ): Promise<WithWarnings<ShepherdCluster>> {
    return this.#request('POST', '/v1/admin/clusters', { body: request });
  }

  getCluster(clusterId: string): Promise<ShepherdCluster> {
    return this.#request('GET', `/v1/admin/clusters/${segment(clusterId)}`);
  }

  updateCluster(
    clusterId: string,
    request: UpdateClusterRequest,
  ): Promise<ShepherdCluster> {
    return this.#request('PATCH', `/v1/admin/clusters/${segment(clusterId)}`, {
      body: request,
    });
  }

  deleteCluster(clusterId: string): Promise<void> {
    return this.#request('DELETE', `/v1/admin/clusters/${segment(clusterId)}`);
  }

  rotateClusterCredentials(
    clusterId: string,
    request: RotateClusterCredentialsRequest,
  ): Promise<ShepherdCluster> {
    return this.#request(
      'PUT',
      `/v1/admin/clusters/${segment(clusterId)}/credentials`,
      { body: request },
    );
  }

  // Admin: templates

  listTemplates(
    query: ListTemplatesQuery = {},
  ): Promise<Page<ShepherdTemplate>> {
    return this.#request('GET', '/v1/admin/templates', { query });
  }

  createTemplate(
    request: CreateTemplateRequest,
  ): Promise<WithWarnings<ShepherdTemplate>> {
    return this.#request('POST', '/v1/admin/templates', { body: request });
  }

  getTemplate(templateId: string): Promise<ShepherdTemplate> {
    return this.#request('GET', `/v1/admin/templates/${segment(templateId)}`);
  }

  updateTemplate(
    templateId: string,
    request: UpdateTemplateRequest,
  ): Promise<ShepherdTemplate> {
    return this.#request(
      'PATCH',
      `/v1/admin/templates/${segment(templateId)}`,
      { body: request },
    );
  }

  deleteTemplate(templateId: string): Promise<void> {
    return this.#request(
      'DELETE',
      `/v1/admin/templates/${segment(templateId)}`,
    );
  }

  // Admin: instance sizes

  listInstanceSizes(
    query: ListInstanceSizesQuery = {},
  ): Promise<Page<ShepherdInstanceSize>> {
    return this.#request('GET', '/v1/admin/instance-sizes', { query });
  }

  createInstanceSize(
    request: CreateInstanceSizeRequest,
  ): Promise<WithWarnings<ShepherdInstanceSize>> {
    return this.#request('POST', '/v1/admin/instance-sizes', {
      body: request,
    });
  }

  getInstanceSize(instanceSizeId: string): Promise<ShepherdInstanceSize> {
    return this.#request(
      'GET',
      `/v1/admin/instance-sizes/${segment(instanceSizeId)}`,
    );
  }

  updateInstanceSize(
    instanceSizeId: string,
    request: UpdateInstanceSizeRequest,
  ): Promise<ShepherdInstanceSize> {
    return this.#request(
      'PATCH',
      `/v1/admin/instance-sizes/${segment(instanceSizeId)}`,
      { body: request },
    );
  }

  deleteInstanceSize(instanceSizeId: string): Promise<void> {
    return this.#request(
      'DELETE',
      `/v1/admin/instance-sizes/${segment(instanceSizeId)}`,
    );
  }

  // Request catalogs

  listCatalogNamespaces(
    query: PageQuery = {},
  ): Promise<Page<ShepherdNamespace>> {
    return this.#request('GET', '/v1/catalog/namespaces', { query });
  }

  listCatalogTemplates(
    query: CatalogQuery = {},
  ): Promise<Page<ShepherdTemplate>> {
    return this.#request('GET', '/v1/catalog/templates', { query });
  }

  listCatalogInstanceSizes(
    query: CatalogQuery = {},
  ): Promise<Page<ShepherdInstanceSize>> {
    return this.#request('GET', '/v1/catalog/instance-sizes', { query });
  }

  /** Sends a request and reads its JSON answer; an error answer rejects with a ShepherdApiError. */
  async #request<T>(
    method: HttpMethod,
    path: string,
    options: RequestOptions = {},
  ): Promise<T> {
    const response = await this.#send(method, path, options);
    if (!response.ok) {
      throw await ShepherdApiError.fromResponse(response);
    }
    if (response.status === 204) {
      return undefined as T;
    }
    return (await response.json()) as T;
  }

  async #send(
    method: HttpMethod,
    path: string,
    options: RequestOptions,
  ): Promise<Response> {
    const baseUrl = await this.#discoveryApi.getBaseUrl(SHEPHERD_PLUGIN_ID);
    const url = `${baseUrl}${path}${toQueryString(options.query)}`;
    if (options.body === undefined) {
      return this.#fetchApi.fetch(url, { method });
    }
    return this.#fetchApi.fetch(url, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(options.body),
    });
  }
}

/** `?a=1&b=x,y` from the defined parameters, or an empty string when there are none. */
function toQueryString(query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) {
      continue;
    }
    params.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function isHealthReport(body: unknown): body is ShepherdHealth {
  return (
    typeof body === 'object' &&
    body !== null &&
    'status' in body &&
    'database' in body
  );
}
