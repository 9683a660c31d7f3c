import {
  ShepherdService,
  ShepherdSystem,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { Loaded, RetryableState } from './Loaded';

/** Label of the System select. */
export const SYSTEM_LABEL = 'System';
/** Label of the Service select. */
export const SERVICE_LABEL = 'Service';

function describe(item: { name: string; description: string }) {
  return item.description ? `${item.name} — ${item.description}` : item.name;
}

/**
 * The System, then one of its Services: the VM belongs to the Service. Only the Systems the
 * user may request VMs for are offered (see requestAccess.tsx); the backend decides again.
 */
export function ServiceStep(props: {
  systems: ShepherdSystem[];
  services: RetryableState<ShepherdService[]>;
  systemId?: string;
  serviceId?: string;
  onSystem: (systemId: string) => void;
  onService: (serviceId: string) => void;
  error?: string;
}) {
  const { systems, services, systemId, serviceId, onSystem, onService, error } =
    props;
  const system = systems.find(candidate => candidate.id === systemId);
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
      <TextField
        id="shepherd-request-system"
        select
        label={SYSTEM_LABEL}
        value={system ? system.id : ''}
        onChange={event => onSystem(event.target.value)}
        variant="outlined"
        fullWidth
        helperText="The System the VM is for: those where your role lets you request VMs"
      >
        {systems.map(candidate => (
          <MenuItem key={candidate.id} value={candidate.id}>
            {describe(candidate)}
          </MenuItem>
        ))}
      </TextField>
      {system && (
        <Loaded state={services} what={`the Services of ${system.name}`}>
          {items =>
            items.length === 0 ? (
              <Alert severity="info">
                {system.name} has no Services yet. A System owner or admin can
                create one in Shepherd, or register a catalog Component of type
                service that belongs to the System.
              </Alert>
            ) : (
              <TextField
                id="shepherd-request-service"
                select
                label={SERVICE_LABEL}
                value={
                  items.some(candidate => candidate.id === serviceId)
                    ? serviceId
                    : ''
                }
                onChange={event => onService(event.target.value)}
                variant="outlined"
                fullWidth
                error={Boolean(error)}
                helperText={
                  error ?? 'VMs belong to a Service and are named after it'
                }
              >
                {items.map(candidate => (
                  <MenuItem key={candidate.id} value={candidate.id}>
                    {describe(candidate)}
                  </MenuItem>
                ))}
              </TextField>
            )
          }
        </Loaded>
      )}
    </Box>
  );
}
