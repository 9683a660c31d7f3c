import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { shepherdSystemCreatePermission } from '@kubevirt-shepherd/plugin-shepherd-common';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { shepherdApiRef } from '../../api/ShepherdApi';
import {
  MY_REQUESTS_TITLE,
  REQUEST_VM_TITLE,
  SYSTEMS_TITLE,
  VMS_TITLE,
} from '../../labels';
import {
  myRequestsRouteRef,
  requestVmRouteRef,
  systemsRouteRef,
  vmsRouteRef,
} from '../../routes';
import {
  ShepherdErrorPanel,
  formatCount,
  loadAll,
  useShepherdPermission,
} from '../common';
import {
  RequestAccessHelp,
  useRequestableSystems,
} from '../requestVm/requestAccess';
import { OverviewSummary, useOverviewSummary } from './useOverviewSummary';

/** The title of the card for a user who has nothing in Shepherd yet. */
export const GETTING_STARTED_TITLE = 'Getting started';

function FirstSteps() {
  const myRequests = useRouteRef(myRequestsRouteRef);
  const vms = useRouteRef(vmsRouteRef);
  const systems = useRouteRef(systemsRouteRef);
  const requestVm = useRouteRef(requestVmRouteRef);
  return (
    <>
      <Typography variant="body1" paragraph>
        You have no virtual machines and no requests in Shepherd yet. This is
        how you get one:
      </Typography>
      <ol>
        <li>
          <Typography variant="body2">
            VMs belong to a Service of a System. Make sure your team's System is
            registered in Shepherd under{' '}
            <Link to={systems()}>{SYSTEMS_TITLE}</Link> and that you are one of
            its members; its owner or your platform team can add you.
          </Typography>
        </li>
        <li>
          <Typography variant="body2">
            <Link to={requestVm()}>{REQUEST_VM_TITLE}</Link> for one of its
            Services: pick a namespace, an operating system template and an
            instance size, and say what it is for.
          </Typography>
        </li>
        <li>
          <Typography variant="body2">
            An approver chooses the cluster and approves the request. Follow it
            under <Link to={myRequests()}>{MY_REQUESTS_TITLE}</Link>.
          </Typography>
        </li>
        <li>
          <Typography variant="body2">
            Once created, the VM is listed under{' '}
            <Link to={vms()}>{VMS_TITLE}</Link>: start, stop, resize or delete
            it there, or ask for console access.
          </Typography>
        </li>
      </ol>
    </>
  );
}

/**
 * What a new user does first, from what the user may do: the way to a first VM for those who
 * may request one or bring their team's System, else why they cannot and whom to ask.
 */
function NewUserGuide() {
  const api = useApi(shepherdApiRef);
  const systems = useAsync(
    () => loadAll(paging => api.listSystems(paging)),
    [api],
  );
  const requestable = useRequestableSystems(systems.value);
  const createSystems = useShepherdPermission(shepherdSystemCreatePermission);
  if (systems.loading || requestable.loading || createSystems.loading) {
    return <Progress />;
  }
  // Without an answer the usual steps remain: each page says what the user may do there.
  if (
    !systems.value ||
    !requestable.value ||
    requestable.value.length > 0 ||
    createSystems.allowed
  ) {
    return <FirstSteps />;
  }
  return (
    <>
      <Typography variant="body1" paragraph>
        You have no virtual machines and no requests in Shepherd yet, and you
        cannot request one yet.
      </Typography>
      <RequestAccessHelp systems={systems.value} />
    </>
  );
}

function Summary(props: { summary: OverviewSummary }) {
  const { summary } = props;
  const myRequests = useRouteRef(myRequestsRouteRef);
  const vms = useRouteRef(vmsRouteRef);
  return (
    <Typography variant="body1">
      You can see{' '}
      <Link to={vms()}>{formatCount(summary.vmCount, 'VM', 'VMs')}</Link>;{' '}
      <Link to={myRequests()}>
        {formatCount(summary.activeRequestCount, 'request', 'requests')}
      </Link>{' '}
      of yours {summary.activeRequestCount === 1 ? 'is' : 'are'} in progress.
    </Typography>
  );
}

/**
 * Where the user stands: how many VMs and open requests they have, or, for a new user, what
 * to do first.
 */
export function GettingStartedCard() {
  const { value: summary, loading, error } = useOverviewSummary();
  const isNewUser =
    summary !== undefined &&
    summary.vmCount === 0 &&
    summary.activeRequestCount === 0;
  return (
    <InfoCard
      title={isNewUser ? GETTING_STARTED_TITLE : 'Your VMs and requests'}
    >
      {loading && <Progress />}
      {error && (
        <ShepherdErrorPanel
          title="Could not load your VMs and requests"
          error={error}
        />
      )}
      {summary &&
        (isNewUser ? <NewUserGuide /> : <Summary summary={summary} />)}
    </InfoCard>
  );
}
