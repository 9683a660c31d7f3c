import { isDnsLabel, isDnsSubdomain } from './naming';

describe('Kubernetes names', () => {
  it.each([
    ['team-a', true, true],
    ['fast.ssd', false, true],
    ['a'.repeat(63), true, true],
    ['a'.repeat(64), false, true],
    ['a'.repeat(254), false, false],
    ['-edge', false, false],
    ['Upper', false, false],
    ['', false, false],
  ])('%s: label %p, subdomain %p', (name, label, subdomain) => {
    expect(isDnsLabel(name)).toBe(label);
    expect(isDnsSubdomain(name)).toBe(subdomain);
  });
});
