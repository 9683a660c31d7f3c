import { LoggerService } from '@backstage/backend-plugin-api';
import { Environment } from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  ShepherdClusterConnection,
  ShepherdClusterInspection,
  ShepherdInstanceTypeInfo,
  ShepherdVmDefinition,
  ShepherdVmInventoryItem,
  ShepherdVmMigration,
  ShepherdVmOwner,
  ShepherdVmPrecondition,
  ShepherdVmProvider,
  ShepherdVmRef,
  ShepherdVmResize,
  ShepherdVmRuntimeState,
  ShepherdVncStream,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { ClusterClientFactory } from './client/ClusterClientFactory';
import { KUBEVIRT_PROVIDER_TYPE } from './constants';
import { inspectCluster } from './operations/inspect';
import { listInstanceTypes } from './operations/instanceTypes';
import { getMigration, migrateVirtualMachine } from './operations/migrations';
import { ensureNamespace } from './operations/namespaces';
import { changePowerState } from './operations/power';
import { resizeVirtualMachine } from './operations/resize';
import {
  applyVirtualMachine,
  deleteVirtualMachine,
  getVirtualMachineState,
  listManagedVirtualMachines,
} from './operations/virtualMachines';
import {
  DEFAULT_KUBEVIRT_PROVIDER_OPTIONS,
  KubeVirtProviderOptions,
} from './options';
import { renderVirtualMachine } from './render/renderVirtualMachine';
import { Clock, systemClock } from './resilience/clock';
import { openVncStream } from './vnc/openVncStream';
import {
  labelVirtualMachine,
  listVirtualMachines,
} from './operations/inventory';

/** @public */
export interface KubeVirtVmProviderCreateOptions {
  logger: LoggerService;
  /** Tuning; what is left out takes {@link DEFAULT_KUBEVIRT_PROVIDER_OPTIONS}. */
  options?: Partial<KubeVirtProviderOptions>;
  /** The circuit breakers' time source; the system clock by default. */
  clock?: Clock;
}

/**
 * Shepherd's VM provider for KubeVirt: renders VirtualMachines from a template and an
 * instance size, applies them server-side, operates them through KubeVirt's subresources,
 * maps their state to Shepherd's statuses and relays their VNC consoles.
 *
 * Snapshots and clones are not implemented, so the optional `createSnapshot` and
 * `cloneVirtualMachine` methods are absent.
 *
 * @public
 */
export class KubeVirtVmProvider implements ShepherdVmProvider {
  readonly type = KUBEVIRT_PROVIDER_TYPE;

  static create(options: KubeVirtVmProviderCreateOptions): KubeVirtVmProvider {
    return new KubeVirtVmProvider(
      new ClusterClientFactory(
        { ...DEFAULT_KUBEVIRT_PROVIDER_OPTIONS, ...options.options },
        options.clock ?? systemClock,
        options.logger,
      ),
    );
  }

  private constructor(private readonly clients: ClusterClientFactory) {}

  renderVirtualMachine(
    definition: ShepherdVmDefinition,
  ): Record<string, unknown> {
    return { ...renderVirtualMachine(definition) };
  }

  async ensureNamespace(
    cluster: ShepherdClusterConnection,
    namespace: string,
    environment: Environment,
    options?: { installationId?: string },
  ): Promise<void> {
    await ensureNamespace(
      await this.clients.forCluster(cluster),
      namespace,
      environment,
      options?.installationId,
    );
  }

  async applyVirtualMachine(
    cluster: ShepherdClusterConnection,
    definition: ShepherdVmDefinition,
    options?: { dryRun?: boolean },
  ): Promise<{ resourceVersion?: string }> {
    const vm = renderVirtualMachine(definition);
    return applyVirtualMachine(
      await this.clients.forCluster(cluster),
      vm,
      {
        installationId: definition.installationId,
        vmId: definition.vmId,
        legacyTicketId: definition.ticketId,
      },
      options?.dryRun ?? false,
    );
  }

