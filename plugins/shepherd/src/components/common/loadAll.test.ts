import { loadAll } from './loadAll';

describe('loadAll', () => {
  it('loads every page', async () => {
    const load = jest.fn(async ({ offset }: { offset: number }) => ({
      items: offset === 0 ? Array(100).fill('a') : ['b'],
      totalItems: 101,
      offset,
      limit: 100,
    }));
    expect(await loadAll(load)).toHaveLength(101);
    expect(load.mock.calls.map(([paging]) => paging)).toEqual([
      { offset: 0, limit: 100 },
      { offset: 100, limit: 100 },
    ]);
  });
});
