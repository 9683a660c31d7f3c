import {
  ShepherdInstanceSize,
  ShepherdTemplate,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  checkEffectiveSpec,
  checkSpecReplacement,
  isVisibleIn,
  requestedSpec,
} from './vmSpec';

const size = {
  id: 's',
  name: 'medium',
  enabled: true,
  catalogScope: 'all',
  cpuCores: 2,
  cpuRequest: 1,
  memoryGi: 4,
  memoryRequestGi: 4,
  diskGb: 20,
  dedicatedCpu: false,
} as ShepherdInstanceSize;
const template = {
  id: 't',
  name: 'fedora',
  status: 'active',
  catalogScope: 'test',
} as ShepherdTemplate;

describe('vmSpec', () => {
  it('offers catalog items by scope, never unclassified ones', () => {
    expect(isVisibleIn('all', 'prod')).toBe(true);
    expect(isVisibleIn('test', 'test')).toBe(true);
    expect(isVisibleIn('test', 'prod')).toBe(false);
    expect(isVisibleIn('unclassified', 'test')).toBe(false);
  });

  it('derives the requested spec from the size and the targets', () => {
    const base = {
      serviceId: 'x',
      namespace: 'dev',
      templateId: 't',
      instanceSizeId: 's',
    };
    expect(requestedSpec(base, size)).toEqual({
      templateId: 't',
      instanceSizeId: 's',
      cpuCores: 2,
      cpuRequest: 1,
      memoryGi: 4,
      memoryRequestGi: 4,
      diskGb: 20,
    });
    expect(
      requestedSpec(
        { ...base, targetCpuCores: 4, targetMemoryGi: 8, targetDiskGb: 50 },
        size,
      ),
    ).toMatchObject({
      cpuCores: 4,
      cpuRequest: 2,
      memoryGi: 8,
      memoryRequestGi: 8,
      diskGb: 50,
    });
    expect(requestedSpec({ ...base, targetCpuCores: 0.5 }, size)).toMatchObject(
      {
        cpuCores: 0.5,
        cpuRequest: 0.5,
      },
    );
  });

  it('refuses replacements that drop required fields or touch forbidden ones', () => {
    const original = {
      templateId: 't',
      instanceSizeId: 's',
      cpuCores: 2,
      memoryGi: 4,
      diskGb: 20,
    };
    const { violations } = checkSpecReplacement(original, {
      templateId: 't',
      cpuCores: 2,
      memoryGi: 4,
      diskGb: 20,
      namespace: 'prod',
    });
    expect(violations.map(v => [v.code, v.field])).toEqual([
      ['FORBIDDEN_MODIFICATION', 'namespace'],
      ['MODIFIED_SPEC_INVALID', 'instanceSizeId'],
    ]);
  });

  it('refuses fields outside a VM spec, so that nothing else is stored with an approval', () => {
    const replacement = {
      templateId: 't',
      instanceSizeId: 's',
      cpuCores: 2,
      cpuRequest: 1,
      memoryGi: 4,
      memoryRequestGi: 4,
      diskGb: 20,
      storageClass: 'fast',
    };
    expect(checkSpecReplacement(replacement, replacement).violations).toEqual(
      [],
    );
    const { violations } = checkSpecReplacement(replacement, {
      ...replacement,
      note: 'approved by phone',
    });
    expect(violations.map(v => [v.code, v.field])).toEqual([
      ['FORBIDDEN_MODIFICATION', 'note'],
    ]);
  });

  it('reports the fields a replacement removes', () => {
    const original = { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, templateId: 't' };
    const { removedFields } = checkSpecReplacement(original, {
      f: 6,
      templateId: 't',
    });
    expect(removedFields).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('checks template, size and shape for the environment', () => {
    const spec = requestedSpec(
      {
        serviceId: 'x',
        namespace: 'dev',
        templateId: 't',
        instanceSizeId: 's',
      },
      size,
    );
    expect(checkEffectiveSpec(spec, template, size, 'test')).toEqual({
      violations: [],
      warnings: [],
    });
    const prod = checkEffectiveSpec(spec, template, size, 'prod');
    expect(prod.violations.map(v => v.code)).toEqual(['NOT_IN_CATALOG']);
    expect(prod.warnings.map(w => w.code)).toEqual(['OVERCOMMIT_IN_PROD']);

    const dedicated = checkEffectiveSpec(
      spec,
      template,
      { ...size, dedicatedCpu: true },
      'test',
    );
    expect(dedicated.violations.map(v => v.code)).toEqual([
      'DEDICATED_CPU_OVERCOMMIT',
    ]);

    const draft = checkEffectiveSpec(
      spec,
      { ...template, status: 'deprecated' },
      size,
      'test',
    );
    expect(draft.violations.map(v => v.code)).toEqual(['TEMPLATE_NOT_ACTIVE']);
  });
});

describe("checkEffectiveSpec and KubeVirt's admission rules", () => {
  const dedicated = {
    ...size,
    name: 'pinned',
    cpuRequest: 2,
    dedicatedCpu: true,
  } as ShepherdInstanceSize;
  const base = {
    serviceId: 'x',
    namespace: 'dev',
    templateId: 't',
    instanceSizeId: 's',
  };

  function violationsOf(
    spec: ReturnType<typeof requestedSpec>,
    options: {
      template?: Partial<ShepherdTemplate>;
      size?: Partial<ShepherdInstanceSize>;
    } = {},
  ) {
    return checkEffectiveSpec(
      spec,
      { ...template, ...options.template },
      { ...dedicated, ...options.size },
      'test',
    ).violations;
  }

  /** Which rules a spec breaks: the code and field of each violation. */
  function brokenRules(...args: Parameters<typeof violationsOf>) {
    return violationsOf(...args).map(v => [v.code, v.field]);
  }

  /** The requested spec with its CPU limit and request replaced. */
  function withCpu(cores: number) {
    return {
      ...requestedSpec(base, dedicated),
      cpuCores: cores,
      cpuRequest: cores,
    };
  }

  it('accepts a dedicated size as it is', () => {
    expect(violationsOf(requestedSpec(base, dedicated))).toEqual([]);
  });

  it('refuses a requester target of fractional dedicated cores', () => {
    const spec = requestedSpec({ ...base, targetCpuCores: 1.5 }, dedicated);
    expect(violationsOf(spec)).toEqual([
      {
        code: 'RESOURCE_STEP_INVALID',
        field: 'cpuRequest',
        message:
          "With the instance size 'pinned', dedicated CPUs need whole cores, but the CPU request is 1.5",
      },
      {
        code: 'RESOURCE_STEP_INVALID',
        field: 'cpuCores',
        message:
          "With the instance size 'pinned', dedicated CPUs need whole cores, but the CPU limit is 1.5",
      },
    ]);
  });

  it("refuses an approver's replacement that makes dedicated cores fractional", () => {
    expect(brokenRules(withCpu(2.5))).toEqual([
      ['RESOURCE_STEP_INVALID', 'cpuRequest'],
      ['RESOURCE_STEP_INVALID', 'cpuCores'],
    ]);
  });

  it('refuses memory that is not a whole number of hugepages', () => {
    const hugepages = {
      dedicatedCpu: false,
      requiresHugepages: true,
      hugepagesSize: '1Gi',
    };
    const spec = requestedSpec({ ...base, targetMemoryGi: 2.5 }, {
      ...dedicated,
      ...hugepages,
    } as ShepherdInstanceSize);
    const [violation] = violationsOf(spec, { size: hugepages });
    expect(violation).toMatchObject({
      code: 'RESOURCE_STEP_INVALID',
      field: 'memoryRequestGi',
      message: expect.stringMatching(
        /^With the instance size 'pinned', the memory request 2560Mi is not a multiple of the hugepages size 1Gi/,
      ),
    });
  });

  it("refuses a template whose cloud-init is over KubeVirt's inline limit", () => {
    const cloudInit = `#cloud-config\nruncmd: []\n#${'x'.repeat(2100)}`;
    const [violation] = violationsOf(requestedSpec(base, dedicated), {
      template: { cloudInit },
    });
    expect(violation).toEqual({
      code: 'CLOUD_INIT_INVALID',
      field: 'templateId',
      message: `The template 'fedora' cannot serve new VMs: the cloud-init user data has ${cloudInit.length} bytes; KubeVirt accepts at most 2048 bytes inline`,
    });
  });

  it('refuses spec overrides that KubeVirt would refuse with the spec', () => {
    const [running] = violationsOf(requestedSpec(base, dedicated), {
      size: { specOverrides: { 'spec.running': true } },
    });
    expect(running).toMatchObject({
      code: 'INVALID_SPEC_OVERRIDES',
      field: 'instanceSizeId',
      message: expect.stringMatching(
        /^The spec overrides of the instance size 'pinned' give a VM that KubeVirt refuses: spec\.running must not be set/,
      ),
    });

    const pinning = {
      dedicatedCpu: false,
      specOverrides: {
        'spec.template.spec.domain.cpu.dedicatedCpuPlacement': true,
      },
    };
    expect(
      violationsOf(requestedSpec(base, dedicated), { size: pinning }),
    ).toEqual([]);
    const fractional = requestedSpec({ ...base, targetCpuCores: 3.5 }, {
      ...dedicated,
      ...pinning,
    } as ShepherdInstanceSize);
    expect(brokenRules(fractional, { size: pinning })).toEqual([
      ['INVALID_SPEC_OVERRIDES', 'instanceSizeId'],
      ['INVALID_SPEC_OVERRIDES', 'instanceSizeId'],
    ]);
  });

  it('reports an invalid shape once, before any KubeVirt rule', () => {
    expect(brokenRules(withCpu(1.3))).toEqual([
      ['RESOURCE_STEP_INVALID', 'cpuCores'],
      ['RESOURCE_STEP_INVALID', 'cpuRequest'],
    ]);
  });
});
