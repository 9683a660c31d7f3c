import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { readReconcilerOptions } from './ClusterReconciler';

const read = (reconciler?: JsonObject) =>
  readReconcilerOptions(
    new ConfigReader(reconciler ? { shepherd: { reconciler } } : {}),
  );

describe('readReconcilerOptions', () => {
  it('defaults to a dry-run every 15 minutes, a 10-minute grace and 30 days of reports', () => {
    expect(read()).toEqual({
      scheduledMode: 'dry-run',
      intervalMinutes: 15,
      gracePeriodMs: 10 * 60_000,
      reportRetentionMs: 30 * 24 * 60 * 60_000,
    });
  });

  it('takes the configured mode and numbers within their bounds', () => {
    expect(
      read({
        mode: 'mark',
        intervalMinutes: 5,
        gracePeriodMinutes: 1440,
        reportRetentionDays: 365,
      }),
    ).toEqual({
      scheduledMode: 'mark',
      intervalMinutes: 5,
      gracePeriodMs: 1440 * 60_000,
      reportRetentionMs: 365 * 24 * 60 * 60_000,
    });
    expect(read({ mode: 'off' }).scheduledMode).toBe('off');
  });

  it.each([
    [{ mode: 'delete' }, /mode must be one of off, dry-run, mark/],
    [
      { intervalMinutes: 4 },
      /intervalMinutes must be a whole number from 5 to 1440/,
    ],
    [{ intervalMinutes: 1441 }, /intervalMinutes/],
    [{ gracePeriodMinutes: 0 }, /gracePeriodMinutes/],
    [{ reportRetentionDays: 366 }, /reportRetentionDays/],
    [{ reportRetentionDays: 1.5 }, /reportRetentionDays/],
  ])('refuses %p', (reconciler, message) => {
    expect(() => read(reconciler)).toThrow(message);
  });
});
