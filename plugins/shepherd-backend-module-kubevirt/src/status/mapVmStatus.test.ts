import type {
  V1VirtualMachine,
  V1VirtualMachineInstance,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { mapVmStatus } from './mapVmStatus';

function vm(
  printableStatus?: string,
  spec: Partial<V1VirtualMachine['spec']> = {},
): V1VirtualMachine {
  return {
    metadata: { name: 'vm', namespace: 'ns' },
    spec: { template: {}, runStrategy: 'Always', ...spec },
    status: printableStatus ? { printableStatus } : {},
  };
}

function vmi(phase: string, reason?: string): V1VirtualMachineInstance {
  return {
    metadata: { name: 'vm' },
    spec: { domain: { devices: {} } },
    status: { phase, reason },
  };
}

describe('mapVmStatus', () => {
  it.each([
    ['Running', 'RUNNING'],
    ['Stopped', 'STOPPED'],
    ['Stopping', 'STOPPING'],
    ['Provisioning', 'CREATING'],
    ['WaitingForVolumeBinding', 'CREATING'],
    ['Starting', 'STARTING'],
    ['Terminating', 'DELETING'],
    ['Migrating', 'MIGRATING'],
    ['Paused', 'PAUSED'],
    ['WaitingForReceiver', 'PENDING'],
  ])('maps printableStatus %p to %p', (printable, status) => {
    expect(mapVmStatus(vm(printable))).toEqual({ status });
  });

  it.each([
    'ErrImagePull',
    'ImagePullBackOff',
    'CrashLoopBackOff',
    'DataVolumeError',
    'ErrorUnschedulable',
    'ErrorPvcNotFound',
    'ErrorDataVolumeNotFound',
    'Unknown',
    'ErrorSomethingNew',
  ])('maps the error status %p to FAILED with it as the message', printable => {
    expect(mapVmStatus(vm(printable))).toEqual({
      status: 'FAILED',
      message: printable,
    });
  });

  it('prefers the printable status over the VMI phase', () => {
    expect(mapVmStatus(vm('Stopping'), vmi('Running')).status).toBe('STOPPING');
  });

  it.each([
    ['Running', 'RUNNING'],
    ['Pending', 'CREATING'],
    ['Scheduling', 'CREATING'],
    ['Scheduled', 'CREATING'],
  ])('falls back to the VMI phase %p → %p', (phase, status) => {
    expect(mapVmStatus(vm(), vmi(phase))).toEqual({ status });
  });

  it('reports a failed VMI as FAILED with its reason', () => {
    expect(mapVmStatus(vm(), vmi('Failed', 'OOMKilled'))).toEqual({
      status: 'FAILED',
      message: 'OOMKilled',
    });
  });

  it('falls back to a halted run strategy (or the legacy running: false)', () => {
    expect(mapVmStatus(vm(undefined, { runStrategy: 'Halted' }))).toEqual({
      status: 'STOPPED',
    });
    expect(
      mapVmStatus(vm(undefined, { runStrategy: undefined, running: false })),
    ).toEqual({ status: 'STOPPED' });
  });

  it('is UNKNOWN when nothing tells', () => {
    expect(mapVmStatus(vm())).toEqual({ status: 'UNKNOWN' });
    expect(mapVmStatus(vm(), vmi('Succeeded'))).toEqual({ status: 'UNKNOWN' });
    expect(mapVmStatus(vm('SomethingNew'))).toEqual({
      status: 'UNKNOWN',
      message: 'Unrecognised KubeVirt status SomethingNew',
    });
  });

  it('uses a VMI phase before giving up on an unrecognised printable status', () => {
    expect(mapVmStatus(vm('SomethingNew'), vmi('Running'))).toEqual({
      status: 'RUNNING',
    });
  });

  describe("with the VM's DataVolumes", () => {
    const dv = (phase: string, progress?: string, message?: string) => ({
      metadata: { name: 'vm-rootfs' },
      status: {
        phase,
        progress,
        conditions: message ? [{ type: 'Running', message }] : [],
      },
    });

    it("fails a VM whose volume failed, with CDI's reason", () => {
      expect(
        mapVmStatus(vm('Provisioning'), undefined, [
          dv('Failed', 'N/A', 'Unable to connect to http data source'),
        ]),
      ).toEqual({
        status: 'FAILED',
        message:
          'DataVolume vm-rootfs failed: Unable to connect to http data source',
      });
    });

    it('says how far the disk of a provisioning VM got', () => {
      expect(
        mapVmStatus(vm('Provisioning'), undefined, [
          dv('ImportInProgress', '42.00%'),
        ]),
      ).toEqual({
        status: 'CREATING',
        message: 'ImportInProgress vm-rootfs 42.00%',
      });
    });

    it('leaves a running VM running whatever its volumes say', () => {
      expect(
        mapVmStatus(vm('Running'), vmi('Running'), [dv('Failed')]),
      ).toEqual({ status: 'RUNNING' });
    });
  });
});
