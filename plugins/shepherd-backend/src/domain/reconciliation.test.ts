import {
  ObjectOnCluster,
  RecordToReconcile,
  ownershipOf,
  reconcile,
} from './reconciliation';

const NOW = new Date('2026-12-07T12:00:00.000Z');
const GRACE_MS = 10 * 60_000;
const SETTLED = '2026-12-07T11:00:00.000Z';
const JUST_CREATED = '2026-12-07T11:55:00.000Z';
const INSTALLATION = 'shepherd-here';
const MANAGED = { 'kubevirt-shepherd.io/managed-by': 'kubevirt-shepherd' };
/** The labels of this installation's VM of record `id-<name>`. */
const ownedBy = (name: string, installation = INSTALLATION) => ({
  ...MANAGED,
  'kubevirt-shepherd.io/installation': installation,
  'kubevirt-shepherd.io/vm-id': `id-${name}`,
});

const record = (
  name: string,
  overrides: Partial<RecordToReconcile> = {},
): RecordToReconcile => ({
  id: `id-${name}`,
  namespace: 'dev',
  name,
  status: 'RUNNING',
  createdAt: SETTLED,
  ...overrides,
});
const object = (
  name: string,
  labels: Record<string, string> = ownedBy(name),
): ObjectOnCluster => ({ namespace: 'dev', name, labels });

const run = (records: RecordToReconcile[], objects: ObjectOnCluster[]) =>
  reconcile(records, objects, {
    now: NOW,
    gracePeriodMs: GRACE_MS,
    installationId: INSTALLATION,
  });

describe('reconcile', () => {
  it('finds ghosts (records without object) and orphans (objects without record)', () => {
    const found = run(
      [record('a'), record('b'), record('c')],
      [object('a'), object('b'), object('z')],
    );
    expect(found).toMatchObject({
      recordsCompared: 3,
      recordsSkipped: 0,
      objectsListed: 3,
      breakerTripped: false,
    });
    expect(found.ghosts).toEqual([
      {
        kind: 'GHOST',
        namespace: 'dev',
        name: 'c',
        vmId: 'id-c',
        vmStatus: 'RUNNING',
      },
    ]);
    expect(found.orphans).toEqual([
      { kind: 'ORPHAN', namespace: 'dev', name: 'z', vmId: 'id-z' },
    ]);
  });

  it('never takes an object being deleted for an orphan', () => {
    // Listed while terminating; its delete job removed the record before the records were read.
    const found = run(
      [record('a')],
      [object('a'), { ...object('z'), status: 'DELETING' }],
    );
    expect(found.orphans).toEqual([]);
    expect(found.objectsListed).toBe(2);
  });

  it('matches objects to records by their vm-id label, not by their name', () => {
    // The object named `a` is the VM of a record that is gone; record `a` has no VM.
    const found = run([record('a')], [object('a', ownedBy('lost'))]);
    expect(found.ghosts.map(g => g.vmId)).toEqual(['id-a']);
    expect(found.orphans).toEqual([
      { kind: 'ORPHAN', namespace: 'dev', name: 'a', vmId: 'id-lost' },
    ]);
  });

  it('takes VMs from before ownership labels for the records of their names, never for orphans', () => {
    const found = run(
      [record('old')],
      [object('old', MANAGED), object('unknown', MANAGED)],
    );
    expect(found).toMatchObject({ ghosts: [], orphans: [], objectsListed: 2 });
  });

  it('leaves out records their jobs own and records younger than the grace period', () => {
    const found = run(
      [
        record('creating', { status: 'CREATING' }),
        record('deleting', { status: 'DELETING' }),
        record('young', { createdAt: JUST_CREATED }),
        record('present'),
      ],
      [object('present')],
    );
    expect(found).toMatchObject({
      recordsCompared: 1,
      recordsSkipped: 3,
      ghosts: [],
      orphans: [],
      breakerTripped: false,
    });
  });

  it('never takes an object of a record it does not compare for an orphan', () => {
    const found = run(
      [record('creating', { status: 'CREATING' })],
      [object('creating')],
    );
    expect(found.orphans).toEqual([]);
  });

  it('ignores objects this installation does not own', () => {
    const unlabelled = object('foreign', { 'app.kubernetes.io/name': 'other' });
    const otherManager = object('other', {
      'kubevirt-shepherd.io/managed-by': 'someone-else',
    });
    const otherInstallation = object('theirs', ownedBy('theirs', 'elsewhere'));
    expect(ownershipOf(unlabelled, INSTALLATION)).toEqual({ kind: 'foreign' });
    expect(ownershipOf(otherManager, INSTALLATION)).toEqual({
      kind: 'foreign',
    });
    expect(ownershipOf(otherInstallation, INSTALLATION)).toEqual({
      kind: 'foreign',
    });
    expect(ownershipOf(object('mine'), INSTALLATION)).toEqual({
      kind: 'owned',
      vmId: 'id-mine',
    });
    const found = run(
      [record('foreign'), record('theirs')],
      [unlabelled, otherManager, otherInstallation],
    );
    expect(found.objectsListed).toBe(0);
    expect(found.orphans).toEqual([]);
    // The records' VMs are not this installation's: for Shepherd, their objects are gone.
    expect(found.ghosts.map(g => g.name)).toEqual(['foreign', 'theirs']);
  });

  it('trips the breaker when more than half of the compared records are ghosts', () => {
    const records = ['a', 'b', 'c', 'd'].map(name => record(name));
    expect(run(records, [object('a'), object('b')]).breakerTripped).toBe(false);
    expect(run(records, [object('a')]).breakerTripped).toBe(true);
    expect(run(records, []).breakerTripped).toBe(true);
    // Nothing compared, nothing to halt for.
    expect(run([], [object('a')]).breakerTripped).toBe(false);
    expect(
      run([record('young', { createdAt: JUST_CREATED })], []).breakerTripped,
    ).toBe(false);
  });

  it('lists findings in namespace and name order', () => {
    const found = run(
      [record('b'), record('a', { namespace: 'prod' }), record('c')],
      [object('c')],
    );
    expect(found.ghosts.map(g => `${g.namespace}/${g.name}`)).toEqual([
      'dev/b',
      'prod/a',
    ]);
  });
});
