import { AuditLogEntry } from '@kubevirt-shepherd/plugin-shepherd-common';
import { AuditStore } from '../../database/stores/audit/AuditStore';
import { Actor } from '../Actor';
import { DefaultAuditLogService } from './AuditLogService';

/** Entries newest first, as the store lists them, with the pages asked for. */
function storeOf(count: number) {
  const entries: AuditLogEntry[] = Array.from({ length: count }, (_, i) => ({
    id: `a-${i}`,
    action: 'system.create',
    outcome: 'success',
    actor: 'user:default/jane',
    resourceType: 'system',
    details: {},
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, count - i)).toISOString(),
  }));
  const pages: Array<{ offset: number; limit: number }> = [];
  const store: AuditStore = {
    append: async () => {},
    get: async () => undefined,
    list: async ({ offset, limit }) => {
      pages.push({ offset, limit });
      return {
        items: entries.slice(offset, offset + limit),
        totalItems: entries.length,
        offset,
        limit,
      };
    },
  };
  return { store, entries, pages };
}

const ACTOR = {} as Actor;

async function collect(entries: AsyncIterable<AuditLogEntry>) {
  const all = [];
  for await (const entry of entries) all.push(entry.id);
  return all;
}

describe('DefaultAuditLogService export', () => {
  it('reads every matching entry a page at a time', async () => {
    const { store, entries, pages } = storeOf(7);
    const service = new DefaultAuditLogService(store, {
      maxEntries: 10,
      pageSize: 3,
    });

    const exported = await service.export(ACTOR, {});

    expect(exported.truncated).toBe(false);
    expect(await collect(exported.entries)).toEqual(entries.map(e => e.id));
    expect(pages).toEqual([
      { offset: 0, limit: 3 },
      { offset: 3, limit: 3 },
      { offset: 6, limit: 3 },
    ]);
  });

  it('stops at its limit and says the export was cut short', async () => {
    const { store, entries, pages } = storeOf(12);
    const service = new DefaultAuditLogService(store, {
      maxEntries: 5,
      pageSize: 3,
    });

    const exported = await service.export(ACTOR, {});

    expect(exported.truncated).toBe(true);
    expect(await collect(exported.entries)).toEqual(
      entries.slice(0, 5).map(e => e.id),
    );
    expect(pages).toEqual([
      { offset: 0, limit: 3 },
      { offset: 3, limit: 2 },
    ]);
  });

  it('refuses a time range that ends before it starts, before reading anything', async () => {
    const { store, pages } = storeOf(1);
    const service = new DefaultAuditLogService(store);

    await expect(
      service.export(ACTOR, {
        from: '2026-01-02T00:00:00Z',
        to: '2026-01-01T00:00:00Z',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(pages).toEqual([]);
  });
});
