import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { VM_ORDER_BY } from '@kubevirt-shepherd/plugin-shepherd-common';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { ENTITY_VMS_TITLE } from '../../labels';
import {
  CLEAR_FILTERS_LABEL,
  ListSearchBar,
  NoMatchState,
  PaginationBar,
  SEARCH_ONLY,
  ShepherdErrorPanel,
  useLiveData,
  useUrlListQuery,
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
  // Search, order and paging live in the URL, as on the VM list, so links and the back button keep them.
  const { filters, sort, paging, setFilters, setSort, setPaging } =
    useUrlListQuery({ ...SEARCH_ONLY, sortable: VM_ORDER_BY });
  const query = {
    ...(record.kind === 'system'
      ? { systemId: record.systemId }
      : { serviceId: record.serviceId }),
    ...filters,
    ...sort,
    ...paging,
  };
  const vms = useLiveData(
    () => api.listVms(query),
    [api, JSON.stringify(query)],
    {
      signals: [vmChanges()],
      isSettled: page => !page.items.some(isTransitional),
    },
  );
  const searched = Boolean(filters.search);
  // Nothing to search while nothing exists; the box stays while a search loads, keeping its focus.
  const nothingYet = !searched && vms.value?.totalItems === 0;
  return (
    <>
      {!nothingYet && (
        <ListSearchBar
          id="shepherd-entity-vms-search"
          label="Search VMs"
          helperText="Matches the VM's name"
          search={filters.search}
          onSearch={search => setFilters({ search })}
        />
      )}
      {vms.loading && !vms.value && <Progress />}
      {vms.error && (
        <ShepherdErrorPanel title="Could not load the VMs" error={vms.error} />
      )}
      {vms.value && vms.value.totalItems === 0 && searched && (
        <NoMatchState
          title="No VMs match this search"
          clearLabel={CLEAR_FILTERS_LABEL}
          onClear={() => setFilters({})}
        />
      )}
      {vms.value && vms.value.totalItems === 0 && !searched && (
        <EmptyState
          missing="data"
          title={`No virtual machines for ${record.name}`}
          description="VMs requested for it appear here once an approver has approved them."
        />
      )}
      {vms.value && vms.value.totalItems > 0 && (
        <>
          <VmTable vms={vms.value.items} sort={sort} onSortChange={setSort} />
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
