import { useApi } from '@backstage/core-plugin-api';
import {
  MEMBER_ROLES,
  MemberRole,
  ShepherdSystem,
  SystemMember,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { ActionDialog, useDialogAction } from '../common';
import { CatalogEntityField } from './CatalogEntityField';
import { MEMBER_ROLE_DESCRIPTIONS, normalizeMemberRef } from './systemRules';

export const ADD_MEMBER_LABEL = 'Add member';
/** The role a new member gets unless another is chosen. */
const DEFAULT_ROLE: MemberRole = 'member';

/**
 * Gives a User or Group of the catalog a role on a System. Only owners may grant the owner
 * role: the backend answers OWNER_GRANT_FORBIDDEN otherwise, and MEMBER_ALREADY_EXISTS for
 * someone who already has a role (change it instead).
 */
export function AddMemberDialog(props: {
  system: ShepherdSystem;
  open: boolean;
  onAdded: (member: SystemMember) => void;
  onCancel: () => void;
}) {
  const { system, open, onAdded, onCancel } = props;
  const api = useApi(shepherdApiRef);
  const [memberRef, setMemberRef] = useState('');
  const [role, setRole] = useState<MemberRole>(DEFAULT_ROLE);
  const submit = useDialogAction({
    open,
    action: api.addSystemMember.bind(api),
    onOpen: () => {
      setMemberRef('');
      setRole(DEFAULT_ROLE);
    },
    onDone: onAdded,
  });

  const normalized = normalizeMemberRef(memberRef);
  const showRefError = memberRef.trim() !== '' && !normalized.ok;
  const confirm = async () => {
    if (!normalized.ok) return;
    await submit.run(system.id, { memberRef: normalized.ref, role });
  };

  return (
    <ActionDialog
      open={open}
      titleId="shepherd-add-member-title"
      title={`Add a member to ${system.name}`}
      error={submit.error}
      errorTitle="The member was not added"
      actionLabel={ADD_MEMBER_LABEL}
      canAct={normalized.ok}
      busy={submit.busy}
      onAct={confirm}
      onCancel={onCancel}
    >
      <Typography variant="body2" paragraph>
        The role applies to the System and is inherited by its Services and VMs.
      </Typography>
      <CatalogEntityField
        id="shepherd-add-member-ref"
        label="User or Group"
        placeholder="group:default/team-payments"
        value={memberRef}
        onChange={ref => setMemberRef(ref)}
        filter={{ kind: ['user', 'group'] }}
        error={showRefError}
        helperText={
          showRefError && !normalized.ok
            ? normalized.message
            : 'Entity ref; a bare name means a Group'
        }
        disabled={submit.busy}
      />
      <TextField
        id="shepherd-add-member-role"
        select
        label="Role"
        value={role}
        onChange={event => setRole(event.target.value as MemberRole)}
        helperText={MEMBER_ROLE_DESCRIPTIONS[role]}
        disabled={submit.busy}
        fullWidth
        margin="dense"
        variant="outlined"
      >
        {MEMBER_ROLES.map(candidate => (
          <MenuItem key={candidate} value={candidate}>
            {candidate}
          </MenuItem>
        ))}
      </TextField>
    </ActionDialog>
  );
}
