import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { ReactNode } from 'react';
import { approvalTaskRouteRef } from '../../routes';

/** A link to one pending request in the approval workbench. */
export function ApprovalTaskLink(props: {
  ticketId: string;
  children: ReactNode;
}) {
  const approvalTask = useRouteRef(approvalTaskRouteRef);
  return (
    <Link to={approvalTask({ ticketId: props.ticketId })}>
      {props.children}
    </Link>
  );
}
