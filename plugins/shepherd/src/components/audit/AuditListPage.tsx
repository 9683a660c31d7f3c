import { useApi } from '@backstage/core-plugin-api';
import Alert from '@material-ui/lab/Alert';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { FilteredPagedList, ShepherdErrorPanel, useLiveData } from '../common';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { ExportAuditButton } from './ExportAuditButton';
import { rangeError } from './timeRange';
import { useAuditQuery } from './useAuditQuery';

/** What an empty audit log says. */
export const NO_AUDIT_ENTRIES_TITLE = 'Nothing audited yet';
const NO_AUDIT_ENTRIES_DESCRIPTION =
  'Every governance action and decision — Systems and Services created, members changed, VMs requested, approvals, work carried out on clusters — is recorded here, in the same transaction as the change.';

/** The audit trail, newest first, filtered and paged on the server. */
export function AuditListPage() {
  const api = useApi(shepherdApiRef);
  const { filters, query, hasFilters, setFilters, setPaging, clearFilters } =
    useAuditQuery();
  const invalidRange = rangeError(filters.from, filters.to);
  const entries = useLiveData(
    // A range the backend would refuse is not asked for; the filter says why.
    async () => (invalidRange ? undefined : api.listAuditLogs(query)),
    [api, JSON.stringify(query), invalidRange],
  );

  const body = invalidRange ? (
    <Alert severity="info">
      {invalidRange}; change the time range to see entries.
    </Alert>
  ) : (
    <FilteredPagedList
      page={entries.value}
      loading={entries.loading}
      hasFilters={hasFilters}
      firstRun={{
        title: NO_AUDIT_ENTRIES_TITLE,
        description: NO_AUDIT_ENTRIES_DESCRIPTION,
      }}
      noMatchTitle="No entries match these filters"
      onClearFilters={clearFilters}
      onPageChange={setPaging}
    >
      {(page, noMatch) => (
        <AuditTable entries={page.items} emptyContent={noMatch} />
      )}
    </FilteredPagedList>
  );

  return (
    <>
      <AuditFilters
        filters={filters}
        hasFilters={hasFilters}
        onChange={setFilters}
        onClear={clearFilters}
      />
      <ExportAuditButton filters={filters} disabled={Boolean(invalidRange)} />
      {entries.error && (
        <ShepherdErrorPanel
          title="Could not load the audit log"
          error={entries.error}
        />
      )}
      {body}
    </>
  );
}
