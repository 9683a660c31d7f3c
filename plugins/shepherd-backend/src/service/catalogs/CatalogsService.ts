import {
  CatalogScope,
  Environment,
  Page,
  ShepherdCluster,
  ShepherdInstanceSize,
  ShepherdNamespace,
  ShepherdTemplate,
  TemplateSourceType,
  TemplateStatus,
  WithWarnings,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { PermissionConditions } from '../../database/types';
import { Actor } from '../Actor';

export interface CatalogListRequest {
  offset: number;
  limit: number;
}

export interface NamespaceInput {
  name: string;
  environment: Environment;
  description?: string;
  enabled?: boolean;
}

export interface NamespacePatch {
  description?: string;
  enabled?: boolean;
  environment?: Environment;
}

/** The namespace registry, for admins. */
export interface NamespacesService {
  listNamespaces(
    actor: Actor,
    request: CatalogListRequest & {
      environment?: Environment;
      enabled?: boolean;
    },
  ): Promise<Page<ShepherdNamespace>>;
  getNamespace(actor: Actor, id: string): Promise<ShepherdNamespace>;
  createNamespace(
    actor: Actor,
    input: NamespaceInput,
  ): Promise<WithWarnings<ShepherdNamespace>>;
  updateNamespace(
    actor: Actor,
    id: string,
    patch: NamespacePatch,
  ): Promise<ShepherdNamespace>;
  deleteNamespace(
    actor: Actor,
    id: string,
    confirmName: string | undefined,
  ): Promise<void>;
}

export interface ClusterRegistration {
  name: string;
  displayName?: string;
  environment: Environment;
  /** YAML text; sanitised and encrypted, never stored or returned in clear. */
  kubeconfig: string;
}

export interface ClusterPatch {
  displayName?: string;
  enabled?: boolean;
  defaultStorageClass?: string;
  environment?: Environment;
}

/** The cluster registry and its credentials, for admins. */
export interface ClustersService {
  listClusters(
    actor: Actor,
    request: CatalogListRequest & {
      environment?: Environment;
      enabled?: boolean;
    },
  ): Promise<Page<ShepherdCluster>>;
  getCluster(actor: Actor, id: string): Promise<ShepherdCluster>;
  registerCluster(
    actor: Actor,
    input: ClusterRegistration,
  ): Promise<WithWarnings<ShepherdCluster>>;
  updateCluster(
    actor: Actor,
    id: string,
    patch: ClusterPatch,
  ): Promise<ShepherdCluster>;
  rotateClusterCredentials(
    actor: Actor,
    id: string,
    kubeconfig: string,
  ): Promise<ShepherdCluster>;
  deleteCluster(actor: Actor, id: string): Promise<void>;
}

/**
 * The decrypted credentials of a cluster, for the VM provider inside the backend. Not part of
 * any route: nothing outside the backend process ever sees a kubeconfig.
 */
export interface ClusterCredentialsSource {
  getClusterKubeconfig(clusterId: string): Promise<string>;
}

/**
 * A template as a request body carries it. Bodies may carry other fields, which the service
 * refuses (hardware with TEMPLATE_SPEC_VIOLATION, anything else with VALIDATION_FAILED).
 */
export interface TemplateInput {
  name: string;
  displayName?: string;
  description?: string;
  status?: TemplateStatus;
  catalogScope?: CatalogScope;
  sourceType: TemplateSourceType;
  imageUrl?: string;
  pvcName?: string;
  pvcNamespace?: string;
  cloudInit?: string;
  osFamily?: string;
  osVersion?: string;
}

/** Changes to a template; `null` clears an optional field. The name is immutable. */
export interface TemplatePatch {
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
}

/** The OS templates, for admins. */
export interface TemplatesService {
  listTemplates(
    actor: Actor,
    request: CatalogListRequest & {
      status?: TemplateStatus;
      catalogScope?: CatalogScope;
    },
  ): Promise<Page<ShepherdTemplate>>;
  getTemplate(actor: Actor, id: string): Promise<ShepherdTemplate>;
  createTemplate(
    actor: Actor,
    input: TemplateInput,
  ): Promise<WithWarnings<ShepherdTemplate>>;
  updateTemplate(
    actor: Actor,
    id: string,
    patch: TemplatePatch,
  ): Promise<ShepherdTemplate>;
  deleteTemplate(actor: Actor, id: string): Promise<void>;
}

export interface InstanceSizeInput {
  name: string;
  displayName?: string;
  description?: string;
  catalogScope?: CatalogScope;
  enabled?: boolean;
  sortOrder?: number;
  cpuCores: number;
  /** Defaults to cpuCores (no overcommit). */
  cpuRequest?: number;
  memoryGi: number;
  /** Defaults to memoryGi (no overcommit). */
  memoryRequestGi?: number;
  diskGb: number;
  dedicatedCpu?: boolean;
  requiresGpu?: boolean;
  requiresSriov?: boolean;
  requiresHugepages?: boolean;
  hugepagesSize?: string;
  specOverrides?: Record<string, unknown>;
}

/** Changes to an instance size; `null` clears the hugepages size. The name is immutable. */
export type InstanceSizePatch = Partial<
  Omit<InstanceSizeInput, 'name' | 'hugepagesSize'>
> & { hugepagesSize?: string | null };

/** The hardware shapes, for admins. */
export interface InstanceSizesService {
  listInstanceSizes(
    actor: Actor,
    request: CatalogListRequest & {
      enabled?: boolean;
      catalogScope?: CatalogScope;
    },
  ): Promise<Page<ShepherdInstanceSize>>;
  getInstanceSize(actor: Actor, id: string): Promise<ShepherdInstanceSize>;
  createInstanceSize(
    actor: Actor,
    input: InstanceSizeInput,
  ): Promise<WithWarnings<ShepherdInstanceSize>>;
  updateInstanceSize(
    actor: Actor,
    id: string,
    patch: InstanceSizePatch,
  ): Promise<ShepherdInstanceSize>;
  deleteInstanceSize(actor: Actor, id: string): Promise<void>;
}

/**
 * What requesters may pick: enabled namespaces they may read, and the active templates and
 * enabled instance sizes offered in those namespaces' environments.
 */
export interface RequesterCatalogService {
  listNamespaces(
    actor: Actor,
    request: CatalogListRequest & { conditions?: PermissionConditions },
  ): Promise<Page<ShepherdNamespace>>;
  /** An enabled namespace by name. */
  getNamespace(actor: Actor, name: string): Promise<ShepherdNamespace>;
  /** The environments of the enabled namespaces matching `conditions` (all when absent). */
  listEnvironments(
    actor: Actor,
    request: { conditions?: PermissionConditions },
  ): Promise<Environment[]>;
  listTemplates(
    actor: Actor,
    request: CatalogListRequest & {
      namespace?: string;
      environments?: Environment[];
    },
  ): Promise<Page<ShepherdTemplate>>;
  listInstanceSizes(
    actor: Actor,
    request: CatalogListRequest & {
      namespace?: string;
      environments?: Environment[];
    },
  ): Promise<Page<ShepherdInstanceSize>>;
}

/** Every catalog service the routes use. */
export interface CatalogServices {
  namespaces: NamespacesService;
  clusters: ClustersService;
  templates: TemplatesService;
  instanceSizes: InstanceSizesService;
  requesterCatalog: RequesterCatalogService;
}
