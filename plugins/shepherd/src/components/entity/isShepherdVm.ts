import { Entity } from '@backstage/catalog-model';
import { SHEPHERD_ENTITY_TYPES } from '@kubevirt-shepherd/plugin-shepherd-common';

/**
 * Whether a catalog entity stands for a VM: a Resource of type `virtual-machine`, as the
 * Shepherd entity provider publishes them. Decides where the VM card appears.
 *
 * @public
 */
export function isShepherdVm(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    entity.spec?.type === SHEPHERD_ENTITY_TYPES.vm
  );
}
