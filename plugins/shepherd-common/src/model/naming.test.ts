import {
  DISAMBIGUATED_VM_NAME_MAX_LENGTH,
  buildVmName,
  isDnsLabel,
  isDnsSubdomain,
  vmNameMaxLength,
} from './naming';

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

describe('VM names', () => {
  it('follow the upstream profile {namespace}-{system}-{service}-{NN}', () => {
    expect(
      buildVmName({
        namespace: 'dev',
        system: 'shop',
        service: 'cart',
        index: 3,
      }),
    ).toBe('dev-shop-cart-03');
  });

  it('set a disambiguator apart with a double dash, which no plain name holds', () => {
    const plain = buildVmName({
      namespace: 'dev',
      system: 'a-b',
      service: 'c',
      index: 1,
    });
    const alike = buildVmName({
      namespace: 'dev',
      system: 'a',
      service: 'b-c',
      index: 1,
      disambiguator: '3f9a1c',
    });
    expect(plain).toBe('dev-a-b-c-01');
    expect(alike).toBe('dev-a-b-c--3f9a1c-01');
    expect(isDnsLabel(alike)).toBe(true);
  });

  it('stay DNS labels at their longest', () => {
    const longest = buildVmName({
      namespace: 'n'.repeat(15),
      system: 's'.repeat(15),
      service: 'v'.repeat(15),
      index: 99,
      disambiguator: 'abcdef',
    });
    expect(longest.length).toBe(DISAMBIGUATED_VM_NAME_MAX_LENGTH);
    expect(vmNameMaxLength(true)).toBe(58);
    expect(vmNameMaxLength(false)).toBe(50);
    expect(isDnsLabel(longest)).toBe(true);
  });
});
