import { Permission } from '@backstage/plugin-permission-common';
import { TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import BlockIcon from '@material-ui/icons/Block';
import CheckCircleOutlineIcon from '@material-ui/icons/CheckCircleOutline';
import DeleteIcon from '@material-ui/icons/Delete';
import EditIcon from '@material-ui/icons/Edit';
import { ReactElement, ReactNode } from 'react';
import { Page } from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  KEEP_WHOLE,
  PagedList,
  PermissionedButton,
  ShepherdErrorPanel,
  useShepherdPermission,
} from '../../common';
import { EntryRowActions, ToggledEntry } from './useAdminSection';
import { AdminOutcome, OutcomeAlert } from './WarningsAlert';

/** One action of a row: its verb, its icon and what it does. */
export type EntryAction = {
  /** The verb, e.g. "Edit"; the tooltip, and the start of the button's accessible name. */
  label: string;
  icon: ReactElement;
  act: () => void;
};

/** The actions every catalog entry has, by their verbs. */
export const EDIT_ACTION = { label: 'Edit', icon: <EditIcon /> };
export const DELETE_ACTION = { label: 'Delete', icon: <DeleteIcon /> };
const DISABLE_ACTION = { label: 'Disable', icon: <BlockIcon /> };
const ENABLE_ACTION = { label: 'Enable', icon: <CheckCircleOutlineIcon /> };

/**
 * The row actions of an entry: one small icon button each, its verb in a tooltip and its
 * accessible name the verb and the entry's name (e.g. "Edit sim-test"), on one line so that
 * a table's other columns keep their room. Hidden from those who may not manage.
 */
export function EntryActions(props: {
  /** The entry's name, which each button's accessible name ends with. */
  name: string;
  permission: Permission;
  actions: EntryAction[];
}) {
  const { allowed } = useShepherdPermission(props.permission);
  if (!allowed) return null;
  return (
    <Box display="flex" style={{ gap: 2 }}>
      {props.actions.map(({ label, icon, act }) => (
        <Tooltip key={label} title={label}>
          <IconButton
            size="small"
            aria-label={`${label} ${props.name}`}
            onClick={act}
          >
            {icon}
          </IconButton>
        </Tooltip>
      ))}
    </Box>
  );
}

/**
 * The actions column of a catalog whose entries can be edited, disabled and deleted; `more`
 * come after Edit (e.g. rotating a cluster's credentials).
 */
export function entryActionsColumn<T extends ToggledEntry>(
  permission: Permission,
  actions: EntryRowActions<T>,
  more: Array<Omit<EntryAction, 'act'> & { act: (entry: T) => void }> = [],
): TableColumn<T> {
  return {
    title: 'Actions',
    render: entry => (
      <EntryActions
        name={entry.name}
        permission={permission}
        actions={[
          { ...EDIT_ACTION, act: () => actions.onEdit(entry) },
          ...more.map(action => ({ ...action, act: () => action.act(entry) })),
          {
            ...(entry.enabled ? DISABLE_ACTION : ENABLE_ACTION),
            act: () => actions.onToggleEnabled(entry),
          },
          { ...DELETE_ACTION, act: () => actions.onDelete(entry) },
        ]}
      />
    ),
  };
}

/** The head of a section: what it holds, then its filters and its primary action. */
export function SectionHeader(props: {
  description: ReactNode;
  /** Space under the header; less when tabs follow. */
  mb?: number;
  children: ReactNode;
}) {
  return (
    <Box
      display="flex"
      alignItems="center"
      mb={props.mb ?? 2}
      style={{ gap: 16 }}
    >
      <Box flexGrow={1}>
        <Typography variant="body2" color="textSecondary">
          {props.description}
        </Typography>
      </Box>
      {props.children}
    </Box>
  );
}

/** An entry's cell in its table: its display name, and under it the name it is known by. */
export function DisplayNameCell(props: {
  entry: { displayName: string; name: string };
}) {
  return (
    <>
      <Typography variant="body2">
        <strong>{props.entry.displayName}</strong>
      </Typography>
      <Typography variant="caption" color="textSecondary" style={KEEP_WHOLE}>
        {props.entry.name}
      </Typography>
    </>
  );
}

/** The primary action of a section: creating or registering its first or next entry. */
export function CreateEntryButton(props: {
  permission: Permission;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <PermissionedButton
      permission={props.permission}
      variant="contained"
      color="primary"
      onClick={props.onClick}
    >
      {props.children}
    </PermissionedButton>
  );
}

/**
 * The body of a section: what it says above its list (see SectionAlerts), then its list,
 * or its first-run guide while the catalog is empty.
 */
export function SectionList<P extends Page<unknown>>(props: {
  kind: string;
  plural: string;
  section: {
    outcome?: AdminOutcome;
    clearOutcome: () => void;
    toggleError?: Error;
  };
  list: { value?: P; loading: boolean; error?: Error };
  /** Shown instead of the list while the catalog is empty: a FirstRunGuide. */
  firstRun: ReactNode;
  filtered?: boolean;
  showPaging?: (page: P) => boolean;
  onPageChange: (paging: { offset: number; limit: number }) => void;
  children: (page: P) => ReactNode;
}) {
  const { section, list } = props;
  return (
    <>
      <SectionAlerts
        kind={props.kind}
        plural={props.plural}
        outcome={section.outcome}
        onCloseOutcome={section.clearOutcome}
        changeError={section.toggleError}
        loadError={list.error}
      />
      <PagedList
        page={list.value}
        loading={list.loading}
        firstRun={props.firstRun}
        filtered={props.filtered}
        showPaging={props.showPaging}
        onPageChange={props.onPageChange}
      >
        {props.children}
      </PagedList>
    </>
  );
}

/**
 * What a section says above its list: the outcome of the last change, a change the backend
 * refused, and a list that could not be loaded.
 */
export function SectionAlerts(props: {
  /** What an entry is, e.g. "namespace". */
  kind: string;
  /** The entries, e.g. "namespaces". */
  plural: string;
  outcome?: AdminOutcome;
  onCloseOutcome: () => void;
  changeError?: Error;
  loadError?: Error;
}) {
  const { outcome, changeError, loadError } = props;
  return (
    <>
      {outcome && (
        <OutcomeAlert outcome={outcome} onClose={props.onCloseOutcome} />
      )}
      {changeError && (
        <ShepherdErrorPanel
          title={`The ${props.kind} was not changed`}
          error={changeError}
        />
      )}
      {loadError && (
        <ShepherdErrorPanel
          title={`Could not load the ${props.plural}`}
          error={loadError}
        />
      )}
    </>
  );
}
