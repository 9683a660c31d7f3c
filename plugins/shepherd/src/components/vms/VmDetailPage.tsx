import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { ShepherdTicket } from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useEffect } from 'react';
import { useParams } from 'react-router-dom';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { vmsRouteRef } from '../../routes';
import {
  EnvironmentChip,
  RecordHeader,
  RecordNotLoaded,
  ShepherdErrorPanel,
  VmStatusBadge,
  ticketChanges,
  useLiveData,
} from '../common';
import { TicketTable, isActiveTicket } from '../requests';
import { ConsoleAccessCard } from './ConsoleAccessCard';
import { VmAccessCard } from './VmAccessCard';
import { VmActionResult, VmActions } from './VmActions';
import {
  ALL_VMS_LABEL,
  VmDeletedNotice,
  deletionRequestOf,
} from './VmDeletedNotice';
import { VmPlacementCard, VmResourcesCard } from './VmInfoCards';
import { VmStatusHistoryCard } from './VmStatusHistoryCard';
import { useLiveVm } from './useLiveVm';

/** How many of a VM's requests its page lists, newest first. */
export const RELATED_REQUESTS_LIMIT = 20;

/** A VM's requests, across the page's width. */
function VmRequestsCard(props: {
  tickets: { value?: { items: ShepherdTicket[] }; error?: Error };
}) {
  const { tickets } = props;
  return (
    // Full width: a request's title and its requester need the room of a whole row.
    <Grid item xs={12}>
      <InfoCard title="Requests" noPadding>
        {tickets.error && (
          <ShepherdErrorPanel
            title="Could not load the VM's requests"
            error={tickets.error}
          />
        )}
        {tickets.value && (
          <TicketTable
            tickets={tickets.value.items}
            showRequester
            // All of a VM's requests are in its environment, shown next to its name.
            showEnvironment={false}
            emptyContent={
              <Box p={2}>
                <Typography variant="body2">No requests on this VM.</Typography>
              </Box>
            }
          />
        )}
      </InfoCard>
    </Grid>
  );
}

/**
 * One VM: its status (followed while it changes), placement and resources, its console
 * access, its status history and requests, and the actions the user may take on it.
 */
export function VmDetailPage() {
  const { vmId = '' } = useParams();
  const api = useApi(shepherdApiRef);
  const vmsLink = useRouteRef(vmsRouteRef);
  const tickets = useLiveData(
    () =>
      api.listTickets({ scope: 'all', vmId, limit: RELATED_REQUESTS_LIMIT }),
    [api, vmId],
    {
      signals: [ticketChanges({ vmId })],
      isSettled: page => !page.items.some(isActiveTicket),
    },
  );
  const vm = useLiveVm(vmId, {
    requestInFlight: tickets.value?.items.some(isActiveTicket) ?? false,
  });
  const refresh = (result: VmActionResult) => {
    vm.followAction(result);
    tickets.refresh();
  };
  // The VM went while the page showed it: its requests are read again for the deletion's end.
  const { refresh: refreshTickets } = tickets;
  const wasShown = vm.value !== undefined;
  useEffect(() => {
    if (vm.gone && wasShown) refreshTickets();
  }, [vm.gone, wasShown, refreshTickets]);

  const backLink = <Link to={vmsLink()}>{ALL_VMS_LABEL}</Link>;

  if (vm.gone) {
    const deletion = deletionRequestOf(tickets.value?.items);
    // A VM never seen here is only called deleted when a deletion of it is known.
    if (wasShown || deletion) {
      return (
        <Grid container spacing={3}>
          <RecordHeader
            backLink={backLink}
            title={vm.value?.name ?? deletion?.vmName ?? vmId}
          />
          <Grid item xs={12}>
            <VmDeletedNotice
              vmName={vm.value?.name ?? deletion?.vmName ?? vmId}
              deletion={deletion}
            />
          </Grid>
          <VmRequestsCard tickets={tickets} />
        </Grid>
      );
    }
    if (tickets.loading) return <Progress />;
  }

  if (!vm.value) {
    return (
      <RecordNotLoaded
        record={vm}
        errorTitle="Could not load the VM"
        backLink={backLink}
      />
    );
  }

  const current = vm.value;
  const creationTicket = tickets.value?.items.find(
    ticket => ticket.id === current.ticketId,
  );
  return (
    <Grid container spacing={3}>
      <RecordHeader backLink={backLink} title={current.name}>
        <VmStatusBadge status={current.status} />
        <EnvironmentChip environment={current.environment} />
      </RecordHeader>
      {vm.error && (
        <Grid item xs={12}>
          <ShepherdErrorPanel
            title="Could not refresh the VM"
            error={vm.error}
          />
        </Grid>
      )}
      <Grid item xs={12}>
        <VmActions
          vm={current}
          tickets={tickets.value?.items}
          onChanged={refresh}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <VmPlacementCard vm={current} creationTicket={creationTicket} />
        <VmAccessCard vm={current} />
      </Grid>
      <Grid item xs={12} md={6}>
        <VmResourcesCard vm={current} creationTicket={creationTicket} />
        <Box mt={3}>
          <ConsoleAccessCard vm={current} />
        </Box>
      </Grid>
      <Grid item xs={12} md={6}>
        <VmStatusHistoryCard
          vm={current}
          // Without its requests the history still shows the current status.
          tickets={tickets.value?.items ?? (tickets.error ? [] : undefined)}
        />
      </Grid>
      <VmRequestsCard tickets={tickets} />
    </Grid>
  );
}
