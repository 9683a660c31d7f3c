import { TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  SHEPHERD_ERROR_CODES,
  ShepherdTemplate,
  TEMPLATE_STATUSES,
  TEMPLATE_TRANSITIONS,
  TemplateStatus,
  shepherdCatalogManagePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import ArchiveOutlinedIcon from '@material-ui/icons/ArchiveOutlined';
import PlayCircleOutlineIcon from '@material-ui/icons/PlayCircleOutline';
import TrendingDownIcon from '@material-ui/icons/TrendingDown';
import { ReactElement, useState } from 'react';
import { shepherdApiRef } from '../../../api/ShepherdApi';
import { NOT_SET } from '../../../labels';
import {
  BREAK_ANYWHERE,
  DEFAULT_PAGE_SIZE,
  DISPLAY_NAME_CELL,
  KEEP_WHOLE,
  ListTable,
  RelativeTime,
  useLiveData,
} from '../../common';
import {
  CatalogScopeChip,
  CreateEntryButton,
  DELETE_ACTION,
  DisplayNameCell,
  DeleteEntryDialog,
  EDIT_ACTION,
  EntryAction,
  EntryActions,
  FirstRunGuide,
  SectionHeader,
  SectionList,
  useAdminSection,
} from '../shared';
import { TemplateDialog } from './TemplateDialog';
import {
  TEMPLATE_STATUS_DESCRIPTIONS,
  TRANSITION_ACTIONS,
  cloudInitSize,
} from './templateRules';
import { TemplateStatusChip } from './TemplateStatusChip';
import { Transition, TransitionDialog } from './TransitionDialog';

export const NO_TEMPLATES_TITLE = 'Create your first template';
export const CREATE_TEMPLATE_LABEL = 'Create template';
const ALL = 'all';

type StatusFilter = TemplateStatus | typeof ALL;

type RowActions = {
  onEdit: (template: ShepherdTemplate) => void;
  onTransition: (transition: Transition) => void;
  onDelete: (template: ShepherdTemplate) => void;
};

/** The icon of each lifecycle action's button; its label is in TRANSITION_ACTIONS. */
const TRANSITION_ICONS: Record<Transition['to'], ReactElement> = {
  active: <PlayCircleOutlineIcon />,
  deprecated: <TrendingDownIcon />,
  archived: <ArchiveOutlinedIcon />,
};

function Source(props: { template: ShepherdTemplate }) {
  const { template } = props;
  const where =
    template.sourceType === 'cdi_pvc_clone'
      ? `${template.pvcNamespace ?? NOT_SET}/${template.pvcName ?? NOT_SET}`
      : template.imageUrl ?? NOT_SET;
  return (
    <>
      <code style={KEEP_WHOLE}>{template.sourceType}</code>
      <Typography
        variant="caption"
        color="textSecondary"
        component="div"
        style={BREAK_ANYWHERE}
      >
        {where}
      </Typography>
    </>
  );
}

function CloudInitCell(props: { template: ShepherdTemplate }) {
  if (!props.template.cloudInit) return <>{NOT_SET}</>;
  const size = cloudInitSize(props.template.cloudInit);
  return (
    <Typography
      variant="body2"
      color={size.over ? 'error' : 'textPrimary'}
      title={
        size.over
          ? `Over KubeVirt's limit of ${size.maxBytes} bytes: requests for it are refused`
          : undefined
      }
    >
      {size.bytes} bytes{size.over ? ' (over the limit)' : ''}
    </Typography>
  );
}

function columns(actions: RowActions): TableColumn<ShepherdTemplate>[] {
  return [
    {
      title: 'Template',
      cellStyle: DISPLAY_NAME_CELL,
      render: template => <DisplayNameCell entry={template} />,
    },
    {
      title: 'Status',
      render: template => <TemplateStatusChip status={template.status} />,
    },
    {
      title: 'Catalog scope',
      render: template => <CatalogScopeChip scope={template.catalogScope} />,
    },
    { title: 'Source', render: template => <Source template={template} /> },
    {
      title: 'OS',
      // `linux ubuntu-24.04`: a version breaks at its hyphen otherwise.
      cellStyle: KEEP_WHOLE,
      render: template =>
        [template.osFamily, template.osVersion].filter(Boolean).join(' ') ||
        NOT_SET,
    },
    {
      title: 'Cloud-init',
      render: template => <CloudInitCell template={template} />,
    },
    {
      title: 'Updated',
      render: template => <RelativeTime timestamp={template.updatedAt} />,
    },
    {
      title: 'Actions',
      render: template => {
        const buttons: EntryAction[] = [
          { ...EDIT_ACTION, act: () => actions.onEdit(template) },
          ...TEMPLATE_TRANSITIONS[template.status].map(status => {
            const to = status as Transition['to'];
            return {
              label: TRANSITION_ACTIONS[to].label,
              icon: TRANSITION_ICONS[to],
              act: () => actions.onTransition({ template, to }),
            };
          }),
          { ...DELETE_ACTION, act: () => actions.onDelete(template) },
        ];
        return (
          <EntryActions
            name={template.name}
            permission={shepherdCatalogManagePermission}
            actions={buttons}
          />
        );
      },
    },
  ];
}

/**
 * The OS templates by lifecycle status: drafts, active (offered in their catalog scope),
 * deprecated and archived. Templates carry the image source, OS labels and cloud-init, never
 * hardware.
 */
export function TemplatesSection() {
  const api = useApi(shepherdApiRef);
  const [status, setStatus] = useState<StatusFilter>(ALL);
  const [paging, setPaging] = useState({
    offset: 0,
    limit: DEFAULT_PAGE_SIZE,
  });
  const [transition, setTransition] = useState<Transition>();
  const templates = useLiveData(
    () =>
      api.listTemplates({
        ...(status === ALL ? {} : { status }),
        ...paging,
      }),
    [api, status, paging.offset, paging.limit],
  );
  const section = useAdminSection<ShepherdTemplate>({
    refresh: templates.refresh,
  });
  const { selected } = section;

  const createButton = (
    <CreateEntryButton
      permission={shepherdCatalogManagePermission}
      onClick={() => section.open({ kind: 'create' })}
    >
      {CREATE_TEMPLATE_LABEL}
    </CreateEntryButton>
  );

  return (
    <>
      <SectionHeader
        description="Operating-system templates: image source, OS labels and cloud-init."
        mb={1}
      >
        {createButton}
      </SectionHeader>
      <Tabs
        value={status}
        onChange={(_event, next: StatusFilter) => {
          setStatus(next);
          setPaging(current => ({ ...current, offset: 0 }));
        }}
        indicatorColor="primary"
        aria-label="Template statuses"
      >
        <Tab value={ALL} label="All" />
        {TEMPLATE_STATUSES.map(value => (
          <Tab key={value} value={value} label={value} />
        ))}
      </Tabs>
      <Box mt={2}>
        <SectionList
          kind="template"
          plural="templates"
          section={section}
          list={templates}
          filtered={status !== ALL}
          firstRun={
            <FirstRunGuide title={NO_TEMPLATES_TITLE} action={createButton}>
              <p>
                A template is the operating system of a VM: its image source, OS
                labels and cloud-init. Hardware comes from instance sizes.
              </p>
              <ol>
                <li>
                  Create a template from a container disk, a disk image URL that
                  CDI imports, or a PVC that CDI clones. It starts as a draft.
                </li>
                <li>
                  Set its catalog scope (test, prod or all) and activate it:
                  only active, classified templates are offered to requesters.
                </li>
                <li>
                  Deprecate it when a newer one replaces it; existing VMs keep
                  their snapshot. Archive it when it is retired for good.
                </li>
              </ol>
            </FirstRunGuide>
          }
          onPageChange={setPaging}
        >
          {page => (
            <ListTable
              columns={columns({
                onEdit: entry => section.open({ kind: 'edit', entry }),
                onTransition: setTransition,
                onDelete: entry => section.open({ kind: 'delete', entry }),
              })}
              data={page.items}
              emptyContent={
                <Box p={2}>
                  <Typography>
                    No {status} templates.{' '}
                    {status !== ALL && TEMPLATE_STATUS_DESCRIPTIONS[status]}.
                  </Typography>
                </Box>
              }
            />
          )}
        </SectionList>
      </Box>
      <TemplateDialog
        open={section.formOpen}
        template={section.editing}
        onSaved={section.saved(
          template => `Created ${template.name} as ${template.status}.`,
        )}
        onCancel={section.close}
      />
      <TransitionDialog
        transition={transition}
        onDone={template => {
          setTransition(undefined);
          section.done({ message: `${template.name} is ${template.status}.` });
        }}
        onCancel={() => setTransition(undefined)}
      />
      <DeleteEntryDialog
        entry={section.deleting}
        kind="template"
        tier={name => ({
          kind: 'checkbox',
          label: `I understand that ${name} will be deleted`,
        })}
        description={
          <Typography variant="body2" paragraph>
            Only a template that no VM and no request ever used can be deleted (
            {SHEPHERD_ERROR_CODES.DELETE_RESTRICTED} otherwise): archive it
            instead, so that its VMs' history stays readable.
          </Typography>
        }
        onDelete={id => api.deleteTemplate(id)}
        alternative={
          selected && TEMPLATE_TRANSITIONS[selected.status].includes('archived')
            ? {
                label: 'Archive it instead',
                done: `${selected.name} is archived.`,
                run: id => api.updateTemplate(id, { status: 'archived' }),
              }
            : undefined
        }
        onDone={section.finish}
        onCancel={section.close}
      />
    </>
  );
}
