import { createBackendPlugin } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PermissionPolicy } from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { shepherdTicketApprovePermission } from '@kubevirt-shepherd/plugin-shepherd-common';
import permissionModuleShepherdPolicy, { ShepherdPermissionPolicy } from '.';

/** Stands in for the permission backend plugin: it owns the policy extension point. */
function permissionPluginCapturing(policies: PermissionPolicy[]) {
  return createBackendPlugin({
    pluginId: 'permission',
    register(env) {
      env.registerExtensionPoint(policyExtensionPoint, {
        setPolicy: policy => policies.push(policy),
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}

describe('permissionModuleShepherdPolicy', () => {
  it('installs the Shepherd policy with the configured roles', async () => {
    const policies: PermissionPolicy[] = [];
    const logger = mockServices.logger.mock();
    await startTestBackend({
      features: [
        permissionPluginCapturing(policies),
        permissionModuleShepherdPolicy,
        mockServices.rootConfig.factory({
          data: {
            permission: {
              enabled: true,
              shepherd: { roles: { approvers: ['group:default/approvers'] } },
            },
          },
        }),
        mockServices.userInfo.factory(),
        logger.factory,
      ],
    });

    expect(policies).toHaveLength(1);
    const [policy] = policies;
    expect(policy).toBeInstanceOf(ShepherdPermissionPolicy);
    expect(
      (policy as ShepherdPermissionPolicy).rolesOf(['group:default/approvers'])
        .approver,
    ).toBe(true);
    // mockServices.userInfo gives users their own ref as only ownership ref.
    const decision = await policy.handle(
      { permission: shepherdTicketApprovePermission },
      {
        credentials: mockCredentials.user('user:default/avery'),
        info: { userEntityRef: 'user:default/avery', ownershipEntityRefs: [] },
      },
    );
    expect(decision.result).toBe(AuthorizeResult.DENY);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('No Shepherd platform admins are configured'),
    );
  });

  it('stops the backend when the configuration is wrong, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          permissionPluginCapturing([]),
          permissionModuleShepherdPolicy,
          mockServices.rootConfig.factory({
            data: {
              permission: {
                shepherd: {
                  roles: {
                    engineers: [
                      { refs: ['group:default/e'], environments: ['dev'] },
                    ],
                  },
                },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      "permission.shepherd.roles.engineers[0].environments: 'dev' is not an environment; use test, prod",
    );
  });
});
