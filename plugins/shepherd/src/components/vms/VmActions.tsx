import { useApi } from '@backstage/core-plugin-api';
import {
  OperationSubmission,
  POWER_ACTIONS,
  PowerAction,
  ShepherdTicket,
  ShepherdVm,
  shepherdVmDeletePermission,
  shepherdVmModifyPermission,
  shepherdVmPowerPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useEffect, useState } from 'react';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { SUBMITTED_FOR_APPROVAL } from '../../labels';
import { PermissionedButton, ShepherdErrorPanel, useAction } from '../common';
import { RequestLink } from '../links';
import {
  TICKET_STATUS_PHRASES,
  describeTicket,
  isActiveTicket,
} from '../requests/ticketText';
import { DELETE_LABEL, DeleteVmDialog } from './DeleteVmDialog';
import { MODIFY_TITLE, ModifyVmDialog } from './ModifyVmDialog';
import {
  POWER_ACTION_LABELS,
  PowerDialog,
  powerNeedsConfirmation,
} from './PowerDialog';
import {
  conflictingRequest,
  deleteBlockedReason,
  isTransitional,
  modifyBlockedReason,
  powerActionBlockedReason,
  requestConflictReason,
} from './vmRules';

/** What the last action led to: done directly, or a request that waits for an approver. */
type Outcome = {
  message: string;
  ticketId?: string;
  pending: boolean;
  /** The VM when a direct action was accepted, to tell when the action has shown. */
  acceptedOn?: Pick<ShepherdVm, 'status' | 'updatedAt'>;
};

function powerOutcome(
  vm: ShepherdVm,
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
    message: submission.joined
      ? `${POWER_ACTION_LABELS[action]} already under way: your request joined it, and it runs once.`
      : `${POWER_ACTION_LABELS[action]} accepted: the VM is on its way.`,
    pending: false,
    acceptedOn: { status: vm.status, updatedAt: vm.updatedAt },
  };
}

/**
 * Whether the page tells what came of an action by itself, so its note would only repeat an
 * older state: a direct action once the VM has changed and come to rest (its status shows
 * the result, or its failure), a request once it has ended (its status is in the VM's
 * requests).
 */
function outcomeShown(
  outcome: Outcome,
  vm: ShepherdVm,
  tickets: readonly ShepherdTicket[] | undefined,
): boolean {
  const { acceptedOn, ticketId } = outcome;
  if (acceptedOn) {
    const changed =
      vm.status !== acceptedOn.status || vm.updatedAt !== acceptedOn.updatedAt;
    return changed && !isTransitional(vm);
  }
  const ticket = tickets?.find(candidate => candidate.id === ticketId);
  return ticket !== undefined && !isActiveTicket(ticket);
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
  /** The VM's requests, newest first: actions that would collide with one under way wait. */
  tickets?: readonly ShepherdTicket[];
  onChanged: (result: VmActionResult) => void;
}) {
  const { vm, tickets = [], onChanged } = props;
  const api = useApi(shepherdApiRef);
  const [outcome, setOutcome] = useState<Outcome>();
  const [powerDialog, setPowerDialog] = useState<PowerAction>();
  const [openDialog, setOpenDialog] = useState<OpenDialog>();
  const power = useAction((action: PowerAction, reason: string | undefined) =>
    api.requestVmPower(vm.id, { action, reason }),
  );

  useEffect(() => {
    if (outcome && outcomeShown(outcome, vm, props.tickets)) {
      setOutcome(undefined);
    }
  }, [outcome, vm, props.tickets]);

  const powerBlockedReason = (action: PowerAction) =>
    powerActionBlockedReason(vm, action) ??
    requestConflictReason(tickets, 'POWER');
  const modifyReason =
    modifyBlockedReason(vm) ?? requestConflictReason(tickets, 'MODIFY');
  const deleteReason =
    deleteBlockedReason(vm) ?? requestConflictReason(tickets, 'DELETE');
  // The request that holds actions back, named under them unless the note of the last
  // action links it already.
  const holdingRequest = [
    conflictingRequest(tickets, 'POWER'),
    conflictingRequest(tickets, 'MODIFY'),
    conflictingRequest(tickets, 'DELETE'),
  ].find(ticket => ticket && ticket.id !== outcome?.ticketId);

  const runPower = async (action: PowerAction, reason?: string) => {
    const submission = await power.run(action, reason);
    if (submission) {
      setPowerDialog(undefined);
      setOutcome(powerOutcome(vm, action, submission));
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
            disabled={Boolean(powerBlockedReason(action)) || power.busy}
            disabledReason={powerBlockedReason(action)}
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
          disabled={Boolean(modifyReason)}
          disabledReason={modifyReason}
          onClick={() => setOpenDialog('modify')}
        >
          {MODIFY_TITLE}
        </PermissionedButton>
        <PermissionedButton
          permission={shepherdVmDeletePermission}
          resourceRef={vm.id}
          variant="outlined"
          color="secondary"
          disabled={Boolean(deleteReason)}
          disabledReason={deleteReason}
          onClick={() => setOpenDialog('delete')}
        >
          {DELETE_LABEL}
        </PermissionedButton>
      </Box>
      {holdingRequest && (
        <Box mt={1}>
          <Typography variant="body2" color="textSecondary">
            Request{' '}
            <RequestLink ticketId={holdingRequest.id}>
              {describeTicket(holdingRequest)}
            </RequestLink>{' '}
            is {TICKET_STATUS_PHRASES[holdingRequest.status]}: actions that
            would collide with it wait until it has ended.
          </Typography>
        </Box>
      )}
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
