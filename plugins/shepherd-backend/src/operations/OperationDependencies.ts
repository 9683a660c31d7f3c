import { LoggerService } from '@backstage/backend-plugin-api';
import { ApprovalPreflight } from '../service/approvals/ApprovalPreflight';
import { VmManifestRenderer } from '../service/approvals/VmManifestRenderer';
import { GovernanceContext } from '../service/GovernanceContext';
import { ShepherdInstallation } from '../service/installation/ShepherdInstallation';

/** What VM operations are built with. */
export interface OperationDependencies {
  context: GovernanceContext;
  /** The cluster's say on an approval, before it is written. */
  preflight: ApprovalPreflight;
  /** Manifests for the approval workbench. */
  renderer: VmManifestRenderer;
  logger: LoggerService;
  /** This installation, whose id labels (and so owns) what the operations create. */
  installation: ShepherdInstallation;
}
