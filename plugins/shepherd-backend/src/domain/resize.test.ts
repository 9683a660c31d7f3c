import { VmSpec } from '@kubevirt-shepherd/plugin-shepherd-common';
import { modifiedVmSpec, resizeOf } from './vmSpec';

const CURRENT: VmSpec = {
  templateId: 't',
  instanceSizeId: 's',
  cpuCores: 2,
  cpuRequest: 1,
  memoryGi: 4,
  memoryRequestGi: 2,
  diskGb: 20,
};

describe('the resize of a modification', () => {
  it('carries only what changes', () => {
    expect(resizeOf(CURRENT, CURRENT)).toEqual({});
    expect(
      resizeOf(CURRENT, modifiedVmSpec(CURRENT, { targetCpuCores: 4 })),
    ).toEqual({ cpuCores: 4, cpuRequest: expect.any(Number) });
    expect(
      resizeOf(CURRENT, modifiedVmSpec(CURRENT, { targetMemoryGi: 8 })),
    ).toEqual({ memoryGi: 8, memoryRequestGi: expect.any(Number) });
    expect(
      resizeOf(CURRENT, modifiedVmSpec(CURRENT, { targetDiskGb: 40 })),
    ).toEqual({ diskGb: 40 });
  });
});
