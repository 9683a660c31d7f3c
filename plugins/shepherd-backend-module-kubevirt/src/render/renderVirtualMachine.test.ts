import { ShepherdProviderError } from '@kubevirt-shepherd/plugin-shepherd-node';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import {
  definition,
  instanceSize,
  template,
} from '../__testUtils__/definitions';
import { expectValidVirtualMachine } from '../__testUtils__/kubevirtSchema';
import { renderVirtualMachine } from './renderVirtualMachine';

const FIXTURES = join(__dirname, '..', '__fixtures__');

/**
 * Compares a rendered VM with its golden file. `UPDATE_GOLDEN=1` rewrites the files after a
 * deliberate change; review the diff before committing it.
 */
function expectGolden(name: string, rendered: unknown): void {
  const file = join(FIXTURES, `${name}.yaml`);
  if (process.env.UPDATE_GOLDEN) {
    writeFileSync(file, stringify(rendered));
  }
  expect(rendered).toEqual(parse(readFileSync(file, 'utf8')));
  expectValidVirtualMachine(rendered);
}

const SSH_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBQT6xxEi0Sa9fgQTbWso2HvfA+IkBP/dJTsDxgQCAl2 dev@example.com';

/** The parsed cloud-config of a rendered VM's cloud-init disk. */
function cloudConfigOf(vm: ReturnType<typeof renderVirtualMachine>): unknown {
  const volume = vm.spec.template.spec!.volumes!.find(
    v => v.name === 'cloudinitdisk',
  );
  const userData = volume?.cloudInitNoCloud?.userData;
  expect(userData?.split('\n')[0]).toBe('#cloud-config');
  return parse(userData!);
}

