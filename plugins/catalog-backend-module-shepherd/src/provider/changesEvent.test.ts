import { parseChangesEvent } from './changesEvent';

describe('parseChangesEvent', () => {
  it('answers the changed records of a changes event', () => {
    expect(
      parseChangesEvent({
        changes: [
          { kind: 'system', id: 's1', change: 'upserted' },
          { kind: 'service', id: 'sv1', change: 'removed' },
          { kind: 'vm', id: 'v1', change: 'upserted' },
        ],
      }),
    ).toEqual([
      { kind: 'system', id: 's1', change: 'upserted' },
      { kind: 'service', id: 'sv1', change: 'removed' },
      { kind: 'vm', id: 'v1', change: 'upserted' },
    ]);
  });

  it('keeps only the fields it knows', () => {
    expect(
      parseChangesEvent({
        changes: [{ kind: 'vm', id: 'v1', change: 'upserted', extra: 'x' }],
        from: 'elsewhere',
      }),
    ).toEqual([{ kind: 'vm', id: 'v1', change: 'upserted' }]);
  });

  it('accepts an event without changes', () => {
    expect(parseChangesEvent({ changes: [] })).toEqual([]);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'vm v1 changed'],
    ['no changes', {}],
    ['changes that are no list', { changes: { kind: 'vm' } }],
    ['a change that is no object', { changes: ['v1'] }],
    [
      'an unknown kind',
      { changes: [{ kind: 'pod', id: 'p', change: 'upserted' }] },
    ],
    ['an empty id', { changes: [{ kind: 'vm', id: '', change: 'upserted' }] }],
    [
      'an id that is no string',
      { changes: [{ kind: 'vm', id: 7, change: 'upserted' }] },
    ],
    [
      'an unknown change',
      { changes: [{ kind: 'vm', id: 'v1', change: 'deleted' }] },
    ],
    [
      'one bad change among good ones',
      {
        changes: [
          { kind: 'vm', id: 'v1', change: 'upserted' },
          { kind: 'vm', id: 'v2' },
        ],
      },
    ],
  ])('refuses %s', (_, payload) => {
    expect(parseChangesEvent(payload)).toBeUndefined();
  });
});
