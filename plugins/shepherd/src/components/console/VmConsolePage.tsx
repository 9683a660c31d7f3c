import { useApi } from '@backstage/core-plugin-api';
import {
  ConsoleAccess,
  shepherdVmConsolePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { shepherdApiRef } from '../../api/ShepherdApi';
import {
  EnvironmentChip,
  PermissionGate,
  RecordHeader,
  RecordNotLoaded,
  VmStatusBadge,
  isPast,
  useLiveData,
} from '../common';
import { VmLink } from '../links';
import { ConsoleAccessCard } from '../vms/ConsoleAccessCard';
import { consoleBlockedReason, isTransitional } from '../vms/vmRules';
import { VncConsole } from './VncConsole';

export const CONSOLE_NOT_PERMITTED =
  'You do not have permission to open the console of this VM.';
export const CONSOLE_AWAITS_APPROVAL =
  'The console opens here once an approver has granted your request.';
export const CONSOLE_NEEDS_ACCESS =
  'Request console access above to open the console.';

function hasActiveGrant(access: ConsoleAccess | undefined): boolean {
  return Boolean(access?.grant && !isPast(access.grant.expiresAt));
}

/**
 * One VM's console page: one card with the user's console access (a grant, a request waiting
 * for an approver in production, or the form to ask for it), and under it the VNC console
 * once access is granted and the VM runs.
 */
export function VmConsolePage() {
  const { vmId = '' } = useParams();
  const api = useApi(shepherdApiRef);
  const vm = useLiveData(() => api.getVm(vmId), [api, vmId], {
    isSettled: value => !isTransitional(value),
  });
  // The access card loads the access and follows a pending request; the page reads it.
  const [access, setAccess] = useState<ConsoleAccess | undefined>();

  if (!vm.value) {
    return <RecordNotLoaded record={vm} errorTitle="Could not load the VM" />;
  }
  const current = vm.value;
  const blockedReason = consoleBlockedReason(current);

  const consoleArea = () => {
    if (blockedReason) {
      return <Alert severity="info">{blockedReason}</Alert>;
    }
    if (hasActiveGrant(access)) {
      return <VncConsole vmId={current.id} />;
    }
    if (access?.pendingTicket) {
      return <Alert severity="info">{CONSOLE_AWAITS_APPROVAL}</Alert>;
    }
    return access ? (
      <Alert severity="info">{CONSOLE_NEEDS_ACCESS}</Alert>
    ) : null;
  };

  return (
    <Grid container spacing={3}>
      <RecordHeader
        backLink={<VmLink vmId={current.id}>Back to {current.name}</VmLink>}
        title={`Console of ${current.name}`}
      >
        <VmStatusBadge status={current.status} />
        <EnvironmentChip environment={current.environment} />
      </RecordHeader>
      <Grid item xs={12}>
        <PermissionGate
          permission={shepherdVmConsolePermission}
          resourceRef={current.id}
          fallback={<Alert severity="warning">{CONSOLE_NOT_PERMITTED}</Alert>}
        >
          <ConsoleAccessCard
            vm={current}
            onAccessChange={setAccess}
            hideOpenConsole
          >
            <Box mt={2}>{consoleArea()}</Box>
          </ConsoleAccessCard>
        </PermissionGate>
      </Grid>
    </Grid>
  );
}
