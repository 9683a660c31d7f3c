import { InfoCard, LinkButton, Progress } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  ShepherdVm,
  shepherdVmConsolePermission,
  ConsoleAccess,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { ReactNode, useEffect, useState } from 'react';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { SUBMITTED_FOR_APPROVAL } from '../../labels';
import { vmConsoleRouteRef } from '../../routes';
import {
  ConfirmationDialog,
  PermissionGate,
  PermissionedButton,
  RelativeTime,
  RequestReasonField,
  ShepherdErrorPanel,
  formatTimestamp,
  isPast,
  requestReasonCheck,
  useAction,
  useLiveData,
} from '../common';
import { RequestLink } from '../links';
import {
  CONSOLE_GRANT_DEFAULT_MINUTES,
  CONSOLE_GRANT_MAX_MINUTES,
  consoleBlockedReason,
} from './vmRules';

export const REQUEST_CONSOLE_LABEL = 'Request console access';
export const OPEN_CONSOLE_LABEL = 'Open console';

type ConsoleAccessCardProps = {
  vm: ShepherdVm;
  /** Told each loaded access, e.g. by the console page, which opens once access is granted. */
  onAccessChange?: (access: ConsoleAccess) => void;
  /** Leaves out the link to the console page (on the console page itself). */
  hideOpenConsole?: boolean;
  /** What follows the access in the same card: on the console page, the console itself. */
  children?: ReactNode;
};

function isValidMinutes(minutes: number) {
  return (
    Number.isInteger(minutes) &&
    minutes >= 1 &&
    minutes <= CONSOLE_GRANT_MAX_MINUTES
  );
}

function ConsoleAccessBody(props: ConsoleAccessCardProps) {
  const { vm, onAccessChange, hideOpenConsole } = props;
  const api = useApi(shepherdApiRef);
  const consolePage = useRouteRef(vmConsoleRouteRef);
  const access = useLiveData(
    () => api.getVmConsoleAccess(vm.id),
    [api, vm.id],
    // A pending request is decided by someone else: keep looking until it is.
    { isSettled: value => !value.pendingTicket },
  );
  useEffect(() => {
    if (access.value) onAccessChange?.(access.value);
  }, [access.value, onAccessChange]);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [minutes, setMinutes] = useState(String(CONSOLE_GRANT_DEFAULT_MINUTES));
  const reasonCheck = requestReasonCheck('VNC_ACCESS', vm.environment, reason);
  const request = useAction(() =>
    api.requestVmConsole(vm.id, {
      reason: reason.trim() || undefined,
      minutes: Number(minutes),
    }),
  );

  const confirm = async () => {
    if (await request.run()) {
      setOpen(false);
      access.refresh();
    }
  };

  if (access.loading && !access.value) {
    return <Progress />;
  }
  const grant =
    access.value?.grant && !isPast(access.value.grant.expiresAt)
      ? access.value.grant
      : undefined;
  const pending = access.value?.pendingTicket;

  return (
    <>
      {access.error && (
        <ShepherdErrorPanel
          title="Could not load your console access"
          error={access.error}
        />
      )}
      {grant && (
        <Typography variant="body2" paragraph>
          Console access granted until {formatTimestamp(grant.expiresAt)} (
          <RelativeTime timestamp={grant.expiresAt} />
          ).
        </Typography>
      )}
      {grant && !hideOpenConsole && (
        <LinkButton
          to={consolePage({ vmId: vm.id })}
          variant="contained"
          color="primary"
        >
          {OPEN_CONSOLE_LABEL}
        </LinkButton>
      )}
      {pending && (
        <Typography variant="body2" paragraph>
          {SUBMITTED_FOR_APPROVAL}: console access waits for an approver.{' '}
          <RequestLink ticketId={pending.id}>Follow the request</RequestLink>
        </Typography>
      )}
      {!grant && !pending && access.value && (
        <Typography variant="body2" paragraph>
          You have no console access to this VM.{' '}
          {vm.environment === 'prod'
            ? 'In production an approver grants it for a limited time.'
            : 'In test it is granted at once.'}
        </Typography>
      )}
      {!grant && !pending && (
        <PermissionedButton
          permission={shepherdVmConsolePermission}
          resourceRef={vm.id}
          variant="outlined"
          disabled={Boolean(consoleBlockedReason(vm))}
          disabledReason={consoleBlockedReason(vm)}
          onClick={() => {
            request.reset();
            setOpen(true);
          }}
        >
          {REQUEST_CONSOLE_LABEL}
        </PermissionedButton>
      )}
      <ConfirmationDialog
        open={open}
        title={`Console access to ${vm.name}`}
        tier={{ kind: 'button' }}
        confirmLabel={
          vm.environment === 'prod' ? 'Submit for approval' : 'Grant access'
        }
        canConfirm={isValidMinutes(Number(minutes)) && reasonCheck.valid}
        busy={request.busy}
        error={request.error}
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
      >
        <TextField
          id="shepherd-console-minutes"
          label="Minutes"
          type="number"
          inputProps={{ min: 1, max: CONSOLE_GRANT_MAX_MINUTES, step: 1 }}
          value={minutes}
          onChange={event => setMinutes(event.target.value)}
          error={!isValidMinutes(Number(minutes))}
          helperText={`At most ${CONSOLE_GRANT_MAX_MINUTES} minutes`}
          fullWidth
          margin="dense"
          variant="outlined"
        />
        <RequestReasonField
          id="shepherd-console-reason"
          operation="VNC_ACCESS"
          environment={vm.environment}
          value={reason}
          onChange={setReason}
        />
      </ConfirmationDialog>
    </>
  );
}

/** The title of the card that holds a VM's console access and, on its page, the console. */
export const CONSOLE_CARD_TITLE = 'Console';

/**
 * The user's console access to a VM: a time-limited grant with the way to the console page,
 * a request waiting for an approver (production), or a button to ask for it; the console
 * page puts the console under it, in the same card. Users without the console permission do
 * not see the card.
 */
export function ConsoleAccessCard(props: ConsoleAccessCardProps) {
  const { children, ...accessProps } = props;
  return (
    <PermissionGate
      permission={shepherdVmConsolePermission}
      resourceRef={props.vm.id}
    >
      <InfoCard title={CONSOLE_CARD_TITLE}>
        <ConsoleAccessBody {...accessProps} />
        {children}
      </InfoCard>
    </PermissionGate>
  );
}
