import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import {
  ShepherdDomainEvent,
  ShepherdTicket,
  VmSpec,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Typography from '@material-ui/core/Typography';
import { NOT_SET } from '../../labels';
import {
  EnvironmentChip,
  RelativeTime,
  TicketStatusBadge,
  formatCpu,
  formatDisk,
  formatEntityRef,
  formatMemory,
} from '../common';
import { VmLink } from '../links';
import { OPERATION_LABELS, describeTargets, withdrawalOf } from './ticketText';
import {
  RequestedCatalogItems,
  useRequestedCatalogItems,
} from './useRequestedCatalogItems';

function describeSpec(spec: VmSpec): string {
  return [
    `CPU ${formatCpu(spec.cpuCores)} (request ${spec.cpuRequest})`,
    `memory ${formatMemory(spec.memoryGi)} (request ${
      spec.memoryRequestGi
    } GiB)`,
    `disk ${formatDisk(spec.diskGb)}`,
    spec.storageClass ? `storage class ${spec.storageClass}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * A template or instance size by its name, with its id below for support; only the id when
 * the name is not known (an item no longer offered).
 */
function CatalogItemName(props: {
  item?: { id: string; displayName: string };
  id: unknown;
}) {
  const { item } = props;
  const id = item?.id ?? (typeof props.id === 'string' ? props.id : undefined);
  if (!item) {
    return <>{id ?? NOT_SET}</>;
  }
  return (
    <>
      {item.displayName}
      <Typography variant="caption" color="textSecondary" display="block">
        {id}
      </Typography>
    </>
  );
}

/** The rows that only some operations have. */
function operationRows(
  ticket: ShepherdTicket,
  catalogItems: RequestedCatalogItems,
): Record<string, unknown> {
  const rows: Record<string, unknown> = {};
  if (ticket.operation === 'CREATE') {
    rows.Template = (
      <CatalogItemName
        item={catalogItems.template}
        id={ticket.requestSpec.templateId}
      />
    );
    rows['Instance size'] = (
      <CatalogItemName
        item={catalogItems.instanceSize}
        id={ticket.requestSpec.instanceSizeId}
      />
    );
  }
  if (ticket.operation === 'CREATE' || ticket.operation === 'MODIFY') {
    rows['Requested resources'] =
      describeTargets(ticket.requestSpec) ??
      (ticket.operation === 'CREATE' ? 'As the instance size' : NOT_SET);
  }
  if (ticket.operation === 'MODIFY' && ticket.requestSpec.requiresRestart) {
    rows['Takes effect'] = 'After the VM restarts';
  }
  if (ticket.operation === 'POWER') {
    rows['Power action'] = ticket.powerAction ?? NOT_SET;
  }
  if (ticket.operation === 'VNC_ACCESS' && ticket.grantMinutes) {
    rows['Console access for'] = `${ticket.grantMinutes} minutes`;
  }
  if (ticket.modifiedSpec) {
    rows["Approver's spec"] = describeSpec(ticket.modifiedSpec);
  }
  return rows;
}

/**
 * Who settled a request and when: the approver's decision, or, for a withdrawn request, its
 * withdrawal (nobody decided it).
 */
function settlementRows(
  ticket: ShepherdTicket,
  events: readonly ShepherdDomainEvent[] | undefined,
): Record<string, unknown> {
  const withdrawal = withdrawalOf(ticket, events);
  if (withdrawal) {
    return {
      Withdrawn: (
        <>
          <RelativeTime timestamp={withdrawal.at} /> by{' '}
          {formatEntityRef(withdrawal.by)}
        </>
      ),
    };
  }
  return {
    Approver: ticket.approver ? formatEntityRef(ticket.approver) : NOT_SET,
    ...(ticket.decisionComment
      ? { 'Approver comment': ticket.decisionComment }
      : {}),
    Decided: ticket.decidedAt ? (
      <RelativeTime timestamp={ticket.decidedAt} />
    ) : (
      NOT_SET
    ),
  };
}

/** What a request asks for, for what, and who decided or withdrew it. */
export function RequestSummaryCard(props: {
  ticket: ShepherdTicket;
  /** The request's events, which tell who withdrew it. */
  events?: readonly ShepherdDomainEvent[];
}) {
  const { ticket, events } = props;
  const catalogItems = useRequestedCatalogItems(ticket);
  const metadata: Record<string, unknown> = {
    Operation: OPERATION_LABELS[ticket.operation],
    Status: <TicketStatusBadge status={ticket.status} />,
    Requester: formatEntityRef(ticket.requester),
    Reason: ticket.reason,
    System: ticket.systemName,
    Service: ticket.serviceName,
    Namespace: ticket.namespace,
    Environment: <EnvironmentChip environment={ticket.environment} />,
    VM: ticket.vmId ? (
      <VmLink vmId={ticket.vmId}>{ticket.vmName ?? ticket.vmId}</VmLink>
    ) : (
      ticket.vmName ?? NOT_SET
    ),
    ...operationRows(ticket, catalogItems),
    Submitted: <RelativeTime timestamp={ticket.createdAt} />,
    ...settlementRows(ticket, events),
    'Last change': <RelativeTime timestamp={ticket.updatedAt} />,
  };
  return (
    <InfoCard title="Summary">
      <StructuredMetadataTable metadata={metadata} />
    </InfoCard>
  );
}
