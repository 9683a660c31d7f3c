import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import {
  ShepherdSystem,
  WithWarnings,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { formatEntityRef } from '../common';
import { CreateDialog } from './CreateDialog';
import { RegisterDialog } from './RegisterDialog';

export const CREATE_SYSTEM_LABEL = 'Create System';
export const REGISTER_SYSTEM_LABEL = 'Register from catalog';

/** The owner field's value that means "me", so the request leaves `owner` out. */
const ME = '';

/**
 * The owner of a new System: the user (the default) or one of the user's groups, the refs
 * the backend accepts (OWNER_NOT_ALLOWED otherwise). Hidden when the user has no groups.
 */
function OwnerField(props: {
  value: string;
  onChange: (owner: string) => void;
  disabled?: boolean;
}) {
  const identityApi = useApi(identityApiRef);
  const identity = useAsync(() => identityApi.getBackstageIdentity(), []);
  const userRef = identity.value?.userEntityRef;
  const groups = (identity.value?.ownershipEntityRefs ?? []).filter(
    ref => ref !== userRef,
  );
  if (!userRef || groups.length === 0) {
    return null;
  }
  return (
    <TextField
      id="shepherd-create-system-owner"
      select
      label="Owner"
      helperText="Becomes the System's first owner; owners manage its members"
      value={props.value}
      onChange={event => props.onChange(event.target.value)}
      disabled={props.disabled}
      fullWidth
      margin="dense"
      variant="outlined"
    >
      <MenuItem value={ME}>You ({formatEntityRef(userRef)})</MenuItem>
      {groups.map(ref => (
        <MenuItem key={ref} value={ref}>
          {formatEntityRef(ref)}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Creates a System in Shepherd; the user, or one of the user's groups, becomes its owner. */
export function CreateSystemDialog(props: {
  open: boolean;
  onCreated: (result: WithWarnings<ShepherdSystem>) => void;
  onCancel: () => void;
}) {
  const api = useApi(shepherdApiRef);
  const [owner, setOwner] = useState(ME);
  useEffect(() => {
    if (props.open) setOwner(ME);
  }, [props.open]);
  return (
    <CreateDialog<ShepherdSystem>
      open={props.open}
      entity="system"
      title="Create a System"
      intro="A System is a product or platform. It has no environment of its own: its Services get VMs in test and production namespaces. It is published to the catalog as a System."
      extraFields={<OwnerField value={owner} onChange={setOwner} />}
      create={input =>
        api.createSystem({
          name: input.name,
          ...(input.description ? { description: input.description } : {}),
          ...(owner !== ME ? { owner } : {}),
        })
      }
      onCreated={props.onCreated}
      onCancel={props.onCancel}
    />
  );
}

/** Registers a catalog System; the entity's owner becomes the System's owner. */
export function RegisterSystemDialog(props: {
  open: boolean;
  onRegistered: (result: WithWarnings<ShepherdSystem>) => void;
  onCancel: () => void;
}) {
  const api = useApi(shepherdApiRef);
  return (
    <RegisterDialog<ShepherdSystem>
      open={props.open}
      entity="system"
      kind="system"
      title="Register a catalog System"
      intro="Brings a System of the software catalog under Shepherd's governance, under its catalog name. The entity's owner becomes the System's owner."
      filter={{ kind: 'system' }}
      placeholder="system:default/payments"
      register={entityRef => api.registerSystem({ entityRef })}
      onRegistered={props.onRegistered}
      onCancel={props.onCancel}
    />
  );
}
