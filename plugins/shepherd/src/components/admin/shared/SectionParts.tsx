import { Permission } from '@backstage/plugin-permission-common';
import { TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { ReactNode } from 'react';
import { PermissionedButton, ShepherdErrorPanel } from '../../common';
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
