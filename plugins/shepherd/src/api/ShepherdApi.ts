import { createApiRef } from '@backstage/core-plugin-api';
import {
  ApprovalDecision,
  ApprovalManifest,
  ApprovalManifestRequest,
  ApprovalPreview,
  ApprovalTask,
  AuditLogEntry,
  ConsoleGrant,
  ConsoleSession,
  CreateVmConsoleSessionRequest,
  OperationSubmission,
  Page,
  ShepherdCluster,
  ShepherdHealth,
  ShepherdInstanceSize,
  ShepherdNamespace,
  ShepherdService,
  ShepherdSystem,
  ShepherdTemplate,
  ShepherdTicket,
  ShepherdWarning,
  ShepherdVm,
  SystemMember,
  TicketDetail,
  TicketSubmission,
  WithWarnings,
} from '@kubevirt-shepherd/plugin-shepherd-common';
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

/** The caller's console grant on a VM, and/or its request waiting for approval. @public */
export type ConsoleAccess = {
  grant?: ConsoleGrant;
  pendingTicket?: ShepherdTicket;
};

/** An approved ticket with the approval's soft findings. @public */
export type ApprovalResult = {
  ticket: ShepherdTicket;
  warnings: ShepherdWarning[];
};

/**
 * Client of the Shepherd backend API (`/api/shepherd`): one method per operation of
 * `plugins/shepherd-backend/src/schema/openapi.yaml`. Every method rejects with a
 * {@link ShepherdApiError} carrying the backend's code when the backend answers an error.
 *
 * @public
 */
export interface ShepherdApi {
  /** The state of the backend; resolves for a degraded backend too (HTTP 503 carries the report). */
  getHealth(): Promise<ShepherdHealth>;

  // Systems and their members
  listSystems(query?: ListSystemsQuery): Promise<Page<ShepherdSystem>>;
  createSystem(
    request: CreateSystemRequest,
  ): Promise<WithWarnings<ShepherdSystem>>;
  /** Registers a catalog System; its owner becomes the owner. */
  registerSystem(
    request: RegisterEntityRequest,
  ): Promise<WithWarnings<ShepherdSystem>>;
  getSystem(systemId: string): Promise<ShepherdSystem>;
  updateSystem(
    systemId: string,
    request: UpdateDescriptionRequest,
  ): Promise<ShepherdSystem>;
  /** Deletes a System without Services; its name must be typed. */
  deleteSystem(systemId: string, confirmation: ConfirmByName): Promise<void>;
  listSystemMembers(systemId: string): Promise<{ items: SystemMember[] }>;
  addSystemMember(
    systemId: string,
    request: AddSystemMemberRequest,
  ): Promise<SystemMember>;
  updateSystemMember(
    systemId: string,
    memberId: string,
    request: UpdateSystemMemberRequest,
  ): Promise<SystemMember>;
  removeSystemMember(systemId: string, memberId: string): Promise<void>;

  // Services
  createService(
    systemId: string,
    request: CreateServiceRequest,
  ): Promise<WithWarnings<ShepherdService>>;
  /** Registers a catalog Component (type service) of the System. */
  registerService(
    systemId: string,
    request: RegisterEntityRequest,
  ): Promise<WithWarnings<ShepherdService>>;
  listServices(query?: ListServicesQuery): Promise<Page<ShepherdService>>;
  getService(serviceId: string): Promise<ShepherdService>;
  updateService(
    serviceId: string,
    request: UpdateDescriptionRequest,
  ): Promise<ShepherdService>;
  /** Deletes a Service without VMs or unfinished requests, once ticked. */
  deleteService(serviceId: string, confirmation: ConfirmByFlag): Promise<void>;

  // Audit
  listAuditLogs(query?: ListAuditLogsQuery): Promise<Page<AuditLogEntry>>;
  getAuditLog(auditLogId: string): Promise<AuditLogEntry>;

  // VMs and the requests on them
  listVms(query?: ListVmsQuery): Promise<Page<ShepherdVm>>;
  /** Requests a new VM; always waits for approval. */
  requestVm(request: RequestVmRequest): Promise<TicketSubmission>;
  getVm(vmId: string): Promise<ShepherdVm>;
  /** Requests the deletion of a VM: ticked in test, its name typed in prod. */
  requestVmDeletion(
    vmId: string,
    options: RequestVmDeletionOptions,
  ): Promise<TicketSubmission>;
  /** Start, stop, restart: `ACCEPTED` in test, `PENDING_APPROVAL` in prod. */
  requestVmPower(
    vmId: string,
    request: RequestVmPowerRequest,
  ): Promise<OperationSubmission>;
  requestVmModification(
    vmId: string,
    request: RequestVmModificationRequest,
  ): Promise<TicketSubmission>;
  getVmConsoleAccess(vmId: string): Promise<ConsoleAccess>;
  /** Console access: granted at once in test (`ACCEPTED` with the grant), waits for approval in prod. */
  requestVmConsole(
    vmId: string,
    request?: RequestVmConsoleRequest,
  ): Promise<OperationSubmission>;
  /**
   * A single-use token for the console relay's websocket; needs the VM running
   * (`VM_NOT_RUNNING`) and an active grant (`CONSOLE_GRANT_REQUIRED`). With `takeover`, the
   * session takes the console over from someone else's (`CONSOLE_TAKEOVER_DENIED` without
   * the take-over permission).
   */
  createVmConsoleSession(
    vmId: string,
    request?: CreateVmConsoleSessionRequest,
  ): Promise<ConsoleSession>;

