import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useState } from 'react';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { ENTITY_VMS_TITLE } from '../../labels';
import {
  DEFAULT_PAGE_SIZE,
  PaginationBar,
  ShepherdErrorPanel,
  useLiveData,
  vmChanges,
} from '../common';
import { RequestVmButton } from '../requestVm/RequestVmButton';
import { VmTable, isTransitional } from '../vms';
import {
  ShepherdRecordOfEntity,
  useShepherdRecordOfEntity,
} from './useShepherdRecordOfEntity';

function VmsOfRecord(props: { record: ShepherdRecordOfEntity }) {
  const { record } = props;
  const api = useApi(shepherdApiRef);
  const [paging, setPaging] = useState({ offset: 0, limit: DEFAULT_PAGE_SIZE });
  const filter =
    record.kind === 'system'
      ? { systemId: record.systemId }
      : { serviceId: record.serviceId };
  const vms = useLiveData(
    () => api.listVms({ ...filter, ...paging }),
    [api, JSON.stringify(filter), paging.offset, paging.limit],
    {
      signals: [vmChanges()],
      isSettled: page => !page.items.some(isTransitional),
    },
  );
  if (vms.loading && !vms.value) {
    return <Progress />;
  }
  return (
    <>
      {vms.error && (
        <ShepherdErrorPanel title="Could not load the VMs" error={vms.error} />
      )}
      {vms.value && vms.value.totalItems === 0 && (
        <EmptyState
          missing="data"
          title={`No virtual machines for ${record.name}`}
          description="VMs requested for it appear here once an approver has approved them."
        />
      )}
      {vms.value && vms.value.totalItems > 0 && (
        <>
          <VmTable vms={vms.value.items} />
          <PaginationBar page={vms.value} onChange={setPaging} />
        </>
      )}
    </>
  );
}

/**
 * The Shepherd VMs of a catalog System (all its Services) or of a service Component, for
 * entity pages. Entities that were not registered in Shepherd say so.
 */
export function EntityShepherdVmsContent() {
  const { entity } = useEntity();
  const record = useShepherdRecordOfEntity(entity);
  let body;
  if (record.loading) {
    body = <Progress />;
  } else if (record.error) {
    body = (
      <ShepherdErrorPanel
        title="Could not look this entity up in Shepherd"
        error={record.error}
      />
    );
  } else if (!record.value) {
    body = (
      <EmptyState
        missing="info"
        title="Not governed by Shepherd"
        description={`${entity.metadata.name} is not registered in Shepherd, so it has no Shepherd VMs. A platform admin or the System's owner can register it.`}
      />
    );
  } else {
    body = <VmsOfRecord record={record.value} />;
  }
  const recordValue = record.value;
  // Opens the wizard at this System or Service (its record id: the wizard's ?systemId= or ?serviceId=).
  const action = recordValue && (
    <RequestVmButton
      variant="outlined"
      start={
        recordValue.kind === 'system'
          ? { systemId: recordValue.systemId }
          : { serviceId: recordValue.serviceId }
      }
    />
  );
  return (
    <InfoCard title={ENTITY_VMS_TITLE} action={action || undefined}>
      {body}
    </InfoCard>
  );
}
