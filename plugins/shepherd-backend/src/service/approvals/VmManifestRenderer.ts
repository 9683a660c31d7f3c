import { ShepherdCluster } from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdVmDefinition } from '@kubevirt-shepherd/plugin-shepherd-node';

/** A VM manifest as the installed VM provider renders it. */
export interface RenderedVmManifest {
  /** The provider's type, e.g. `kubevirt`. */
  provider: string;
  manifest: Record<string, unknown>;
}

/**
 * Renders the object the cluster's VM provider would apply for a definition, without a
 * cluster call, so that approvers can read the manifest before they approve. A definition
 * the provider refuses to render answers `VALIDATION_FAILED`.
 */
export interface VmManifestRenderer {
  /** The rendered manifest, or undefined when the cluster's VM provider is not installed. */
  render(
    cluster: ShepherdCluster,
    definition: ShepherdVmDefinition,
  ): RenderedVmManifest | undefined;
}
