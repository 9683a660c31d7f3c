import { ConfigReader } from '@backstage/config';
import { readShepherdPolicyConfig } from './config';

function read(shepherd: unknown) {
  return readShepherdPolicyConfig(
    new ConfigReader({ permission: { enabled: true, shepherd } } as any),
  );
}

describe('readShepherdPolicyConfig', () => {
  it('reads the roles, with refs in their full lower-case form', () => {
    expect(
      read({
        roles: {
          platformAdmins: ['group:default/platform-team'],
          approvers: ['group:Approvers', 'user:default/avery'],
          engineers: [
            { refs: ['group:engineers-test'], environments: ['test'] },
            {
              refs: ['group:default/engineers-prod'],
              environments: ['test', 'prod', 'test'],
            },
          ],
          viewers: ['group:ops/auditors'],
        },
        defaultDecision: 'deny',
      }),
    ).toEqual({
      roles: {
        platformAdmins: ['group:default/platform-team'],
        approvers: ['group:default/approvers', 'user:default/avery'],
        engineers: [
          { refs: ['group:default/engineers-test'], environments: ['test'] },
          {
            refs: ['group:default/engineers-prod'],
            environments: ['test', 'prod'],
          },
        ],
        viewers: ['group:ops/auditors'],
      },
      defaultDecision: 'deny',
    });
  });

  it('gives nobody a role and allows other plugins when nothing is configured', () => {
    const none = {
      roles: { platformAdmins: [], approvers: [], engineers: [], viewers: [] },
      defaultDecision: 'allow',
    };
    expect(readShepherdPolicyConfig(new ConfigReader({}))).toEqual(none);
    expect(read({})).toEqual(none);
    expect(read({ roles: {} })).toEqual(none);
    expect(read({ roles: { approvers: ['group:default/a'] } })).toEqual({
      ...none,
      roles: { ...none.roles, approvers: ['group:default/a'] },
    });
  });

  it.each([
    [{ role: {} }, "Unknown key 'role' in permission.shepherd"],
    [
      { roles: { platformAdmin: ['group:default/x'] } },
      "Unknown key 'platformAdmin' in permission.shepherd.roles; expected 'platformAdmins', 'approvers', 'engineers', 'viewers'",
    ],
    [
      { roles: { approvers: ['platform-team'] } },
      "permission.shepherd.roles.approvers[0]: 'platform-team' is not an entity ref; write it as group:default/<name> or user:default/<name>",
    ],
    [
      { roles: { viewers: ['group:default/a', 'component:default/b'] } },
      "permission.shepherd.roles.viewers[1]: 'component:default/b' is a component, but roles are given to Users and Groups",
    ],
    [
      { roles: { approvers: 'group:default/approvers' } },
      "Invalid type in config for key 'permission.shepherd.roles.approvers'",
    ],
    [
      { roles: { engineers: [{ refs: ['group:default/e'] }] } },
      'permission.shepherd.roles.engineers[0].environments is missing; list the environments these engineers work in (test, prod)',
    ],
    [
      {
        roles: {
          engineers: [{ refs: ['group:default/e'], environments: [] }],
        },
      },
      'permission.shepherd.roles.engineers[0].environments must list at least one of test, prod',
    ],
    [
      {
        roles: {
          engineers: [
            { refs: ['group:default/e'], environments: ['test'] },
            { refs: ['group:default/f'], environments: ['staging'] },
          ],
        },
      },
      "permission.shepherd.roles.engineers[1].environments: 'staging' is not an environment; use test, prod",
    ],
    [
      { roles: { engineers: [{ refs: [], environments: ['test'] }] } },
      'permission.shepherd.roles.engineers[0].refs must list at least one User or Group entity ref',
    ],
    [
      {
        roles: {
          engineers: [{ refs: ['group:default/e'], environment: ['test'] }],
        },
      },
      "Unknown key 'environment' in permission.shepherd.roles.engineers[0]; expected 'refs', 'environments'",
    ],
    [
      { defaultDecision: 'maybe' },
      "permission.shepherd.defaultDecision must be 'allow' or 'deny', got 'maybe'",
    ],
  ])('refuses %j', (shepherd, message) => {
    expect(() => read(shepherd)).toThrow(message);
  });
});
