import { LoggerService } from '@backstage/backend-plugin-api';
import {
  SHEPHERD_ERROR_CODES,
  ShepherdCluster,
  ShepherdVm,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  ShepherdProviderError,
  ShepherdVmDefinition,
  ShepherdVmResize,
  isShepherdNotOwnedError,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { conflict, invalidInput, unavailable } from '../service/errors';
import { ApprovalPreflight } from '../service/approvals/ApprovalPreflight';
import { isClusterUnreachable } from './errors';
import { ClusterConnections, ConnectedCluster } from './ClusterConnections';

/** Answers about Shepherd's access, not about the VM. */
const CREDENTIALS_REFUSED = [401, 403];

/**
 * Runs the approval preflight through the installed VM provider. The namespace is created
 * first (as the worker would, labelled and idempotent), since a dry run into a namespace
 * that does not exist yet would be rejected for that alone.
 */
export class ClusterApprovalPreflight implements ApprovalPreflight {
  constructor(
    private readonly connections: ClusterConnections,
    private readonly logger: LoggerService,
  ) {}

  async checkCreate(
    cluster: ShepherdCluster,
    definition: ShepherdVmDefinition,
  ): Promise<void> {
    await this.#withProvider(cluster.id, async (provider, connection) => {
      await provider.ensureNamespace(
        connection,
        definition.namespace,
        definition.environment,
        { installationId: definition.installationId },
      );
      await provider.applyVirtualMachine(connection, definition, {
        dryRun: true,
      });
    });
  }

  async checkModify(vm: ShepherdVm, resize: ShepherdVmResize): Promise<void> {
    await this.#withProvider(vm.clusterId, (provider, connection) =>
      provider.resizeVirtualMachine(connection, vm, resize, { dryRun: true }),
    );
  }

  async #withProvider(
    clusterId: string | undefined,
    check: (
      provider: ConnectedCluster['provider'],
      connection: ConnectedCluster['connection'],
    ) => Promise<unknown>,
  ): Promise<void> {
    if (!this.connections.hasProvider()) {
      // Nothing can validate the VM; the worker reports the missing provider on the ticket.
      this.logger.warn(
        'Approving without a cluster preflight: no VM provider is installed',
      );
      return;
    }
    let target: ConnectedCluster;
    try {
      target = await this.connections.connect(clusterId);
    } catch (error) {
      if (isClusterUnreachable(error)) {
        throw unavailable(
          SHEPHERD_ERROR_CODES.CLUSTER_UNAVAILABLE,
          error.message,
        );
      }
      throw error;
    }
    const { cluster, provider, connection } = target;
    try {
      await check(provider, connection);
    } catch (error) {
      if (isShepherdNotOwnedError(error)) {
        throw conflict(
          SHEPHERD_ERROR_CODES.VM_NAME_CONFLICT,
          `${cluster.name} already has an object named ${error.vm.namespace}/${error.vm.name} that is not this VM of Shepherd's; Shepherd left it untouched`,
          {
            cluster: cluster.name,
            namespace: error.vm.namespace,
            name: error.vm.name,
          },
        );
      }
      if (
        error instanceof ShepherdProviderError &&
        CREDENTIALS_REFUSED.includes(error.statusCode ?? 0)
      ) {
        throw unavailable(
          SHEPHERD_ERROR_CODES.CLUSTER_UNAVAILABLE,
          `${cluster.name} refused Shepherd's credentials (HTTP ${error.statusCode}); an administrator should check them: ${error.message}`,
        );
      }
      if (
        error instanceof ShepherdProviderError &&
        error.kind === 'permanent'
      ) {
        throw invalidInput(
          SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
          `${cluster.name} rejected the VM in a dry run: ${error.message}`,
          { cluster: cluster.name, statusCode: error.statusCode },
        );
      }
      if (error instanceof ShepherdProviderError) {
        throw unavailable(
          SHEPHERD_ERROR_CODES.CLUSTER_UNAVAILABLE,
          `${cluster.name} could not check the VM: ${error.message}; try again`,
        );
      }
      throw error;
    }
  }
}
