import {
  KubeVirtInputs,
  checkKubeVirtLimits,
  introducedFindings,
} from './kubevirtAdmission';

type SizeInputs = NonNullable<KubeVirtInputs['instanceSize']>;

const SHAPE = { cpuCores: 2, cpuRequest: 2, memoryGi: 4, memoryRequestGi: 4 };
const PLAIN: SizeInputs = {
  dedicatedCpu: false,
  requiresHugepages: false,
  specOverrides: {},
};

/** The findings of a size with its own shape, as [code, field] pairs. */
function findingsOf(
  size: Partial<SizeInputs>,
  shape: Partial<typeof SHAPE> = {},
) {
  return checkKubeVirtLimits({
    instanceSize: { ...PLAIN, ...size },
    shape: { ...SHAPE, ...shape },
  });
}

function codesOf(findings: ReturnType<typeof checkKubeVirtLimits>) {
  return findings.map(finding => [finding.code, finding.field]);
}

const header = '#cloud-config\nruncmd: []\n# ';
/** cloud-config user data of exactly `bytes` bytes of UTF-8, padded with `fill`. */
function cloudInitOf(bytes: number, fill = 'x') {
  const fillBytes = Buffer.byteLength(fill, 'utf8');
  const padding = bytes - header.length;
  return `${header}${fill.repeat(Math.floor(padding / fillBytes))}${'x'.repeat(
    padding % fillBytes,
  )}`;
}

