import { SHEPHERD_ERROR_CODES } from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  ShepherdProviderError,
  ShepherdVmDefinition,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { invalidInput } from '../service/errors';
import {
  RenderedVmManifest,
  VmManifestRenderer,
} from '../service/approvals/VmManifestRenderer';
import { ClusterConnections } from './ClusterConnections';

/** Renders manifests through the installed VM provider's `renderVirtualMachine`. */
export class ProviderVmManifestRenderer implements VmManifestRenderer {
  constructor(
    private readonly connections: Pick<
      ClusterConnections,
      'hasProvider' | 'provider'
    >,
  ) {}

  render(definition: ShepherdVmDefinition): RenderedVmManifest | undefined {
    if (!this.connections.hasProvider()) return undefined;
    const provider = this.connections.provider();
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
