import { applySpecOverrides } from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  MAX_SPEC_OVERRIDES,
  acceptedSpecOverrides,
  checkSpecOverrides,
} from './specOverrides';

describe('checkSpecOverrides', () => {
  it('accepts dotted paths under spec that leave the image to the template', () => {
    expect(
      checkSpecOverrides({
        'spec.template.spec.domain.cpu.model': 'host-passthrough',
        'spec.template.spec.domain.devices.gpus': [
          { name: 'gpu1', deviceName: 'nvidia.com/A10' },
        ],
        'spec.template.metadata.annotations': {
          'k8s.v1.cni.cncf.io/networks': 'sriov-net',
        },
        'spec.template.spec.evictionStrategy': 'LiveMigrate',
      }),
    ).toEqual([]);
    expect(checkSpecOverrides({})).toEqual([]);
  });

  it.each([
    ['metadata.labels.team', /must start with 'spec\.'/],
    ['spec', /must start with 'spec\.'/],
    ['spec.', /dotted path/],
    ['spec..domain', /dotted path/],
    ['spec.template[0].x', /dotted path/],
    ['spec.template.__proto__.polluted', /may not contain '__proto__'/],
    ['spec.constructor.prototype', /may not contain 'constructor'/],
    ['spec.template.spec.volumes', /'volumes', which belongs to the template/],
    ['spec.dataVolumeTemplates', /'dataVolumeTemplates'/],
    ['spec.template.spec.volumes.0.containerDisk.image', /'volumes'/],
    ['spec.template.spec.domain.devices.disks', /'disks'/],
    ['spec.template.spec.cloudInitNoCloud', /'cloudInitNoCloud'/],
  ])('refuses the key %p', (key, message) => {
    const [violation] = checkSpecOverrides({ [key]: 'x' });
    expect(violation.key).toBe(key);
    expect(violation.message).toMatch(message);
  });

  it('refuses values that set template fields from a shorter path', () => {
    const violations = checkSpecOverrides({
      'spec.template.spec': {
        domain: { cpu: { cores: 2 } },
        volumes: [{ name: 'root', containerDisk: { image: 'evil' } }],
      },
      'spec.template': {
        spec: { domain: { devices: { interfaces: [{ cloudInitX: 1 }] } } },
      },
    });
    expect(violations.map(v => v.key)).toEqual([
      'spec.template.spec',
      'spec.template',
    ]);
    expect(violations[0].message).toMatch(/sets 'volumes'/);
    expect(violations[1].message).toMatch(/sets 'cloudInitX'/);
  });

  it('refuses more than the maximum number of overrides', () => {
    const overrides = Object.fromEntries(
      Array.from({ length: MAX_SPEC_OVERRIDES + 1 }, (_, i) => [
        `spec.template.spec.f${i}`,
        i,
      ]),
    );
    expect(checkSpecOverrides(overrides)).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/At most/) }),
    ]);
  });
});

describe('acceptedSpecOverrides', () => {
  it('keeps the overrides that checkSpecOverrides accepts, for the shared merge', () => {
    const overrides = {
      // A child sorts after its parent and refines what the parent set.
      'spec.template.spec.domain.cpu.dedicatedCpuPlacement': true,
      'spec.template.spec.domain': { cpu: { model: 'host-passthrough' } },
      'spec.running': false,
      'spec.template.spec.volumes': [],
    };
    const accepted = acceptedSpecOverrides(overrides);
    expect(Object.keys(accepted)).toEqual([
      'spec.template.spec.domain.cpu.dedicatedCpuPlacement',
      'spec.template.spec.domain',
      'spec.running',
    ]);
    expect(
      applySpecOverrides({ spec: { runStrategy: 'Always' } }, accepted),
    ).toEqual({
      spec: {
        runStrategy: 'Always',
        running: false,
        template: {
          spec: {
            domain: {
              cpu: { model: 'host-passthrough', dedicatedCpuPlacement: true },
            },
          },
        },
      },
    });
  });

  it('leaves out keys that checkSpecOverrides refuses, prototypes untouched', () => {
    const nullPrototype = Object.assign(
      Object.create(null),
      JSON.parse('{"__proto__": {"polluted": true}}'),
    );
    const accepted = acceptedSpecOverrides({
      'spec.__proto__.polluted': true,
      'spec.template': JSON.parse('{"__proto__": {"polluted": true}}'),
      'spec.template.spec.machine': nullPrototype,
      'spec.template.spec.volumes': [{ name: 'evil' }],
      'metadata.name': 'x',
      'spec.template.spec.domain.cpu.model': 'host',
    });
    expect(accepted).toEqual({ 'spec.template.spec.domain.cpu.model': 'host' });
    const vm = applySpecOverrides({ spec: {} }, accepted);
    expect(({} as any).polluted).toBeUndefined();
    expect(vm).toEqual({
      spec: { template: { spec: { domain: { cpu: { model: 'host' } } } } },
    });
  });
});
