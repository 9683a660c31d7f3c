import { Page } from '@kubevirt-shepherd/plugin-shepherd-common';

/** How many items {@link loadAll} loads per call, and at most how many calls. */
const LOAD_PAGE_SIZE = 100;
const LOAD_MAX_PAGES = 10;

/**
 * Every item of a paged list (up to 1000), for what offers choices (the wizard, filters,
 * capabilities) rather than a page of them.
 */
export async function loadAll<T>(
  loadPage: (paging: { offset: number; limit: number }) => Promise<Page<T>>,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 0; page < LOAD_MAX_PAGES; page++) {
    const next = await loadPage({
      offset: items.length,
      limit: LOAD_PAGE_SIZE,
    });
    items.push(...next.items);
    if (next.items.length === 0 || items.length >= next.totalItems) {
      break;
    }
  }
  return items;
}
