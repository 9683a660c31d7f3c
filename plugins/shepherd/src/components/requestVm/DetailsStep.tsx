import {
  RESOURCE_STEP,
  SHEPHERD_INPUT_LIMITS,
  ShepherdInstanceSize,
  isOvercommitted,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { displayNameOf, formatCpu, formatDisk, formatMemory } from '../common';
import { DetailFields, FieldErrors } from './requestVmRules';
import { SshKeyField } from './SshKeyField';

export const CPU_LABEL = 'CPU cores (optional)';
export const MEMORY_LABEL = 'Memory in GiB (optional)';
export const DISK_LABEL = 'Disk in GiB (optional)';
export const REASON_LABEL = 'Reason';

/**
 * Optional targets that replace the size's CPU, memory and disk limits, and the reason the
 * approver reads. Left empty, a target is the size's.
 */
export function DetailsStep(props: {
  size: ShepherdInstanceSize;
  fields: DetailFields;
  onChange: (name: keyof DetailFields, value: string) => void;
  errors: FieldErrors;
}) {
  const { size, fields, onChange, errors } = props;
  const field = (name: keyof DetailFields) => ({
    value: fields[name],
    onChange: (event: { target: { value: string } }) =>
      onChange(name, event.target.value),
    error: Boolean(errors[name]),
    fullWidth: true,
    margin: 'dense' as const,
    variant: 'outlined' as const,
  });
  return (
    <Box>
      <Typography variant="body2" paragraph>
        Leave a target empty to get what {displayNameOf(size)} gives. CPU and
        memory come in steps of {RESOURCE_STEP}; the disk in whole GiB.
        {isOvercommitted(size) &&
          ' Requests follow the size’s ratio of request to limit, so the VM stays as overcommitted as the size.'}
      </Typography>
      <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
        <Box flex="1 1 180px">
          <TextField
            id="shepherd-request-cpu"
            label={CPU_LABEL}
            type="number"
            inputProps={{
              step: RESOURCE_STEP,
              min: RESOURCE_STEP,
              max: SHEPHERD_INPUT_LIMITS.cpuCoresMax,
            }}
            placeholder={String(size.cpuCores)}
            helperText={
              errors.targetCpuCores ??
              `The size gives ${formatCpu(size.cpuCores)}`
            }
            {...field('targetCpuCores')}
          />
        </Box>
        <Box flex="1 1 180px">
          <TextField
            id="shepherd-request-memory"
            label={MEMORY_LABEL}
            type="number"
            inputProps={{
              step: RESOURCE_STEP,
              min: RESOURCE_STEP,
              max: SHEPHERD_INPUT_LIMITS.memoryGiMax,
            }}
            placeholder={String(size.memoryGi)}
            helperText={
              errors.targetMemoryGi ??
              `The size gives ${formatMemory(size.memoryGi)}`
            }
            {...field('targetMemoryGi')}
          />
        </Box>
        <Box flex="1 1 180px">
          <TextField
            id="shepherd-request-disk"
            label={DISK_LABEL}
            type="number"
            inputProps={{
              step: 1,
              min: 1,
              max: SHEPHERD_INPUT_LIMITS.diskGbMax,
            }}
            placeholder={String(size.diskGb)}
            helperText={
              errors.targetDiskGb ?? `The size gives ${formatDisk(size.diskGb)}`
            }
            {...field('targetDiskGb')}
          />
        </Box>
      </Box>
      <SshKeyField {...field('sshPublicKey')} errorText={errors.sshPublicKey} />
      <TextField
        id="shepherd-request-reason"
        label={REASON_LABEL}
        required
        multiline
        minRows={2}
        helperText={
          errors.reason ??
          'What the VM is for: the approver reads it, and it stays in the audit log'
        }
        {...field('reason')}
      />
    </Box>
  );
}
