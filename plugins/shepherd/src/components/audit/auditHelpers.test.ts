import { normalizeActor } from './auditVocabulary';
import {
  fromLocalInput,
  normalizeTimestamp,
  rangeError,
  toLocalInput,
} from './timeRange';
import { auditSearchParams } from './useAuditQuery';

describe('audit helpers', () => {
  it('turn what is typed into the actors the backend records', () => {
    expect(normalizeActor('jane')).toBe('user:default/jane');
    expect(normalizeActor('ops/jane')).toBe('user:ops/jane');
    expect(normalizeActor('service:shepherd')).toBe('service:shepherd');
    expect(normalizeActor('  ')).toBeUndefined();
  });

  it('convert between local inputs and RFC 3339 timestamps', () => {
    const timestamp = '2026-11-23T10:30:00.000Z';
    expect(fromLocalInput(toLocalInput(timestamp))).toBe(timestamp);
    expect(toLocalInput('not a time')).toBe('');
    expect(fromLocalInput('')).toBeUndefined();
    expect(normalizeTimestamp('2026-11-23T11:30:00+01:00')).toBe(timestamp);
  });

  it('refuse ranges that end before they start', () => {
    expect(
      rangeError('2026-11-23T10:00:00Z', '2026-11-23T09:00:00Z'),
    ).toBeDefined();
    expect(
      rangeError('2026-11-23T10:00:00Z', '2026-11-23T10:00:00Z'),
    ).toBeDefined();
    expect(
      rangeError('2026-11-23T10:00:00Z', '2026-11-23T11:00:00Z'),
    ).toBeUndefined();
    expect(rangeError(undefined, '2026-11-23T11:00:00Z')).toBeUndefined();
  });

  it('write filters into search params, leaving out what is unset', () => {
    expect(
      auditSearchParams({
        actor: 'user:default/jane',
        outcome: 'failure',
        resourceId: undefined,
      }).toString(),
    ).toBe('actor=user%3Adefault%2Fjane&outcome=failure');
  });
});
