import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import { ShepherdTicket } from '@kubevirt-shepherd/plugin-shepherd-common';
import { NOT_SET } from '../../labels';
import {
  EnvironmentChip,
  RelativeTime,
  displayNameOf,
  formatEntityRef,
} from '../common';
import { VmLink } from '../links';
import { InstanceSizeFacts } from '../requestVm/InstanceSizeFacts';
import { OPERATION_LABELS, describeTargets } from '../requests/ticketText';
import { AgeBadge } from './AgeBadge';
import { OfferedCatalog, sizeOf, templateNameOf } from './useOfferedCatalog';

const DAY_MS = 24 * 60 * 60 * 1000;

function ageDaysOf(createdAt: string): number {
  return Math.max(0, Math.floor((Date.now() - Date.parse(createdAt)) / DAY_MS));
}

/** The rows only some operations have: what exactly is asked. */
function operationRows(
  ticket: ShepherdTicket,
  catalog: OfferedCatalog | undefined,
): Record<string, unknown> {
  const vm = ticket.vmId ? (
    <VmLink vmId={ticket.vmId}>{ticket.vmName ?? ticket.vmId}</VmLink>
  ) : (
    ticket.vmName ?? NOT_SET
  );
  const spec = ticket.requestSpec;
  switch (ticket.operation) {
    case 'CREATE': {
      const sizeId =
        typeof spec.instanceSizeId === 'string'
          ? spec.instanceSizeId
          : undefined;
      const size = sizeOf(sizeId, catalog, ticket.instanceSizeSnapshot);
      return {
        Template: templateNameOf(
          typeof spec.templateId === 'string' ? spec.templateId : undefined,
          catalog,
          ticket.templateSnapshot,
        ),
        'Instance size': size ? (
          <>
            {displayNameOf(size)}
            <InstanceSizeFacts size={size} environment={ticket.environment} />
          </>
        ) : (
          sizeId ?? NOT_SET
        ),
        'Requested targets': describeTargets(spec) ?? 'As the instance size',
      };
    }
    case 'MODIFY':
      return {
        VM: vm,
        'Requested targets': describeTargets(spec) ?? NOT_SET,
        ...(spec.requiresRestart ? { 'Takes effect': 'After a restart' } : {}),
      };
    case 'DELETE':
      return {
        VM: vm,
        'What happens':
          'The VM and its disks are deleted from the cluster. This cannot be undone.',
      };
    case 'POWER':
      return { VM: vm, 'Power action': ticket.powerAction ?? NOT_SET };
    case 'VNC_ACCESS':
      return {
        VM: vm,
        'Console access for': ticket.grantMinutes
          ? `${ticket.grantMinutes} minutes`
          : 'The default length',
      };
    default:
      return { VM: vm };
  }
}

/** What a pending request asks for, who asks and why. */
export function TaskSummaryCard(props: {
  ticket: ShepherdTicket;
  catalog?: OfferedCatalog;
}) {
  const { ticket, catalog } = props;
  const metadata: Record<string, unknown> = {
    Operation: OPERATION_LABELS[ticket.operation],
    Requester: formatEntityRef(ticket.requester),
    Reason: ticket.reason || NOT_SET,
    System: ticket.systemName,
    Service: ticket.serviceName,
    Namespace: ticket.namespace,
    Environment: <EnvironmentChip environment={ticket.environment} />,
    ...operationRows(ticket, catalog),
    Submitted: <RelativeTime timestamp={ticket.createdAt} />,
    Waiting: <AgeBadge ageDays={ageDaysOf(ticket.createdAt)} />,
  };
  return (
    <InfoCard title="What is asked">
      <StructuredMetadataTable metadata={metadata} />
    </InfoCard>
  );
}
