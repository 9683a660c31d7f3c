import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { ShepherdTicket } from '@kubevirt-shepherd/plugin-shepherd-common';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { vmsRouteRef } from '../../routes';
import { RequestLink } from '../links';
import { describeTicket } from '../requests/ticketText';

export const VM_DELETED_TITLE = 'This VM was deleted';
export const ALL_VMS_LABEL = 'All VMs';

/**
 * The request that deleted a VM, among the VM's requests (newest first): the newest deletion
 * that was approved, whether its end is recorded yet or not.
 */
export function deletionRequestOf(
  tickets: readonly ShepherdTicket[] | undefined,
): ShepherdTicket | undefined {
  return tickets?.find(
    ticket =>
      ticket.operation === 'DELETE' &&
      ['APPROVED', 'EXECUTING', 'SUCCESS'].includes(ticket.status),
  );
}

/** What a VM's page says once the VM is gone: that it was deleted, and by which request. */
export function VmDeletedNotice(props: {
  vmName: string;
  deletion?: ShepherdTicket;
}) {
  const { vmName, deletion } = props;
  const vmsLink = useRouteRef(vmsRouteRef);
  return (
    <Alert severity="info">
      <AlertTitle>{VM_DELETED_TITLE}</AlertTitle>
      {vmName} no longer exists
      {deletion && (
        <>
          : the request{' '}
          <RequestLink ticketId={deletion.id}>
            {describeTicket(deletion)}
          </RequestLink>{' '}
          deleted it
        </>
      )}
      . Its requests and audit trail are kept. See{' '}
      <Link to={vmsLink()}>{ALL_VMS_LABEL}</Link>.
    </Alert>
  );
}
