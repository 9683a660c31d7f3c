import { virtualMachineSchemaViolations } from './virtualMachineSchema';

function virtualMachine(): any {
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: {
      name: 'dev-shop-cart-01',
      namespace: 'dev',
      labels: { a: 'b' },
    },
    spec: {
      runStrategy: 'Always',
      template: {
        metadata: { labels: { a: 'b' } },
        spec: {
          domain: {
            cpu: { cores: 2 },
            resources: { requests: { cpu: '1', memory: '2Gi' } },
            devices: {
              disks: [{ name: 'rootfs', disk: { bus: 'virtio' } }],
              interfaces: [{ name: 'default', masquerade: {} }],
            },
          },
          networks: [{ name: 'default', pod: {} }],
          volumes: [
            {
              name: 'rootfs',
              containerDisk: { image: 'quay.io/containerdisks/fedora:40' },
            },
            {
              name: 'cloudinitdisk',
              cloudInitNoCloud: { userData: '#cloud-config\n' },
            },
          ],
        },
      },
    },
  };
}

describe('virtualMachineSchemaViolations', () => {
  it('finds nothing in a valid VirtualMachine', () => {
    expect(virtualMachineSchemaViolations(virtualMachine())).toEqual([]);
  });

  it('finds unknown fields, wrong types, bad enum values and missing fields', () => {
    const vm = virtualMachine();
    vm.spec.template.spec.volumes[0].containerDisk.imagePullPolicy =
      'Sometimes';
    vm.spec.template.spec.domain.cpu.cores = '2';
    vm.spec.template.spec.volumes[1].cloudInitNoCloud.sshKeys = ['key'];
    delete vm.spec.template.spec.domain.devices;
    expect(virtualMachineSchemaViolations(vm)).toEqual(
      expect.arrayContaining([
        '.spec.template.spec.volumes[0].containerDisk.imagePullPolicy: "Sometimes" is not one of Always, IfNotPresent, Never',
        '.spec.template.spec.domain.cpu.cores: expected integer, got string',
        '.spec.template.spec.volumes[1].cloudInitNoCloud.sshKeys: unknown field',
        '.spec.template.spec.domain.devices: required',
      ]),
    );
    expect(virtualMachineSchemaViolations({ kind: 'VirtualMachine' })).toEqual([
      '.spec: required',
    ]);
  });
});
