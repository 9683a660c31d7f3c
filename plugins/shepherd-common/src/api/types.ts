import { ShepherdApiRequestBody, ShepherdApiSchema } from '../schema';

/*
 * The resources of the Shepherd API (`/api/shepherd/v1`): names for the schemas and request
 * bodies of its OpenAPI spec (plugins/shepherd-backend/src/schema/openapi.yaml), whose types
 * are generated (../schema/openapi.generated.ts). Change the spec, not these. Timestamps are
 * RFC 3339 strings; CPU is in cores and memory in GiB (multiples of 0.5), disk in whole GiB.
 */

/** One page of a list: `totalItems` match the filters across all pages. @public */
export type Page<T> = Omit<ShepherdApiSchema<'SystemPage'>, 'items'> & {
  items: T[];
};

/** A System: a product or platform that owns Services. @public */
export type ShepherdSystem = ShepherdApiSchema<'System'>;

/** A binding of a user or group to a role on a System (inherited by its Services and VMs). @public */
export type SystemMember = ShepherdApiSchema<'SystemMember'>;

/** A Service of a System: what VMs are requested for. @public */
export type ShepherdService = ShepherdApiSchema<'Service'>;

/** A namespace of the registry; the Kubernetes namespace is created on the cluster when first used. @public */
export type ShepherdNamespace = ShepherdApiSchema<'Namespace'>;

/** A registered KubeVirt cluster. Its credentials are never part of any response. @public */
export type ShepherdCluster = ShepherdApiSchema<'Cluster'>;

/** Why a cluster needs an administrator: its last reconciler run halted. @public */
export type ClusterAttention = ShepherdApiSchema<'ClusterAttention'>;

/** A ghost (a record whose object is gone) or an orphan (an object no record holds). @public */
export type ReconcileFinding = ShepherdApiSchema<'ReconcileFinding'>;

/** What one reconciler run found on one cluster. @public */
export type ReconcileReport = ShepherdApiSchema<'ReconcileReport'>;

/** A ghost or orphan marked by a reconciler run in mark mode. @public */
export type ReconcileMark = ShepherdApiSchema<'ReconcileMark'>;

/** An operating-system image and its cloud-init, without hardware. @public */
export type ShepherdTemplate = ShepherdApiSchema<'Template'>;

/** A hardware shape: CPU, memory, disk and capability requirements. @public */
export type ShepherdInstanceSize = ShepherdApiSchema<'InstanceSize'>;

/** The compute shape a VM gets: what the approver confirms or replaces. @public */
export type VmSpec = ShepherdApiSchema<'VmSpec'>;

/**
 * The compute shape of a VM as its record keeps it: a VM Shepherd created names its template
 * and instance size, an adopted VM has neither.
 *
 * @public
 */
export type RecordedVmSpec = Omit<VmSpec, 'templateId' | 'instanceSizeId'> &
  Partial<Pick<VmSpec, 'templateId' | 'instanceSizeId'>>;

/** What a requester asked for when requesting a new VM. @public */
export type VmRequestSpec = Omit<ShepherdApiRequestBody<'RequestVm'>, 'reason'>;

/** Target resources of a modify request. @public */
export type VmModifySpec = Omit<
  ShepherdApiRequestBody<'RequestVmModification'>,
  'reason'
>;

/** A request for a governed operation and its way through approval and execution. @public */
export type ShepherdTicket = ShepherdApiSchema<'Ticket'>;

/** A pending ticket in the approval workbench, with its age in whole days. @public */
export type ApprovalTask = ShepherdApiSchema<'ApprovalTask'>;

/** An immutable fact of the domain, processed asynchronously. @public */
export type ShepherdDomainEvent = ShepherdApiSchema<'DomainEvent'>;

/** A governed virtual machine. @public */
export type ShepherdVm = ShepherdApiSchema<'Vm'>;

/**
 * A VM found on a registered cluster without Shepherd's labels, proposed for adoption, and
 * what a platform admin decided about it.
 *
 * @public
 */
export type ShepherdPendingAdoption = ShepherdApiSchema<'PendingAdoption'>;

/** What a VM found for adoption declares: CPU, memory, disk, image. @public */
export type DiscoveredVmSize = ShepherdApiSchema<'DiscoveredVmSize'>;

/** What one discovery scan for adoptable VMs found. @public */
export type AdoptionDiscoveryReport =
  ShepherdApiSchema<'AdoptionDiscoveryReport'>;

