import {
  ShepherdProviderError,
  ShepherdVmRef,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { ClusterClient } from '../client/ClusterClient';
import { CONTENT_TYPES } from '../constants';
import { describeVm, virtualMachineActionPath } from './paths';
import {
  isInstanceActive,
  readVirtualMachine,
  readVirtualMachineInstance,
} from './reads';

export type PowerAction = 'start' | 'stop' | 'restart';

const VERBS: Record<PowerAction, string> = {
  start: 'Start',
  stop: 'Stop',
  restart: 'Restart',
};

/**
 * Whether the VM already is where a start or stop would take it. KubeVirt answers 409 to a
 * start of a running VM and a stop of a stopped one; but a 409 can also be a write conflict
 * inside virt-api, so the VM is read back rather than trusting the status code.
 */
async function alreadyDone(
  client: ClusterClient,
  vm: ShepherdVmRef,
  action: 'start' | 'stop',
): Promise<boolean> {
  const current = await readVirtualMachine(client, vm);
  if (!current) return false;
  const runStrategy = current.spec?.runStrategy;
  const active = isInstanceActive(await readVirtualMachineInstance(client, vm));
  if (action === 'start') return runStrategy === 'Always' || active;
  return runStrategy === 'Halted' || !active;
}

/**
 * Starts, stops or restarts a VM through KubeVirt's subresources (which flip the run
 * strategy or queue a state change request). Start and stop are idempotent: asking for the
 * state the VM is already in succeeds. A restart of a VM that does not run fails as a
 * conflict, with KubeVirt's message.
 */
export async function changePowerState(
  client: ClusterClient,
  vm: ShepherdVmRef,
  action: PowerAction,
): Promise<void> {
  try {
    await client.request(`${VERBS[action]} ${describeVm(vm)}`, {
      method: 'PUT',
      path: virtualMachineActionPath(vm, action),
      contentType: CONTENT_TYPES.json,
      body: {},
    });
  } catch (error) {
    if (
      error instanceof ShepherdProviderError &&
      error.statusCode === 409 &&
      action !== 'restart' &&
      (await alreadyDone(client, vm, action))
    ) {
      return;
    }
    throw error;
  }
}
