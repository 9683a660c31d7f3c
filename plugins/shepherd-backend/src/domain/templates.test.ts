import { checkTemplateSource, hardwareFields } from './templates';

describe('template rules', () => {
  it('finds hardware fields in any spelling', () => {
    expect(
      hardwareFields({
        name: 'x',
        cpuCores: 2,
        memory_gi: 4,
        diskGb: 10,
        gpus: [],
        hugepagesSize: '2Mi',
        instanceSizeId: 'x',
        imageUrl: 'y',
      }),
    ).toEqual([
      'cpuCores',
      'memory_gi',
      'diskGb',
      'gpus',
      'hugepagesSize',
      'instanceSizeId',
    ]);
  });

  it.each([
    {
      sourceType: 'containerdisk',
      imageUrl: 'quay.io/containerdisks/fedora:40',
    },
    { sourceType: 'containerdisk', imageUrl: 'registry.local:5000/os/rhel9' },
    {
      sourceType: 'containerdisk',
      imageUrl: `quay.io/x/y@sha256:${'a'.repeat(64)}`,
    },
    {
      sourceType: 'cdi_image_import',
      imageUrl: 'https://cloud.example.com/images/fedora.qcow2',
    },
    { sourceType: 'cdi_image_import', imageUrl: 'http://mirror/os.img' },
    {
      sourceType: 'cdi_pvc_clone',
      pvcName: 'golden-rhel9.v2',
      pvcNamespace: 'os-images',
    },
  ] as const)('accepts %p', source => {
    expect(checkTemplateSource(source)).toEqual([]);
  });

  it.each([
    [{ sourceType: 'containerdisk' }, /container image reference/],
    [
      { sourceType: 'containerdisk', imageUrl: 'docker://quay.io/x:1' },
      /container image reference/,
    ],
    [
      { sourceType: 'containerdisk', imageUrl: 'Quay.io/UPPER/case' },
      /container image reference/,
    ],
    [
      { sourceType: 'cdi_image_import', imageUrl: 'ftp://host/os.img' },
      /http\(s\) URL/,
    ],
    [
      { sourceType: 'cdi_image_import', imageUrl: 'quay.io/x:1' },
      /http\(s\) URL/,
    ],
    [{ sourceType: 'cdi_pvc_clone', pvcName: 'golden' }, /pvcNamespace/],
    [
      {
        sourceType: 'cdi_pvc_clone',
        pvcName: 'golden',
        pvcNamespace: 'os',
        imageUrl: 'https://x/y',
      },
      /not imageUrl/,
    ],
    [
      {
        sourceType: 'containerdisk',
        imageUrl: 'quay.io/x:1',
        pvcName: 'golden',
      },
      /not a PVC/,
    ],
  ] as const)('refuses %p', (source, problem) => {
    expect(checkTemplateSource(source)).toContainEqual(
      expect.stringMatching(problem),
    );
  });
});
