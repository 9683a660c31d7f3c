import { LoggerService } from '@backstage/backend-plugin-api';
import {
  AdoptionDiscoveryReport,
  SHEPHERD_PLATFORM_LABELS,
  SHEPHERD_SERVICE_ACTOR,
  ShepherdCluster,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdVmInventoryItem } from '@kubevirt-shepherd/plugin-shepherd-node';
import { randomUUID } from 'node:crypto';
import { readInPages } from '../database/paging';
import { ShepherdStore } from '../database/ShepherdStore';
import { NewPendingAdoption } from '../database/stores/pendingAdoptions/PendingAdoptionsStore';
import { ClusterConnections } from '../providers/ClusterConnections';

const PAGE_SIZE = 100;

/** The kind of object adoption proposes (upstream `resource_type`). */
export const ADOPTABLE_RESOURCE_TYPE = 'VirtualMachine';

/** How an adoption is told from another: the object it is about. */
export function adoptionKey(object: {
  namespace: string;
  name: string;
  uid: string;
}): string {
  return `${object.namespace}/${object.name}/${object.uid}`;
}

/** Whether a VM carries Shepherd's managed-by label, of this installation or another. */
export function isShepherdLabelled(labels?: Record<string, string>): boolean {
  return labels?.[SHEPHERD_PLATFORM_LABELS.managedBy] !== undefined;
}

/**
 * Finds the VMs of registered clusters that Shepherd does not govern: every VirtualMachine
 * without Shepherd's managed-by label in an enabled registered namespace of the cluster's
 * environment becomes a PENDING adoption. Decided adoptions stay as they were decided (a
 * rejected object is not proposed again; another object of its name, with another uid, is).
 * A PENDING adoption whose VM left the cluster, got Shepherd's labels or whose namespace is no
 * longer scanned is withdrawn. A cluster that cannot be asked keeps its adoptions untouched.
 */
export class AdoptionDiscovery {
  constructor(
    private readonly store: Pick<
      ShepherdStore,
      'clusters' | 'namespaces' | 'pendingAdoptions'
    >,
    private readonly connections: ClusterConnections,
    private readonly logger: LoggerService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Scans every enabled cluster, or only `clusterId`. */
  async run(
    options: { clusterId?: string; discoveredBy?: string } = {},
  ): Promise<AdoptionDiscoveryReport> {
    const report: AdoptionDiscoveryReport = {
      scannedClusters: 0,
      proposed: 0,
      withdrawn: 0,
      failedClusters: [],
    };
    const clusters = readInPages(
      PAGE_SIZE,
      async page =>
        (await this.store.clusters.list({ ...page, enabled: true })).items,
    );
    for await (const cluster of clusters) {
      if (options.clusterId && cluster.id !== options.clusterId) continue;
      try {
        const scanned = await this.#scan(
          cluster,
          options.discoveredBy ?? SHEPHERD_SERVICE_ACTOR,
        );
        if (!scanned) continue;
        report.scannedClusters += 1;
        report.proposed += scanned.proposed;
        report.withdrawn += scanned.withdrawn;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.logger.warn(
          `Could not look for VMs to adopt on cluster ${cluster.name}: ${message}`,
        );
        report.failedClusters.push({
          clusterId: cluster.id,
          clusterName: cluster.name,
          message,
        });
      }
    }
    return report;
  }

  /** The enabled registered namespaces of the cluster's environment. */
  async #namespacesOf(cluster: ShepherdCluster): Promise<string[]> {
    const names: string[] = [];
    const namespaces = readInPages(
      PAGE_SIZE,
      async page =>
        (
          await this.store.namespaces.list({
            ...page,
            environment: cluster.environment,
            enabled: true,
          })
        ).items,
    );
    for await (const namespace of namespaces) names.push(namespace.name);
    return names;
  }

  /** One cluster; undefined when its provider cannot list VMs. */
  async #scan(cluster: ShepherdCluster, discoveredBy: string) {
    const { provider, connection } = await this.connections.connect(cluster.id);
    if (!provider.listVirtualMachines) return undefined;
    const namespaces = await this.#namespacesOf(cluster);
    const found =
      namespaces.length === 0
        ? []
        : await provider.listVirtualMachines(connection, namespaces);
    const unmanaged = new Map<string, ShepherdVmInventoryItem>();
    for (const vm of found) {
      if (!isShepherdLabelled(vm.labels)) unmanaged.set(adoptionKey(vm), vm);
    }

    const known = await this.store.pendingAdoptions.listOfCluster(cluster.id);
    const knownKeys = new Set<string>();
    const gone: string[] = [];
    const now = this.clock().toISOString();
    for (const adoption of known) {
      const key = adoptionKey({ ...adoption, name: adoption.resourceName });
      knownKeys.add(key);
      if (adoption.status !== 'PENDING') continue;
      const vm = unmanaged.get(key);
      if (!vm) {
        gone.push(adoption.id);
        continue;
      }
      await this.store.pendingAdoptions.recordSighting(adoption.id, {
        ...observed(vm),
        lastSeenAt: now,
        updatedAt: now,
      });
    }
    const withdrawn = await this.store.pendingAdoptions.withdraw(gone);

    let proposed = 0;
    for (const [key, vm] of unmanaged) {
      if (knownKeys.has(key)) continue;
      const adoption: NewPendingAdoption = {
        id: randomUUID(),
        clusterId: cluster.id,
        namespace: vm.namespace,
        resourceName: vm.name,
        resourceType: ADOPTABLE_RESOURCE_TYPE,
        uid: vm.uid,
        status: 'PENDING',
        ...observed(vm),
        discoveredBy,
        createdAt: now,
        lastSeenAt: now,
        updatedAt: now,
      };
      if (await this.store.pendingAdoptions.propose(adoption)) proposed += 1;
    }
    if (proposed + withdrawn > 0) {
      this.logger.info(
        `Adoption discovery on ${cluster.name}: ${proposed} VM(s) proposed, ${withdrawn} withdrawn`,
      );
    }
    return { proposed, withdrawn };
  }
}

/** What an adoption shows of its VM as last found. */
function observed(vm: ShepherdVmInventoryItem) {
  return {
    runtimeStatus: vm.status,
    labels: vm.labels ?? {},
    size: {
      ...(vm.cpuCores !== undefined && { cpuCores: vm.cpuCores }),
      ...(vm.memoryGi !== undefined && { memoryGi: vm.memoryGi }),
      ...(vm.diskGb !== undefined && { diskGb: vm.diskGb }),
      ...(vm.image !== undefined && { image: vm.image }),
    },
  };
}
