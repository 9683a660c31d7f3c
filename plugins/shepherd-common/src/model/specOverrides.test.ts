import {
  SPEC_OVERRIDE_PREFIX,
  SpecOverrideError,
  applySpecOverrides,
  isPrototypeKey,
  isSpecOverrideFieldName,
} from './specOverrides';

function base(): Record<string, any> {
  return {
    spec: {
      runStrategy: 'Always',
      template: {
        spec: {
          domain: {
            cpu: { cores: 2 },
            devices: { disks: [{ name: 'rootfs' }] },
          },
        },
      },
    },
  };
}

describe('applySpecOverrides', () => {
  it('sets a scalar at a dotted path, creating what is missing', () => {
    const vm = applySpecOverrides(base(), {
      'spec.template.spec.domain.cpu.model': 'host-passthrough',
      'spec.template.spec.evictionStrategy': 'LiveMigrate',
    });
    expect(vm.spec.template.spec.domain.cpu).toEqual({
      cores: 2,
      model: 'host-passthrough',
    });
    expect(vm.spec.template.spec.evictionStrategy).toBe('LiveMigrate');
  });

  it('merges an object value leaf by leaf into what is there', () => {
    const vm = applySpecOverrides(base(), {
      'spec.template.spec.domain': {
        cpu: { sockets: 1 },
        machine: { type: 'q35' },
      },
    });
    expect(vm.spec.template.spec.domain.cpu).toEqual({ cores: 2, sockets: 1 });
    expect(vm.spec.template.spec.domain.machine).toEqual({ type: 'q35' });
    expect(vm.spec.template.spec.domain.devices.disks).toHaveLength(1);
  });

  it('replaces arrays and scalars as a whole', () => {
    const vm = applySpecOverrides(base(), {
      'spec.template.spec.domain.cpu.cores': 4,
      'spec.template.spec.domain.devices': { disks: [] },
      'spec.running': false,
    });
    expect(vm.spec.template.spec.domain.cpu.cores).toBe(4);
    expect(vm.spec.template.spec.domain.devices.disks).toEqual([]);
    expect(vm.spec.running).toBe(false);
  });

  it('replaces a scalar on the way with an object', () => {
    const vm = applySpecOverrides(base(), {
      'spec.runStrategy.x': 1,
    });
    expect(vm.spec.runStrategy).toEqual({ x: 1 });
  });

  it('applies keys in sorted order, so a longer path refines a shorter one', () => {
    const vm = applySpecOverrides(base(), {
      'spec.template.spec.domain.cpu.model': 'host-model',
      'spec.template.spec.domain.cpu': { model: 'ignored', threads: 2 },
    });
    expect(vm.spec.template.spec.domain.cpu).toEqual({
      cores: 2,
      model: 'host-model',
      threads: 2,
    });
  });

  it('changes neither argument and shares nothing with them', () => {
    const object = base();
    const value = { type: 'q35', flags: ['a'] };
    const overrides = { 'spec.template.spec.domain.machine': value };
    const vm = applySpecOverrides(object, overrides);
    expect(object).toEqual(base());
    expect(overrides).toEqual({
      'spec.template.spec.domain.machine': { type: 'q35', flags: ['a'] },
    });
    vm.spec.template.spec.domain.machine.type = 'pc';
    vm.spec.template.spec.domain.machine.flags.push('b');
    vm.spec.template.spec.domain.devices.disks[0].name = 'other';
    expect(value).toEqual({ type: 'q35', flags: ['a'] });
    expect(object).toEqual(base());
  });

  it('keeps the order of the fields it does not touch', () => {
    const vm = applySpecOverrides(base(), {
      'spec.template.spec.domain.cpu.cores': 4,
    });
    expect(Object.keys(vm.spec)).toEqual(['runStrategy', 'template']);
    expect(Object.keys(vm.spec.template.spec.domain)).toEqual([
      'cpu',
      'devices',
    ]);
    expect(applySpecOverrides(base(), {})).toEqual(base());
  });

  it.each([
    ['metadata.labels.x', 'must start with'],
    ['spec', 'must start with'],
    ['spec..x', 'not a dotted path'],
    ['spec.template[0].x', 'not a dotted path'],
    ['spec.__proto__.polluted', 'not a dotted path'],
    ['spec.template.constructor', 'not a dotted path'],
  ])('rejects the key %p', (key, message) => {
    expect(() => applySpecOverrides(base(), { [key]: 1 })).toThrow(
      new RegExp(message),
    );
    expect(() => applySpecOverrides(base(), { [key]: 1 })).toThrow(
      SpecOverrideError,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects values that would reach a prototype', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}}');
    expect(() =>
      applySpecOverrides(base(), { 'spec.template.spec.domain.cpu': value }),
    ).toThrow(
      new SpecOverrideError("Spec override values may not set '__proto__'"),
    );
    expect(() =>
      applySpecOverrides(base(), {
        'spec.template.spec.domain.machine': { nested: value },
      }),
    ).toThrow(SpecOverrideError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('applies to plain objects only', () => {
    expect(() => applySpecOverrides(new Date(0), {})).toThrow(TypeError);
  });
});

describe('spec override keys', () => {
  it('are dotted paths of field names under spec', () => {
    expect(SPEC_OVERRIDE_PREFIX).toBe('spec.');
    expect(isSpecOverrideFieldName('dedicatedCpuPlacement')).toBe(true);
    expect(isSpecOverrideFieldName('k8s_v1-x')).toBe(true);
    expect(isSpecOverrideFieldName('')).toBe(false);
    expect(isSpecOverrideFieldName('a[0]')).toBe(false);
    expect(isSpecOverrideFieldName('a.b')).toBe(false);
    expect(
      ['__proto__', 'constructor', 'prototype'].every(isPrototypeKey),
    ).toBe(true);
    expect(isPrototypeKey('proto')).toBe(false);
  });
});
