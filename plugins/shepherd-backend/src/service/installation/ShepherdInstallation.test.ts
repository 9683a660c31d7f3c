import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { createMigratedStores } from '../../database/__testUtils__/migratedStores';
import {
  installationIdProblem,
  resolveShepherdInstallation,
} from './ShepherdInstallation';

describe('resolveShepherdInstallation', () => {
  const databases = createMigratedStores();
  const noConfig = new ConfigReader({});

  it.each(databases.eachSupportedId())(
    'generates an id once and keeps it in the database, %p',
    async databaseId => {
      const { knex } = await databases.open(databaseId);
      const logger = mockServices.logger.mock();
      const first = await resolveShepherdInstallation({
        config: noConfig,
        knex,
        logger,
      });
      expect(installationIdProblem(first.id)).toBeUndefined();
      const again = await resolveShepherdInstallation({
        config: noConfig,
        knex,
        logger,
      });
      expect(again.id).toBe(first.id);
      const [{ n }] = await knex('installation').count('* as n');
      expect(Number(n)).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'gives replicas starting at once the same id, %p',
    async databaseId => {
      const { knex } = await databases.open(databaseId);
      const ids = await Promise.all(
        Array.from({ length: 8 }, () =>
          resolveShepherdInstallation({
            config: noConfig,
            knex,
            logger: mockServices.logger.mock(),
          }).then(installation => installation.id),
        ),
      );
      expect(new Set(ids).size).toBe(1);
      const [{ n }] = await knex('installation').count('* as n');
      expect(Number(n)).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'uses the configured id, and warns when the database was created under another, %p',
    async databaseId => {
      const { knex } = await databases.open(databaseId);
      const generated = await resolveShepherdInstallation({
        config: noConfig,
        knex,
        logger: mockServices.logger.mock(),
      });
      const logger = mockServices.logger.mock();
      const configured = await resolveShepherdInstallation({
        config: new ConfigReader({
          shepherd: { installationId: 'shepherd-prod.eu-1' },
        }),
        knex,
        logger,
      });
      expect(configured.id).toBe('shepherd-prod.eu-1');
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining(`labelled '${generated.id}' as foreign`),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps a configured id quietly when the database has no other, %p',
    async databaseId => {
      const { knex } = await databases.open(databaseId);
      const logger = mockServices.logger.mock();
      const config = new ConfigReader({
        shepherd: { installationId: 'shepherd-a' },
      });
      await resolveShepherdInstallation({ config, knex, logger });
      const again = await resolveShepherdInstallation({
        config,
        knex,
        logger,
      });
      expect(again.id).toBe('shepherd-a');
      expect(logger.warn).not.toHaveBeenCalled();
    },
  );

  it.each(['', 'a'.repeat(64), '-leading', 'trailing.', 'with space', 'ü'])(
    'refuses the configured id %p, which is not a label value',
    async installationId => {
      await expect(
        resolveShepherdInstallation({
          config: new ConfigReader({ shepherd: { installationId } }),
          knex: {} as any,
          logger: mockServices.logger.mock(),
        }),
      ).rejects.toThrow(/shepherd.installationId/);
    },
  );

  it.each(databases.eachSupportedId())(
    'starts without a schema, with an installation that has no id to give, %p',
    async databaseId => {
      const { knex } = await databases.open(databaseId);
      await knex.schema.dropTable('installation');
      const logger = mockServices.logger.mock();
      const installation = await resolveShepherdInstallation({
        config: noConfig,
        knex,
        logger,
      });
      expect(() => installation.id).toThrow(/schema is not migrated/);
      expect(logger.error).toHaveBeenCalled();
    },
  );

  it('accepts label values up to 63 characters', () => {
    expect(installationIdProblem('a'.repeat(63))).toBeUndefined();
    expect(installationIdProblem('A1_b-c.d')).toBeUndefined();
  });
});
