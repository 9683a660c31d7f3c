import { shepherdCatalogManagePermission } from '@kubevirt-shepherd/plugin-shepherd-common';
import { PermissionGate } from '../../permissions/PermissionGate';
import { ShepherdAuthorizer } from '../../permissions/ShepherdAuthorizer';

export const manageCatalogs = (authorizer: ShepherdAuthorizer) =>
  new PermissionGate(
    authorizer,
    shepherdCatalogManagePermission,
    'You may not manage the namespaces, templates and instance sizes',
  );
