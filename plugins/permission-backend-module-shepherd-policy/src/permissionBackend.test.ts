import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  Permission,
  createPermission,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import permissionPlugin from '@backstage/plugin-permission-backend';
import {
  shepherdClusterManagePermission,
  shepherdPermissions,
  shepherdSystemCreatePermission,
  shepherdTicketApprovePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import request from 'supertest';
import permissionModuleShepherdPolicy from '.';

/*
 * The module installed in the real permission backend, asked over its /authorize route as
 * the frontend and other backends ask it.
 */

/** The groups of the users of this test; users the catalog does not know have none. */
const GROUPS: Record<string, string[]> = {
  'user:default/pat': ['group:default/platform-team'],
  'user:default/avery': ['group:default/approvers'],
  'user:default/tess': ['group:default/engineers-test'],
  'user:default/mo': ['group:default/marketing'],
};

const SHEPHERD_CONFIG = {
  roles: {
    platformAdmins: ['group:default/platform-team'],
    approvers: ['group:default/approvers'],
    engineers: [
      { refs: ['group:default/engineers-test'], environments: ['test'] },
    ],
    viewers: ['group:default/auditors'],
  },
};

const userInfoFactory = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    getUserInfo: async (credentials: any) => {
      const userEntityRef: string = credentials.principal.userEntityRef;
      return {
        userEntityRef,
        ownershipEntityRefs: [userEntityRef, ...(GROUPS[userEntityRef] ?? [])],
      };
    },
  }),
});

/**
 * Permissions of other plugins, which the Shepherd policy does not govern (reading catalog
 * entities, which follows Shepherd's read permissions, is tested with the catalog in the
 * catalog module).
 */
const OTHER_PLUGINS: Permission[] = [
  createPermission({
    name: 'catalog.entity.refresh',
    attributes: { action: 'update' },
    resourceType: 'catalog-entity',
  }),
  createPermission({
    name: 'catalog.entity.create',
    attributes: { action: 'create' },
  }),
  createPermission({ name: 'scaffolder.action.execute', attributes: {} }),
];

async function startPermissionBackend(shepherd: object) {
  return startTestBackend({
    features: [
      permissionPlugin,
      permissionModuleShepherdPolicy,
      mockServices.rootConfig.factory({
        data: { permission: { enabled: true, shepherd } },
      }),
      userInfoFactory,
    ],
  });
}

/**
 * Asks /authorize for each permission, with a resource ref for resource permissions (direct
 * user requests must name one), and answers the decisions by permission name.
 */
async function decisions(
  server: Parameters<typeof request>[0],
  authorization: string,
  permissions: Permission[],
): Promise<Record<string, string>> {
  const response = await request(server)
    .post('/api/permission/authorize')
    .set('Authorization', authorization)
    .send({
      items: permissions.map(permission => ({
        id: permission.name,
        permission,
        ...(isResourcePermission(permission)
          ? { resourceRef: 'some-resource' }
          : {}),
      })),
    });
  expect(response.status).toBe(200);
  return Object.fromEntries(
    response.body.items.map((item: { id: string; result: string }) => [
      item.id,
      item.result,
    ]),
  );
}

function all(permissions: Permission[], result: AuthorizeResult) {
  return Object.fromEntries(permissions.map(p => [p.name, result]));
}

describe('the Shepherd policy in the permission backend', () => {
  it.each([
    ['allow', AuthorizeResult.ALLOW],
    ['deny', AuthorizeResult.DENY],
  ] as const)(
    "denies every Shepherd permission to users without a role, and gives other plugins' permissions defaultDecision %s",
    async (defaultDecision, otherResult) => {
      const { server } = await startPermissionBackend({
        ...SHEPHERD_CONFIG,
        defaultDecision,
      });
      const everything = [...shepherdPermissions, ...OTHER_PLUGINS];
      const expected = {
        ...all(shepherdPermissions, AuthorizeResult.DENY),
        ...all(OTHER_PLUGINS, otherResult),
      };

      // A signed-in user whose groups hold no role, and one the catalog does not know.
      for (const userEntityRef of ['user:default/mo', 'user:default/nobody']) {
        expect(
          await decisions(
            server,
            mockCredentials.user.header(userEntityRef),
            everything,
          ),
        ).toEqual(expected);
      }
    },
  );

  it('gives the configured roles their Shepherd permissions', async () => {
    const { server } = await startPermissionBackend({
      ...SHEPHERD_CONFIG,
      defaultDecision: 'deny',
    });
    expect(
      await decisions(
        server,
        mockCredentials.user.header('user:default/pat'),
        shepherdPermissions,
      ),
    ).toEqual(all(shepherdPermissions, AuthorizeResult.ALLOW));
    expect(
      await decisions(
        server,
        mockCredentials.user.header('user:default/avery'),
        [shepherdTicketApprovePermission, shepherdClusterManagePermission],
      ),
    ).toEqual({
      [shepherdTicketApprovePermission.name]: AuthorizeResult.ALLOW,
      [shepherdClusterManagePermission.name]: AuthorizeResult.DENY,
    });
    expect(
      await decisions(
        server,
        mockCredentials.user.header('user:default/tess'),
        [shepherdSystemCreatePermission],
      ),
    ).toEqual({ [shepherdSystemCreatePermission.name]: AuthorizeResult.ALLOW });
  });

  it.each([
    [
      { roles: { approver: ['group:default/approvers'] } },
      "Unknown key 'approver' in permission.shepherd.roles; expected 'platformAdmins', 'approvers', 'engineers', 'viewers'",
    ],
    [
      { roles: { platformAdmins: ['platform-team'] } },
      "permission.shepherd.roles.platformAdmins[0]: 'platform-team' is not an entity ref; write it as group:default/<name> or user:default/<name>",
    ],
    [
      {
        roles: {
          engineers: [{ refs: ['group:default/e'], environments: ['staging'] }],
        },
      },
      "permission.shepherd.roles.engineers[0].environments: 'staging' is not an environment; use test, prod",
    ],
    [
      { defaultDecision: 'ALLOW' },
      "permission.shepherd.defaultDecision must be 'allow' or 'deny', got 'ALLOW'",
    ],
  ])(
    'stops the backend at startup when the configuration is wrong: %j',
    async (shepherd, message) => {
      await expect(startPermissionBackend(shepherd)).rejects.toThrow(message);
    },
  );
});
