import {
  CatalogScope,
  ClusterStatus,
  DirectOrApproval,
  DomainEventStatus,
  DomainEventType,
  Environment,
  MemberRole,
  PowerAction,
  TemplateSourceType,
  TemplateStatus,
  TicketOperation,
  TicketStatus,
  VmStatus,
} from '../model/enums';
import { ShepherdWarning } from '../model/errors';

/*
 * The resources of the Shepherd API (`/api/shepherd/v1`). Timestamps are RFC 3339 strings;
 * CPU is in cores and memory in GiB (multiples of 0.5), disk in whole GiB.
 */

/** One page of a list. @public */
export type Page<T> = {
  items: T[];
  /** Number of items matching the filters, across all pages. */
  totalItems: number;
  offset: number;
  limit: number;
};

/** A System: a product or platform that owns Services. @public */
export type ShepherdSystem = {
  id: string;
  name: string;
  description: string;
  /** The catalog System this record was registered from, if any. */
  entityRef?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
};

/** A binding of a user or group to a role on a System (inherited by its Services and VMs). @public */
export type SystemMember = {
  id: string;
  systemId: string;
  /** Entity ref of a User or Group, e.g. `group:default/team-payments`. */
  memberRef: string;
  role: MemberRole;
  grantedBy: string;
  createdAt: string;
  updatedAt: string;
};

/** A Service of a System: what VMs are requested for. @public */
export type ShepherdService = {
  id: string;
  systemId: string;
  systemName: string;
  name: string;
  description: string;
  /** The catalog Component this record was registered from, if any. */
  entityRef?: string;
  /** The instance index the next approved VM of this Service gets; never decreases. */
  nextInstanceIndex: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
};

/** A namespace of the registry; the Kubernetes namespace is created on the cluster when first used. @public */
export type ShepherdNamespace = {
  id: string;
  name: string;
  environment: Environment;
  description: string;
  enabled: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
};

/** A registered KubeVirt cluster. Its credentials are never part of any response. @public */
export type ShepherdCluster = {
  id: string;
  name: string;
  displayName: string;
  environment: Environment;
  /** The type of the VM provider that reaches it, e.g. `kubevirt`. */
  providerType: string;
  status: ClusterStatus;
  statusMessage?: string;
  enabled: boolean;
  apiServerUrl: string;
  kubevirtVersion?: string;
  featureGates: string[];
  storageClasses: string[];
  defaultStorageClass?: string;
  /** Id of the key that encrypts the stored credentials (for rotation). */
  credentialKeyId: string;
  lastCheckedAt?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
};

/** An operating-system image and its cloud-init, without hardware. @public */
export type ShepherdTemplate = {
  id: string;
  name: string;
  displayName: string;
  description: string;
  status: TemplateStatus;
  catalogScope: CatalogScope;
  sourceType: TemplateSourceType;
  /** Container image (containerdisk) or HTTP(S) URL of a disk image (cdi_image_import). */
  imageUrl?: string;
  /** Source PVC of cdi_pvc_clone. */
  pvcName?: string;
  pvcNamespace?: string;
  /** cloud-init user data (YAML, starting with `#cloud-config`). */
  cloudInit?: string;
  osFamily: string;
  osVersion: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
};

/** A hardware shape: CPU, memory, disk and capability requirements. @public */
export type ShepherdInstanceSize = {
  id: string;
  name: string;
  displayName: string;
  description: string;
  catalogScope: CatalogScope;
  enabled: boolean;
  sortOrder: number;
  cpuCores: number;
  cpuRequest: number;
  memoryGi: number;
  memoryRequestGi: number;
  diskGb: number;
  dedicatedCpu: boolean;
  requiresGpu: boolean;
  requiresSriov: boolean;
  requiresHugepages: boolean;
  hugepagesSize?: string;
  /** KubeVirt fields applied last to rendered VMs; every key starts with `spec.`. */
  specOverrides: Record<string, unknown>;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
};

