import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { POLICY_CONFIG_KEY, readShepherdPolicyConfig } from './config';
import { ShepherdPermissionPolicy } from './ShepherdPermissionPolicy';

/**
 * Installs {@link ShepherdPermissionPolicy} as the permission backend's policy, with the
 * role bindings of `permission.shepherd` in the app config. A mistake in that configuration
 * stops the backend with an error naming the key.
 *
 * @public
 */
export const permissionModuleShepherdPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'shepherd-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, config, logger, userInfo }) {
        const policyConfig = readShepherdPolicyConfig(config);
        const { roles, defaultDecision } = policyConfig;
        if (roles.platformAdmins.length === 0) {
          logger.warn(
            `No Shepherd platform admins are configured (${POLICY_CONFIG_KEY}.roles.platformAdmins): nobody can register clusters or manage the request catalogs`,
          );
        }
        policy.setPolicy(
          new ShepherdPermissionPolicy({ config: policyConfig, userInfo }),
        );
        logger.info('Installed the Shepherd permission policy', {
          platformAdmins: roles.platformAdmins.join(', '),
          approvers: roles.approvers.join(', '),
          engineers: roles.engineers
            .map(e => `${e.refs.join(', ')} (${e.environments.join(', ')})`)
            .join('; '),
          viewers: roles.viewers.join(', '),
          defaultDecision,
        });
      },
    });
  },
});
