import { useApi } from '@backstage/core-plugin-api';
import { TableColumn } from '@backstage/core-components';
import {
  ReconcileFinding,
  ReconcileMark,
  ReconcileReport,
  RunnableReconcileMode,
  SHEPHERD_MAX_PAGE_SIZE,
  ShepherdCluster,
  shepherdReconcileRunPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { shepherdApiRef } from '../../../api/ShepherdApi';
import {
  DISPLAY_NAME_CELL,
  KEEP_WHOLE,
  ListTable,
  PermissionedButton,
  RelativeTime,
  ShepherdErrorPanel,
  useAction,
  useLiveData,
} from '../../common';
import { NeedsAttentionChip } from './NeedsAttentionChip';

export const RUN_DRY_RUN_LABEL = 'Run now (dry-run)';
export const RUN_MARK_LABEL = 'Run now (mark)';
export const NEVER_RECONCILED = 'Not reconciled yet';

/** What a report's status means, for the chip that shows it. */
const STATUS_LOOKS: Record<
  ReconcileReport['status'],
  { color: 'default' | 'primary' | 'secondary'; description: string }
> = {
  COMPLETED: { color: 'primary', description: 'compared' },
  HALTED: {
    color: 'secondary',
    description: 'halted: too many ghosts, nothing marked',
  },
  FAILED: { color: 'default', description: 'the cluster could not be listed' },
};

/** One row: a cluster, its latest report and its marks. */
type ClusterRow = {
  cluster: ShepherdCluster;
  latest?: ReconcileReport;
  marks: ReconcileMark[];
};

function Secondary(props: { children: React.ReactNode }) {
  return (
    <Typography variant="caption" color="textSecondary" component="div">
      {props.children}
    </Typography>
  );
}

function Findings(props: {
  label: string;
  count: number;
  findings: ReconcileFinding[];
}) {
  const { label, count, findings } = props;
  if (count === 0) return <Secondary>no {label}</Secondary>;
  return (
    <Box>
      <Typography variant="body2">
        <strong>{count}</strong> {label}
      </Typography>
      <Box component="ul" m={0} pl={2}>
        {findings.map(finding => (
          <li key={`${finding.namespace}/${finding.name}`}>
            <Typography variant="caption">
              {finding.namespace}/{finding.name}
              {finding.vmStatus && ` (record ${finding.vmStatus})`}
            </Typography>
          </li>
        ))}
      </Box>
      {count > findings.length && (
        <Secondary>and {count - findings.length} more</Secondary>
      )}
    </Box>
  );
}

/** Runs the reconciler now, on one cluster or (without one) on every cluster. */
type RunNow = (mode: RunnableReconcileMode, cluster?: ShepherdCluster) => void;

/** The accessible name of a cluster's own run button, e.g. `Dry-run sim-test now`. */
export function runClusterLabel(
  mode: RunnableReconcileMode,
  cluster: Pick<ShepherdCluster, 'name'>,
): string {
  return `${mode === 'dry-run' ? 'Dry-run' : 'Mark'} ${cluster.name} now`;
}

function RunButton(props: {
  mode: RunnableReconcileMode;
  label: string;
  ariaLabel?: string;
  busy: boolean;
  size?: 'small' | 'medium';
  onRun: () => void;
}) {
  return (
    <PermissionedButton
      permission={shepherdReconcileRunPermission}
      variant={props.mode === 'dry-run' ? 'contained' : 'outlined'}
      color="primary"
      size={props.size}
      aria-label={props.ariaLabel}
      disabled={props.busy}
      onClick={props.onRun}
      style={KEEP_WHOLE}
    >
      {props.label}
    </PermissionedButton>
  );
}

const columns = (runNow: RunNow, busy: boolean): TableColumn<ClusterRow>[] => [
  {
    title: 'Cluster',
    cellStyle: DISPLAY_NAME_CELL,
    render: ({ cluster }) => (
      <>
        <Typography variant="body2">
          <strong>{cluster.displayName}</strong>
        </Typography>
        <Secondary>
          <span style={KEEP_WHOLE}>{cluster.name}</span>
        </Secondary>
        {cluster.attention && (
          <Box mt={0.5}>
            <NeedsAttentionChip attention={cluster.attention} />
          </Box>
        )}
      </>
    ),
  },
  {
    title: 'Latest run',
    render: ({ latest }) =>
      latest ? (
        <>
          <Chip
            size="small"
            label={latest.status}
            color={STATUS_LOOKS[latest.status].color}
            title={STATUS_LOOKS[latest.status].description}
          />
          <Secondary>
            {latest.mode} ·{' '}
            {latest.trigger === 'ON_DEMAND' ? 'on demand' : 'scheduled'} ·{' '}
            <RelativeTime timestamp={latest.finishedAt} />
          </Secondary>
          {latest.message && <Secondary>{latest.message}</Secondary>}
        </>
      ) : (
        <Secondary>{NEVER_RECONCILED}</Secondary>
      ),
  },
  {
    title: 'Compared',
    render: ({ latest }) =>
      latest && (
        <>
          <Typography variant="body2">
            {latest.recordsCompared} records · {latest.objectsListed} VMs
          </Typography>
          {latest.recordsSkipped > 0 && (
            <Secondary>{latest.recordsSkipped} records skipped</Secondary>
          )}
        </>
      ),
  },
  {
    title: 'Ghosts',
    render: ({ latest }) =>
      latest && (
        <Findings
          label="ghosts"
          count={latest.ghostCount}
          findings={latest.ghosts}
        />
      ),
  },
  {
    title: 'Orphans',
    render: ({ latest }) =>
      latest && (
        <Findings
          label="orphans"
          count={latest.orphanCount}
          findings={latest.orphans}
        />
      ),
  },
  {
    title: 'Marked',
    render: ({ marks }) =>
      marks.length === 0 ? (
        <Secondary>nothing marked</Secondary>
      ) : (
        <Box component="ul" m={0} pl={2}>
          {marks.map(mark => (
            <li key={mark.id}>
              <Typography variant="caption">
                {mark.kind.toLowerCase()} {mark.namespace}/{mark.name} since{' '}
                <RelativeTime timestamp={mark.firstMarkedAt} />
              </Typography>
            </li>
          ))}
        </Box>
      ),
  },
  {
    title: 'Run now',
    render: ({ cluster }) => (
      <Box display="flex" flexDirection="column" style={{ gap: 4 }}>
        {(['dry-run', 'mark'] as const).map(mode => (
          <RunButton
            key={mode}
            mode={mode}
            label={mode}
            ariaLabel={runClusterLabel(mode, cluster)}
            size="small"
            busy={busy}
            onRun={() => runNow(mode, cluster)}
          />
        ))}
      </Box>
    ),
  },
];

/** The first page of a list at the largest size the API serves. */
async function firstPage<T>(
  load: (query: { limit: number }) => Promise<{ items: T[] }>,
): Promise<T[]> {
  return (await load({ limit: SHEPHERD_MAX_PAGE_SIZE })).items;
}

function summary(reports: ReconcileReport[]): string {
  const halted = reports.filter(report => report.status === 'HALTED').length;
  const failed = reports.filter(report => report.status === 'FAILED').length;
  const ghosts = reports.reduce((sum, report) => sum + report.ghostCount, 0);
  const orphans = reports.reduce((sum, report) => sum + report.orphanCount, 0);
  const parts = [
    `Reconciled ${reports.length} cluster${
      reports.length === 1 ? '' : 's'
    }: ${ghosts} ghosts, ${orphans} orphans`,
  ];
  if (halted > 0) parts.push(`${halted} halted`);
  if (failed > 0) parts.push(`${failed} failed`);
  return `${parts.join('; ')}.`;
}

/**
 * The reconciler: for each cluster its latest run (what it compared, its ghosts and orphans),
 * what is marked, and clusters whose last run halted highlighted; runs on demand in dry-run
 * or mark mode for those who may run it.
 */
export function ReconcilerSection() {
  const api = useApi(shepherdApiRef);
  const data = useLiveData(async () => {
    const [clusters, latest, marks] = await Promise.all([
      firstPage(query => api.listClusters(query)),
      firstPage(query =>
        api.listReconcileReports({ ...query, latest: 'true' }),
      ),
      firstPage(query => api.listReconcileMarks(query)),
    ]);
    return clusters.map(
      (cluster): ClusterRow => ({
        cluster,
        latest: latest.find(report => report.clusterId === cluster.id),
        marks: marks.filter(mark => mark.clusterId === cluster.id),
      }),
    );
  }, [api]);
  const run = useAction(
    async (mode: RunnableReconcileMode, cluster?: ShepherdCluster) => {
      const result = await api.runReconciler(
        cluster ? { mode, clusterId: cluster.id } : { mode },
      );
      data.refresh();
      return result.items;
    },
  );
  const runNow: RunNow = (mode, cluster) => {
    run.run(mode, cluster);
  };
  const halted = (data.value ?? []).filter(row => row.cluster.attention);

  const runButton = (mode: RunnableReconcileMode, label: string) => (
    <RunButton
      mode={mode}
      label={label}
      busy={run.busy}
      onRun={() => runNow(mode)}
    />
  );

  return (
    <>
      <Box display="flex" justifyContent="space-between" mb={2}>
        <Typography variant="body2" color="textSecondary">
          Compares Shepherd&apos;s VM records with each cluster: ghosts are
          records whose VM is gone, orphans are Shepherd&apos;s VMs without a
          record. Dry-run only reports; mark also marks them. Nothing is ever
          deleted.
        </Typography>
        <Box display="flex" style={{ gap: 8 }} flexShrink={0} ml={2}>
          {runButton('dry-run', RUN_DRY_RUN_LABEL)}
          {runButton('mark', RUN_MARK_LABEL)}
        </Box>
      </Box>
      {run.result && (
        <Box mb={2}>
          <Alert severity="success" onClose={run.reset}>
            {summary(run.result)}
          </Alert>
        </Box>
      )}
      {run.error && (
        <Box mb={2}>
          <ShepherdErrorPanel error={run.error} />
        </Box>
      )}
      {halted.length > 0 && (
        <Box mb={2}>
          <Alert severity="error">
            {halted.length === 1
              ? `Cluster ${halted[0].cluster.name} needs attention`
              : `${halted.length} clusters need attention`}
            : their last run found more than half of their VM records missing
            and halted without marking anything. Check that their kubeconfig
            points at the right cluster.
          </Alert>
        </Box>
      )}
      {data.error && <ShepherdErrorPanel error={data.error} />}
      {data.value && (
        <ListTable
          columns={columns(runNow, run.busy)}
          data={data.value}
          emptyContent={
            <Box p={2}>
              <Typography variant="body2">
                No cluster is registered yet.
              </Typography>
            </Box>
          }
          rowStyle={row =>
            row.cluster.attention ? { backgroundColor: '#fdecea' } : {}
          }
        />
      )}
    </>
  );
}
