import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { AuditLogEntry } from '@kubevirt-shepherd/plugin-shepherd-common';
import { ReactNode } from 'react';
import { auditEntryRouteRef, auditRouteRef } from '../../routes';
import { KEEP_WHOLE } from '../common';
import { RequestLink, SystemLink, VmLink } from '../links';
import { auditResourceTypeLabel } from './auditVocabulary';
import { AuditFilters, auditSearchParams } from './useAuditQuery';

/** A link to one audit entry's page. */
export function AuditEntryLink(props: { id: string; children: ReactNode }) {
  const entry = useRouteRef(auditEntryRouteRef);
  return <Link to={entry({ auditLogId: props.id })}>{props.children}</Link>;
}

/** A link to the audit log with filters, e.g. everything by one actor. */
export function AuditFilterLink(props: {
  filters: AuditFilters;
  children: ReactNode;
}) {
  const audit = useRouteRef(auditRouteRef);
  return (
    <Link to={`${audit()}?${auditSearchParams(props.filters)}`}>
      {props.children}
    </Link>
  );
}

/**
 * A link to the page of a record by its audit type and id, where the Shepherd page has one:
 * VMs, requests (tickets) and Systems; Services and members lead to their System. Records
 * deleted since then answer "not found" there; the audit entry stays.
 */
export function RecordLink(props: {
  type: string | undefined;
  id: string | undefined;
  /** The parent of a Service or member: its System. */
  parent?: { type?: string; id?: string };
  children: ReactNode;
}) {
  const { type, id, parent, children } = props;
  if (!id) return <>{children}</>;
  switch (type) {
    case 'vm':
      return <VmLink vmId={id}>{children}</VmLink>;
    case 'ticket':
      return <RequestLink ticketId={id}>{children}</RequestLink>;
    case 'system':
      return <SystemLink systemId={id}>{children}</SystemLink>;
    case 'service':
    case 'member':
      return parent?.type === 'system' && parent.id ? (
        <SystemLink systemId={parent.id}>{children}</SystemLink>
      ) : (
        <>{children}</>
      );
    default:
      return <>{children}</>;
  }
}

/**
 * What an entry is about in words, e.g. "VM prod-payments-api-01", linked to its page where
 * there is one. A record without a recorded name is linked by its kind ("Request"); its id is
 * in the tooltip.
 */
export function EntryResource(props: { entry: AuditLogEntry }) {
  const { entry } = props;
  const kind = auditResourceTypeLabel(entry.resourceType);
  const link = (words: string) => (
    <RecordLink
      type={entry.resourceType}
      id={entry.resourceId}
      parent={{ type: entry.parentType, id: entry.parentId }}
    >
      {words}
    </RecordLink>
  );
  return (
    <span title={entry.resourceId}>
      {entry.resourceName ? (
        <>
          {/* A name like dev-payments-ledger-01 stays whole: browsers break at hyphens. */}
          {kind} <span style={KEEP_WHOLE}>{link(entry.resourceName)}</span>
        </>
      ) : (
        link(kind)
      )}
    </span>
  );
}