describe('checkKubeVirtLimits', () => {
  it('accepts what KubeVirt admits', () => {
    expect(findingsOf({})).toEqual([]);
    expect(findingsOf({ dedicatedCpu: true })).toEqual([]);
    expect(
      findingsOf({}, { cpuCores: 1.5, cpuRequest: 0.5, memoryRequestGi: 2.5 }),
    ).toEqual([]);
    expect(
      findingsOf(
        { requiresHugepages: true, hugepagesSize: '2Mi' },
        { memoryGi: 0.5, memoryRequestGi: 0.5 },
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        { requiresHugepages: true, hugepagesSize: '1Gi' },
        { memoryGi: 4, memoryRequestGi: 3 },
      ),
    ).toEqual([]);
    expect(checkKubeVirtLimits({})).toEqual([]);
    expect(checkKubeVirtLimits({ cloudInit: cloudInitOf(2048) })).toEqual([]);
  });

  describe('cloud-init', () => {
    it('refuses inline user data over 2048 bytes, counted in UTF-8', () => {
      expect(cloudInitOf(2049)).toHaveLength(2049);
      const [finding] = checkKubeVirtLimits({ cloudInit: cloudInitOf(2049) });
      expect(finding).toEqual({
        code: 'CLOUD_INIT_INVALID',
        field: 'cloudInit',
        rule: 'cloudInitUserDataSize',
        message:
          'The cloud-init user data has 2049 bytes; KubeVirt accepts at most 2048 bytes inline',
        detail:
          'the cloud-init user data has 2049 bytes; KubeVirt accepts at most 2048 bytes inline',
      });

      // 1,300 characters, 2,500 bytes: the limit is KubeVirt's, in bytes.
      const multiByte = cloudInitOf(2500, 'é');
      expect(multiByte.length).toBeLessThan(2048);
      expect(
        checkKubeVirtLimits({ cloudInit: multiByte }).map(f => f.message),
      ).toEqual([
        'The cloud-init user data has 2500 bytes; KubeVirt accepts at most 2048 bytes inline',
      ]);
      expect(
        checkKubeVirtLimits({ cloudInit: cloudInitOf(2048, '€') }),
      ).toEqual([]);
    });
  });

  describe('dedicated CPUs', () => {
    it('need whole cores (RESOURCE_STEP_INVALID)', () => {
      const findings = findingsOf(
        { dedicatedCpu: true },
        { cpuCores: 1.5, cpuRequest: 1.5 },
      );
      expect(codesOf(findings)).toEqual([
        ['RESOURCE_STEP_INVALID', 'cpuRequest'],
        ['RESOURCE_STEP_INVALID', 'cpuCores'],
      ]);
      expect(findings[1].message).toBe(
        'Dedicated CPUs need whole cores, but the CPU limit is 1.5',
      );
      expect(
        codesOf(findingsOf({}, { cpuCores: 1.5, cpuRequest: 1.5 })),
      ).toEqual([]);
    });

    it('need requests equal to limits (DEDICATED_CPU_OVERCOMMIT)', () => {
      expect(
        codesOf(findingsOf({ dedicatedCpu: true }, { cpuRequest: 1 })),
      ).toEqual([['DEDICATED_CPU_OVERCOMMIT', 'cpuRequest']]);
      const [memory] = findingsOf(
        { dedicatedCpu: true },
        { memoryRequestGi: 2 },
      );
      expect(memory).toMatchObject({
        code: 'DEDICATED_CPU_OVERCOMMIT',
        field: 'memoryRequestGi',
        message:
          'Dedicated CPUs need the memory request to equal the limit, got 2Gi and 4Gi',
      });
    });
  });

  describe('hugepages', () => {
    it('need the memory request in whole pages (RESOURCE_STEP_INVALID)', () => {
      const hugepages = { requiresHugepages: true, hugepagesSize: '1Gi' };
      const [notMultiple] = findingsOf(hugepages, {
        memoryGi: 2.5,
        memoryRequestGi: 2.5,
      });
      expect(notMultiple).toMatchObject({
        code: 'RESOURCE_STEP_INVALID',
        field: 'memoryRequestGi',
        message:
          'The memory request 2560Mi is not a multiple of the hugepages size 1Gi; KubeVirt backs memory with whole hugepages',
      });
      const [smaller] = findingsOf(hugepages, {
        memoryGi: 0.5,
        memoryRequestGi: 0.5,
      });
      expect(smaller.message).toBe(
        'The memory request 512Mi is smaller than the hugepages size 1Gi; KubeVirt backs memory with whole hugepages',
      );
      expect(
        codesOf(findingsOf(hugepages, { memoryGi: 4, memoryRequestGi: 2.5 })),
      ).toEqual([['RESOURCE_STEP_INVALID', 'memoryRequestGi']]);
    });

    it('need a page size that is a quantity (VALIDATION_FAILED)', () => {
      expect(
        codesOf(findingsOf({ requiresHugepages: true, hugepagesSize: 'huge' })),
      ).toEqual([['VALIDATION_FAILED', 'hugepagesSize']]);
    });
  });

  describe('spec overrides', () => {
    it.each([true, false])('refuse spec.running: %p', running => {
      const [finding] = findingsOf({
        specOverrides: { 'spec.running': running },
      });
      expect(finding).toMatchObject({
        code: 'INVALID_SPEC_OVERRIDES',
        field: 'specOverrides',
        message:
          'The spec overrides give a VM that KubeVirt refuses: spec.running must not be set: Shepherd sets spec.runStrategy, and KubeVirt refuses both together',
      });
    });

    it.each([
      [
        'dedicated CPUs on fractional cores',
        { 'spec.template.spec.domain.cpu.dedicatedCpuPlacement': true },
        { cpuCores: 1.5, cpuRequest: 1.5 },
      ],
      [
        'dedicated CPUs from a shorter path, merged leaf by leaf',
        {
          'spec.template.spec.domain': { cpu: { dedicatedCpuPlacement: true } },
        },
        { cpuCores: 2, cpuRequest: 1 },
      ],
      [
        'a CPU request below the limit with dedicated CPUs',
        { 'spec.template.spec.domain.resources.requests.cpu': '1' },
        {},
        { dedicatedCpu: true },
      ],
      [
        'a fractional CPU limit with dedicated CPUs',
        { 'spec.template.spec.domain.resources': { limits: { cpu: '2500m' } } },
        {},
        { dedicatedCpu: true },
      ],
      [
        'hugepages that do not divide the memory',
        { 'spec.template.spec.domain.memory.hugepages.pageSize': '1Gi' },
        { memoryGi: 2.5, memoryRequestGi: 2.5 },
      ],
    ])(
      'answer INVALID_SPEC_OVERRIDES for %s',
      (_what, specOverrides, shape, size: Partial<SizeInputs> = {}) => {
        const findings = findingsOf({ ...size, specOverrides }, shape);
        expect(findings.length).toBeGreaterThan(0);
        expect(codesOf(findings)).toEqual(
          findings.map(() => ['INVALID_SPEC_OVERRIDES', 'specOverrides']),
        );
        expect(findings[0].message).toMatch(
          /^The spec overrides give a VM that KubeVirt refuses: /,
        );
      },
    );

    it('may also repair what the shape alone would break', () => {
      expect(
        findingsOf(
          {
            dedicatedCpu: true,
            specOverrides: {
              'spec.template.spec.domain.resources': {
                requests: { cpu: '2' },
                limits: { cpu: '2' },
              },
            },
          },
          { cpuCores: 1.5, cpuRequest: 1.5 },
        ),
      ).toEqual([]);
    });

    it('keep the code of the shape for what the shape breaks anyway', () => {
      expect(
        codesOf(
          findingsOf(
            {
              dedicatedCpu: true,
              specOverrides: { 'spec.template.spec.domain.cpu.model': 'host' },
            },
            { cpuCores: 1.5, cpuRequest: 1.5 },
          ),
        ),
      ).toEqual([
        ['RESOURCE_STEP_INVALID', 'cpuRequest'],
        ['RESOURCE_STEP_INVALID', 'cpuCores'],
      ]);
    });

    it('leave the size as it was', () => {
      const specOverrides = {
        'spec.template.spec.domain.cpu': { model: 'host' },
        'spec.template.spec.domain.cpu.dedicatedCpuPlacement': true,
        'spec.template.spec.x': { a: 1 },
        'spec.template.spec.x.b': 2,
      };
      const copy = structuredClone(specOverrides);
      findingsOf({ specOverrides });
      expect(specOverrides).toEqual(copy);
    });
  });

  it('finds what a change introduces, by message', () => {
    const legacy = findingsOf(
      { dedicatedCpu: true },
      { cpuCores: 1.5, cpuRequest: 1.5 },
    );
    expect(introducedFindings(legacy, legacy)).toEqual([]);
    const worse = findingsOf(
      { dedicatedCpu: true },
      { cpuCores: 2.5, cpuRequest: 2.5 },
    );
    expect(introducedFindings(legacy, worse)).toEqual(worse);
    expect(introducedFindings([], legacy)).toEqual(legacy);
  });
});
