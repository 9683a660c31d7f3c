import { virtualMachineSchemaViolations } from '@kubevirt-shepherd/kubevirt-sim';

/** Fails a test with every violation when an object is not a valid KubeVirt VirtualMachine. */
export function expectValidVirtualMachine(object: unknown): void {
  expect(virtualMachineSchemaViolations(object)).toEqual([]);
}
