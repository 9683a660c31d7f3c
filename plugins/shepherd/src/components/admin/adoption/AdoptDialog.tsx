import { useApi } from '@backstage/core-plugin-api';
import {
  AdoptionResult,
  SHEPHERD_MAX_PAGE_SIZE,
  ShepherdPendingAdoption,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import { shepherdApiRef } from '../../../api/ShepherdApi';
import { useAction, useLiveData } from '../../common';
import { FIELD_PROPS, FormDialog } from '../shared';
import { ADOPT_LABEL } from './AdoptionTable';

/** The most characters of the reason the backend keeps. */
export const DECISION_REASON_MAX_LENGTH = 512;

/**
 * Adopts a discovered VM into a Service: the VM keeps its name and everything it is; the
 * cluster only gets Shepherd's labels. The backend checks the namespace against the
 * cluster's environment and that the VM is still the object that was found.
 */
export function AdoptDialog(props: {
  adoption?: ShepherdPendingAdoption;
  onAdopted: (result: AdoptionResult) => void;
  onCancel: () => void;
}) {
  const { adoption, onAdopted, onCancel } = props;
  const api = useApi(shepherdApiRef);
  const [serviceId, setServiceId] = useState('');
  const [reason, setReason] = useState('');
  const services = useLiveData(
    () => api.listServices({ limit: SHEPHERD_MAX_PAGE_SIZE }),
    [api],
  );
  const adopting = useAction((id: string) =>
    api.adoptPendingAdoption(id, {
      serviceId,
      ...(reason.trim() && { reason: reason.trim() }),
    }),
  );
  const { reset } = adopting;
  useEffect(() => {
    setServiceId('');
    setReason('');
    reset();
  }, [adoption, reset]);

  const submit = async () => {
    if (!adoption) return;
    const result = await adopting.run(adoption.id);
    if (result) onAdopted(result);
  };

  return (
    <FormDialog
      open={!!adoption}
      title={`${ADOPT_LABEL} ${adoption?.resourceName ?? ''}`}
      submitLabel={ADOPT_LABEL}
      canSubmit={
        serviceId !== '' && reason.length <= DECISION_REASON_MAX_LENGTH
      }
      busy={adopting.busy}
      error={adopting.error}
      errorTitle="The VM was not adopted"
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Typography variant="body2" paragraph>
        {adoption?.namespace}/{adoption?.resourceName} on{' '}
        {adoption?.clusterName ?? adoption?.clusterId} keeps its name, its disks
        and its state. Shepherd adds only its own labels and governs it from
        then on: power, resize, console and deletion go through Shepherd.
      </Typography>
      <TextField
        {...FIELD_PROPS}
        id="adopt-service"
        label="Service"
        select
        required
        SelectProps={{ native: true }}
        value={serviceId}
        onChange={event => setServiceId(event.target.value)}
        helperText={
          services.error
            ? `Services could not be loaded: ${services.error.message}`
            : 'The Service of a System the VM belongs to'
        }
        error={!!services.error}
      >
        <option value="">Choose a Service</option>
        {services.value?.items.map(service => (
          <option key={service.id} value={service.id}>
            {service.systemName} / {service.name}
          </option>
        ))}
      </TextField>
      <TextField
        {...FIELD_PROPS}
        id="adopt-reason"
        label="Reason (optional)"
        value={reason}
        onChange={event => setReason(event.target.value)}
        error={reason.length > DECISION_REASON_MAX_LENGTH}
        helperText={`${reason.length}/${DECISION_REASON_MAX_LENGTH}`}
      />
    </FormDialog>
  );
}
