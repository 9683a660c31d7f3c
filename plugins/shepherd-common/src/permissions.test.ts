import { isResourcePermission } from '@backstage/plugin-permission-common';
import { SHEPHERD_RESOURCE_TYPES, shepherdPermissions } from './permissions';

describe('shepherdPermissions', () => {
  it('names every permission shepherd.<resource>.<verb> without duplicates', () => {
    const names = shepherdPermissions.map(p => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(/^shepherd\.[a-z]+(\.[a-z]+)+$/);
    }
  });

  it('uses only the declared resource types', () => {
    const declared: string[] = Object.values(SHEPHERD_RESOURCE_TYPES);
    const used = shepherdPermissions
      .filter(permission => isResourcePermission(permission))
      .map(permission => (permission as { resourceType: string }).resourceType);
    expect(used.length).toBeGreaterThan(0);
    expect(declared).toEqual(expect.arrayContaining([...new Set(used)]));
    expect(new Set(used).size).toBe(declared.length);
  });
});
