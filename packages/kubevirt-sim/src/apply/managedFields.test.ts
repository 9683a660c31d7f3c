import { virtualMachines } from '../api/resources';
import { KubeObject } from '../types';
import { fromFieldsV1, toFieldsV1, encodePath } from './fieldSets';
import { recordUpdate, serverSideApply } from './managedFields';

const write = (manager: string, force = false) => ({
  type: virtualMachines,
  manager,
  time: '2026-01-01T00:00:00Z',
  force,
});

const vm = (
  spec: Record<string, unknown>,
  labels?: Record<string, string>,
): KubeObject => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name: 'vm', namespace: 'ns', ...(labels ? { labels } : {}) },
  spec,
});

describe('server-side apply', () => {
  it('creates with the applied fields owned by the manager', () => {
    const created = serverSideApply(
      undefined,
      vm({ runStrategy: 'Always', template: { spec: {} } }, { a: '1' }),
      write('shepherd'),
    );
    expect(created.spec).toEqual({
      runStrategy: 'Always',
      template: { spec: {} },
    });
    expect(created.metadata.managedFields).toHaveLength(1);
    expect(created.metadata.managedFields![0].fieldsV1).toEqual({
      'f:metadata': { 'f:labels': { 'f:a': {} } },
      'f:spec': { 'f:runStrategy': {}, 'f:template': { 'f:spec': {} } },
    });
  });

  it('removes fields the manager stops applying, unless someone else owns them', () => {
    const first = serverSideApply(
      undefined,
      vm({ runStrategy: 'Always', extra: 'x', shared: 'y' }),
      write('a'),
    );
    const withB = recordUpdate(
      first,
      { ...first, spec: { ...first.spec, shared: 'y2' } },
      write('b'),
    );
    const second = serverSideApply(
      withB,
      vm({ runStrategy: 'Always' }),
      write('a'),
    );
    expect(second.spec).toEqual({ runStrategy: 'Always', shared: 'y2' });
  });

  it('shares fields applied with the same value and conflicts on different values', () => {
    const first = serverSideApply(
      undefined,
      vm({ runStrategy: 'Always' }),
      write('a'),
    );
    const same = serverSideApply(
      first,
      vm({ runStrategy: 'Always' }),
      write('b'),
    );
    expect(same.metadata.managedFields!.map(m => m.manager)).toEqual([
      'a',
      'b',
    ]);
    expect(() =>
      serverSideApply(same, vm({ runStrategy: 'Halted' }), write('c')),
    ).toThrow(
      expect.objectContaining({
        code: 409,
        message: expect.stringContaining('conflict with "a"'),
      }),
    );
    const forced = serverSideApply(
      same,
      vm({ runStrategy: 'Halted' }),
      write('c', true),
    );
    expect(forced.spec.runStrategy).toBe('Halted');
    expect(forced.metadata.managedFields!.map(m => m.manager)).toEqual(['c']);
  });

  it('treats lists as atomic', () => {
    const first = serverSideApply(
      undefined,
      vm({ volumes: [{ name: 'a' }, { name: 'b' }] }),
      write('a'),
    );
    const second = serverSideApply(
      first,
      vm({ volumes: [{ name: 'c' }] }),
      write('a'),
    );
    expect(second.spec.volumes).toEqual([{ name: 'c' }]);
  });

  it('keeps the entry time when an apply changes nothing', () => {
    const first = serverSideApply(
      undefined,
      vm({ runStrategy: 'Always' }),
      write('a'),
    );
    const again = serverSideApply(first, vm({ runStrategy: 'Always' }), {
      ...write('a'),
      time: '2027-01-01T00:00:00Z',
    });
    expect(again.metadata.managedFields![0].time).toBe('2026-01-01T00:00:00Z');
  });
});

describe('update bookkeeping', () => {
  it('gives changed fields to the writer and takes them from other managers', () => {
    const applied = serverSideApply(
      undefined,
      vm({ runStrategy: 'Always', other: 1 }),
      write('a'),
    );
    const updated = recordUpdate(
      applied,
      { ...applied, spec: { runStrategy: 'Halted', other: 1 } },
      write('virt-api'),
    );
    const owners = Object.fromEntries(
      updated.metadata.managedFields!.map(m => [
        `${m.manager}/${m.operation}`,
        fromFieldsV1(m.fieldsV1),
      ]),
    );
    expect(
      owners['virt-api/Update'].has(encodePath(['spec', 'runStrategy'])),
    ).toBe(true);
    expect(owners['a/Apply'].has(encodePath(['spec', 'runStrategy']))).toBe(
      false,
    );
    expect(owners['a/Apply'].has(encodePath(['spec', 'other']))).toBe(true);
  });

  it('round-trips FieldsV1', () => {
    const set = new Set([
      encodePath(['spec', 'a']),
      encodePath(['metadata', 'labels', 'x.io/y']),
    ]);
    expect(fromFieldsV1(toFieldsV1(set))).toEqual(set);
  });
});
