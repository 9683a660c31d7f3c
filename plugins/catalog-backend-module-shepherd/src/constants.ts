/*
 * Names this module writes into the catalog or reads from configuration, in one place. The
 * annotations that link an entity to its Shepherd record and the entities' types are shared
 * with the backend and the frontend (SHEPHERD_ANNOTATIONS and SHEPHERD_ENTITY_TYPES in
 * shepherd-common), the platform labels with the KubeVirt provider (SHEPHERD_PLATFORM_LABELS).
 */
import { SHEPHERD_ENTITY_TYPES } from '@kubevirt-shepherd/plugin-shepherd-common';

/** The provider's name: stable, since the catalog ties the provider's entities to it. */
export const PROVIDER_NAME = 'ShepherdEntityProvider';

/** Where the provider's configuration lives. */
export const CONFIG_ROOT = 'catalog.providers.shepherd';

/** The `locationKey` of a record's entity, and the location it is managed by. */
export function locationOf(recordId: string): string {
  return `shepherd-provider:${recordId}`;
}

export const ENTITY_API_VERSION = 'backstage.io/v1alpha1';

/** `spec.type` of the Components that stand for Services. */
export const SERVICE_COMPONENT_TYPE = SHEPHERD_ENTITY_TYPES.service;

/** `spec.type` of the Resources that stand for VMs. */
export const VM_RESOURCE_TYPE = SHEPHERD_ENTITY_TYPES.vm;

/** Annotations of Backstage's Kubernetes plugin, which finds a VM's objects with them. */
export const KUBERNETES_ANNOTATIONS = {
  namespace: 'backstage.io/kubernetes-namespace',
  labelSelector: 'backstage.io/kubernetes-label-selector',
} as const;

/**
 * Pages of the Shepherd frontend plugin, relative to where the app mounts it (see
 * plugins/shepherd/src/routes.ts).
 */
export const SHEPHERD_PAGES = {
  system: (systemId: string) => `/systems/${encodeURIComponent(systemId)}`,
  vm: (vmId: string) => `/vms/${encodeURIComponent(vmId)}`,
  requestVm: (serviceId: string) =>
    `/request-vm?serviceId=${encodeURIComponent(serviceId)}`,
} as const;
