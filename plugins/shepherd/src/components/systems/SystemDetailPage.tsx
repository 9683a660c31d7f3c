import { Link, LinkButton } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  shepherdAuditReadPermission,
  shepherdSystemDeletePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import DeleteIcon from '@material-ui/icons/Delete';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { auditRouteRef, systemsRouteRef, vmsRouteRef } from '../../routes';
import {
  DEFAULT_PAGE_SIZE,
  PermissionGate,
  PermissionedButton,
  RecordHeader,
  RecordNotLoaded,
  ShepherdErrorPanel,
  useLiveData,
} from '../common';
import { DELETE_SYSTEM_LABEL, DeleteSystemDialog } from './DeleteDialogs';
import { MembersCard } from './MembersCard';
import { OutcomeAlert } from './OutcomeAlert';
import { ServicesCard } from './ServicesCard';
import { SystemAboutCard } from './SystemAboutCard';
import { CreatedState, DeletedState } from './SystemListPage';
import { CREATED_IN_SHEPHERD } from './SystemTables';
import { systemDeleteBlockedReason } from './systemRules';
import { useVmCounts } from './useVmCounts';

export const ALL_SYSTEMS_LABEL = 'All Systems';
export const AUDIT_TRAIL_LABEL = 'Audit trail';

function vmsLabel(count: number | undefined): string {
  if (count === undefined) return 'View VMs';
  return `View ${count} ${count === 1 ? 'VM' : 'VMs'}`;
}

/**
 * One System: its description, Services and members, with what the user may do to them;
 * links to its VMs and audit trail; deleting it once it has no Services.
 */
export function SystemDetailPage() {
  const { systemId = '' } = useParams();
  const api = useApi(shepherdApiRef);
  const navigate = useNavigate();
  const location = useLocation();
  const systemsLink = useRouteRef(systemsRouteRef);
  const auditLink = useRouteRef(auditRouteRef);
  const vmsLink = useRouteRef(vmsRouteRef);
  const [created, setCreated] = useState(
    (location.state as CreatedState | null)?.created,
  );
  const [deleting, setDeleting] = useState(false);
  const [servicePaging, setServicePaging] = useState({
    offset: 0,
    limit: DEFAULT_PAGE_SIZE,
  });

  const system = useLiveData(() => api.getSystem(systemId), [api, systemId]);
  const services = useLiveData(
    () => api.listServices({ systemId, ...servicePaging }),
    [api, systemId, servicePaging.offset, servicePaging.limit],
  );
  const members = useLiveData(
    () => api.listSystemMembers(systemId),
    [api, systemId],
  );
  const serviceIds = (services.value?.items ?? []).map(service => service.id);
  const vmCounts = useVmCounts(systemId, serviceIds);

  const backLink = <Link to={systemsLink()}>{ALL_SYSTEMS_LABEL}</Link>;

  if (!system.value) {
    return (
      <RecordNotLoaded
        record={system}
        errorTitle="Could not load the System"
        backLink={backLink}
      />
    );
  }

  const current = system.value;
  const serviceCount = services.value?.totalItems;
  const deleteBlocked = systemDeleteBlockedReason(serviceCount);
  const auditParams = new URLSearchParams({
    resourceType: 'system',
    resourceId: current.id,
  });

  return (
    <Grid container spacing={3}>
      <RecordHeader backLink={backLink} title={current.name}>
        <Chip
          size="small"
          variant="outlined"
          label={
            current.entityRef
              ? `From the catalog: ${current.entityRef}`
              : CREATED_IN_SHEPHERD
          }
        />
      </RecordHeader>
      {created && (
        <Grid item xs={12}>
          <OutcomeAlert
            outcome={created}
            onClose={() => setCreated(undefined)}
          />
        </Grid>
      )}
      {system.error && (
        <Grid item xs={12}>
          <ShepherdErrorPanel
            title="Could not refresh the System"
            error={system.error}
          />
        </Grid>
      )}
      <Grid item xs={12}>
        <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
          {/* Buttons that navigate: links to assistive technology. */}
          <LinkButton
            role="link"
            variant="outlined"
            color="primary"
            to={`${vmsLink()}?${new URLSearchParams({ systemId: current.id })}`}
          >
            {vmsLabel(vmCounts.value?.system)}
          </LinkButton>
          <PermissionGate permission={shepherdAuditReadPermission}>
            <LinkButton
              role="link"
              variant="outlined"
              to={`${auditLink()}?${auditParams}`}
            >
              {AUDIT_TRAIL_LABEL}
            </LinkButton>
          </PermissionGate>
          <PermissionedButton
            permission={shepherdSystemDeletePermission}
            resourceRef={current.id}
            variant="outlined"
            color="secondary"
            startIcon={<DeleteIcon />}
            disabled={Boolean(deleteBlocked)}
            disabledReason={deleteBlocked}
            onClick={() => setDeleting(true)}
          >
            {DELETE_SYSTEM_LABEL}
          </PermissionedButton>
        </Box>
      </Grid>
      <Grid item xs={12} md={5}>
        <SystemAboutCard system={current} onChanged={system.refresh} />
      </Grid>
      <Grid item xs={12} md={7}>
        <MembersCard
          system={current}
          members={members.value?.items}
          error={members.error}
          onChanged={members.refresh}
        />
      </Grid>
      <Grid item xs={12}>
        <ServicesCard
          system={current}
          services={services.value}
          error={services.error}
          vmCounts={vmCounts.value?.byService}
          onPaging={setServicePaging}
          onChanged={services.refresh}
        />
      </Grid>
      <DeleteSystemDialog
        system={current}
        open={deleting}
        onDeleted={() => {
          const state: DeletedState = { deleted: current.name };
          navigate(systemsLink(), { state });
        }}
        onCancel={() => setDeleting(false)}
      />
    </Grid>
  );
}
