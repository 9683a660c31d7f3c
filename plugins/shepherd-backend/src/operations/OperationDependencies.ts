import { LoggerService } from '@backstage/backend-plugin-api';
import { ApprovalPreflight } from '../service/approvals/ApprovalPreflight';
import { VmManifestRenderer } from '../service/approvals/VmManifestRenderer';
import { GovernanceContext } from '../service/GovernanceContext';

/** What VM operations are built with. */
export interface OperationDependencies {
  context: GovernanceContext;
  /** The cluster's say on an approval, before it is written. */
  preflight: ApprovalPreflight;
  /** Manifests for the approval workbench. */
  renderer: VmManifestRenderer;
  logger: LoggerService;
}
