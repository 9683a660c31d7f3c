import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { ReactNode } from 'react';
import {
  requestDetailRouteRef,
  systemDetailRouteRef,
  vmDetailRouteRef,
  vmsRouteRef,
} from '../routes';

/*
 * Links between Shepherd pages, by route ref so that they follow wherever the app mounts
 * the Shepherd page.
 */

/** A link to one VM's page. */
export function VmLink(props: { vmId: string; children: ReactNode }) {
  const vmDetail = useRouteRef(vmDetailRouteRef);
  return <Link to={vmDetail({ vmId: props.vmId })}>{props.children}</Link>;
}

/** A link to one request's page. */
export function RequestLink(props: { ticketId: string; children: ReactNode }) {
  const requestDetail = useRouteRef(requestDetailRouteRef);
  return (
    <Link to={requestDetail({ ticketId: props.ticketId })}>
      {props.children}
    </Link>
  );
}

/** A link to one System's page (its Services and members). */
export function SystemLink(props: { systemId: string; children: ReactNode }) {
  const systemDetail = useRouteRef(systemDetailRouteRef);
  return (
    <Link to={systemDetail({ systemId: props.systemId })}>
      {props.children}
    </Link>
  );
}

/** A link to the VM list, filtered to a System and optionally one of its Services. */
export function FilteredVmsLink(props: {
  systemId: string;
  serviceId?: string;
  children: ReactNode;
}) {
  const vms = useRouteRef(vmsRouteRef);
  const params = new URLSearchParams({ systemId: props.systemId });
  if (props.serviceId) {
    params.set('serviceId', props.serviceId);
  }
  return <Link to={`${vms()}?${params}`}>{props.children}</Link>;
}
