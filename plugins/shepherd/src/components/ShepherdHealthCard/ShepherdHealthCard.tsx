import {
  InfoCard,
  Progress,
  StatusError,
  StatusOK,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ShepherdHealth } from '@kubevirt-shepherd/plugin-shepherd-common';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { ShepherdErrorPanel } from '../common';

const ENGINE_NAMES: Record<ShepherdHealth['database']['engine'], string> = {
  sqlite: 'SQLite',
  postgres: 'PostgreSQL',
  mysql: 'MySQL',
  unknown: 'Unknown engine',
};

function OverallStatus({ health }: { health: ShepherdHealth }) {
  return health.status === 'ok' ? (
    <StatusOK>Healthy</StatusOK>
  ) : (
    <StatusError>Degraded</StatusError>
  );
}

function DatabaseStatus({
  database,
}: {
  database: ShepherdHealth['database'];
}) {
  const engine = ENGINE_NAMES[database.engine];
  if (database.status === 'error') {
    return (
      <StatusError>
        {engine}: {database.message ?? 'unavailable'}
      </StatusError>
    );
  }
  return (
    <StatusOK>
      {engine}, answered in {database.latencyMs} ms
    </StatusOK>
  );
}

export const BACKEND_HEALTH_TITLE = 'Backend health';
export const LATEST_MIGRATION_LABEL = 'Latest migration';

/** The schema's counts; the latest migration's file name, long, stays folded under them. */
function Migrations({ database }: { database: ShepherdHealth['database'] }) {
  const { migrations } = database;
  if (!migrations) {
    return <>unknown</>;
  }
  return (
    <>
      <span style={{ whiteSpace: 'nowrap' }}>
        {migrations.applied} applied, {migrations.pending} pending
      </span>
      {migrations.latest && (
        <details>
          <summary>
            <Typography variant="caption">{LATEST_MIGRATION_LABEL}</Typography>
          </summary>
          <Typography
            variant="caption"
            component="code"
            style={{ overflowWrap: 'anywhere' }}
          >
            {migrations.latest}
          </Typography>
        </details>
      )}
    </>
  );
}

function describeProviders(health: ShepherdHealth): string {
  if (health.providers.length === 0) {
    return 'None installed: add a VM provider module, such as the KubeVirt module, to the backend';
  }
  return health.providers.map(provider => provider.type).join(', ');
}

/**
 * The state of the Shepherd backend: database, schema and VM providers. It is for platform
 * administrators: the Shepherd overview shows it to those who may use the Admin page.
 *
 * @public
 */
export function ShepherdHealthCard() {
  const shepherdApi = useApi(shepherdApiRef);
  const {
    value: health,
    loading,
    error,
    retry,
  } = useAsyncRetry(() => shepherdApi.getHealth(), [shepherdApi]);

  const refresh = (
    <Tooltip title="Check again">
      {/* A span, because a disabled button fires no events for the tooltip. */}
      <span>
        <IconButton aria-label="Check again" onClick={retry} disabled={loading}>
          <RefreshIcon />
        </IconButton>
      </span>
    </Tooltip>
  );

  let body;
  if (loading && !health) {
    body = <Progress />;
  } else if (error) {
    body = (
      <ShepherdErrorPanel title="Could not check the backend" error={error} />
    );
  } else if (health) {
    body = (
      <StructuredMetadataTable
        metadata={{
          Status: <OverallStatus health={health} />,
          Database: <DatabaseStatus database={health.database} />,
          Migrations: <Migrations database={health.database} />,
          'VM providers': describeProviders(health),
          'Backend version': health.version,
          'Checked at': new Date(health.checkedAt).toLocaleString(),
        }}
      />
    );
  }

  return (
    <InfoCard title={BACKEND_HEALTH_TITLE} action={refresh}>
      <Typography variant="body2" color="textSecondary" paragraph>
        The Shepherd backend keeps the governance records of your virtual
        machines and runs the work on your KubeVirt clusters.
      </Typography>
      {body}
    </InfoCard>
  );
}
