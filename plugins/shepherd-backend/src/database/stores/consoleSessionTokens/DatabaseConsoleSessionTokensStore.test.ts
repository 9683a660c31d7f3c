import { randomUUID } from 'node:crypto';
import { createMigratedStores } from '../../__testUtils__/migratedStores';
import { ConsumedConsoleToken } from './ConsoleSessionTokensStore';

describe('DatabaseConsoleSessionTokensStore', () => {
  const databases = createMigratedStores();

  const token = (
    overrides: Partial<ConsumedConsoleToken> = {},
  ): ConsumedConsoleToken => ({
    tokenId: randomUUID(),
    vmId: randomUUID(),
    grantId: randomUUID(),
    userRef: 'user:default/engineer-test',
    expiresAt: '2026-11-23T10:01:00.000Z',
    consumedAt: '2026-11-23T10:00:10.000Z',
    ...overrides,
  });

  it.each(databases.eachSupportedId())(
    'lets a token be used once, %p',
    async databaseId => {
      const { store } = await databases.open(databaseId);
      const first = token();
      expect(await store.consoleSessionTokens.consume(first)).toBe(true);
      expect(await store.consoleSessionTokens.consume(first)).toBe(false);
      expect(
        await store.consoleSessionTokens.consume({
          ...first,
          consumedAt: '2026-11-23T10:00:20.000Z',
        }),
      ).toBe(false);
      expect(await store.consoleSessionTokens.consume(token())).toBe(true);
    },
  );

  it.each(databases.eachSupportedId())(
    'lets exactly one of concurrent uses of a token through, %p',
    async databaseId => {
      const { store } = await databases.open(databaseId);
      const contested = token();
      const outcomes = await Promise.all(
        Array.from({ length: 8 }, () =>
          store.consoleSessionTokens.consume(contested),
        ),
      );
      expect(outcomes.filter(Boolean)).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'a use inside a rolled-back unit of work leaves the token unused, %p',
    async databaseId => {
      const { store } = await databases.open(databaseId);
      const rolledBack = token();
      await expect(
        store.transaction(async tx => {
          await tx.consoleSessionTokens.consume(rolledBack);
          throw new Error('the unit of work failed');
        }),
      ).rejects.toThrow('the unit of work failed');
      expect(await store.consoleSessionTokens.consume(rolledBack)).toBe(true);
    },
  );

  it.each(databases.eachSupportedId())(
    'forgets the markers of expired tokens only, %p',
    async databaseId => {
      const { store } = await databases.open(databaseId);
      const expired = token({ expiresAt: '2026-11-23T09:59:00.000Z' });
      const current = token({ expiresAt: '2026-11-23T10:01:00.000Z' });
      await store.consoleSessionTokens.consume(expired);
      await store.consoleSessionTokens.consume(current);

      expect(
        await store.consoleSessionTokens.deleteExpired(
          '2026-11-23T10:00:00.000Z',
        ),
      ).toBe(1);
      expect(await store.consoleSessionTokens.consume(current)).toBe(false);
      expect(await store.consoleSessionTokens.consume(expired)).toBe(true);
    },
  );
});
