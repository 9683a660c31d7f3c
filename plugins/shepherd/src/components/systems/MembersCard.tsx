import { TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  MEMBER_ROLES,
  MemberRole,
  ShepherdSystem,
  SystemMember,
  shepherdSystemMembersManagePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import PersonAddIcon from '@material-ui/icons/PersonAdd';
import { useState } from 'react';
import { shepherdApiRef } from '../../api/ShepherdApi';
import {
  ConfirmationDialog,
  ListTable,
  PermissionedButton,
  RelativeTime,
  ShepherdErrorPanel,
  formatEntityRef,
  useAction,
  useShepherdPermission,
} from '../common';
import { ADD_MEMBER_LABEL, AddMemberDialog } from './AddMemberDialog';
import { Outcome } from './OutcomeAlert';
import { SystemPartsCard } from './SystemPartsCard';
import {
  LAST_OWNER_REASON,
  MEMBER_ROLE_DESCRIPTIONS,
  isLastOwner,
  memberKindOf,
  sortMembers,
} from './systemRules';

export const REMOVE_MEMBER_LABEL = 'Remove';

/** The accessible name of a member's role select. */
export function roleSelectLabel(member: SystemMember): string {
  return `Role of ${formatEntityRef(member.memberRef)}`;
}

function RoleSelect(props: {
  member: SystemMember;
  disabled: boolean;
  reason?: string;
  onChange: (role: MemberRole) => void;
}) {
  const { member, disabled, reason, onChange } = props;
  const select = (
    <TextField
      select
      value={member.role}
      onChange={event => onChange(event.target.value as MemberRole)}
      disabled={disabled}
      size="small"
      variant="outlined"
      SelectProps={{ native: true }}
      inputProps={{ 'aria-label': roleSelectLabel(member) }}
    >
      {MEMBER_ROLES.map(role => (
        <option key={role} value={role} title={MEMBER_ROLE_DESCRIPTIONS[role]}>
          {role}
        </option>
      ))}
    </TextField>
  );
  return reason ? (
    <Tooltip title={reason}>
      <span>{select}</span>
    </Tooltip>
  ) : (
    select
  );
}

/**
 * The members of a System and their roles (inherited by its Services and VMs): adding,
 * changing roles, removing, for whoever may manage members. The backend's last-owner rule
 * is shown in advance (LAST_OWNER); its refusals, such as OWNER_GRANT_FORBIDDEN for
 * non-owners touching the owner role, appear with their codes.
 */
export function MembersCard(props: {
  system: ShepherdSystem;
  members: SystemMember[] | undefined;
  error?: Error;
  onChanged: () => void;
}) {
  const { system, members, error, onChanged } = props;
  const api = useApi(shepherdApiRef);
  const manage = useShepherdPermission(
    shepherdSystemMembersManagePermission,
    system.id,
  );
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<SystemMember>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [failedChange, setFailedChange] = useState<SystemMember>();
  const changeRole = useAction((member: SystemMember, role: MemberRole) =>
    api.updateSystemMember(system.id, member.id, { role }),
  );
  const remove = useAction(async (member: SystemMember) => {
    await api.removeSystemMember(system.id, member.id);
    return member;
  });

  const all = members ?? [];
  const runRoleChange = async (member: SystemMember, role: MemberRole) => {
    setOutcome(undefined);
    setFailedChange(member);
    const updated = await changeRole.run(member, role);
    if (updated) {
      setFailedChange(undefined);
      setOutcome({
        message: `${formatEntityRef(updated.memberRef)} is now ${
          updated.role
        }.`,
      });
      onChanged();
    }
  };

  const columns: TableColumn<SystemMember>[] = [
    {
      title: 'Member',
      render: member => (
        <>
          <Typography variant="body2">
            {formatEntityRef(member.memberRef)}
          </Typography>
          <Typography variant="caption" color="textSecondary">
            {memberKindOf(member.memberRef)} · {member.memberRef}
          </Typography>
        </>
      ),
    },
    {
      title: 'Role',
      render: member => {
        const lastOwner = isLastOwner(member, all);
        return (
          <RoleSelect
            member={member}
            disabled={!manage.allowed || lastOwner || changeRole.busy}
            reason={lastOwner && manage.allowed ? LAST_OWNER_REASON : undefined}
            onChange={role => runRoleChange(member, role)}
          />
        );
      },
    },
    {
      title: 'Granted by',
      render: member => formatEntityRef(member.grantedBy),
    },
    {
      title: 'Since',
      render: member => <RelativeTime timestamp={member.createdAt} />,
    },
    {
      title: '',
      render: member => {
        const lastOwner = isLastOwner(member, all);
        return (
          <PermissionedButton
            permission={shepherdSystemMembersManagePermission}
            resourceRef={system.id}
            size="small"
            color="secondary"
            aria-label={`${REMOVE_MEMBER_LABEL} ${formatEntityRef(
              member.memberRef,
            )}`}
            disabled={lastOwner}
            disabledReason={lastOwner ? LAST_OWNER_REASON : undefined}
            onClick={() => {
              remove.reset();
              setRemoving(member);
            }}
          >
            {REMOVE_MEMBER_LABEL}
          </PermissionedButton>
        );
      },
    },
  ];

  return (
    <SystemPartsCard
      title="Members"
      subheader="Roles on the System, inherited by its Services and VMs"
      actions={
        <PermissionedButton
          permission={shepherdSystemMembersManagePermission}
          resourceRef={system.id}
          color="primary"
          variant="contained"
          size="small"
          startIcon={<PersonAddIcon />}
          onClick={() => setAdding(true)}
        >
          {ADD_MEMBER_LABEL}
        </PermissionedButton>
      }
      outcome={outcome}
      onCloseOutcome={() => setOutcome(undefined)}
    >
      {changeRole.error && failedChange && (
        <ShepherdErrorPanel
          title={`Could not change the role of ${formatEntityRef(
            failedChange.memberRef,
          )}`}
          error={changeRole.error}
        />
      )}
      {error && (
        <ShepherdErrorPanel title="Could not load the members" error={error} />
      )}
      {members && (
        <ListTable
          columns={columns}
          data={sortMembers(members)}
          emptyContent={
            <Box p={2}>
              <Typography variant="body2">No members.</Typography>
            </Box>
          }
        />
      )}
      <AddMemberDialog
        system={system}
        open={adding}
        onAdded={member => {
          setAdding(false);
          setOutcome({
            message: `${formatEntityRef(member.memberRef)} is now ${
              member.role
            } of ${system.name}.`,
          });
          onChanged();
        }}
        onCancel={() => setAdding(false)}
      />
      <ConfirmationDialog
        open={Boolean(removing)}
        title={`Remove ${formatEntityRef(removing?.memberRef)} from ${
          system.name
        }?`}
        tier={{ kind: 'button' }}
        confirmLabel={REMOVE_MEMBER_LABEL}
        busy={remove.busy}
        error={remove.error}
        onConfirm={async () => {
          const removed = removing && (await remove.run(removing));
          if (removed) {
            setRemoving(undefined);
            setOutcome({
              message: `${formatEntityRef(
                removed.memberRef,
              )} is no longer a member.`,
            });
            onChanged();
          }
        }}
        onCancel={() => setRemoving(undefined)}
      >
        <Typography variant="body2" paragraph>
          {removing?.memberRef} loses the role {removing?.role} on the System
          and what it inherits on its Services and VMs. Access the portal&apos;s
          permission policy grants otherwise is not affected.
        </Typography>
      </ConfirmationDialog>
    </SystemPartsCard>
  );
}
