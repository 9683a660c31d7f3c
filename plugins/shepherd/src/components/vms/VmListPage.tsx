import { useApi } from '@backstage/core-plugin-api';
import { shepherdApiRef } from '../../api/ShepherdApi';
import {
  FilteredPagedList,
  ShepherdErrorPanel,
  useLiveData,
  vmChanges,
} from '../common';
import { VmFilters } from './VmFilters';
import { VmTable } from './VmTable';
import { useVmListQuery } from './useVmListQuery';
import { isTransitional } from './vmRules';

/** What a user without any VM reads. */
export const NO_VMS_TITLE = 'No virtual machines yet';
const NO_VMS_DESCRIPTION =
  'VMs are requested for a Service of a System. Once an approver has approved a request and picked the cluster, the VM is created there and appears here. VMs of Systems you are not a member of are not shown.';

/** The VMs the user may see, filtered and paged; polls while any of them is on its way somewhere. */
export function VmListPage() {
  const api = useApi(shepherdApiRef);
  const {
    query,
    filters,
    hasFilters,
    sort,
    setSort,
    setFilters,
    setPaging,
    clearFilters,
  } = useVmListQuery();
  const vms = useLiveData(
    () => api.listVms(query),
    [api, JSON.stringify(query)],
    {
      signals: [vmChanges()],
      isSettled: page => !page.items.some(isTransitional),
    },
  );

  return (
    <>
      <VmFilters
        filters={filters}
        hasFilters={hasFilters}
        onChange={setFilters}
        onClear={clearFilters}
      />
      {vms.error && (
        <ShepherdErrorPanel title="Could not load the VMs" error={vms.error} />
      )}
      <FilteredPagedList
        page={vms.value}
        loading={vms.loading}
        hasFilters={hasFilters}
        firstRun={{ title: NO_VMS_TITLE, description: NO_VMS_DESCRIPTION }}
        noMatchTitle="No VMs match these filters"
        onClearFilters={clearFilters}
        onPageChange={setPaging}
      >
        {(page, noMatch) => (
          <VmTable
            vms={page.items}
            emptyContent={noMatch}
            sort={sort}
            onSortChange={setSort}
          />
        )}
      </FilteredPagedList>
    </>
  );
}
