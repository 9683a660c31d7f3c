import { formatAge, formatRelativeTime, isPast } from './time';

const NOW = new Date('2026-11-23T11:00:00Z').getTime();

describe('time helpers', () => {
  it('say how long ago or how soon something is', () => {
    expect(formatRelativeTime('2026-11-23T10:55:00Z', NOW)).toBe(
      '5 minutes ago',
    );
    expect(formatRelativeTime('2026-11-23T13:00:00Z', NOW)).toBe('in 2 hours');
    expect(formatRelativeTime('2026-11-20T11:00:00Z', NOW)).toBe('3 days ago');
    expect(formatRelativeTime('2026-11-23T11:00:00Z', NOW)).toBe('now');
  });

  it('give ages without "ago"', () => {
    expect(formatAge('2026-11-20T10:00:00Z', NOW)).toBe('3 days');
    expect(formatAge('2026-11-23T10:59:00Z', NOW)).toBe('1 minute');
    expect(formatAge('2026-11-23T10:59:30Z', NOW)).toBe('less than a minute');
  });

  it('tell whether a time has passed', () => {
    expect(isPast('2026-11-23T10:00:00Z', NOW)).toBe(true);
    expect(isPast('2026-11-23T12:00:00Z', NOW)).toBe(false);
  });
});
