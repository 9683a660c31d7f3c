import { createApiRef } from '@backstage/core-plugin-api';
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
  ReconcileMark,
  ReconcileReport,
  ShepherdApiQuery as Query,
  ShepherdApiRequestBody as Body,
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
} from '@kubevirt-shepherd/plugin-shepherd-common';

/**
 * An audit export as downloaded: the CSV file, and whether more entries matched than one
 * export writes (narrower filters get the rest).
 *
 * @public
 */
export interface AuditExportFile {
  csv: Blob;
  truncated: boolean;
}

/**
 * Client of the Shepherd backend API (`/api/shepherd`): one method per operation of
 * `plugins/shepherd-backend/src/schema/openapi.yaml`, taking the operation's path parameters,
 * then its query (`Query<'ListVms'>`) or body (`Body<'RequestVm'>`) as the spec types them.
 * Every method rejects with a {@link ShepherdApiError} carrying the backend's code when the
 * backend answers an error.
 *
 * @public
 */
export interface ShepherdApi {
  /** The state of the backend; resolves for a degraded backend too (HTTP 503 carries the report). */
  getHealth(): Promise<ShepherdHealth>;

  /**
   * What the signed-in user may do: decide requests, and request VMs for which of its
   * Systems (one page of them) in which environments.
   */
  getCapabilities(
    query?: Query<'GetCapabilities'>,
  ): Promise<ShepherdCapabilities>;

  // Systems and their members
  listSystems(query?: Query<'ListSystems'>): Promise<Page<ShepherdSystem>>;
  createSystem(
    request: Body<'CreateSystem'>,
  ): Promise<WithWarnings<ShepherdSystem>>;
  /** Registers a catalog System; its owner becomes the owner. */
  registerSystem(
    request: Body<'RegisterSystem'>,
  ): Promise<WithWarnings<ShepherdSystem>>;
  getSystem(systemId: string): Promise<ShepherdSystem>;
  updateSystem(
    systemId: string,
    request: Body<'UpdateSystem'>,
  ): Promise<ShepherdSystem>;
  /** Deletes a System without Services; its name must be typed. */
  deleteSystem(
    systemId: string,
    confirmation: Query<'DeleteSystem'>,
  ): Promise<void>;
  listSystemMembers(systemId: string): Promise<{ items: SystemMember[] }>;
  addSystemMember(
    systemId: string,
    request: Body<'AddSystemMember'>,
  ): Promise<SystemMember>;
  updateSystemMember(
    systemId: string,
    memberId: string,
    request: Body<'UpdateSystemMember'>,
  ): Promise<SystemMember>;
  removeSystemMember(systemId: string, memberId: string): Promise<void>;

  // Services
  createService(
    systemId: string,
    request: Body<'CreateService'>,
  ): Promise<WithWarnings<ShepherdService>>;
  /** Registers a catalog Component (type service) of the System. */
  registerService(
    systemId: string,
    request: Body<'RegisterService'>,
  ): Promise<WithWarnings<ShepherdService>>;
  listServices(query?: Query<'ListServices'>): Promise<Page<ShepherdService>>;
  getService(serviceId: string): Promise<ShepherdService>;
  updateService(
    serviceId: string,
    request: Body<'UpdateService'>,
  ): Promise<ShepherdService>;
  /** Deletes a Service without VMs or unfinished requests, once ticked. */
  deleteService(
    serviceId: string,
    confirmation: Query<'DeleteService'>,
  ): Promise<void>;

  // Audit
  listAuditLogs(query?: Query<'ListAuditLogs'>): Promise<Page<AuditLogEntry>>;
  getAuditLog(auditLogId: string): Promise<AuditLogEntry>;
  /** The entries the audit search's filters select, as a CSV file to download. */
  exportAuditLogs(query?: Query<'ExportAuditLogs'>): Promise<AuditExportFile>;