/** The compute shape a VM gets: what the approver confirms or replaces. @public */
export type VmSpec = {
  templateId: string;
  instanceSizeId: string;
  cpuCores: number;
  cpuRequest: number;
  memoryGi: number;
  memoryRequestGi: number;
  diskGb: number;
  storageClass?: string;
};

/** What a requester asked for when requesting a new VM. @public */
export type VmRequestSpec = {
  serviceId: string;
  namespace: string;
  templateId: string;
  instanceSizeId: string;
  targetCpuCores?: number;
  targetMemoryGi?: number;
  targetDiskGb?: number;
};

/** Target resources of a modify request. @public */
export type VmModifySpec = {
  targetCpuCores?: number;
  targetMemoryGi?: number;
  targetDiskGb?: number;
};

/** A request for a governed operation and its way through approval and execution. @public */
export type ShepherdTicket = {
  id: string;
  eventId: string;
  operation: TicketOperation;
  status: TicketStatus;
  requester: string;
  approver?: string;
  reason: string;
  rejectReason?: string;
  decisionComment?: string;
  environment: Environment;
  systemId: string;
  systemName: string;
  serviceId: string;
  serviceName: string;
  namespace: string;
  /** The VM the ticket acts on (MODIFY, DELETE, POWER, VNC_ACCESS) or created (CREATE, once approved). */
  vmId?: string;
  vmName?: string;
  powerAction?: PowerAction;
  clusterId?: string;
  /** What the requester asked for (CREATE: VmRequestSpec, MODIFY: VmModifySpec). */
  requestSpec: Record<string, unknown>;
  /** The template and instance size as they were when the ticket was approved. */
  templateSnapshot?: ShepherdTemplate;
  instanceSizeSnapshot?: ShepherdInstanceSize;
  /** The approver's full replacement of the VM spec, when the approver changed it. */
  modifiedSpec?: VmSpec;
  /** Length of a console grant asked for or granted (VNC_ACCESS). */
  grantMinutes?: number;
  createdAt: string;
  updatedAt: string;
  decidedAt?: string;
};

/** A pending ticket in the approval workbench. @public */
export type ApprovalTask = {
  ticket: ShepherdTicket;
  /** Whole days since the ticket was submitted (0–3 normal, 4–7 warning, older alert). */
  ageDays: number;
};

/** An immutable fact of the domain, processed asynchronously. @public */
export type ShepherdDomainEvent = {
  id: string;
  type: DomainEventType;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  status: DomainEventStatus;
  errorMessage?: string;
  createdBy: string;
  createdAt: string;
  processedAt?: string;
  archivedAt?: string;
};

/** A governed virtual machine. @public */
export type ShepherdVm = {
  id: string;
  name: string;
  namespace: string;
  environment: Environment;
  instance: string;
  status: VmStatus;
  statusMessage?: string;
  systemId: string;
  systemName: string;
  serviceId: string;
  serviceName: string;
  clusterId?: string;
  clusterName?: string;
  ticketId: string;
  createdBy: string;
  templateId: string;
  instanceSizeId: string;
  cpuCores: number;
  cpuRequest: number;
  memoryGi: number;
  memoryRequestGi: number;
  diskGb: number;
  storageClass?: string;
  createdAt: string;
  updatedAt: string;
};

/** A revision of a VM's spec; one per applied change. @public */
export type VmRevision = {
  id: string;
  vmId: string;
  revision: number;
  spec: VmSpec;
  changeReason: string;
  changedBy: string;
  ticketId?: string;
  createdAt: string;
};

/** A time-limited right of a user to open the console of a VM. @public */
export type ConsoleGrant = {
  id: string;
  vmId: string;
  userRef: string;
  ticketId?: string;
  grantedBy: string;
  expiresAt: string;
  createdAt: string;
};

/**
 * A console session the backend prepared for its caller: a sealed, single-use token that
 * opens the VM's VNC relay once, until `expiresAt`. The token goes to the relay as a
 * websocket subprotocol (see `consoleWebSocketProtocols`), never in a URL.
 *
 * @public
 */
