import {
  KUBEVIRT_CLOUD_INIT_USER_DATA_MAX_BYTES,
  KubeVirtAdmissionSubject,
  checkKubeVirtAdmission,
  cpuQuantity,
  memoryQuantity,
  parseKubernetesQuantity,
  utf8ByteLength,
} from './kubevirtLimits';

type Domain = NonNullable<
  NonNullable<
    NonNullable<KubeVirtAdmissionSubject['spec']['template']>['spec']
  >['domain']
>;

/** A VirtualMachine as the KubeVirt provider renders it, with the parts the rules read. */
function vm(
  domain: Domain = {},
  extra: { running?: boolean; userData?: string } = {},
) {
  return {
    spec: {
      runStrategy: 'Always',
      ...(extra.running !== undefined && { running: extra.running }),
      template: {
        spec: {
          domain: {
            cpu: {},
            resources: {
              requests: { cpu: '2', memory: '4Gi' },
              limits: { cpu: '2', memory: '4Gi' },
            },
            ...domain,
          },
          volumes: [
            { name: 'rootdisk', containerDisk: { image: 'fedora' } },
            ...(extra.userData !== undefined
              ? [
                  {
                    name: 'cloudinitdisk',
                    cloudInitNoCloud: { userData: extra.userData },
                  },
                ]
              : []),
          ],
        },
      },
    },
  };
}

function resources(cpu: [string, string], memory: [string, string]) {
  return {
    resources: {
      requests: { cpu: cpu[0], memory: memory[0] },
      limits: { cpu: cpu[1], memory: memory[1] },
    },
  };
}

describe('kubevirtLimits', () => {
  it('reads and writes Kubernetes quantities', () => {
    expect(parseKubernetesQuantity('1500m')).toBe(1.5);
    expect(parseKubernetesQuantity('2Gi')).toBe(2 ** 31);
    expect(parseKubernetesQuantity('2560Mi')).toBe(2.5 * 2 ** 30);
    expect(parseKubernetesQuantity('1e3')).toBe(1000);
    expect(parseKubernetesQuantity(3)).toBe(3);
    expect(parseKubernetesQuantity('500m')).toBe(0.5);
    expect(parseKubernetesQuantity('512Mi')).toBe(2 ** 29);
    expect(parseKubernetesQuantity('1k')).toBe(1000);
    expect(parseKubernetesQuantity('1.5Gi')).toBe(1.5 * 2 ** 30);
    expect(parseKubernetesQuantity(' 2 ')).toBe(2);
    expect(parseKubernetesQuantity('huge')).toBeUndefined();
    expect(parseKubernetesQuantity('1Xi')).toBeUndefined();
    expect(parseKubernetesQuantity(true)).toBeUndefined();
    expect(parseKubernetesQuantity(undefined)).toBeUndefined();
    expect(cpuQuantity(2)).toBe('2');
    expect(cpuQuantity(1.5)).toBe('1500m');
    expect(memoryQuantity(4)).toBe('4Gi');
    expect(memoryQuantity(0.5)).toBe('512Mi');
    expect(utf8ByteLength('aé€😀')).toBe(1 + 2 + 3 + 4);
  });

  it('admits a plain VM', () => {
    expect(checkKubeVirtAdmission(vm())).toEqual([]);
    expect(
      checkKubeVirtAdmission(
        vm({
          cpu: { dedicatedCpuPlacement: true },
          memory: { hugepages: { pageSize: '1Gi' } },
        }),
      ),
    ).toEqual([]);
  });

  it('refuses spec.running next to the run strategy', () => {
    expect(checkKubeVirtAdmission(vm({}, { running: false }))).toEqual([
      {
        rule: 'runningWithRunStrategy',
        path: 'spec.running',
        message:
          'spec.running must not be set: Shepherd sets spec.runStrategy, and KubeVirt refuses both together',
      },
    ]);
  });

  it('refuses dedicated CPUs on fractional cores or with requests below limits', () => {
    const dedicated = { cpu: { dedicatedCpuPlacement: true } };
    expect(
      checkKubeVirtAdmission(
        vm({ ...dedicated, ...resources(['1500m', '1500m'], ['4Gi', '4Gi']) }),
      ).map(v => [v.rule, v.path, v.message]),
    ).toEqual([
      [
        'dedicatedCpuWholeCores',
        'spec.template.spec.domain.resources.requests.cpu',
        'dedicated CPUs need whole cores, but the CPU request is 1.5',
      ],
      [
        'dedicatedCpuWholeCores',
        'spec.template.spec.domain.resources.limits.cpu',
        'dedicated CPUs need whole cores, but the CPU limit is 1.5',
      ],
    ]);
    expect(
      checkKubeVirtAdmission(
        vm({ ...dedicated, ...resources(['1', '2'], ['2Gi', '4Gi']) }),
      ).map(v => v.message),
    ).toEqual([
      'dedicated CPUs need the CPU request to equal the limit, got 1 and 2',
      'dedicated CPUs need the memory request to equal the limit, got 2Gi and 4Gi',
    ]);
    // Without dedicated placement, fractions and overcommit are fine.
    expect(
      checkKubeVirtAdmission(vm(resources(['500m', '1500m'], ['2Gi', '4Gi']))),
    ).toEqual([]);
  });

  it.each([
    ['2560Mi', '1Gi', 'is not a multiple of the hugepages size 1Gi'],
    ['512Mi', '1Gi', 'is smaller than the hugepages size 1Gi'],
    ['1Gi', 'huge', undefined],
  ])(
    'refuses a memory request of %s with hugepages of %s',
    (memory, pageSize, words) => {
      const [violation] = checkKubeVirtAdmission(
        vm({
          memory: { hugepages: { pageSize } },
          ...resources(['2', '2'], [memory, '4Gi']),
        }),
      );
      expect(violation.rule).toBe('hugepagesMemoryMultiple');
      expect(violation.message).toContain(
        words ?? "the hugepages size 'huge' is not a quantity",
      );
    },
  );

  it('refuses inline cloud-init user data over 2048 bytes of UTF-8', () => {
    expect(KUBEVIRT_CLOUD_INIT_USER_DATA_MAX_BYTES).toBe(2048);
    expect(
      checkKubeVirtAdmission(vm({}, { userData: 'x'.repeat(2048) })),
    ).toEqual([]);
    expect(
      checkKubeVirtAdmission(vm({}, { userData: 'é'.repeat(1025) })),
    ).toEqual([
      {
        rule: 'cloudInitUserDataSize',
        path: 'spec.template.spec.volumes.1.cloudInitNoCloud.userData',
        message:
          'the cloud-init user data has 2050 bytes; KubeVirt accepts at most 2048 bytes inline',
      },
    ]);
  });

  it('reads objects that spec overrides bent out of shape without throwing', () => {
    expect(
      checkKubeVirtAdmission({
        spec: { template: { spec: 'x' as any } },
      }),
    ).toEqual([]);
    expect(
      checkKubeVirtAdmission({
        spec: {
          template: {
            spec: {
              domain: {
                cpu: { dedicatedCpuPlacement: true },
                resources: 'x' as any,
              },
              volumes: 'x' as any,
            },
          },
        },
      }),
    ).toEqual([]);
  });
});