  // VMs and the requests on them
  listVms(query?: Query<'ListVms'>): Promise<Page<ShepherdVm>>;
  /** Requests a new VM; always waits for approval. */
  requestVm(request: Body<'RequestVm'>): Promise<TicketSubmission>;
  getVm(vmId: string): Promise<ShepherdVm>;
  /** What was done to a VM, newest first, as every reader of the VM may see it. */
  getVmHistory(
    vmId: string,
    query?: Query<'GetVmHistory'>,
  ): Promise<Page<VmHistoryEntry>>;
  /** Requests the deletion of a VM: ticked in test, its name typed in prod. */
  requestVmDeletion(
    vmId: string,
    query: Query<'RequestVmDeletion'>,
  ): Promise<TicketSubmission>;
  /** Start, stop, restart: `ACCEPTED` in test, `PENDING_APPROVAL` in prod. */
  requestVmPower(
    vmId: string,
    request: Body<'RequestVmPower'>,
  ): Promise<OperationSubmission>;
  requestVmModification(
    vmId: string,
    request: Body<'RequestVmModification'>,
  ): Promise<TicketSubmission>;
  getVmConsoleAccess(vmId: string): Promise<ConsoleAccess>;
  /** Console access: granted at once in test (`ACCEPTED` with the grant), waits for approval in prod. */
  requestVmConsole(
    vmId: string,
    request?: Body<'RequestVmConsole'>,
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
  listTickets(query?: Query<'ListTickets'>): Promise<Page<ShepherdTicket>>;
  getTicket(ticketId: string): Promise<TicketDetail>;
  /** The requester withdraws a pending ticket. */
  cancelTicket(ticketId: string): Promise<ShepherdTicket>;

  // Approvals
  listApprovalTasks(
    query?: Query<'ListApprovalTasks'>,
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
    request: Body<'RejectTicket'>,
  ): Promise<ShepherdTicket>;

  // Admin: namespaces
  listAdminNamespaces(
    query?: Query<'ListAdminNamespaces'>,
  ): Promise<Page<ShepherdNamespace>>;
  createNamespace(
    request: Body<'CreateNamespace'>,
  ): Promise<WithWarnings<ShepherdNamespace>>;
  getNamespace(namespaceId: string): Promise<ShepherdNamespace>;
  updateNamespace(
    namespaceId: string,
    request: Body<'UpdateNamespace'>,
  ): Promise<ShepherdNamespace>;
  deleteNamespace(
    namespaceId: string,
    confirmation: Query<'DeleteNamespace'>,
  ): Promise<void>;

  // Admin: clusters
  listClusters(query?: Query<'ListClusters'>): Promise<Page<ShepherdCluster>>;
  registerCluster(
    request: Body<'RegisterCluster'>,
  ): Promise<WithWarnings<ShepherdCluster>>;
  getCluster(clusterId: string): Promise<ShepherdCluster>;
  updateCluster(
    clusterId: string,
    request: Body<'UpdateCluster'>,
  ): Promise<ShepherdCluster>;
  deleteCluster(clusterId: string): Promise<void>;
  rotateClusterCredentials(
    clusterId: string,
    request: Body<'RotateClusterCredentials'>,
  ): Promise<ShepherdCluster>;

  // Admin: the reconciler
  listReconcileReports(
    query?: Query<'ListReconcileReports'>,
  ): Promise<Page<ReconcileReport>>;
  getReconcileReport(reportId: string): Promise<ReconcileReport>;
  /** Reconciles one cluster (or every cluster) now; answers the run's reports. */
  runReconciler(
    request: Body<'RunReconciler'>,
  ): Promise<{ items: ReconcileReport[] }>;
  listReconcileMarks(
    query?: Query<'ListReconcileMarks'>,
  ): Promise<Page<ReconcileMark>>;

  // Admin: templates
  listTemplates(
    query?: Query<'ListTemplates'>,
  ): Promise<Page<ShepherdTemplate>>;
  createTemplate(
    request: Body<'CreateTemplate'>,
  ): Promise<WithWarnings<ShepherdTemplate>>;
  getTemplate(templateId: string): Promise<ShepherdTemplate>;
  updateTemplate(
    templateId: string,
    request: Body<'UpdateTemplate'>,
  ): Promise<ShepherdTemplate>;
  deleteTemplate(templateId: string): Promise<void>;

  // Admin: instance sizes
  listInstanceSizes(
    query?: Query<'ListInstanceSizes'>,
  ): Promise<Page<ShepherdInstanceSize>>;
  createInstanceSize(
    request: Body<'CreateInstanceSize'>,
  ): Promise<WithWarnings<ShepherdInstanceSize>>;
  getInstanceSize(instanceSizeId: string): Promise<ShepherdInstanceSize>;
  updateInstanceSize(
    instanceSizeId: string,
    request: Body<'UpdateInstanceSize'>,
  ): Promise<ShepherdInstanceSize>;
  deleteInstanceSize(instanceSizeId: string): Promise<void>;

  // Request catalogs: what the caller may request
  listCatalogNamespaces(
    query?: Query<'ListCatalogNamespaces'>,
  ): Promise<Page<ShepherdNamespace>>;
  listCatalogTemplates(
    query?: Query<'ListCatalogTemplates'>,
  ): Promise<Page<ShepherdTemplate>>;
  listCatalogInstanceSizes(
    query?: Query<'ListCatalogInstanceSizes'>,
  ): Promise<Page<ShepherdInstanceSize>>;

  // Admin: adoption of VMs found on registered clusters
  listPendingAdoptions(
    query?: Query<'ListPendingAdoptions'>,
  ): Promise<Page<ShepherdPendingAdoption>>;
  discoverPendingAdoptions(
    request?: Body<'DiscoverPendingAdoptions'>,
  ): Promise<AdoptionDiscoveryReport>;
  adoptPendingAdoption(
    adoptionId: string,
    request: Body<'AdoptPendingAdoption'>,
  ): Promise<AdoptionResult>;
  rejectPendingAdoption(
    adoptionId: string,
    request: Body<'RejectPendingAdoption'>,
  ): Promise<ShepherdPendingAdoption>;
}

/** @public */
export const shepherdApiRef = createApiRef<ShepherdApi>({
  id: 'plugin.shepherd.api',
});
