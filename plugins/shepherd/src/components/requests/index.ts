export { MyRequestsPage } from './MyRequestsPage';
export { TicketTable } from './TicketTable';
export { describeTicket, isActiveTicket } from './ticketText';
