import { EmptyState, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { PaginationBar, ShepherdErrorPanel, useLiveData } from '../common';
import { CLEAR_FILTERS_LABEL, VmFilters } from './VmFilters';
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
  const { query, filters, hasFilters, setFilters, setPaging, clearFilters } =
    useVmListQuery();
  const vms = useLiveData(
    () => api.listVms(query),
    [api, JSON.stringify(query)],
    { isSettled: page => !page.items.some(isTransitional) },
  );

  let body;
  if (vms.loading && !vms.value) {
    body = <Progress />;
  } else if (vms.value && vms.value.totalItems === 0 && !hasFilters) {
    body = (
      <EmptyState
        missing="data"
        title={NO_VMS_TITLE}
        description={NO_VMS_DESCRIPTION}
      />
    );
  } else if (vms.value) {
    body = (
      <>
        <VmTable
          vms={vms.value.items}
          emptyContent={
            <EmptyState
              missing="data"
              title="No VMs match these filters"
              action={
                <Button onClick={clearFilters}>{CLEAR_FILTERS_LABEL}</Button>
              }
            />
          }
        />
        <PaginationBar page={vms.value} onChange={setPaging} />
      </>
    );
  }

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
      {body}
    </>
  );
}