  async deleteVirtualMachine(
    cluster: ShepherdClusterConnection,
    vm: ShepherdVmRef,
    owner: ShepherdVmOwner,
  ): Promise<{ existed: boolean }> {
    return deleteVirtualMachine(
      await this.clients.forCluster(cluster),
      vm,
      owner,
    );
  }

  async startVirtualMachine(
    cluster: ShepherdClusterConnection,
    vm: ShepherdVmRef,
  ): Promise<void> {
    await changePowerState(await this.clients.forCluster(cluster), vm, 'start');
  }

  async stopVirtualMachine(
    cluster: ShepherdClusterConnection,
    vm: ShepherdVmRef,
  ): Promise<void> {
    await changePowerState(await this.clients.forCluster(cluster), vm, 'stop');
  }

  async restartVirtualMachine(
    cluster: ShepherdClusterConnection,
    vm: ShepherdVmRef,
  ): Promise<void> {
    await changePowerState(
      await this.clients.forCluster(cluster),
      vm,
      'restart',
    );
  }

  async resizeVirtualMachine(
    cluster: ShepherdClusterConnection,
    vm: ShepherdVmRef,
    resize: ShepherdVmResize,
    options?: { dryRun?: boolean },
  ): Promise<{ restartRequired: boolean }> {
    return resizeVirtualMachine(
      await this.clients.forCluster(cluster),
      vm,
      resize,
      options?.dryRun ?? false,
    );
  }

  async getVirtualMachine(
    cluster: ShepherdClusterConnection,
    vm: ShepherdVmRef,
  ): Promise<ShepherdVmRuntimeState> {
    return getVirtualMachineState(await this.clients.forCluster(cluster), vm);
  }

  async listManagedVirtualMachines(
    cluster: ShepherdClusterConnection,
  ): Promise<ShepherdVmRuntimeState[]> {
    return listManagedVirtualMachines(await this.clients.forCluster(cluster));
  }

  async listVirtualMachines(
    cluster: ShepherdClusterConnection,
    namespaces: string[],
  ): Promise<ShepherdVmInventoryItem[]> {
    return listVirtualMachines(
      await this.clients.forCluster(cluster),
      namespaces,
    );
  }

  async labelVirtualMachine(
    cluster: ShepherdClusterConnection,
    vm: ShepherdVmRef,
    labels: Record<string, string | null>,
    precondition: ShepherdVmPrecondition,
  ): Promise<{ resourceVersion?: string }> {
    return labelVirtualMachine(
      await this.clients.forCluster(cluster),
      vm,
      labels,
      precondition,
    );
  }

  async inspectCluster(
    cluster: ShepherdClusterConnection,
  ): Promise<ShepherdClusterInspection> {
    return inspectCluster(await this.clients.forCluster(cluster));
  }

  async listInstanceTypes(
    cluster: ShepherdClusterConnection,
    namespace?: string,
  ): Promise<ShepherdInstanceTypeInfo[]> {
    return listInstanceTypes(await this.clients.forCluster(cluster), namespace);
  }

  async migrateVirtualMachine(
    cluster: ShepherdClusterConnection,
    vm: ShepherdVmRef,
  ): Promise<ShepherdVmMigration> {
    return migrateVirtualMachine(await this.clients.forCluster(cluster), vm);
  }

  async getMigration(
    cluster: ShepherdClusterConnection,
    vm: ShepherdVmRef,
    migrationName: string,
  ): Promise<ShepherdVmMigration> {
    return getMigration(
      await this.clients.forCluster(cluster),
      vm,
      migrationName,
    );
  }

  async openVncStream(
    cluster: ShepherdClusterConnection,
    vm: ShepherdVmRef,
    options: { preserveSession: boolean },
  ): Promise<ShepherdVncStream> {
    return openVncStream(
      await this.clients.forCluster(cluster),
      vm,
      options.preserveSession,
    );
  }
}
