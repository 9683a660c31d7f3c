import { KUBEVIRT_CLOUD_INIT_USER_DATA_MAX_BYTES } from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  cloudInitProblem,
  cloudInitSize,
  sourceProblems,
} from './templateRules';

describe('template rules', () => {
  it('counts cloud-init in bytes of UTF-8 against KubeVirt’s limit', () => {
    const header = '#cloud-config\n';
    const atLimit = header + 'a'.repeat(2048 - header.length);
    expect(cloudInitSize(atLimit)).toEqual({
      bytes: 2048,
      maxBytes: KUBEVIRT_CLOUD_INIT_USER_DATA_MAX_BYTES,
      over: false,
    });
    expect(cloudInitProblem(atLimit)).toBeUndefined();
    expect(cloudInitProblem(`${atLimit.slice(0, -1)}é`)).toMatch(
      /^The cloud-init user data has 2049 bytes.*\(Code: CLOUD_INIT_INVALID\)/,
    );
  });

  it('needs the #cloud-config header, and nothing for no cloud-init', () => {
    expect(cloudInitProblem('')).toBeUndefined();
    expect(cloudInitProblem('packages: [vim]')).toMatch(
      /must start with the line '#cloud-config'/,
    );
  });

  it('asks each source type for its own fields', () => {
    const empty = { imageUrl: '', pvcName: '', pvcNamespace: '' };
    expect(
      sourceProblems({
        ...empty,
        sourceType: 'containerdisk',
        imageUrl: 'https://quay.io/x',
      }).imageUrl,
    ).toMatch(/no scheme/);
    expect(
      sourceProblems({
        ...empty,
        sourceType: 'cdi_image_import',
        imageUrl: 'quay.io/x',
      }).imageUrl,
    ).toMatch(/http\(s\) URL/);
    expect(
      sourceProblems({
        ...empty,
        sourceType: 'cdi_image_import',
        imageUrl: 'https://images.example.com/fedora.qcow2',
      }),
    ).toEqual({});
    expect(
      sourceProblems({
        ...empty,
        sourceType: 'cdi_pvc_clone',
        pvcName: 'rhel-9',
        pvcNamespace: 'golden-images',
      }),
    ).toEqual({ pvcName: undefined, pvcNamespace: undefined });
  });
});
