import { Permission } from '@backstage/plugin-permission-common';
import { TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { Page } from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  PagedList,
  PermissionedButton,
  ShepherdErrorPanel,
} from '../../common';
import { EntryRowActions, ToggledEntry } from './useAdminSection';
import { AdminOutcome, OutcomeAlert } from './WarningsAlert';

/** The row actions of an entry: one small button each, hidden from those who may not manage. */
export function EntryActions(props: {
  /** The entry's name, which each button's accessible name ends with. */
  name: string;
  permission: Permission;
  actions: Array<[label: string, act: () => void]>;
}) {
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
      {props.actions.map(([label, act]) => (
        <PermissionedButton
          key={label}
          size="small"
          permission={props.permission}
          whenDenied="hide"
          aria-label={`${label} ${props.name}`}
          onClick={act}
        >
          {label}
        </PermissionedButton>
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
  more: Array<[label: string, act: (entry: T) => void]> = [],
): TableColumn<T> {
  return {
    title: 'Actions',
    render: entry => (
      <EntryActions
        name={entry.name}
        permission={permission}
        actions={[
          ['Edit', () => actions.onEdit(entry)],
          ...more.map(([label, act]): [string, () => void] => [
            label,
            () => act(entry),
          ]),
          [
            entry.enabled ? 'Disable' : 'Enable',
            () => actions.onToggleEnabled(entry),
          ],
          ['Delete', () => actions.onDelete(entry)],
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
      <Typography variant="caption" color="textSecondary">
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
