import { useApi } from '@backstage/core-plugin-api';
import {
  OperationSubmission,
  POWER_ACTIONS,
  PowerAction,
  ShepherdVm,
  shepherdVmDeletePermission,
  shepherdVmModifyPermission,
  shepherdVmPowerPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { SUBMITTED_FOR_APPROVAL } from '../../labels';
import { PermissionedButton, ShepherdErrorPanel, useAction } from '../common';
import { RequestLink } from '../links';
import { DELETE_LABEL, DeleteVmDialog } from './DeleteVmDialog';
import { MODIFY_TITLE, ModifyVmDialog } from './ModifyVmDialog';
import {
  POWER_ACTION_LABELS,
  PowerDialog,
  powerNeedsConfirmation,
} from './PowerDialog';
import {
  deleteBlockedReason,
  modifyBlockedReason,
  powerActionBlockedReason,
} from './vmRules';

/** What the last action led to: done directly, or a request that waits for an approver. */
type Outcome = { message: string; ticketId?: string; pending: boolean };

function powerOutcome(
  action: PowerAction,
  submission: OperationSubmission,
): Outcome {
  if (submission.status === 'PENDING_APPROVAL') {
    return {
      message: `${SUBMITTED_FOR_APPROVAL}: ${action} waits for an approver.`,
      ticketId: submission.ticketId,
      pending: true,
    };
  }
  return {
    message: `${POWER_ACTION_LABELS[action]} accepted: the VM is on its way.`,
    pending: false,
  };
}

function OutcomeAlert(props: { outcome: Outcome; onClose: () => void }) {
  const { outcome, onClose } = props;
  return (
    <Alert severity={outcome.pending ? 'info' : 'success'} onClose={onClose}>
      {outcome.message}{' '}
      {outcome.ticketId && (
        <RequestLink ticketId={outcome.ticketId}>
          Follow the request
        </RequestLink>
      )}
    </Alert>
  );
}

type OpenDialog = 'modify' | 'delete' | undefined;

/**
 * What an action on the VM led to: `accepted` when it is carried out without approval (a job
 * changes the VM a moment later), `submitted` when it became a request for an approver.
 */
export type VmActionResult = 'accepted' | 'submitted';

/**
 * The actions on a VM: power, resize, delete. Buttons the user may not use are disabled with
 * the reason (permission or the VM's state); the backend decides in the end. In production
 * most actions become requests, which the outcome links to.
 */
export function VmActions(props: {
  vm: ShepherdVm;
  onChanged: (result: VmActionResult) => void;
}) {
  const { vm, onChanged } = props;
  const api = useApi(shepherdApiRef);
  const [outcome, setOutcome] = useState<Outcome>();
  const [powerDialog, setPowerDialog] = useState<PowerAction>();
  const [openDialog, setOpenDialog] = useState<OpenDialog>();
  const power = useAction((action: PowerAction, reason: string | undefined) =>
    api.requestVmPower(vm.id, { action, reason }),
  );

  const runPower = async (action: PowerAction, reason?: string) => {
    const submission = await power.run(action, reason);
    if (submission) {
      setPowerDialog(undefined);
      setOutcome(powerOutcome(action, submission));
      onChanged(
        submission.status === 'PENDING_APPROVAL' ? 'submitted' : 'accepted',
      );
    }
  };

  const submitted = (what: string) => (submission: { ticketId: string }) => {
    setOpenDialog(undefined);
    setOutcome({
      message: `${SUBMITTED_FOR_APPROVAL}: ${what} waits for an approver.`,
      ticketId: submission.ticketId,
      pending: true,
    });
    onChanged('submitted');
  };

  return (
    <>
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
        {POWER_ACTIONS.map(action => (
          <PermissionedButton
            key={action}
            permission={shepherdVmPowerPermission}
            resourceRef={vm.id}
            variant="outlined"
            color="primary"
            disabled={
              Boolean(powerActionBlockedReason(vm, action)) || power.busy
            }
            disabledReason={powerActionBlockedReason(vm, action)}
            onClick={() => {
              power.reset();
              setOutcome(undefined);
              if (powerNeedsConfirmation(vm, action)) {
                setPowerDialog(action);
              } else {
                runPower(action);
              }
            }}
          >
            {POWER_ACTION_LABELS[action]}
          </PermissionedButton>
        ))}
        <PermissionedButton
          permission={shepherdVmModifyPermission}
          resourceRef={vm.id}
          variant="outlined"
          disabled={Boolean(modifyBlockedReason(vm))}
          disabledReason={modifyBlockedReason(vm)}
          onClick={() => setOpenDialog('modify')}
        >
          {MODIFY_TITLE}
        </PermissionedButton>
        <PermissionedButton
          permission={shepherdVmDeletePermission}
          resourceRef={vm.id}
          variant="outlined"
          color="secondary"
          disabled={Boolean(deleteBlockedReason(vm))}
          disabledReason={deleteBlockedReason(vm)}
          onClick={() => setOpenDialog('delete')}
        >
          {DELETE_LABEL}
        </PermissionedButton>
      </Box>
      {outcome && (
        <Box mt={2}>
          <OutcomeAlert
            outcome={outcome}
            onClose={() => setOutcome(undefined)}
          />
        </Box>
      )}
      {power.error && !powerDialog && (
        <Box mt={2}>
          <ShepherdErrorPanel
            title="The VM was not started"
            error={power.error}
          />
        </Box>
      )}
      <PowerDialog
        vm={vm}
        action={powerDialog}
        busy={power.busy}
        error={power.error}
        onConfirm={reason => powerDialog && runPower(powerDialog, reason)}
        onCancel={() => {
          setPowerDialog(undefined);
          power.reset();
        }}
      />
      <ModifyVmDialog
        vm={vm}
        open={openDialog === 'modify'}
        onSubmitted={submitted('the resize')}
        onCancel={() => setOpenDialog(undefined)}
      />
      <DeleteVmDialog
        vm={vm}
        open={openDialog === 'delete'}
        onSubmitted={submitted('the deletion')}
        onCancel={() => setOpenDialog(undefined)}
      />
    </>
  );
}
