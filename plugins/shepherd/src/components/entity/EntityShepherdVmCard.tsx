import {
  EmptyState,
  InfoCard,
  Progress,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  SHEPHERD_ANNOTATIONS,
  SHEPHERD_ERROR_CODES,
  ShepherdVm,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { hasShepherdErrorCode } from '../../api/ShepherdApiError';
import { NOT_SET } from '../../labels';
import { vmDetailRouteRef } from '../../routes';
import {
  EnvironmentChip,
  ShepherdErrorPanel,
  VmStatusBadge,
  formatCpu,
  formatDisk,
  formatMemory,
  withRequest,
} from '../common';
import { VmLink } from '../links';
import { VmActionResult, VmActions } from '../vms/VmActions';
import { useLiveVm } from '../vms/useLiveVm';
import { consoleBlockedReason } from '../vms/vmRules';

/** The title of the card on a VM's Resource entity page. */
export const ENTITY_VM_CARD_TITLE = 'Shepherd virtual machine';

/** The card's link to the VM's page in Shepherd. */
export const OPEN_VM_PAGE_LABEL = 'Open the VM in Shepherd';

/** Where a running VM's console is asked for: the VM's page. */
export const OPEN_CONSOLE_LABEL = 'Console access';

function VmSummary(props: {
  vm: ShepherdVm;
  onChanged: (result: VmActionResult) => void;
}) {
  const { vm, onChanged } = props;
  const consoleBlocked = consoleBlockedReason(vm);
  return (
    <>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 16 }}
      >
        <VmStatusBadge status={vm.status} />
        <EnvironmentChip environment={vm.environment} />
      </Box>
      {vm.statusMessage && (
        <Typography variant="body2" color="textSecondary">
          {vm.statusMessage}
        </Typography>
      )}
      <StructuredMetadataTable
        metadata={{
          Cluster: vm.clusterName ?? NOT_SET,
          Namespace: vm.namespace,
          CPU: withRequest(
            formatCpu(vm.cpuCores),
            String(vm.cpuRequest),
            vm.cpuRequest < vm.cpuCores,
          ),
          Memory: withRequest(
            formatMemory(vm.memoryGi),
            formatMemory(vm.memoryRequestGi),
            vm.memoryRequestGi < vm.memoryGi,
          ),
          Disk: formatDisk(vm.diskGb),
          Console: consoleBlocked ?? (
            <VmLink vmId={vm.id}>{OPEN_CONSOLE_LABEL}</VmLink>
          ),
        }}
      />
      <Box mt={2}>
        <VmActions vm={vm} onChanged={onChanged} />
      </Box>
    </>
  );
}

function VmOfEntity(props: { vmId: string }) {
  const { vmId } = props;
  const vm = useLiveVm(vmId);
  if (vm.loading && !vm.value) {
    return <Progress />;
  }
  if (
    !vm.value &&
    hasShepherdErrorCode(vm.error, SHEPHERD_ERROR_CODES.NOT_FOUND)
  ) {
    return (
      <EmptyState
        missing="data"
        title="VM not found in Shepherd"
        description="The VM was deleted, or you may not see it. A deleted VM's entity leaves the catalog with the next refresh."
      />
    );
  }
  return (
    <>
      {vm.error && (
        <ShepherdErrorPanel title="Could not load the VM" error={vm.error} />
      )}
      {vm.value && <VmSummary vm={vm.value} onChanged={vm.followAction} />}
    </>
  );
}

/**
 * The Shepherd VM a catalog Resource stands for (found by its `kubevirt-shepherd.io/vm-id`
 * annotation, which the Shepherd entity provider writes): status, placement, resources and
 * the actions the user may take, with links to the VM's page and its console access there.
 */
export function EntityShepherdVmCard() {
  const { entity } = useEntity();
  const vmDetail = useRouteRef(vmDetailRouteRef);
  const vmId = entity.metadata.annotations?.[SHEPHERD_ANNOTATIONS.vmId];
  if (!vmId) {
    return (
      <MissingAnnotationEmptyState annotation={SHEPHERD_ANNOTATIONS.vmId} />
    );
  }
  return (
    <InfoCard
      title={ENTITY_VM_CARD_TITLE}
      deepLink={{ title: OPEN_VM_PAGE_LABEL, link: vmDetail({ vmId }) }}
    >
      <VmOfEntity vmId={vmId} />
    </InfoCard>
  );
}