  // Tickets
  listTickets(query?: ListTicketsQuery): Promise<Page<ShepherdTicket>>;
  getTicket(ticketId: string): Promise<TicketDetail>;
  /** The requester withdraws a pending ticket. */
  cancelTicket(ticketId: string): Promise<ShepherdTicket>;

  // Approvals
  listApprovalTasks(
    query?: ListApprovalTasksQuery,
  ): Promise<Page<ApprovalTask>>;
  previewApproval(ticketId: string): Promise<ApprovalPreview>;
  /**
   * The VirtualMachine approving a new VM with these choices would apply, rendered without a
   * cluster call; the choices are checked as an approval's are.
   */
  renderApprovalManifest(
    ticketId: string,
    request: ApprovalManifestRequest,
  ): Promise<ApprovalManifest>;
  approveTicket(
    ticketId: string,
    decision: ApprovalDecision,
  ): Promise<ApprovalResult>;
  rejectTicket(
    ticketId: string,
    request: RejectTicketRequest,
  ): Promise<ShepherdTicket>;

  // Admin: namespaces
  listAdminNamespaces(
    query?: ListAdminNamespacesQuery,
  ): Promise<Page<ShepherdNamespace>>;
  createNamespace(
    request: CreateNamespaceRequest,
  ): Promise<WithWarnings<ShepherdNamespace>>;
  getNamespace(namespaceId: string): Promise<ShepherdNamespace>;
  updateNamespace(
    namespaceId: string,
    request: UpdateNamespaceRequest,
  ): Promise<ShepherdNamespace>;
  deleteNamespace(
    namespaceId: string,
    confirmation: ConfirmByName,
  ): Promise<void>;

  // Admin: clusters
  listClusters(query?: ListClustersQuery): Promise<Page<ShepherdCluster>>;
  registerCluster(
    request: RegisterClusterRequest,
  ): Promise<WithWarnings<ShepherdCluster>>;
  getCluster(clusterId: string): Promise<ShepherdCluster>;
  updateCluster(
    clusterId: string,
    request: UpdateClusterRequest,
  ): Promise<ShepherdCluster>;
  deleteCluster(clusterId: string): Promise<void>;
  rotateClusterCredentials(
    clusterId: string,
    request: RotateClusterCredentialsRequest,
  ): Promise<ShepherdCluster>;

  // Admin: templates
  listTemplates(query?: ListTemplatesQuery): Promise<Page<ShepherdTemplate>>;
  createTemplate(
    request: CreateTemplateRequest,
  ): Promise<WithWarnings<ShepherdTemplate>>;
  getTemplate(templateId: string): Promise<ShepherdTemplate>;
  updateTemplate(
    templateId: string,
    request: UpdateTemplateRequest,
  ): Promise<ShepherdTemplate>;
  deleteTemplate(templateId: string): Promise<void>;

  // Admin: instance sizes
  listInstanceSizes(
    query?: ListInstanceSizesQuery,
  ): Promise<Page<ShepherdInstanceSize>>;
  createInstanceSize(
    request: CreateInstanceSizeRequest,
  ): Promise<WithWarnings<ShepherdInstanceSize>>;
  getInstanceSize(instanceSizeId: string): Promise<ShepherdInstanceSize>;
  updateInstanceSize(
    instanceSizeId: string,
    request: UpdateInstanceSizeRequest,
  ): Promise<ShepherdInstanceSize>;
  deleteInstanceSize(instanceSizeId: string): Promise<void>;

  // Request catalogs: what the caller may request
  listCatalogNamespaces(query?: PageQuery): Promise<Page<ShepherdNamespace>>;
  listCatalogTemplates(query?: CatalogQuery): Promise<Page<ShepherdTemplate>>;
  listCatalogInstanceSizes(
    query?: CatalogQuery,
  ): Promise<Page<ShepherdInstanceSize>>;
}

/** @public */
export const shepherdApiRef = createApiRef<ShepherdApi>({
  id: 'plugin.shepherd.api',
});
