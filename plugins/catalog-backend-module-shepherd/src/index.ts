/**
 * A catalog backend module that publishes KubeVirt Shepherd's Systems, Services and virtual
 * machines as catalog entities.
 *
 * @packageDocumentation
 */

export { catalogModuleShepherdEntityProvider as default } from './module';
export {
  ShepherdEntityProvider,
  type ShepherdEntityProviderOptions,
} from './provider/ShepherdEntityProvider';
export { HttpShepherdReader } from './client/HttpShepherdReader';
export type { ShepherdReader } from './client/ShepherdReader';
export type { EntityMappingOptions } from './config';
export { mapRecords } from './mapping/entities';
export type { MappedRecord, ShepherdRecords } from './mapping/records';
