import {
  CatalogScope,
  Environment,
  MemberRole,
  PowerAction,
  TemplateSourceType,
  TemplateStatus,
  TicketOperation,
  TicketStatus,
  TicketStatusGroup,
  VmStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';

/*
 * Query parameters and request bodies of the Shepherd API, as the client takes them. They
 * follow plugins/shepherd-backend/src/schema/openapi.yaml; the client turns them into the
 * wire format (comma-separated lists, `confirm_name`, strings for numbers and flags).
 */

/** Paging of every list: `offset` items skipped, at most `limit` (default 20, at most 100). @public */
export type PageQuery = {
  offset?: number;
  limit?: number;
};

/** @public */
export type ListSystemsQuery = PageQuery & {
  /** Case-insensitive text to look for in names and descriptions. */
  search?: string;
  /** Only the System registered from this catalog entity. */
  entityRef?: string;
};

/** @public */
export type CreateSystemRequest = {
  name: string;
  description?: string;
  /** Entity ref of the caller or of one of its groups; the caller by default. */
  owner?: string;
};

/** Registers an existing catalog entity (a System, or a Component of type service). @public */
export type RegisterEntityRequest = {
  /** e.g. `system:default/payments` */
  entityRef: string;
};

/** @public */
export type UpdateDescriptionRequest = {
  description: string;
};

/** @public */
export type AddSystemMemberRequest = {
  /** Entity ref of a User or Group (the kind defaults to group). */
  memberRef: string;
  role: MemberRole;
};

/** @public */
export type UpdateSystemMemberRequest = {
  role: MemberRole;
};

/** @public */
export type CreateServiceRequest = {
  name: string;
  description?: string;
};

/** @public */
export type ListServicesQuery = PageQuery & {
  systemId?: string;
  search?: string;
  /** Only the Service registered from this catalog entity. */
  entityRef?: string;
};

/** Confirmation of a deletion whose tier asks for the name to be typed (prod VMs, Systems, namespaces). @public */
export type ConfirmByName = {
  confirmName: string;
};

/** Confirmation of a deletion whose tier asks for a tick (test VMs, Services). @public */
export type ConfirmByFlag = {
  confirm: true;
};

/** @public */
export type ListAuditLogsQuery = PageQuery & {
  /** Canonical action code, e.g. `system.create`. */
  action?: string;
  /** Entity ref of who acted, e.g. `user:default/engineer-test`. */
  actor?: string;
  resourceType?: string;
  resourceId?: string;
  ticketId?: string;
  outcome?: 'success' | 'failure';
  /** Entries at or after this RFC 3339 timestamp. */
  from?: string;
  /** Entries before this RFC 3339 timestamp. */
  to?: string;
};

/** @public */
export type ListVmsQuery = PageQuery & {
  systemId?: string;
  serviceId?: string;
  /** Name of the namespace. */
  namespace?: string;
  environment?: Environment;
  /** Any of these statuses. */
  status?: VmStatus[];
  clusterId?: string;
  search?: string;
};

/** @public */
export type RequestVmRequest = {
  serviceId: string;
  /** Name of a namespace of the request catalog. */
  namespace: string;
  templateId: string;
  instanceSizeId: string;
  reason: string;
  targetCpuCores?: number;
  targetMemoryGi?: number;
  targetDiskGb?: number;
};

/** How the deletion of a VM is confirmed: a tick in test, the VM's name in prod. @public */
export type RequestVmDeletionOptions = (ConfirmByFlag | ConfirmByName) & {
  reason?: string;
};

/** @public */
export type RequestVmPowerRequest = {
  action: PowerAction;
  reason?: string;
};

/** @public */
export type RequestVmModificationRequest = {
  /** CPU cores in steps of 0.5. */
  targetCpuCores?: number;
  /** GiB in steps of 0.5. */
  targetMemoryGi?: number;
  /** Whole GiB, at least the current size: disks only grow. */
  targetDiskGb?: number;
  reason: string;
};

/** @public */
export type RequestVmConsoleRequest = {
  reason?: string;
  /** Length of the grant; at most 120. */
  minutes?: number;
};

/** @public */
export type TicketScope = 'mine' | 'all';

/** @public */
export type ListTicketsQuery = PageQuery & {
  /** `mine` (the default): the caller's own requests; `all`: every ticket the caller may read. */
  scope?: TicketScope;
  status?: TicketStatus[];
  statusGroup?: TicketStatusGroup;
  operation?: TicketOperation[];
  vmId?: string;
};

/** @public */
export type ListApprovalTasksQuery = PageQuery;

/** @public */
export type RejectTicketRequest = {
  reason: string;
};

/** @public */
export type ListAdminNamespacesQuery = PageQuery & {
  environment?: Environment;
  enabled?: boolean;
};

/** @public */
export type CreateNamespaceRequest = {
  name: string;
  environment: Environment;
  description?: string;
  enabled?: boolean;
};

/** @public */
export type UpdateNamespaceRequest = {
  description?: string;
  enabled?: boolean;
  /** Frozen once a VM or a request uses the namespace. */
  environment?: Environment;
};

/** @public */
export type ListClustersQuery = PageQuery & {
  environment?: Environment;
  enabled?: boolean;
};

/** @public */
export type RegisterClusterRequest = {
  name: string;
  displayName?: string;
  environment: Environment;
  /** YAML text; sanitised, encrypted at rest and never returned. */
  kubeconfig: string;
};

/** @public */
export type UpdateClusterRequest = {
  displayName?: string;
  enabled?: boolean;
  defaultStorageClass?: string;
  environment?: Environment;
};

/** @public */
export type RotateClusterCredentialsRequest = {
  kubeconfig: string;
};

/** @public */
export type ListTemplatesQuery = PageQuery & {
  status?: TemplateStatus;
  catalogScope?: CatalogScope;
};

/** @public */
export type CreateTemplateRequest = {
  name: string;
  displayName?: string;
  description?: string;
  status?: 'draft' | 'active';
  catalogScope?: CatalogScope;
  sourceType: TemplateSourceType;
  imageUrl?: string;
  pvcName?: string;
  pvcNamespace?: string;
  /** `#cloud-config` YAML of at most 2048 bytes of UTF-8. */
  cloudInit?: string;
  osFamily?: string;
  osVersion?: string;
};

/** `null` clears an optional source field or the cloud-init. @public */
export type UpdateTemplateRequest = {
  displayName?: string;
  description?: string;
  status?: TemplateStatus;
  catalogScope?: CatalogScope;
  sourceType?: TemplateSourceType;
  imageUrl?: string | null;
  pvcName?: string | null;
  pvcNamespace?: string | null;
  cloudInit?: string | null;
  osFamily?: string;
  osVersion?: string;
};

/** @public */
export type ListInstanceSizesQuery = PageQuery & {
  enabled?: boolean;
  catalogScope?: CatalogScope;
};

/** @public */
export type HugepagesSize = '2Mi' | '1Gi';

/** @public */
export type CreateInstanceSizeRequest = {
  name: string;
  displayName?: string;
  description?: string;
  catalogScope?: CatalogScope;
  enabled?: boolean;
  sortOrder?: number;
  cpuCores: number;
  cpuRequest?: number;
  memoryGi: number;
  memoryRequestGi?: number;
  diskGb: number;
  dedicatedCpu?: boolean;
  requiresGpu?: boolean;
  requiresSriov?: boolean;
  requiresHugepages?: boolean;
  hugepagesSize?: HugepagesSize;
  specOverrides?: Record<string, unknown>;
};

/** `null` clears the hugepages size. @public */
export type UpdateInstanceSizeRequest = Partial<
  Omit<CreateInstanceSizeRequest, 'name' | 'hugepagesSize'>
> & {
  hugepagesSize?: HugepagesSize | null;
};

/** @public */
export type CatalogQuery = PageQuery & {
  /** Name of the namespace to request in: restricts the offer to its environment. */
  namespace?: string;
};
