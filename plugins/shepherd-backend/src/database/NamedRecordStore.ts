/**
 * The records users create under a unique name (Systems, namespaces, templates, instance
 * sizes): inserted whole, read by id or by name, deleted by id.
 */
export interface NamedRecordStore<T> {
  insert(record: T): Promise<void>;
  /** The record of an id; undefined for an unknown id and for a value that is no UUID. */
  get(id: string): Promise<T | undefined>;
  getByName(name: string): Promise<T | undefined>;
  delete(id: string): Promise<void>;
}
