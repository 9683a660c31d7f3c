import { normalizeEntityRef, sameEntityRef } from './entityRefs';

describe('normalizeEntityRef', () => {
  it('folds every part of a ref to lowercase', () => {
    expect(normalizeEntityRef('User:Default/Alice')).toBe('user:default/alice');
    expect(normalizeEntityRef('group:default/team-a')).toBe(
      'group:default/team-a',
    );
  });
});

describe('sameEntityRef', () => {
  it('takes refs that differ only in case for the same entity', () => {
    expect(sameEntityRef('user:default/Alice', 'user:default/alice')).toBe(
      true,
    );
    expect(sameEntityRef('User:Default/ALICE', 'user:default/alice')).toBe(
      true,
    );
  });

  it('tells different entities apart', () => {
    expect(sameEntityRef('user:default/alice', 'user:default/alicia')).toBe(
      false,
    );
    expect(sameEntityRef('user:default/alice', 'group:default/alice')).toBe(
      false,
    );
  });
});
