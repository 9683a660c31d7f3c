import { Page } from '@kubevirt-shepherd/plugin-shepherd-common';

/** The answer to a list the caller may see nothing of. */
export function emptyPage<T>(request: {
  offset: number;
  limit: number;
}): Page<T> {
  return {
    items: [],
    totalItems: 0,
    offset: request.offset,
    limit: request.limit,
  };
}
