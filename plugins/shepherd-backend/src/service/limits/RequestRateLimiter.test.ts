import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import { ManualClock } from '../../__testUtils__/manualTime';
import { refusalOf } from '../../__testUtils__/operations';
import { createMigratedStores } from '../../database/__testUtils__/migratedStores';
import { DatabaseShepherdStore } from '../../database/DatabaseShepherdStore';
import {
  RateLimitOptions,
  RequestRateLimiter,
  readRateLimitOptions,
} from './RequestRateLimiter';

const ALICE = { userEntityRef: 'user:default/alice' };
const BOB = { userEntityRef: 'user:default/bob' };

/** Limits of `limit` requests a minute of every kind. */
function perMinute(limit: number, enabled = true): RateLimitOptions {
  const each = { limit, windowSeconds: 60 };
  return {
    enabled,
    limits: { vmRequests: each, powerActions: each, consoleSessions: each },
  };
}

describe('RequestRateLimiter', () => {
  const databases = createMigratedStores();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let store: DatabaseShepherdStore;
    let clock: ManualClock;

    beforeAll(async () => {
      ({ knex, store } = await databases.open(databaseId));
    });

    beforeEach(async () => {
      await knex('request_rate_windows').delete();
      // 20 seconds into a minute's window.
      clock = new ManualClock('2026-11-23T10:00:20.000Z');
    });

    const limiter = (options: RateLimitOptions) =>
      new RequestRateLimiter(store.requestRates, options, clock.now);

    it('admits a user up to the limit in a window, then refuses with 429 until the window ends', async () => {
      const limits = limiter(perMinute(3));
      for (let i = 0; i < 3; i++) {
        await limits.admit(ALICE, 'powerActions');
      }

      const refusal = await refusalOf(limits.admit(ALICE, 'powerActions'));

      expect(refusal).toEqual({
        name: 'TooManyRequestsError',
        code: 'RATE_LIMITED',
        message:
          'Too many power actions: at most 3 every 60 seconds per user. Try again in 40 seconds.',
        details: { retryAfterSeconds: 40, limit: 3, windowSeconds: 60 },
      });
      clock.advance(39_500);
      expect(
        (await refusalOf(limits.admit(ALICE, 'powerActions'))).details,
      ).toMatchObject({ retryAfterSeconds: 1 });
      clock.advance(500);
      await expect(
        limits.admit(ALICE, 'powerActions'),
      ).resolves.toBeUndefined();
    });

    it('counts each user and each kind of request on its own, whatever the case of the ref', async () => {
      const limits = limiter(perMinute(1));
      await limits.admit(ALICE, 'powerActions');

      await limits.admit(BOB, 'powerActions');
      await limits.admit(ALICE, 'vmRequests');
      await limits.admit(ALICE, 'consoleSessions');
      expect(
        (
          await refusalOf(
            limits.admit(
              { userEntityRef: 'User:Default/ALICE' },
              'powerActions',
            ),
          )
        ).code,
      ).toBe('RATE_LIMITED');
    });

    it('shares the count between replicas, and lets exactly the limit through of concurrent requests', async () => {
      const replicas = [limiter(perMinute(5)), limiter(perMinute(5))];

      const outcomes = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) =>
          replicas[i % 2].admit(ALICE, 'vmRequests'),
        ),
      );

      expect(outcomes.filter(o => o.status === 'fulfilled')).toHaveLength(5);
      expect(
        outcomes.flatMap(o => (o.status === 'rejected' ? [o.reason.code] : [])),
      ).toEqual(Array(7).fill('RATE_LIMITED'));
    });

    it('keeps one window per user and kind, and deletes ended ones', async () => {
      const limits = limiter(perMinute(10));
      await limits.admit(ALICE, 'vmRequests');
      await limits.admit(BOB, 'vmRequests');
      clock.advance(60_000);
      await limits.admit(ALICE, 'vmRequests');
      expect(
        await knex('request_rate_windows')
          .where({ subject: ALICE.userEntityRef })
          .select('request_count'),
      ).toEqual([{ request_count: 1 }]);

      // Bob's window ended a minute ago; Alice's current one has 10 seconds to go.
      clock.advance(30_000);
      expect(await limits.deleteExpired()).toBe(1);
      expect(await knex('request_rate_windows').pluck('subject')).toEqual([
        ALICE.userEntityRef,
      ]);
    });

    it('never refuses while turned off', async () => {
      const limits = limiter(perMinute(1, false));
      await limits.admit(ALICE, 'consoleSessions');
      await expect(
        limits.admit(ALICE, 'consoleSessions'),
      ).resolves.toBeUndefined();
      expect(await knex('request_rate_windows')).toEqual([]);
    });
  });
});

describe('readRateLimitOptions', () => {
  const read = (rateLimits?: JsonObject) =>
    readRateLimitOptions(
      new ConfigReader(rateLimits ? { shepherd: { rateLimits } } : {}),
    );

  it('defaults to 60 requests of each kind per user a minute', () => {
    expect(read()).toEqual(perMinute(60));
  });

  it('takes each kind of request its own limit within bounds, and can be turned off', () => {
    expect(
      read({
        enabled: false,
        powerActions: { limit: 10_000, windowSeconds: 1 },
        consoleSessions: { limit: 1, windowSeconds: 3600 },
      }),
    ).toEqual({
      enabled: false,
      limits: {
        vmRequests: { limit: 60, windowSeconds: 60 },
        powerActions: { limit: 10_000, windowSeconds: 1 },
        consoleSessions: { limit: 1, windowSeconds: 3600 },
      },
    });
  });

  it.each([
    [
      { vmRequests: { limit: 0 } },
      /shepherd\.rateLimits\.vmRequests\.limit must be a whole number from 1 to 10000, got 0/,
    ],
    [{ powerActions: { limit: 10_001 } }, /powerActions\.limit/],
    [{ consoleSessions: { windowSeconds: 3601 } }, /windowSeconds/],
    [{ vmRequests: { windowSeconds: 1.5 } }, /windowSeconds/],
  ])('refuses %p', (rateLimits, message) => {
    expect(() => read(rateLimits)).toThrow(message);
  });
});
