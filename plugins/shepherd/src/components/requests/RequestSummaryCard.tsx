import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import {
  ShepherdDomainEvent,
  ShepherdTicket,
  VmSpec,
} from '@kubevirt-shepherd/plugin-shepherd-common';
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

/** Said of a template or instance size the request names that its namespace no longer offers. */
export const NO_LONGER_OFFERED = 'No longer offered';

/** Said of a template or instance size while the catalog is being looked up. */
const LOOKING_UP = 'Looking up…';

/**
 * A template or instance size by its name; its id, for support, is in the tooltip. An item
 * whose name is not known (no longer offered) is said to be so.
 */
function CatalogItemName(props: {
  item?: { id: string; displayName: string };
  id: unknown;
  loading: boolean;
}) {
  const { item, loading } = props;
  const id = item?.id ?? (typeof props.id === 'string' ? props.id : undefined);
  if (!id) {
    return <>{NOT_SET}</>;
  }
  let words = item?.displayName;
  if (!words) {
    words = loading ? LOOKING_UP : NO_LONGER_OFFERED;
  }
  return <span title={id}>{words}</span>;
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
        loading={catalogItems.loading}
      />
    );
    rows['Instance size'] = (
      <CatalogItemName
        item={catalogItems.instanceSize}
        id={ticket.requestSpec.instanceSizeId}
        loading={catalogItems.loading}
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
