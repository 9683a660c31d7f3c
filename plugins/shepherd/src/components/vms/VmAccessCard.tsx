import {
  CopyTextButton,
  InfoCard,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { ShepherdVm } from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { NOT_SET } from '../../labels';

export const ACCESS_TITLE = 'Access';
export const SSH_COMMAND_LABEL = 'SSH';
export const VIRTCTL_COMMAND_LABEL = 'SSH through the cluster API';
export const NOT_RUNNING_NOTE =
  'No addresses while the VM does not run; they appear once it runs.';
export const IMAGE_DEFAULT_USER_NOTE =
  "The image's default user (the template does not name one)";

/** `ssh user@address`: a login on the VM's first address, the pod network's. */
export function sshCommand(user: string, address: string): string {
  // IPv6 addresses need no brackets for ssh's user@host form.
  return `ssh ${user}@${address}`;
}

/**
 * `virtctl ssh`: the same login tunnelled through the Kubernetes API (port-forward), for
 * people outside the cluster's network who may port-forward in the VM's namespace.
 */
export function virtctlSshCommand(user: string, vm: ShepherdVm): string {
  return `virtctl ssh ${user}@vm/${vm.name} --namespace ${vm.namespace}`;
}

function Command(props: { command: string }) {
  return (
    <Box display="flex" alignItems="center" style={{ gap: 4 }}>
      <Typography
        variant="body2"
        component="code"
        style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
      >
        {props.command}
      </Typography>
      <CopyTextButton
        text={props.command}
        tooltipText="Command copied to clipboard"
        aria-label={`Copy ${props.command}`}
      />
    </Box>
  );
}

/**
 * How to reach a VM: the addresses and node its cluster last reported for the running
 * instance, the login user its template's cloud-init names, and the SSH commands that put
 * them together. Passwords are off in Shepherd's templates: the key given with the request
 * is what logs in.
 */
export function VmAccessCard(props: { vm: ShepherdVm }) {
  const { vm } = props;
  const addresses = vm.access?.ipAddresses ?? [];
  const user = vm.access?.sshUser;
  const [address] = addresses;
  return (
    <Box mt={3}>
      <InfoCard title={ACCESS_TITLE}>
        <StructuredMetadataTable
          metadata={{
            'IP addresses':
              addresses.length > 0 ? (
                <>
                  {addresses.map(ip => (
                    <Typography key={ip} variant="body2" component="div">
                      {ip}
                    </Typography>
                  ))}
                  <Typography
                    variant="caption"
                    display="block"
                    color="textSecondary"
                  >
                    On the cluster's pod network: reachable from inside the
                    cluster
                  </Typography>
                </>
              ) : (
                NOT_RUNNING_NOTE
              ),
            Node: vm.access?.nodeName ?? NOT_SET,
            'SSH user': user ?? IMAGE_DEFAULT_USER_NOTE,
            ...(user && address
              ? {
                  [SSH_COMMAND_LABEL]: (
                    <Command command={sshCommand(user, address)} />
                  ),
                }
              : {}),
            ...(user
              ? {
                  [VIRTCTL_COMMAND_LABEL]: (
                    <Command command={virtctlSshCommand(user, vm)} />
                  ),
                }
              : {}),
          }}
        />
      </InfoCard>
    </Box>
  );
}
