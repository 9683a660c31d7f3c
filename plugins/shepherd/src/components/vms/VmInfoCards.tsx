import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import {
  ShepherdTicket,
  ShepherdVm,
  isOvercommitted,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Typography from '@material-ui/core/Typography';
import { NOT_SET } from '../../labels';
import {
  EnvironmentChip,
  RelativeTime,
  VmStatusBadge,
  formatCpu,
  formatDisk,
  formatEntityRef,
  formatMemory,
} from '../common';
import { RequestLink } from '../links';
import { describeTicket } from '../requests/ticketText';

/** The link to a VM's creation request when the request itself is not at hand. */
export const CREATION_REQUEST_LINK = 'The request';

/** Said of a template or instance size whose name the VM's records do not keep. */
export const NAME_NOT_RECORDED = 'Not recorded';

/**
 * A template or instance size of a VM by its name; the id, for support, is in the tooltip.
 */
function CatalogItemName(props: { name?: string; id?: string }) {
  const { name, id } = props;
  if (!id) return <>{name ?? NOT_SET}</>;
  return <span title={id}>{name ?? NAME_NOT_RECORDED}</span>;
}

/**
 * Where a VM runs and whose it is. The cluster was the approver's choice and cannot change.
 * The request that created the VM is named by its title when it is at hand.
 */
export function VmPlacementCard(props: {
  vm: ShepherdVm;
  creationTicket?: ShepherdTicket;
}) {
  const { vm, creationTicket } = props;
  return (
    <InfoCard title="Status and placement">
      <StructuredMetadataTable
        metadata={{
          Status: <VmStatusBadge status={vm.status} />,
          ...(vm.statusMessage ? { 'Status message': vm.statusMessage } : {}),
          System: vm.systemName,
          Service: vm.serviceName,
          Namespace: vm.namespace,
          Environment: <EnvironmentChip environment={vm.environment} />,
          Cluster: (
            <>
              {vm.clusterName ?? NOT_SET}
              <Typography
                variant="caption"
                display="block"
                color="textSecondary"
              >
                Chosen by the approver; read-only
              </Typography>
            </>
          ),
          Instance: vm.instance,
          ...(vm.ticketId
            ? {
                'Requested by': formatEntityRef(vm.createdBy),
                'Created by request': (
                  <RequestLink ticketId={vm.ticketId}>
                    {creationTicket
                      ? describeTicket(creationTicket)
                      : CREATION_REQUEST_LINK}
                  </RequestLink>
                ),
              }
            : {
                // No request created it: it ran on the cluster before Shepherd adopted it.
                'Adopted by': formatEntityRef(vm.createdBy),
              }),
          Created: <RelativeTime timestamp={vm.createdAt} />,
          'Last change': <RelativeTime timestamp={vm.updatedAt} />,
        }}
      />
    </InfoCard>
  );
}

/**
 * A VM's compute shape. Template and instance size are named from the request that created
 * the VM when it is at hand (its snapshots); their ids are in tooltips.
 */
export function VmResourcesCard(props: {
  vm: ShepherdVm;
  creationTicket?: ShepherdTicket;
}) {
  const { vm, creationTicket } = props;
  const overcommitted = isOvercommitted(vm);
  return (
    <InfoCard title="Resources">
      <StructuredMetadataTable
        metadata={{
          CPU: `${formatCpu(vm.cpuCores)} (request ${vm.cpuRequest})`,
          Memory: `${formatMemory(vm.memoryGi)} (request ${formatMemory(
            vm.memoryRequestGi,
          )})`,
          Disk: formatDisk(vm.diskGb),
          'Storage class': vm.storageClass ?? NOT_SET,
          Template: (
            <CatalogItemName
              name={creationTicket?.templateSnapshot?.displayName}
              id={vm.templateId}
            />
          ),
          'Instance size': (
            <CatalogItemName
              name={creationTicket?.instanceSizeSnapshot?.displayName}
              id={vm.instanceSizeId}
            />
          ),
          ...(overcommitted ? { Overcommit: 'Requests are below limits' } : {}),
        }}
      />
    </InfoCard>
  );
}
