import {
  DatabaseSnapshot,
  partialWrites,
  snapshotChanges,
} from './__testUtils__/databaseSnapshot';

const row = (value: object) => JSON.stringify(value);
const failure = row({
  id: 'a2',
  action: 'console.session',
  outcome: 'failure',
});
const success = row({ id: 'a3', action: 'system.create', outcome: 'success' });

function snapshot(tables: Record<string, string[]>): DatabaseSnapshot {
  return new Map(
    Object.entries(tables).map(([t, rows]) => [t, [...rows].sort()]),
  );
}

describe('database snapshots', () => {
  const before = snapshot({
    systems: [row({ id: 's1', name: 'payments' })],
    audit_logs: [row({ id: 'a1', outcome: 'success' })],
  });

  it('lets a refusal append audit entries of failure, and nothing else', () => {
    const after = snapshot({
      systems: [row({ id: 's1', name: 'payments' })],
      audit_logs: [row({ id: 'a1', outcome: 'success' }), failure],
    });
    expect(partialWrites(snapshotChanges(before, after))).toEqual([]);
  });

  it('reports an audit entry of success, a changed row and a new row as partial writes', () => {
    const after = snapshot({
      systems: [row({ id: 's1', name: 'renamed' })],
      audit_logs: [row({ id: 'a1', outcome: 'success' }), success],
      tickets: [row({ id: 't1' })],
    });
    expect(
      partialWrites(snapshotChanges(before, after)).map(change => ({
        table: change.table,
        added: change.added.length,
        removed: change.removed.length,
      })),
    ).toEqual([
      { table: 'audit_logs', added: 1, removed: 0 },
      { table: 'systems', added: 1, removed: 1 },
      { table: 'tickets', added: 1, removed: 0 },
    ]);
  });

  it('reports a removed audit entry, even beside an appended failure', () => {
    const after = snapshot({
      systems: [row({ id: 's1', name: 'payments' })],
      audit_logs: [failure],
    });
    expect(partialWrites(snapshotChanges(before, after))).toHaveLength(1);
  });

  it('counts duplicate rows', () => {
    const twice = snapshot({ systems: [row({ n: 1 }), row({ n: 1 })] });
    const once = snapshot({ systems: [row({ n: 1 })] });
    expect(snapshotChanges(twice, once)).toEqual([
      { table: 'systems', added: [], removed: [row({ n: 1 })] },
    ]);
  });
});
