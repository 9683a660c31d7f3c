import { TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  ShepherdInstanceSize,
  isOvercommitted,
  shepherdCatalogManagePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { shepherdApiRef } from '../../../api/ShepherdApi';
import { NOT_SET } from '../../../labels';
import {
  BREAK_ANYWHERE,
  DISPLAY_NAME_CELL,
  ListTable,
  formatCpu,
  formatDisk,
  formatMemory,
  useLiveData,
  withRequest,
} from '../../common';
import {
  CatalogScopeChip,
  CreateEntryButton,
  DisplayNameCell,
  DeleteEntryDialog,
  EnabledChip,
  EntryRowActions,
  FirstRunGuide,
  SectionHeader,
  SectionList,
  disableInstead,
  entryActionsColumn,
  useAdminSection,
} from '../shared';
import { InstanceSizeDialog } from './InstanceSizeDialog';
import { bySortOrder } from './instanceSizeRules';

export const NO_INSTANCE_SIZES_TITLE = 'Create your first instance size';
export const CREATE_INSTANCE_SIZE_LABEL = 'Create instance size';
/** Sizes are few and read in order, so a page holds as many as the API allows. */
const PAGE_SIZE = 100;

/** The capability requirements of a size, as chips. */
export function capabilitiesOf(size: ShepherdInstanceSize): string[] {
  return [
    size.dedicatedCpu ? 'dedicated CPU' : undefined,
    size.requiresGpu ? 'GPU' : undefined,
    size.requiresSriov ? 'SR-IOV' : undefined,
    size.requiresHugepages
      ? `hugepages ${size.hugepagesSize ?? ''}`.trim()
      : undefined,
  ].filter((label): label is string => label !== undefined);
}

function columns(
  actions: EntryRowActions<ShepherdInstanceSize>,
): TableColumn<ShepherdInstanceSize>[] {
  return [
    { title: 'Order', render: size => size.sortOrder },
    {
      title: 'Instance size',
      cellStyle: DISPLAY_NAME_CELL,
      render: size => <DisplayNameCell entry={size} />,
    },
    {
      title: 'CPU',
      render: size =>
        withRequest(
          formatCpu(size.cpuCores),
          String(size.cpuRequest),
          size.cpuRequest < size.cpuCores,
        ),
    },
    {
      title: 'Memory',
      render: size =>
        withRequest(
          formatMemory(size.memoryGi),
          String(size.memoryRequestGi),
          size.memoryRequestGi < size.memoryGi,
        ),
    },
    { title: 'Disk', render: size => formatDisk(size.diskGb) },
    {
      title: 'Capabilities',
      render: size => {
        const labels = capabilitiesOf(size);
        if (labels.length === 0 && !isOvercommitted(size)) return NOT_SET;
        return (
          <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
            {labels.map(label => (
              <Chip key={label} size="small" label={label} />
            ))}
            {isOvercommitted(size) && (
              <Chip size="small" variant="outlined" label="overcommit" />
            )}
          </Box>
        );
      },
    },
    {
      title: 'Spec overrides',
      render: size => {
        const keys = Object.keys(size.specOverrides);
        return keys.length === 0 ? (
          NOT_SET
        ) : (
          <Typography variant="caption" component="div">
            {keys.map(key => (
              <div key={key} style={BREAK_ANYWHERE}>
                <code>{key}</code>
              </div>
            ))}
          </Typography>
        );
      },
    },
    {
      title: 'Catalog scope',
      render: size => <CatalogScopeChip scope={size.catalogScope} />,
    },
    {
      title: 'Enabled',
      render: size => <EnabledChip enabled={size.enabled} />,
    },
    entryActionsColumn(shepherdCatalogManagePermission, actions),
  ];
}

/**
 * The instance sizes in the order requesters see them: CPU, memory, disk, capability
 * requirements and spec overrides; hardware only, the OS comes from templates.
 */
export function InstanceSizesSection() {
  const api = useApi(shepherdApiRef);
  const [offset, setOffset] = useState(0);
  const sizes = useLiveData(
    () => api.listInstanceSizes({ offset, limit: PAGE_SIZE }),
    [api, offset],
  );
  const section = useAdminSection<ShepherdInstanceSize>({
    refresh: sizes.refresh,
    toggle: size => api.updateInstanceSize(size.id, { enabled: !size.enabled }),
  });

  const createButton = (
    <CreateEntryButton
      permission={shepherdCatalogManagePermission}
      onClick={() => section.open({ kind: 'create' })}
    >
      {CREATE_INSTANCE_SIZE_LABEL}
    </CreateEntryButton>
  );

  return (
    <>
      <SectionHeader description="Hardware offered to requesters, in sort order.">
        {createButton}
      </SectionHeader>
      <SectionList
        kind="instance size"
        plural="instance sizes"
        section={section}
        list={sizes}
        firstRun={
          <FirstRunGuide title={NO_INSTANCE_SIZES_TITLE} action={createButton}>
            <p>
              An instance size is the hardware of a VM: CPU, memory, root disk
              and what the cluster must offer (dedicated CPUs, GPUs, SR-IOV,
              hugepages). Requesters pick one with a template.
            </p>
            <ol>
              <li>
                Create a few sizes, small to large, in steps of 0.5 cores and
                0.5 GiB; sort order decides how requesters see them.
              </li>
              <li>
                Set their catalog scope (test, prod or all): unclassified sizes
                are offered to nobody.
              </li>
              <li>
                Overcommit (requests below limits) is fine for test; in prod
                approvers are warned.
              </li>
            </ol>
          </FirstRunGuide>
        }
        showPaging={page => page.totalItems > PAGE_SIZE}
        onPageChange={paging => setOffset(paging.offset)}
      >
        {page => (
          <ListTable
            columns={columns(section.rowActions)}
            data={[...page.items].sort(bySortOrder)}
          />
        )}
      </SectionList>
      <InstanceSizeDialog
        open={section.formOpen}
        size={section.editing}
        onSaved={section.saved(size => `Created ${size.name}.`)}
        onCancel={section.close}
      />
      <DeleteEntryDialog
        entry={section.deleting}
        kind="instance size"
        tier={name => ({
          kind: 'checkbox',
          label: `I understand that ${name} will be deleted`,
        })}
        description={
          <Typography variant="body2" paragraph>
            Refused while VMs or unfinished requests use the size: disable it
            instead, so that no new requests choose it. VMs keep the snapshot
            they were approved with.
          </Typography>
        }
        onDelete={id => api.deleteInstanceSize(id)}
        alternative={disableInstead(section.selected, id =>
          api.updateInstanceSize(id, { enabled: false }),
        )}
        onDone={section.finish}
        onCancel={section.close}
      />
    </>
  );
}
