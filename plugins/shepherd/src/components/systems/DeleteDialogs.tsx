import { useApi } from '@backstage/core-plugin-api';
import {
  ShepherdService,
  ShepherdSystem,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Typography from '@material-ui/core/Typography';
import { useEffect } from 'react';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { ConfirmationDialog, useAction } from '../common';
import { serviceDeletionTier, systemDeletionTier } from './systemRules';

export const DELETE_SYSTEM_LABEL = 'Delete System';
export const DELETE_SERVICE_LABEL = 'Delete Service';

/**
 * Deletes a System, which the backend allows only without Services (DELETE_RESTRICTED) and
 * only with its name typed (`confirm_name`, CONFIRMATION_NAME_MISMATCH). No approval: it is
 * gone at once, with its members; its audit trail stays.
 */
export function DeleteSystemDialog(props: {
  system: ShepherdSystem;
  open: boolean;
  onDeleted: () => void;
  onCancel: () => void;
}) {
  const { system, open, onDeleted, onCancel } = props;
  const api = useApi(shepherdApiRef);
  const tier = systemDeletionTier(system);
  const submit = useAction(async () => {
    await api.deleteSystem(system.id, { confirm_name: system.name });
    return true;
  });

  useEffect(() => {
    if (open) submit.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  return (
    <ConfirmationDialog
      open={open}
      title={`Delete the System ${system.name}?`}
      tier={tier}
      confirmLabel={DELETE_SYSTEM_LABEL}
      busy={submit.busy}
      error={submit.error}
      onConfirm={async () => {
        if (await submit.run()) onDeleted();
      }}
      onCancel={onCancel}
    >
      <Typography variant="body2" paragraph>
        The System and its members are removed at once; no approval is needed. A
        System can only be deleted once it has no Services. Its audit trail is
        kept.
      </Typography>
    </ConfirmationDialog>
  );
}

/**
 * Deletes a Service, which the backend allows only without VMs (DELETE_RESTRICTED) and
 * without unfinished requests (ACTIVE_TICKETS_EXIST), once ticked (`confirm=true`).
 */
export function DeleteServiceDialog(props: {
  service: ShepherdService | undefined;
  onDeleted: (service: ShepherdService) => void;
  onCancel: () => void;
}) {
  const { service, onDeleted, onCancel } = props;
  const api = useApi(shepherdApiRef);
  const submit = useAction(async (target: ShepherdService) => {
    await api.deleteService(target.id, { confirm: true });
    return target;
  });

  useEffect(() => {
    if (service) submit.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [service?.id]);

  return (
    <ConfirmationDialog
      open={Boolean(service)}
      title={`Delete the Service ${service?.name ?? ''}?`}
      tier={serviceDeletionTier(service?.name ?? '')}
      confirmLabel={DELETE_SERVICE_LABEL}
      busy={submit.busy}
      error={submit.error}
      onConfirm={async () => {
        const deleted = service && (await submit.run(service));
        if (deleted) onDeleted(deleted);
      }}
      onCancel={onCancel}
    >
      <Typography variant="body2" paragraph>
        No approval is needed. A Service can only be deleted once it has no VMs
        and no unfinished requests. Its instance numbers are never reused; its
        audit trail is kept.
      </Typography>
    </ConfirmationDialog>
  );
}
