import { Progress, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  ENVIRONMENTS,
  Environment,
  ShepherdNamespace,
  shepherdCatalogManagePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { shepherdApiRef } from '../../../api/ShepherdApi';
import { NOT_SET } from '../../../labels';
import {
  DEFAULT_PAGE_SIZE,
  ListTable,
  EnvironmentChip,
  PaginationBar,
  PermissionedButton,
  RelativeTime,
  ShepherdErrorPanel,
  formatEntityRef,
  useAction,
  useLiveData,
} from '../../common';
import {
  AdminOutcome,
  DeleteEntryDialog,
  EnabledChip,
  FIELD_PROPS,
  FirstRunGuide,
  OutcomeAlert,
} from '../shared';
import { NamespaceDialog } from './NamespaceDialog';

export const NO_NAMESPACES_TITLE = 'Register your first namespace';
export const CREATE_NAMESPACE_LABEL = 'Register namespace';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit' | 'delete'; namespace: ShepherdNamespace }
  | undefined;

type RowActions = {
  onEdit: (namespace: ShepherdNamespace) => void;
  onToggleEnabled: (namespace: ShepherdNamespace) => void;
  onDelete: (namespace: ShepherdNamespace) => void;
};

function columns(actions: RowActions): TableColumn<ShepherdNamespace>[] {
  return [
    { title: 'Name', render: namespace => <strong>{namespace.name}</strong> },
    {
      title: 'Environment',
      render: namespace => (
        <EnvironmentChip environment={namespace.environment} />
      ),
    },
    {
      title: 'Description',
      render: namespace => namespace.description || NOT_SET,
    },
    {
      title: 'Enabled',
      render: namespace => <EnabledChip enabled={namespace.enabled} />,
    },
    {
      title: 'Registered',
      render: namespace => (
        <>
          <RelativeTime timestamp={namespace.createdAt} /> by{' '}
          {formatEntityRef(namespace.createdBy)}
        </>
      ),
    },
    {
      title: 'Actions',
      render: namespace => (
        <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
          {(
            [
              ['Edit', actions.onEdit],
              [
                namespace.enabled ? 'Disable' : 'Enable',
                actions.onToggleEnabled,
              ],
              ['Delete', actions.onDelete],
            ] as const
          ).map(([label, act]) => (
            <PermissionedButton
              key={label}
              size="small"
              permission={shepherdCatalogManagePermission}
              whenDenied="hide"
              aria-label={`${label} ${namespace.name}`}
              onClick={() => act(namespace)}
            >
              {label}
            </PermissionedButton>
          ))}
        </Box>
      ),
    },
  ];
}

/**
 * The namespace registry: the logical namespaces VMs are requested in, each with its
 * environment. The Kubernetes namespace is created on the chosen cluster when a VM first
 * needs it, and never deleted by Shepherd.
 */
export function NamespacesSection() {
  const api = useApi(shepherdApiRef);
  const [environment, setEnvironment] = useState<Environment | ''>('');
  const [paging, setPaging] = useState({
    offset: 0,
    limit: DEFAULT_PAGE_SIZE,
  });
  const [dialog, setDialog] = useState<Dialog>();
  const [outcome, setOutcome] = useState<AdminOutcome>();
  const namespaces = useLiveData(
    () =>
      api.listAdminNamespaces({
        ...(environment ? { environment } : {}),
        ...paging,
      }),
    [api, environment, paging.offset, paging.limit],
  );
  const toggle = useAction((namespace: ShepherdNamespace) =>
    api.updateNamespace(namespace.id, { enabled: !namespace.enabled }),
  );

  const done = (next: AdminOutcome) => {
    setDialog(undefined);
    setOutcome(next);
    namespaces.refresh();
  };
  const toggleEnabled = async (namespace: ShepherdNamespace) => {
    setOutcome(undefined);
    const updated = await toggle.run(namespace);
    if (updated) {
      done({
        message: `${updated.name} is ${
          updated.enabled ? 'enabled' : 'disabled'
        }.`,
      });
    }
  };

  const createButton = (
    <PermissionedButton
      permission={shepherdCatalogManagePermission}
      variant="contained"
      color="primary"
      onClick={() => setDialog({ kind: 'create' })}
    >
      {CREATE_NAMESPACE_LABEL}
    </PermissionedButton>
  );

  let body;
  if (namespaces.loading && !namespaces.value) {
    body = <Progress />;
  } else if (
    namespaces.value &&
    namespaces.value.totalItems === 0 &&
    !environment
  ) {
    body = (
      <FirstRunGuide title={NO_NAMESPACES_TITLE} action={createButton}>
        <p>
          Requesters choose a namespace for every VM, and its environment
          decides the rules: in test, power actions and console access are
          direct; in prod they wait for an approver.
        </p>
        <ol>
          <li>
            Register a namespace with a short name (at most 15 characters: it is
            part of every VM name) and its environment.
          </li>
          <li>
            Shepherd creates the Kubernetes namespace on the chosen cluster when
            the first VM needs it.
          </li>
        </ol>
      </FirstRunGuide>
    );
  } else if (namespaces.value) {
    body = (
      <>
        <ListTable
          columns={columns({
            onEdit: namespace => setDialog({ kind: 'edit', namespace }),
            onToggleEnabled: toggleEnabled,
            onDelete: namespace => setDialog({ kind: 'delete', namespace }),
          })}
          data={namespaces.value.items}
          emptyContent={
            <Box p={2}>
              <Typography>No namespaces of this environment.</Typography>
            </Box>
          }
        />
        <PaginationBar page={namespaces.value} onChange={setPaging} />
      </>
    );
  }

  const selected =
    dialog && 'namespace' in dialog ? dialog.namespace : undefined;
  return (
    <>
      <Box display="flex" alignItems="center" mb={2} style={{ gap: 16 }}>
        <Box flexGrow={1}>
          <Typography variant="body2" color="textSecondary">
            Namespaces VMs are requested in, each in the test or prod
            environment.
          </Typography>
        </Box>
        <Box width={200}>
          <TextField
            {...FIELD_PROPS}
            id="shepherd-namespaces-environment-filter"
            label="Environment"
            select
            SelectProps={{ native: true }}
            value={environment}
            onChange={event => {
              setEnvironment(event.target.value as Environment | '');
              setPaging(current => ({ ...current, offset: 0 }));
            }}
          >
            <option value="">All</option>
            {ENVIRONMENTS.map(value => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </TextField>
        </Box>
        {createButton}
      </Box>
      {outcome && (
        <OutcomeAlert outcome={outcome} onClose={() => setOutcome(undefined)} />
      )}
      {toggle.error && (
        <ShepherdErrorPanel
          title="The namespace was not changed"
          error={toggle.error}
        />
      )}
      {namespaces.error && (
        <ShepherdErrorPanel
          title="Could not load the namespaces"
          error={namespaces.error}
        />
      )}
      {body}
      <NamespaceDialog
        open={dialog?.kind === 'create' || dialog?.kind === 'edit'}
        namespace={dialog?.kind === 'edit' ? selected : undefined}
        onSaved={(namespace, warnings) =>
          done({
            message:
              dialog?.kind === 'edit'
                ? `Saved ${namespace.name}.`
                : `Registered ${namespace.name} (${namespace.environment}).`,
            warnings,
          })
        }
        onCancel={() => setDialog(undefined)}
      />
      <DeleteEntryDialog
        entry={dialog?.kind === 'delete' ? selected : undefined}
        kind="namespace"
        tier={name => ({ kind: 'type-name', name })}
        description={
          <Typography variant="body2" paragraph>
            Removes the namespace from the registry; Kubernetes namespaces on
            the clusters are never deleted. Refused while VMs or unfinished
            requests use it: disable it instead, so that no new VMs are
            requested in it.
          </Typography>
        }
        onDelete={(id, name) => api.deleteNamespace(id, { confirm_name: name })}
        alternative={
          selected?.enabled
            ? {
                label: 'Disable it instead',
                done: `${selected.name} is disabled.`,
                run: id => api.updateNamespace(id, { enabled: false }),
              }
            : undefined
        }
        onDone={message => done({ message })}
        onCancel={() => setDialog(undefined)}
      />
    </>
  );
}
