import {
  Environment,
  ShepherdInstanceSize,
  checkComputeShape,
  isOvercommitted,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { formatCpu, formatDisk, formatMemory, withRequest } from '../common';

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
 * means for it, with the backend's codes for the environment the VM would run in.
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
      {[...warnings, ...errors].map(finding => (
        <Typography
          key={finding.code}
          variant="body2"
          color={
            errors.some(error => error.code === finding.code)
              ? 'error'
              : 'textPrimary'
          }
        >
          <code>{finding.code}</code>: {finding.message}
        </Typography>
      ))}
    </Box>
  );
}
