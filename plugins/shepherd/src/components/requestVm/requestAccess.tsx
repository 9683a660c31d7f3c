import { Link } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  Environment,
  ShepherdSystem,
  shepherdSystemCreatePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { SYSTEMS_TITLE } from '../../labels';
import { systemsRouteRef } from '../../routes';
import {
  formatEntityRef,
  requestableEnvironments,
  useShepherdCapabilities,
  useShepherdPermission,
} from '../common';

/** The title of what the wizard and the overview say to a user who may request no VM. */
export const NO_REQUEST_ACCESS_TITLE = 'You cannot request VMs yet';

/** The member roles of a System that may request VMs for it, in words. */
export const REQUESTING_ROLES = 'member, admin or owner';

/** How many Systems' owners are named at most: enough to find someone to ask. */
const OWNER_SYSTEMS_SHOWN = 5;

/**
 * The Systems (of those the user can see) the user may request VMs for, and the environments
 * it may request them in for each: the backend answers with the check a request passes.
 */
export function useRequestableSystems(systems: ShepherdSystem[] | undefined): {
  value?: ShepherdSystem[];
  /** The environments the user may request VMs in for a System, once known. */
  environmentsOf?: (systemId: string) => ReadonlyArray<Environment>;
  loading: boolean;
  error?: Error;
} {
  const capabilities = useShepherdCapabilities();
  const known = capabilities.value;
  const value = useMemo(
    () =>
      systems && known
        ? systems.filter(
            system => requestableEnvironments(known, system.id).length > 0,
          )
        : undefined,
    [systems, known],
  );
  const environmentsOf = useMemo(
    () =>
      known
        ? (systemId: string) => requestableEnvironments(known, systemId)
        : undefined,
    [known],
  );
  return {
    value,
    environmentsOf,
    loading: capabilities.loading,
    error: capabilities.error,
  };
}

/** The owners of the first few Systems, to name whom to ask; none when they cannot be read. */
function useSystemOwners(systems: ShepherdSystem[]) {
  const api = useApi(shepherdApiRef);
  const shown = systems.slice(0, OWNER_SYSTEMS_SHOWN);
  return useAsync(
    () =>
      Promise.all(
        shown.map(async system => {
          const members = await api
            .listSystemMembers(system.id)
            .then(answer => answer.items)
            .catch(() => []);
          return {
            system,
            owners: members
              .filter(member => member.role === 'owner')
              .map(member => formatEntityRef(member.memberRef)),
          };
        }),
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, shown.map(system => system.id).join(',')],
  );
}

function OwnersToAsk(props: { systems: ShepherdSystem[] }) {
  const owners = useSystemOwners(props.systems);
  const known = (owners.value ?? []).filter(entry => entry.owners.length > 0);
  if (known.length === 0) {
    return null;
  }
  return (
    <Box component="ul" aria-label="System owners" mt={0} mb={1}>
      {known.map(({ system, owners: names }) => (
        <li key={system.id}>
          <Typography variant="body2">
            {system.name}: {names.join(', ')}
          </Typography>
        </li>
      ))}
    </Box>
  );
}

/**
 * Why the user may request no VM, and what to do about it, from what the user can do:
 * whom to ask to be added to a System (the owners of the Systems the user sees, when it
 * sees any), or how to bring the team's System to Shepherd when the user may do that.
 */
export function RequestAccessHelp(props: {
  /** The Systems the user can see; none of them lets the user request VMs. */
  systems: ShepherdSystem[];
}) {
  const { systems } = props;
  const systemsPage = useRouteRef(systemsRouteRef);
  const createSystems = useShepherdPermission(shepherdSystemCreatePermission);
  const why =
    systems.length === 0
      ? `Requesting a VM needs the ${REQUESTING_ROLES} role in a System of Shepherd, and you are in none yet.`
      : `Requesting a VM needs the ${REQUESTING_ROLES} role in its System, and you hold it in none of the ${
          systems.length === 1 ? 'System' : `${systems.length} Systems`
        } you can see.`;
  return (
    <Box>
      <Typography variant="body2" paragraph>
        {why}
      </Typography>
      {systems.length > 0 && (
        <>
          <Typography variant="body2">
            Ask an owner of your team's System to add you as a member:
          </Typography>
          <OwnersToAsk systems={systems} />
        </>
      )}
      {createSystems.allowed ? (
        <Typography variant="body2">
          If your team's System is not in Shepherd yet, register it from the
          catalog or create it under{' '}
          <Link to={systemsPage()}>{SYSTEMS_TITLE}</Link>: you become its owner.
        </Typography>
      ) : (
        <Typography variant="body2">
          {systems.length === 0
            ? "Ask the owner of your team's System to add you as a member. "
            : ''}
          If you do not know who owns it, or your team has no System in Shepherd
          yet, your platform team can tell you or give you a role in Shepherd.
        </Typography>
      )}
    </Box>
  );
}

/** What a user who may request no VM reads instead of the wizard: why, and whom to ask. */
export function NoRequestAccess(props: { systems: ShepherdSystem[] }) {
  return (
    <Alert severity="info">
      <AlertTitle>{NO_REQUEST_ACCESS_TITLE}</AlertTitle>
      <RequestAccessHelp systems={props.systems} />
    </Alert>
  );
}
