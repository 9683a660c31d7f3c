import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  SHEPHERD_RESOURCE_TYPES,
  shepherdPermissions,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { shepherdPermissionRules } from '@kubevirt-shepherd/plugin-shepherd-node';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ShepherdPermissionPolicy } from './ShepherdPermissionPolicy';

/*
 * docs/permissions.md lists every permission, every rule and what each role of the policy
 * gets. These tests keep its tables in step with the code.
 */

const DOC = readFileSync(
  join(__dirname, '..', '..', '..', 'docs', 'permissions.md'),
  'utf8',
);

/** The body rows of the first markdown table whose header starts with `header`, cell by cell. */
function tableRows(header: string): string[][] {
  const lines = DOC.split('\n');
  const start = lines.findIndex(line => line.startsWith(header));
  expect(start).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        // Cells are separated by pipes that are not escaped (`\|` is a pipe in a cell).
        .split(/(?<!\\)\|/)
        .map(cell => cell.trim()),
    );
  }
  return rows;
}

const code = (cell: string) => cell.replace(/^`|`$/g, '');
const RESOURCE_TYPE_KEYS = Object.fromEntries(
  Object.entries(SHEPHERD_RESOURCE_TYPES).map(([key, type]) => [type, key]),
);

describe('docs/permissions.md', () => {
  it('lists every permission with its resource type', () => {
    const documented = tableRows('| Permission ').map(
      ([name, resourceType]) => [code(name), code(resourceType)],
    );
    expect(documented.sort()).toEqual(
      shepherdPermissions
        .map(permission => [
          permission.name,
          isResourcePermission(permission) ? permission.resourceType : '–',
        ])
        .sort(),
    );
  });

  it('lists every rule with the resource types that have it', () => {
    const documented = tableRows('| Rule ').map(([name, types]) => [
      code(name),
      types
        .split(',')
        .map(type => type.trim())
        .sort()
        .join(', '),
    ]);
    const byRule = new Map<string, string[]>();
    for (const [key, rules] of Object.entries(shepherdPermissionRules)) {
      for (const rule of Object.values(rules)) {
        byRule.set(rule.name, [...(byRule.get(rule.name) ?? []), key]);
        expect(RESOURCE_TYPE_KEYS[rule.resourceType]).toBe(key);
      }
    }
    expect(documented.sort()).toEqual(
      [...byRule].map(([name, keys]) => [name, keys.sort().join(', ')]).sort(),
    );
  });

  it('says what each role of the policy gets, as the policy decides', async () => {
    const ROLE_GROUPS = {
      'Platform admin': 'group:default/admins',
      Approver: 'group:default/approvers',
      Engineer: 'group:default/engineers',
      Viewer: 'group:default/viewers',
    };
    const policy = new ShepherdPermissionPolicy({
      config: {
        roles: {
          platformAdmins: [ROLE_GROUPS['Platform admin']],
          approvers: [ROLE_GROUPS.Approver],
          engineers: [{ refs: [ROLE_GROUPS.Engineer], environments: ['test'] }],
          viewers: [ROLE_GROUPS.Viewer],
        },
        defaultDecision: 'deny',
      },
      userInfo: {
        getUserInfo: async credentials => {
          const ref = (credentials.principal as { userEntityRef: string })
            .userEntityRef;
          const group = ref.replace('user:default/', 'group:default/');
          return { userEntityRef: ref, ownershipEntityRefs: [ref, group] };
        },
      },
    });

    const roleHeader = DOC.split('\n').find(line =>
      /^\| Permission +\| Platform admin +\| Approver +\| Engineer +\| Viewer +\|$/.test(
        line,
      ),
    );
    expect(roleHeader).toBeDefined();
    const rows = tableRows(roleHeader!);
    expect(rows.map(([name]) => code(name)).sort()).toEqual(
      shepherdPermissions.map(p => p.name).sort(),
    );

    /** ✓ is allowed, – denied, and any other text a condition on the resource. */
    const documentedResult = (cell: string) => {
      if (cell.startsWith('✓')) return AuthorizeResult.ALLOW;
      if (cell === '–') return AuthorizeResult.DENY;
      return AuthorizeResult.CONDITIONAL;
    };
    const roles = Object.keys(ROLE_GROUPS) as Array<keyof typeof ROLE_GROUPS>;
    const documented: Record<string, string[]> = {};
    const decided: Record<string, string[]> = {};
    for (const [name, ...cells] of rows) {
      const permission = shepherdPermissions.find(p => p.name === code(name))!;
      documented[permission.name] = cells.map(documentedResult);
      decided[permission.name] = await Promise.all(
        roles.map(async role => {
          const userEntityRef = ROLE_GROUPS[role].replace(
            'group:default/',
            'user:default/',
          );
          const decision = await policy.handle(
            { permission },
            {
              credentials: mockCredentials.user(userEntityRef),
              info: { userEntityRef, ownershipEntityRefs: [] },
            },
          );
          return decision.result;
        }),
      );
    }
    expect(documented).toEqual(decided);
  });
});
