import {
  Environment,
  SHEPHERD_WARNING_CODES,
  ShepherdInstanceSize,
  checkComputeShape,
  isOvercommitted,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { formatCpu, formatDisk, formatMemory, withRequest } from '../common';

/** What a warning about a size means for the people who see it, by its code. */
const WARNING_TEXT: Partial<Record<string, string>> = {
  [SHEPHERD_WARNING_CODES.OVERCOMMIT_IN_PROD]:
    'Overcommitted in production: it can be requested, and the approver is warned and needs a cluster that allows overcommit.',
};

/** The backend's codes of findings, for support and search; secondary to their text. */
function FindingCodes(props: { findings: ReadonlyArray<{ code: string }> }) {
  return (
    <Typography variant="caption" color="textSecondary" component="span">
      {' '}
      ({[...new Set(props.findings.map(finding => finding.code))].join(', ')})
    </Typography>
  );
}

/**
 * Why a size cannot be used for a VM in the environment (its shape breaks a rule the
 * backend refuses, e.g. dedicated CPUs overcommitted); empty when it can. Warnings, such as
 * overcommit in production, do not stop a request.
 */
export function unusableReasonsOf(
  size: ShepherdInstanceSize,
  environment?: Environment,
): ReadonlyArray<{ code: string; message: string }> {
  return checkComputeShape(size, environment).errors;
}

/** The capabilities a size asks of its cluster, as chips. */
function capabilitiesOf(size: ShepherdInstanceSize): string[] {
  return [
    size.dedicatedCpu ? 'Dedicated CPU' : undefined,
    size.requiresHugepages
      ? `Hugepages${size.hugepagesSize ? ` ${size.hugepagesSize}` : ''}`
      : undefined,
    size.requiresGpu ? 'GPU' : undefined,
    size.requiresSriov ? 'SR-IOV' : undefined,
  ].filter((label): label is string => Boolean(label));
}

/** `CPU 2 cores (request 1 core) · memory 4 GiB · disk 20 GiB`. */
export function describeSizeShape(size: ShepherdInstanceSize): string {
  return [
    `CPU ${withRequest(
      formatCpu(size.cpuCores),
      formatCpu(size.cpuRequest),
      size.cpuRequest < size.cpuCores,
    )}`,
    `memory ${withRequest(
      formatMemory(size.memoryGi),
      formatMemory(size.memoryRequestGi),
      size.memoryRequestGi < size.memoryGi,
    )}`,
    `disk ${formatDisk(size.diskGb)}`,
  ].join(' · ');
}

/**
 * What an instance size gives: CPU, memory and disk (requests where they are below limits),
 * the capabilities it needs (dedicated CPU, hugepages, GPU, SR-IOV), and what overcommit
 * means for it in the environment the VM would run in: what stops it from being used, and
 * warnings, each in words with the backend's code beside.
 */
export function InstanceSizeFacts(props: {
  size: ShepherdInstanceSize;
  /** The environment of the chosen namespace: overcommit in prod is a warning for approvers. */
  environment?: Environment;
}) {
  const { size, environment } = props;
  const capabilities = capabilitiesOf(size);
  const overcommitted = isOvercommitted(size);
  const { errors, warnings } = checkComputeShape(size, environment);
  return (
    <Box>
      <Typography variant="body2">{describeSizeShape(size)}</Typography>
      {capabilities.length > 0 && (
        <Box mt={0.5} display="flex" flexWrap="wrap" style={{ gap: 4 }}>
          {capabilities.map(label => (
            <Chip key={label} size="small" label={label} variant="outlined" />
          ))}
        </Box>
      )}
      {overcommitted && (
        <Typography variant="body2" color="textSecondary">
          Overcommitted: the VM is guaranteed its requests and may use up to its
          limits when the node has room.
        </Typography>
      )}
      {errors.length > 0 && (
        <Typography variant="body2" color="error">
          Cannot be used: {errors.map(error => error.message).join('; ')}.
          <FindingCodes findings={errors} />
        </Typography>
      )}
      {warnings.map(warning => (
        <Typography key={warning.code} variant="body2">
          {WARNING_TEXT[warning.code] ?? warning.message}
          <FindingCodes findings={[warning]} />
        </Typography>
      ))}
    </Box>
  );
}
