import {
  ShepherdProviderError,
  ShepherdVmRef,
  ShepherdVncStream,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { ClusterClient } from '../client/ClusterClient';
import { VNC_MAX_FRAME_BYTES, VNC_SUBPROTOCOL } from '../constants';
import { KubernetesHttpError } from '../errors';
import { vncPath } from '../operations/paths';
import { WebSocketVncStream } from './WebSocketVncStream';

/** virt-api refuses a `preserveSession` upgrade while someone holds the console. */
const SESSION_IN_USE = /active vnc connection/i;

/**
 * Opens the VNC console of a running VM: a websocket to the VMI's `vnc` subresource with the
 * `plain.kubevirt.io` subprotocol and the cluster's credentials. With `preserveSession` an
 * existing session is kept and the call fails as a conflict; without it the new connection
 * takes the console over.
 */
export async function openVncStream(
  client: ClusterClient,
  vm: ShepherdVmRef,
  preserveSession: boolean,
): Promise<ShepherdVncStream> {
  return client.openWebSocket(
    `Open the VNC console of ${vm.namespace}/${vm.name}`,
    vncPath(vm),
    { preserveSession: String(preserveSession) },
    [VNC_SUBPROTOCOL],
    VNC_MAX_FRAME_BYTES,
    // The VNC server speaks first (its RFB version), right after the upgrade.
    socket => new WebSocketVncStream(socket, VNC_MAX_FRAME_BYTES),
    (refusal: KubernetesHttpError) =>
      // Someone else's session is not a failing cluster: keep it away from the breaker.
      preserveSession && SESSION_IN_USE.test(refusal.message)
        ? new ShepherdProviderError(
            'conflict',
            `The VNC console of ${vm.namespace}/${vm.name} is in use by another session`,
            { statusCode: refusal.statusCode },
          )
        : refusal,
  );
}
