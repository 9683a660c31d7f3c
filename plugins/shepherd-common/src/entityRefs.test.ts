import { normalizeEntityRef } from './entityRefs';

describe('normalizeEntityRef', () => {
  it('folds every part of a ref to lowercase', () => {
    expect(normalizeEntityRef('User:Default/Alice')).toBe('user:default/alice');
    expect(normalizeEntityRef('group:default/team-a')).toBe(
      'group:default/team-a',
    );
  });
});
