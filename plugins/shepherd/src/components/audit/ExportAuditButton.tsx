import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { ShepherdErrorPanel, downloadFile, useAction } from '../common';
import { AuditFilters } from './useAuditQuery';

export const EXPORT_AUDIT_LABEL = 'Export CSV';
/** The name the browser saves an audit export under. */
const EXPORT_FILE_NAME = 'shepherd-audit-log.csv';

/**
 * Downloads the entries the current filters select as CSV, from the server (every matching
 * entry, not only the page shown), and says so when the export was cut at its limit.
 */
export function ExportAuditButton(props: {
  filters: AuditFilters;
  /** While the filters cannot be asked for (a time range that ends before it starts). */
  disabled?: boolean;
}) {
  const api = useApi(shepherdApiRef);
  const exporting = useAction(async () => {
    const exported = await api.exportAuditLogs(props.filters);
    downloadFile(exported.csv, EXPORT_FILE_NAME);
    return exported;
  });
  return (
    <Box mb={2}>
      <Button
        variant="outlined"
        color="primary"
        disabled={props.disabled || exporting.busy}
        onClick={() => exporting.run()}
      >
        {EXPORT_AUDIT_LABEL}
      </Button>
      {exporting.result?.truncated && (
        <Box mt={1}>
          <Alert severity="warning">
            More entries match than one export holds: the file has the newest
            ones. Narrow the time range to export the rest.
          </Alert>
        </Box>
      )}
      {exporting.error && (
        <ShepherdErrorPanel
          title="Could not export the audit log"
          error={exporting.error}
        />
      )}
    </Box>
  );
}