describe('renderVirtualMachine', () => {
  it('renders a containerDisk VM with cloud-init (golden)', () => {
    expectGolden('vm-containerdisk', renderVirtualMachine(definition()));
  });

  it('renders a CDI image import with a storage class, halted (golden)', () => {
    const vm = renderVirtualMachine(
      definition({
        running: false,
        template: template({
          sourceType: 'cdi_image_import',
          imageUrl: 'https://images.example.com/fedora-40.qcow2',
        }),
        instanceSize: instanceSize({ diskGb: 30 }),
        spec: {
          templateId: 'tpl-fedora',
          instanceSizeId: 'size-medium',
          cpuCores: 1.5,
          cpuRequest: 0.5,
          memoryGi: 2.5,
          memoryRequestGi: 1.5,
          diskGb: 30,
          storageClass: 'ceph-block',
        },
      }),
    );
    expectGolden('vm-cdi-image-import', vm);
  });

  it('renders a CDI PVC clone without cloud-init (golden)', () => {
    const vm = renderVirtualMachine(
      definition({
        template: template({
          sourceType: 'cdi_pvc_clone',
          imageUrl: undefined,
          pvcName: 'golden-rhel9',
          pvcNamespace: 'os-images',
          cloudInit: undefined,
        }),
      }),
    );
    expectGolden('vm-cdi-pvc-clone', vm);
  });

  it('renders dedicated CPUs, hugepages and spec overrides last (golden)', () => {
    const size = instanceSize({
      name: 'dedicated-large',
      cpuCores: 4,
      cpuRequest: 4,
      memoryGi: 8,
      memoryRequestGi: 8,
      dedicatedCpu: true,
      requiresHugepages: true,
      hugepagesSize: '1Gi',
      specOverrides: {
        'spec.template.spec.domain.cpu.model': 'host-passthrough',
        'spec.template.spec.domain.memory': { guest: '7Gi' },
        'spec.template.spec.domain.machine': { type: 'q35' },
        'spec.template.spec.domain.devices.interfaces': [
          { name: 'default', masquerade: {}, model: 'e1000e' },
        ],
      },
    });
    const vm = renderVirtualMachine(definition({ instanceSize: size }));
    expectGolden('vm-dedicated-hugepages-overrides', vm);
  });

  it("adds the requester's SSH key for the template's login user", () => {
    const vm = renderVirtualMachine(definition({ sshPublicKey: SSH_KEY }));
    expect(cloudConfigOf(vm)).toEqual({
      users: [
        {
          name: 'shepherd',
          sudo: 'ALL=(ALL) NOPASSWD:ALL',
          ssh_authorized_keys: [SSH_KEY],
        },
      ],
    });
    expectValidVirtualMachine(vm);
  });

  it('gives a template without cloud-init a cloud-init disk with the SSH key', () => {
    const vm = renderVirtualMachine(
      definition({
        template: template({ cloudInit: undefined }),
        sshPublicKey: SSH_KEY,
      }),
    );
    expect(vm.spec.template.spec!.domain.devices.disks).toContainEqual({
      name: 'cloudinitdisk',
      disk: { bus: 'virtio' },
    });
    expect(cloudConfigOf(vm)).toEqual({ ssh_authorized_keys: [SSH_KEY] });
    expectValidVirtualMachine(vm);
  });

  it('refuses an SSH key that pushes the cloud-init over the inline limit', () => {
    const cloudInit = `#cloud-config\n# ${'x'.repeat(1980)}\nuser: fedora\n`;
    expect(() =>
      renderVirtualMachine(definition({ template: template({ cloudInit }) })),
    ).not.toThrow();
    expect(() =>
      renderVirtualMachine(
        definition({
          template: template({ cloudInit }),
          sshPublicKey: SSH_KEY,
        }),
      ),
    ).toThrow(/KubeVirt accepts at most 2048 bytes inline/);
  });

  it('is deterministic', () => {
    expect(renderVirtualMachine(definition())).toEqual(
      renderVirtualMachine(definition()),
    );
  });

  it('takes cpu and memory from the effective spec, not the instance size', () => {
    const vm = renderVirtualMachine(
      definition({
        spec: {
          ...definition().spec,
          cpuCores: 2.5,
          cpuRequest: 2.5,
          memoryGi: 0.5,
          memoryRequestGi: 0.5,
        },
      }),
    );
    const domain = vm.spec.template.spec!.domain;
    expect(domain.cpu?.cores).toBe(3);
    expect(domain.resources).toEqual({
      requests: { cpu: '2500m', memory: '512Mi' },
      limits: { cpu: '2500m', memory: '512Mi' },
    });
  });

  it('accepts what KubeVirt accepts at the limits', () => {
    const dedicated = renderVirtualMachine(
      definition({
        instanceSize: instanceSize({
          dedicatedCpu: true,
          requiresHugepages: true,
          hugepagesSize: '2Mi',
        }),
        spec: {
          ...definition().spec,
          cpuCores: 3,
          cpuRequest: 3,
          memoryGi: 2.5,
          memoryRequestGi: 2.5,
        },
      }),
    );
    expect(dedicated.spec.template.spec!.domain).toMatchObject({
      cpu: { cores: 3, dedicatedCpuPlacement: true },
      memory: { hugepages: { pageSize: '2Mi' } },
      resources: {
        requests: { cpu: '3', memory: '2560Mi' },
        limits: { cpu: '3', memory: '2560Mi' },
      },
    });

    // Exactly 2048 bytes (multi-byte characters count as bytes, as in KubeVirt).
    const header = '#cloud-config\n# ';
    const userData = `${header}${'é'.repeat((2048 - header.length) / 2)}`;
    expect(Buffer.byteLength(userData)).toBe(2048);
    const vm = renderVirtualMachine(
      definition({ template: template({ cloudInit: userData }) }),
    );
    expect(vm.spec.template.spec!.volumes).toContainEqual({
      name: 'cloudinitdisk',
      cloudInitNoCloud: { userData },
    });
    expect(() =>
      renderVirtualMachine(
        definition({ template: template({ cloudInit: `${userData}é` }) }),
      ),
    ).toThrow(/2050 bytes/);
  });

  it('never sets spec.running', () => {
    expect(renderVirtualMachine(definition({ running: false })).spec).toEqual(
      expect.not.objectContaining({ running: expect.anything() }),
    );
  });

  it.each([
    [
      'a containerDisk template without an image',
      definition({ template: template({ imageUrl: undefined }) }),
      /has no image/,
    ],
    [
      'a PVC clone without a source PVC',
      definition({
        template: template({ sourceType: 'cdi_pvc_clone', pvcName: undefined }),
      }),
      /has no source PVC/,
    ],
    [
      'a CPU count off the 0.5 grid',
      definition({ spec: { ...definition().spec, cpuCores: 1.3 } }),
      /CPU must be a positive multiple of 0.5/,
    ],
    [
      'hugepages without a page size',
      definition({ instanceSize: instanceSize({ requiresHugepages: true }) }),
      /hugepages size/,
    ],
    [
      'an override outside spec',
      definition({
        instanceSize: instanceSize({ specOverrides: { 'metadata.name': 'x' } }),
      }),
      /must start with 'spec.'/,
    ],
    [
      'an override value that would reach a prototype',
      definition({
        instanceSize: instanceSize({
          specOverrides: {
            'spec.template.spec.domain.cpu': JSON.parse(
              '{"__proto__": {"polluted": true}}',
            ),
          },
        }),
      }),
      /Spec override values may not set '__proto__'/,
    ],
    [
      'an override that sets spec.running',
      definition({
        instanceSize: instanceSize({ specOverrides: { 'spec.running': true } }),
      }),
      /spec\.running must not be set: Shepherd sets spec\.runStrategy/,
    ],
    [
      'dedicated CPUs with fractional cores',
      definition({
        instanceSize: instanceSize({ dedicatedCpu: true }),
        spec: {
          ...definition().spec,
          cpuCores: 1.5,
          cpuRequest: 1.5,
          memoryRequestGi: 4,
        },
      }),
      /dedicated CPUs need whole cores, but the CPU request is 1\.5; dedicated CPUs need whole cores, but the CPU limit is 1\.5/,
    ],
    [
      'dedicated CPUs with requests below limits',
      definition({
        instanceSize: instanceSize({ dedicatedCpu: true }),
        spec: { ...definition().spec, cpuCores: 4, cpuRequest: 2 },
      }),
      /CPU request to equal the limit, got 2 and 4; dedicated CPUs need the memory request to equal the limit, got 2Gi and 4Gi/,
    ],
    [
      'memory that is not a multiple of the hugepages size',
      definition({
        instanceSize: instanceSize({
          requiresHugepages: true,
          hugepagesSize: '1Gi',
        }),
        spec: { ...definition().spec, memoryRequestGi: 2.5, memoryGi: 4 },
      }),
      /memory request 2560Mi is not a multiple of the hugepages size 1Gi/,
    ],
    [
      'memory below the hugepages size',
      definition({
        instanceSize: instanceSize({
          requiresHugepages: true,
          hugepagesSize: '1Gi',
        }),
        spec: { ...definition().spec, memoryRequestGi: 0.5, memoryGi: 4 },
      }),
      /memory request 512Mi is smaller than the hugepages size 1Gi/,
    ],
    [
      'a hugepages size that is not a quantity',
      definition({
        instanceSize: instanceSize({
          requiresHugepages: true,
          hugepagesSize: 'huge',
        }),
      }),
      /the hugepages size 'huge' is not a quantity/,
    ],
    [
      'cloud-init user data over 2 KiB',
      definition({
        template: template({
          cloudInit: `#cloud-config\nwrite_files:\n  - content: "${'x'.repeat(
            2100,
          )}"\n`,
        }),
      }),
      /the cloud-init user data has 2143 bytes; KubeVirt accepts at most 2048 bytes inline/,
    ],
  ])('rejects %s as a permanent error', (_, input, message) => {
    let error: unknown;
    try {
      renderVirtualMachine(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ShepherdProviderError);
    expect((error as ShepherdProviderError).kind).toBe('permanent');
    expect((error as Error).message).toMatch(message);
  });
});
