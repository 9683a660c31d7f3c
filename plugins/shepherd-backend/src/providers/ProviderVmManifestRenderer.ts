import {
  SHEPHERD_ERROR_CODES,
  ShepherdCluster,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  ShepherdProviderError,
  ShepherdVmDefinition,
  ShepherdVmProvider,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { ProviderNotInstalledError } from './errors';
import { invalidInput } from '../service/errors';
import {
  RenderedVmManifest,
  VmManifestRenderer,
} from '../service/approvals/VmManifestRenderer';
import { ClusterConnections } from './ClusterConnections';

/** Renders manifests through the `renderVirtualMachine` of the cluster's VM provider. */
export class ProviderVmManifestRenderer implements VmManifestRenderer {
  constructor(
    private readonly connections: Pick<ClusterConnections, 'providerFor'>,
  ) {}

  render(
    cluster: ShepherdCluster,
    definition: ShepherdVmDefinition,
  ): RenderedVmManifest | undefined {
    let provider: ShepherdVmProvider;
    try {
      provider = this.connections.providerFor(cluster);
    } catch (error) {
      if (error instanceof ProviderNotInstalledError) return undefined;
      throw error;
    }
    try {
      return {
        provider: provider.type,
        manifest: provider.renderVirtualMachine(definition),
      };
    } catch (error) {
      // The provider refuses a VM that KubeVirt's admission would reject; the approval
      // would be refused for the same reason.
      if (
        error instanceof ShepherdProviderError &&
        error.kind === 'permanent'
      ) {
        throw invalidInput(
          SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
          `The VM cannot be rendered: ${error.message}`,
        );
      }
      throw error;
    }
  }
}