export type ConsoleSession = {
  /** Single-use, sealed token; opaque to clients. */
  token: string;
  /** Until when the token opens a session (at most a minute). */
  expiresAt: string;
  /** When the grant ends, and with it a session opened with this token. */
  grantExpiresAt: string;
  /** The relay's websocket path, relative to the Shepherd backend's base URL. */
  websocketPath: string;
};

/**
 * What a console session is asked for. With `takeover`, the relay connects without
 * preserving a session someone else holds on the VM's console, which then ends; that needs
 * the `shepherd.vm.console.takeover` permission on the VM.
 *
 * @public
 */
export type CreateVmConsoleSessionRequest = {
  takeover?: boolean;
};

/** One row of the append-only audit trail. @public */
export type AuditLogEntry = {
  id: string;
  action: string;
  outcome: 'success' | 'failure';
  actor: string;
  resourceType: string;
  resourceId?: string;
  resourceName?: string;
  parentType?: string;
  parentId?: string;
  environment?: Environment;
  ticketId?: string;
  details: Record<string, unknown>;
  createdAt: string;
};

/** Answer to a request that created a ticket (202). @public */
export type TicketSubmission = {
  ticketId: string;
  eventId: string;
  status: TicketStatus;
};

/** Answer to a power or console request: done directly (test) or waiting for approval (prod). @public */
export type OperationSubmission = {
  status: DirectOrApproval;
  eventId?: string;
  ticketId?: string;
  grant?: ConsoleGrant;
};

/** A created or updated record together with soft warnings about it. @public */
export type WithWarnings<T> = {
  item: T;
  warnings: ShepherdWarning[];
};

/** A ticket with its domain events and its audit trail, oldest first. @public */
export type TicketDetail = {
  ticket: ShepherdTicket;
  events: ShepherdDomainEvent[];
  history: AuditLogEntry[];
};

/** What an approver decides besides "yes". @public */
export type ApprovalDecision = {
  /** Target cluster of a new VM (required for CREATE); same environment as the namespace. */
  clusterId?: string;
  /** Storage class of the root disk; one the cluster offers. */
  storageClass?: string;
  /** A complete replacement of the VM spec (CREATE only); never merged with the request. */
  spec?: VmSpec;
  /** Length of a console grant (VNC_ACCESS), at most 120 minutes. */
  grantMinutes?: number;
  comment?: string;
};

/** A cluster as an approver chooses among them, with why it cannot take the VM. @public */
export type ClusterCandidate = {
  id: string;
  name: string;
  displayName: string;
  environment: Environment;
  status: ClusterStatus;
  enabled: boolean;
  storageClasses: string[];
  defaultStorageClass?: string;
  eligible: boolean;
  /** Why the cluster is not eligible: a ShepherdErrorCode. */
  reasonCode?: string;
  reason?: string;
};

/** What approving a ticket would do. @public */
export type ApprovalPreview = {
  ticket: ShepherdTicket;
  /** The spec the VM would get (CREATE and MODIFY). */
  effectiveSpec?: VmSpec;
  warnings: ShepherdWarning[];
  /** Clusters for a CREATE ticket, eligible ones first. */
  clusters: ClusterCandidate[];
};

/** The choices an approver would approve a new VM with, to render its manifest. @public */
export type ApprovalManifestRequest = Pick<
  ApprovalDecision,
  'clusterId' | 'storageClass' | 'spec'
>;

/**
 * The VirtualMachine that approving a CREATE with given choices would apply, rendered by the
 * VM provider without a cluster call. @public
 */
export type ApprovalManifest = {
  /**
   * The name the VM would get. Provisional: a concurrent approval for the same Service may
   * take its instance index first, and the VM then gets the next one.
   */
  vmName: string;
  /** The type of the VM provider that rendered the manifest, e.g. `kubevirt`. */
  provider?: string;
  /** The object the provider would apply; missing when no VM provider is installed. */
  manifest?: Record<string, unknown>;
};