/** An adoption and the VM record it created. @public */
export type AdoptionResult = ShepherdApiSchema<'AdoptionResult'>;

/**
 * A revision of a VM's spec; one per applied change. Kept by the backend, not served by the
 * API.
 *
 * @public
 */
export type VmRevision = {
  id: string;
  vmId: string;
  revision: number;
  spec: RecordedVmSpec;
  changeReason: string;
  changedBy: string;
  ticketId?: string;
  createdAt: string;
};

/** A time-limited right of a user to open the console of a VM. @public */
export type ConsoleGrant = ShepherdApiSchema<'ConsoleGrant'>;

/** The caller's console grant on a VM, and/or its request waiting for approval. @public */
export type ConsoleAccess = ShepherdApiSchema<'ConsoleAccess'>;

/**
 * A console session the backend prepared for its caller: a sealed, single-use token that
 * opens the VM's VNC relay once, until `expiresAt`. The token goes to the relay as a
 * websocket subprotocol (see `consoleWebSocketProtocols`), never in a URL.
 *
 * @public
 */
export type ConsoleSession = ShepherdApiSchema<'ConsoleSession'>;

/**
 * What a console session is asked for. With `takeover`, the relay connects without
 * preserving a session someone else holds on the VM's console, which then ends; that needs
 * the `shepherd.vm.console.takeover` permission on the VM.
 *
 * @public
 */
export type CreateVmConsoleSessionRequest =
  ShepherdApiRequestBody<'CreateVmConsoleSession'>;

/** One row of the append-only audit trail. @public */
export type AuditLogEntry = ShepherdApiSchema<'AuditLogEntry'>;
/** An audit entry on a VM as the VM's readers see it. @public */
export type VmHistoryEntry = ShepherdApiSchema<'VmHistoryEntry'>;

/** Answer to a request that created a ticket (202). @public */
export type TicketSubmission = ShepherdApiSchema<'TicketSubmission'>;

/** Answer to a power or console request: done directly (test) or waiting for approval (prod). @public */
export type OperationSubmission = ShepherdApiSchema<'OperationSubmission'>;

/** A created or updated record together with soft warnings about it. @public */
export type WithWarnings<T> = Omit<
  ShepherdApiSchema<'SystemWithWarnings'>,
  'item'
> & { item: T };

/** A ticket with its domain events and its audit trail, oldest first. @public */
export type TicketDetail = ShepherdApiSchema<'TicketDetail'>;

/**
 * What an approver decides besides "yes". The spec types and bounds the fields of `spec` (a
 * VmSpecReplacement) but leaves it open to others and to missing ones, so that the backend
 * names the fields outside a VmSpec (FORBIDDEN_MODIFICATION) and the missing ones
 * (MODIFIED_SPEC_INVALID) itself; what clients send there is a VmSpec.
 *
 * @public
 */
export type ApprovalDecision = WithVmSpec<
  ShepherdApiRequestBody<'ApproveTicket'>
>;

/** An approved ticket with the approval's soft findings. @public */
export type ApprovalResult = ShepherdApiSchema<'ApprovalResult'>;

/** A cluster as an approver chooses among them, with why it cannot take the VM. @public */
export type ClusterCandidate = ShepherdApiSchema<'ClusterCandidate'>;

/** What approving a ticket would do. @public */
export type ApprovalPreview = ShepherdApiSchema<'ApprovalPreview'>;

/** The choices an approver would approve a new VM with, to render its manifest. @public */
export type ApprovalManifestRequest = WithVmSpec<
  ShepherdApiRequestBody<'RenderApprovalManifest'>
>;

/** An approver's choices with their `spec` as the VmSpec the spec's description names. */
type WithVmSpec<Choices extends { spec?: unknown }> = Omit<Choices, 'spec'> & {
  spec?: VmSpec;
};

/**
 * The VirtualMachine that approving a CREATE with given choices would apply, rendered by the
 * VM provider without a cluster call. @public
 */
export type ApprovalManifest = ShepherdApiSchema<'ApprovalManifest'>;

/**
 * What the signed-in user may do, for the portal to show only that: decide requests, and
 * request VMs for which Systems in which environments (one page of its Systems). @public
 */
export type ShepherdCapabilities = ShepherdApiSchema<'Capabilities'>;

/** A System the user can see, with the environments it may request VMs in for it. @public */
export type RequestableSystem = ShepherdApiSchema<'RequestableSystem'>;
