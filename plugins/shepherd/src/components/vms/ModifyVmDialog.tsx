import { ShepherdVm } from '@kubevirt-shepherd/plugin-shepherd-common';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/core-plugin-api';
import { useState } from 'react';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { VmRequestDialogProps } from './VmRequestDialogProps';
import { ConfirmationDialog, ReasonField, useDialogAction } from '../common';
import {
  CPU_MEMORY_STEP,
  DISK_STEP,
  changedTargets,
  checkModifyTargets,
  needsRestart,
} from './vmRules';

export const MODIFY_TITLE = 'Resize';

type Fields = {
  cpuCores: string;
  memoryGi: string;
  diskGb: string;
  reason: string;
};

function fieldsOf(vm: ShepherdVm): Fields {
  return {
    cpuCores: String(vm.cpuCores),
    memoryGi: String(vm.memoryGi),
    diskGb: String(vm.diskGb),
    reason: '',
  };
}

/**
 * Asks for new CPU, memory and disk sizes: CPU and memory in steps of 0.5, the disk only
 * larger. Every change waits for an approver; CPU or memory of a running VM changes at the
 * next restart.
 */
export function ModifyVmDialog(props: VmRequestDialogProps) {
  const { vm, open, onSubmitted, onCancel } = props;
  const api = useApi(shepherdApiRef);
  const [fields, setFields] = useState<Fields>(() => fieldsOf(vm));
  const submit = useDialogAction({
    open,
    action: api.requestVmModification.bind(api),
    // Each opening starts from the VM's current sizes.
    onOpen: () => setFields(fieldsOf(vm)),
    onDone: onSubmitted,
  });

  const targets = {
    cpuCores: Number(fields.cpuCores),
    memoryGi: Number(fields.memoryGi),
    diskGb: Number(fields.diskGb),
  };
  const problems = checkModifyTargets(vm, targets);
  const changes = changedTargets(vm, targets);
  const changesSomething = Object.values(changes).some(v => v !== undefined);
  const valid =
    Object.keys(problems).length === 0 &&
    changesSomething &&
    fields.reason.trim().length > 0;

  const set = (name: keyof Fields) => (event: { target: { value: string } }) =>
    setFields(current => ({ ...current, [name]: event.target.value }));

  const confirm = () =>
    submit.run(vm.id, { ...changes, reason: fields.reason.trim() });

  return (
    <ConfirmationDialog
      open={open}
      title={`${MODIFY_TITLE} ${vm.name}`}
      tier={{ kind: 'button' }}
      confirmLabel="Submit for approval"
      canConfirm={valid}
      busy={submit.busy}
      error={submit.error}
      onConfirm={confirm}
      onCancel={onCancel}
    >
      <Typography variant="body2" paragraph>
        An approver must allow the change. CPU and memory come in steps of{' '}
        {CPU_MEMORY_STEP}; the disk can only grow.
      </Typography>
      <TextField
        id="shepherd-modify-cpu"
        label="CPU cores"
        type="number"
        inputProps={{ step: CPU_MEMORY_STEP, min: CPU_MEMORY_STEP }}
        value={fields.cpuCores}
        onChange={set('cpuCores')}
        error={Boolean(problems.cpuCores)}
        helperText={problems.cpuCores ?? `Now ${vm.cpuCores}`}
        fullWidth
        margin="dense"
        variant="outlined"
      />
      <TextField
        id="shepherd-modify-memory"
        label="Memory (GiB)"
        type="number"
        inputProps={{ step: CPU_MEMORY_STEP, min: CPU_MEMORY_STEP }}
        value={fields.memoryGi}
        onChange={set('memoryGi')}
        error={Boolean(problems.memoryGi)}
        helperText={problems.memoryGi ?? `Now ${vm.memoryGi} GiB`}
        fullWidth
        margin="dense"
        variant="outlined"
      />
      <TextField
        id="shepherd-modify-disk"
        label="Disk (GiB)"
        type="number"
        inputProps={{ step: DISK_STEP, min: vm.diskGb }}
        value={fields.diskGb}
        onChange={set('diskGb')}
        error={Boolean(problems.diskGb)}
        helperText={problems.diskGb ?? `Now ${vm.diskGb} GiB; disks only grow`}
        fullWidth
        margin="dense"
        variant="outlined"
      />
      <ReasonField
        id="shepherd-modify-reason"
        label="Reason"
        required
        value={fields.reason}
        onChange={reason => setFields(current => ({ ...current, reason }))}
      />
      {!changesSomething && (
        <Typography variant="body2" color="textSecondary">
          Change at least one size.
        </Typography>
      )}
      {needsRestart(vm, targets) && (
        <Typography variant="body2" color="textSecondary">
          The VM is running: new CPU or memory sizes take effect after its next
          restart.
        </Typography>
      )}
    </ConfirmationDialog>
  );
}
