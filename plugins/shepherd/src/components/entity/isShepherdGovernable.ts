import { Entity } from '@backstage/catalog-model';
import { SHEPHERD_ENTITY_TYPES } from '@kubevirt-shepherd/plugin-shepherd-common';

/**
 * Whether a catalog entity is one Shepherd governs VMs for: a System, or a Component of type
 * service. Decides where the "Virtual machines" entity tab appears.
 */
export function isShepherdGovernable(entity: Entity): boolean {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  return (
    kind === 'system' ||
    (kind === 'component' &&
      entity.spec?.type === SHEPHERD_ENTITY_TYPES.service)
  );
}
