import {
  ShepherdVmRef,
  ShepherdVncStream,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import {
  ConsoleStreamOpener,
  ConsoleStreamOptions,
} from '../service/console/ConsoleSessionsService';
import { ClusterConnections } from './ClusterConnections';

/**
 * Opens VNC streams through the VM provider of the VM's cluster with the cluster's stored credential.
 * With `preserveSession` an existing session is preserved (a second viewer is refused);
 * without it, the new stream takes the console over.
 */
export class ClusterConsoleStreamOpener implements ConsoleStreamOpener {
  constructor(private readonly connections: ClusterConnections) {}

  async open(
    clusterId: string,
    vm: ShepherdVmRef,
    options: ConsoleStreamOptions,
  ): Promise<ShepherdVncStream> {
    const { provider, connection } = await this.connections.connect(clusterId);
    if (!provider.openVncStream) {
      throw new Error(`The VM provider ${provider.type} has no VNC consoles`);
    }
    return provider.openVncStream(connection, vm, {
      preserveSession: options.preserveSession,
    });
  }
}
