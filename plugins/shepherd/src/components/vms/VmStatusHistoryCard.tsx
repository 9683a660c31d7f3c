import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  ShepherdTicket,
  ShepherdVm,
  shepherdAuditReadPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { AuditFilterLink } from '../audit/auditLinks';
import {
  RelativeTime,
  ShepherdErrorPanel,
  TicketStatusBadge,
  formatEntityRef,
  useShepherdPermission,
} from '../common';
import { RequestLink } from '../links';
import { vmHistory } from './vmHistory';

export const STATUS_HISTORY_TITLE = 'Status history';
export const AUDIT_TRAIL_LINK = 'The VM’s full audit trail';
/** How many recorded actions on the VM the history reads. */
export const VM_HISTORY_LIMIT = 50;

/**
 * What happened to a VM, newest first: its requests (asked, decided, carried out) and the
 * actions on it that needed no approval, which everyone who may see the VM may see. Users who
 * may read the audit log also get a link to the VM's whole audit trail.
 */
export function VmStatusHistoryCard(props: {
  vm: ShepherdVm;
  /** The VM's requests; undefined while they load or when they could not be loaded. */
  tickets?: ShepherdTicket[];
}) {
  const { vm, tickets } = props;
  const api = useApi(shepherdApiRef);
  const auditAccess = useShepherdPermission(shepherdAuditReadPermission);
  // Read again whenever the VM changed, so the history follows the status.
  const recorded = useAsync(
    () => api.getVmHistory(vm.id, { limit: VM_HISTORY_LIMIT }),
    [api, vm.id, vm.updatedAt],
  );

  if (!tickets) {
    return (
      <InfoCard title={STATUS_HISTORY_TITLE}>
        <Progress />
      </InfoCard>
    );
  }
  const entries = vmHistory(vm, tickets, recorded.value?.items);
  return (
    <InfoCard title={STATUS_HISTORY_TITLE}>
      {recorded.error && (
        <ShepherdErrorPanel
          title="Could not load what was done to the VM"
          error={recorded.error}
        />
      )}
      <List dense aria-label={STATUS_HISTORY_TITLE}>
        {entries.map(entry => (
          <ListItem key={entry.key} divider>
            <ListItemText
              primary={
                <Box display="flex" alignItems="center" style={{ gap: 8 }}>
                  {entry.ticketId ? (
                    <RequestLink ticketId={entry.ticketId}>
                      {entry.title}
                    </RequestLink>
                  ) : (
                    <span>{entry.title}</span>
                  )}
                  {entry.ticketStatus && (
                    <TicketStatusBadge
                      status={entry.ticketStatus}
                      past={!entry.current}
                    />
                  )}
                </Box>
              }
              secondary={
                <>
                  {entry.by && <>{formatEntityRef(entry.by)} · </>}
                  <RelativeTime timestamp={entry.at} />
                  {entry.note && (
                    <Typography
                      variant="body2"
                      component="span"
                      display="block"
                    >
                      {entry.note}
                    </Typography>
                  )}
                </>
              }
            />
          </ListItem>
        ))}
      </List>
      {auditAccess.allowed && (
        <Box mt={1}>
          <AuditFilterLink filters={{ resourceId: vm.id }}>
            {AUDIT_TRAIL_LINK}
          </AuditFilterLink>
        </Box>
      )}
    </InfoCard>
  );
}
