/**
 * A permission policy with KubeVirt Shepherd's roles (platform admin, approver, engineer per
 * environment, viewer), given to catalog Users and Groups by configuration, as a backend
 * module of the permission plugin.
 *
 * @packageDocumentation
 */

export { permissionModuleShepherdPolicy as default } from './module';
export { ShepherdPermissionPolicy } from './ShepherdPermissionPolicy';
export type { ShepherdCallerRoles } from './ShepherdPermissionPolicy';
export { readShepherdPolicyConfig } from './config';
export type {
  ShepherdEngineerBinding,
  ShepherdPolicyConfig,
  ShepherdRoleBindings,
} from './config';
