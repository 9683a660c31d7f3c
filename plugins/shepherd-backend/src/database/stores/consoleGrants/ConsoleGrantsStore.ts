import { ConsoleGrant } from '@kubevirt-shepherd/plugin-shepherd-common';

export interface ConsoleGrantsStore {
  insert(grant: ConsoleGrant): Promise<void>;
  /** The grant of `userRef` on the VM that is valid at `now`, the latest expiring first. */
  findActive(
    vmId: string,
    userRef: string,
    now: string,
  ): Promise<ConsoleGrant | undefined>;
}
