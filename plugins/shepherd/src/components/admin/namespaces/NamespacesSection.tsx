import { TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  ENVIRONMENTS,
  Environment,
  ShepherdNamespace,
  shepherdCatalogManagePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { shepherdApiRef } from '../../../api/ShepherdApi';
import { NOT_SET } from '../../../labels';
import {
  DEFAULT_PAGE_SIZE,
  KEEP_WHOLE,
  EnvironmentChip,
  ListTable,
  RelativeTime,
  formatEntityRef,
  useLiveData,
} from '../../common';
import {
  CreateEntryButton,
  DeleteEntryDialog,
  EnabledChip,
  EntryRowActions,
  ChoiceField,
  SectionHeader,
  FirstRunGuide,
  SectionList,
  disableInstead,
  entryActionsColumn,
  useAdminSection,
} from '../shared';
import { NamespaceDialog } from './NamespaceDialog';

export const NO_NAMESPACES_TITLE = 'Register your first namespace';
export const CREATE_NAMESPACE_LABEL = 'Register namespace';

function columns(
  actions: EntryRowActions<ShepherdNamespace>,
): TableColumn<ShepherdNamespace>[] {
  return [
    {
      title: 'Name',
      render: namespace => <strong style={KEEP_WHOLE}>{namespace.name}</strong>,
    },
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
    entryActionsColumn(shepherdCatalogManagePermission, actions),
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
  const namespaces = useLiveData(
    () =>
      api.listAdminNamespaces({
        ...(environment ? { environment } : {}),
        ...paging,
      }),
    [api, environment, paging.offset, paging.limit],
  );
  const section = useAdminSection<ShepherdNamespace>({
    refresh: namespaces.refresh,
    toggle: namespace =>
      api.updateNamespace(namespace.id, { enabled: !namespace.enabled }),
  });

  const createButton = (
    <CreateEntryButton
      permission={shepherdCatalogManagePermission}
      onClick={() => section.open({ kind: 'create' })}
    >
      {CREATE_NAMESPACE_LABEL}
    </CreateEntryButton>
  );

  return (
    <>
      <SectionHeader description="Namespaces VMs are requested in, each in the test or prod environment.">
        <Box width={200}>
          <ChoiceField
            id="shepherd-namespaces-environment-filter"
            label="Environment"
            value={environment}
            choices={ENVIRONMENTS}
            placeholder="All"
            onChange={value => {
              setEnvironment(value);
              setPaging(current => ({ ...current, offset: 0 }));
            }}
          />
        </Box>
        {createButton}
      </SectionHeader>
      <SectionList
        kind="namespace"
        plural="namespaces"
        section={section}
        list={namespaces}
        filtered={Boolean(environment)}
        firstRun={
          <FirstRunGuide title={NO_NAMESPACES_TITLE} action={createButton}>
            <p>
              Requesters choose a namespace for every VM, and its environment
              decides the rules: in test, power actions and console access are
              direct; in prod they wait for an approver.
            </p>
            <ol>
              <li>
                Register a namespace with a short name (at most 15 characters:
                it is part of every VM name) and its environment.
              </li>
              <li>
                Shepherd creates the Kubernetes namespace on the chosen cluster
                when the first VM needs it.
              </li>
            </ol>
          </FirstRunGuide>
        }
        onPageChange={setPaging}
      >
        {page => (
          <ListTable
            columns={columns(section.rowActions)}
            data={page.items}
            emptyContent={
              <Box p={2}>
                <Typography>No namespaces of this environment.</Typography>
              </Box>
            }
          />
        )}
      </SectionList>
      <NamespaceDialog
        open={section.formOpen}
        namespace={section.editing}
        onSaved={section.saved(
          namespace =>
            `Registered ${namespace.name} (${namespace.environment}).`,
        )}
        onCancel={section.close}
      />
      <DeleteEntryDialog
        entry={section.deleting}
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
        alternative={disableInstead(section.selected, id =>
          api.updateNamespace(id, { enabled: false }),
        )}
        onDone={section.finish}
        onCancel={section.close}
      />
    </>
  );
}
