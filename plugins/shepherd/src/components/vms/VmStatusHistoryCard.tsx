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
/** How many audit entries on the VM the history reads. */
export const VM_AUDIT_LIMIT = 50;

/**
 * What happened to a VM, newest first: its requests (asked, decided, carried out) and, for
 * users who may read the audit log, the actions on it that needed no approval.
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
  const audit = useAsync(
    async () =>
      auditAccess.allowed
        ? api.listAuditLogs({
            resourceType: 'vm',
            resourceId: vm.id,
            limit: VM_AUDIT_LIMIT,
          })
        : undefined,
    [api, vm.id, vm.updatedAt, auditAccess.allowed],
  );

  if (!tickets) {
    return (
      <InfoCard title={STATUS_HISTORY_TITLE}>
        <Progress />
      </InfoCard>
    );
  }
  const entries = vmHistory(vm, tickets, audit.value?.items);
  return (
    <InfoCard title={STATUS_HISTORY_TITLE}>
      {audit.error && (
        <ShepherdErrorPanel
          title="Could not load the VM's audit entries"
          error={audit.error}
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
      <Box mt={1}>
        {auditAccess.allowed ? (
          <AuditFilterLink filters={{ resourceId: vm.id }}>
            {AUDIT_TRAIL_LINK}
          </AuditFilterLink>
        ) : (
          <Typography variant="caption" color="textSecondary">
            Actions that needed no approval, such as power actions in test, are
            recorded in the audit log.
          </Typography>
        )}
      </Box>
    </InfoCard>
  );
}
