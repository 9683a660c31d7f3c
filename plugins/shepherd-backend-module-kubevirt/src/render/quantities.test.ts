import { parseKubernetesQuantity } from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  QuantityError,
  formatCpu,
  formatDisk,
  formatMemory,
  quantityToGib,
  wholeCores,
} from './quantities';

describe('quantities', () => {
  it.each([
    [0.5, '500m'],
    [1, '1'],
    [1.5, '1500m'],
    [2, '2'],
    [16, '16'],
  ])('formats %p cores as %p', (cores, expected) => {
    expect(formatCpu(cores)).toBe(expected);
  });

  it.each([
    [0.5, '512Mi'],
    [1, '1Gi'],
    [1.5, '1536Mi'],
    [2.5, '2560Mi'],
    [64, '64Gi'],
  ])('formats %p GiB of memory as %p', (gib, expected) => {
    expect(formatMemory(gib)).toBe(expected);
  });

  it('formats disks in whole GiB', () => {
    expect(formatDisk(20)).toBe('20Gi');
    expect(() => formatDisk(20.5)).toThrow(QuantityError);
    expect(() => formatDisk(0)).toThrow(QuantityError);
  });

  it.each([0, -1, 0.3, 1.25, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects %p as CPU or memory',
    value => {
      expect(() => formatCpu(value)).toThrow(QuantityError);
      expect(() => formatMemory(value)).toThrow(QuantityError);
    },
  );

  it('rounds CPU limits up to whole cores for the topology', () => {
    expect(wholeCores(0.5)).toBe(1);
    expect(wholeCores(1.5)).toBe(2);
    expect(wholeCores(2)).toBe(2);
  });

  it('reads what it writes', () => {
    for (const cores of [0.5, 1, 1.5, 7.5]) {
      expect(parseKubernetesQuantity(formatCpu(cores))).toBe(cores);
    }
    for (const gib of [0.5, 1, 2.5, 32]) {
      expect(quantityToGib(formatMemory(gib))).toBe(gib);
    }
  });

  it('answers undefined for GiB of what is not a quantity', () => {
    expect(quantityToGib('lots')).toBeUndefined();
    expect(quantityToGib('1Xi')).toBeUndefined();
    expect(quantityToGib(undefined)).toBeUndefined();
    expect(quantityToGib('20Gi')).toBe(20);
  });
});
