import {
  formatCpu,
  formatEntityRef,
  formatMemory,
  withRequest,
} from './format';

describe('formatting', () => {
  it('names CPU and memory in the API’s units', () => {
    expect(formatCpu(1)).toBe('1 core');
    expect(formatCpu(2.5)).toBe('2.5 cores');
    expect(formatMemory(0.5)).toBe('0.5 GiB');
    expect(withRequest('2 cores', '1', true)).toBe('2 cores (request 1)');
    expect(withRequest('2 cores', '2', false)).toBe('2 cores');
  });

  it('shortens entity refs', () => {
    expect(formatEntityRef('user:default/engineer-test')).toBe('engineer-test');
    expect(formatEntityRef('group:ops/admins')).toBe('ops/admins');
    expect(formatEntityRef('service:shepherd')).toBe('service:shepherd');
    expect(formatEntityRef(undefined)).toBe('—');
  });
});
