import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import {
  ApprovalPreview,
  ShepherdWarning,
  VmSpec,
  isOvercommitted,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { NOT_SET } from '../../labels';
import {
  CodedMessage,
  displayNameOf,
  formatCpu,
  formatDisk,
  formatMemory,
  withRequest,
} from '../common';
import { OfferedCatalog, sizeOf, templateNameOf } from './useOfferedCatalog';

/** What the page says about a resize: it has a patch, not a manifest. */
export const RESIZE_PATCH_NOTE =
  'The resize is sent as a patch of the VM; the cluster checks that exact patch in a dry run when you approve.';

/** Soft findings with their codes. */
export function WarningList(props: { warnings: ShepherdWarning[] }) {
  return (
    <>
      {props.warnings.map(warning => (
        <Box key={`${warning.code}:${warning.message}`} mt={1}>
          <Alert severity="warning">
            <CodedMessage message={warning.message} code={warning.code} />
          </Alert>
        </Box>
      ))}
    </>
  );
}

function specRows(
  spec: VmSpec,
  catalog: OfferedCatalog | undefined,
): Record<string, unknown> {
  const size = sizeOf(spec.instanceSizeId, catalog);
  return {
    Template: templateNameOf(spec.templateId, catalog),
    'Instance size': size ? displayNameOf(size) : spec.instanceSizeId,
    CPU: withRequest(
      formatCpu(spec.cpuCores),
      formatCpu(spec.cpuRequest),
      spec.cpuRequest < spec.cpuCores,
    ),
    Memory: withRequest(
      formatMemory(spec.memoryGi),
      formatMemory(spec.memoryRequestGi),
      spec.memoryRequestGi < spec.memoryGi,
    ),
    Disk: formatDisk(spec.diskGb),
    'Storage class': spec.storageClass ?? 'Chosen with the cluster',
  };
}

/**
 * The spec the VM would get if approved as requested (CREATE, MODIFY) and the backend's
 * warnings about it. The manifest of a new VM is in the decision, since it follows the
 * approver's choices.
 */
export function EffectiveSpecCard(props: {
  preview: ApprovalPreview;
  catalog?: OfferedCatalog;
}) {
  const { preview, catalog } = props;
  const spec = preview.effectiveSpec;
  return (
    <InfoCard title="Effective spec">
      {spec ? (
        <>
          <StructuredMetadataTable metadata={specRows(spec, catalog)} />
          {isOvercommitted(spec) && (
            <Typography variant="body2" color="textSecondary">
              Overcommitted: requests are below limits, so the VM is guaranteed
              only its requests.
            </Typography>
          )}
        </>
      ) : (
        <Typography variant="body2">
          {preview.ticket.operation === 'CREATE'
            ? 'The requested template or instance size no longer exists: replace the spec below, or reject the request.'
            : NOT_SET}
        </Typography>
      )}
      <WarningList warnings={preview.warnings} />
      {preview.ticket.operation === 'MODIFY' && (
        <Box mt={2}>
          <Typography variant="body2" color="textSecondary">
            {RESIZE_PATCH_NOTE}
          </Typography>
        </Box>
      )}
    </InfoCard>
  );
}
