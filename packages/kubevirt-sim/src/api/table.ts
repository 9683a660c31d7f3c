import { StoredObject } from '../types';
import { ResourceType } from './resources';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** kubectl asks for server-side printing with `Accept: application/json;as=Table;…`. */
export function wantsTable(accept: string | undefined): boolean {
  return !!accept && accept.split(',')[0].includes('as=Table');
}

export function parseIncludeObject(value: string | null): IncludeObject {
  return value === 'None' || value === 'Object' ? value : 'Metadata';
}

export function columnDefinitions(type: ResourceType) {
  return type.columns.map(c => ({
    name: c.name,
    type: c.type,
    format: c.format ?? '',
    description: c.description,
    priority: c.priority,
  }));
}

/** A `meta.k8s.io/v1` Table of objects, as the apiserver renders it for kubectl. */
export function toTable(
  type: ResourceType,
  objects: StoredObject[],
  options: {
    now: number;
    includeObject: IncludeObject;
    resourceVersion: string;
    continueToken?: string;
    withColumns?: boolean;
  },
) {
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: {
      resourceVersion: options.resourceVersion,
      ...(options.continueToken ? { continue: options.continueToken } : {}),
    },
    columnDefinitions:
      options.withColumns === false ? [] : columnDefinitions(type),
    rows: objects.map(object => ({
      cells: type.columns.map(c => c.cell(object, options.now)),
      ...(options.includeObject === 'None'
        ? {}
        : {
            object:
              options.includeObject === 'Object'
                ? object
                : {
                    kind: 'PartialObjectMetadata',
                    apiVersion: 'meta.k8s.io/v1',
                    metadata: object.metadata,
                  },
          }),
    })),
  };
}
