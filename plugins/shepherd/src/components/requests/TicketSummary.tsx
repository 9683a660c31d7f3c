import { ShepherdTicket } from '@kubevirt-shepherd/plugin-shepherd-common';
import { KEEP_WHOLE } from '../common';
import { describeTicket } from './ticketText';

/**
 * A ticket's one-line summary in a list, with the VM's name on one line: a narrow column
 * must not break a name like `dev-payments-payment-api-01` at its hyphens.
 */
export function TicketSummary(props: { ticket: ShepherdTicket }) {
  const { ticket } = props;
  const summary = describeTicket(ticket);
  const name = ticket.vmName;
  if (!name || !summary.endsWith(name)) {
    return <>{summary}</>;
  }
  return (
    <>
      {summary.slice(0, summary.length - name.length)}
      <span style={KEEP_WHOLE}>{name}</span>
    </>
  );
}
