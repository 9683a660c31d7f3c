import { Knex } from 'knex';

const TABLE = 'installation';
/** The table's only row. */
const SLOT = 1;

/**
 * The installation id kept in the database: generated on the first start of the first
 * replica, then never changed.
 */
export class InstallationStore {
  constructor(private readonly db: Knex) {}

  /** Whether the table exists (it does not while migrations are skipped and not run yet). */
  async exists(): Promise<boolean> {
    return this.db.schema.hasTable(TABLE);
  }

  /**
   * The stored installation id; when none is stored yet, `candidate` becomes it. Of replicas
   * that start at once, the first insert wins and every one reads the winner's id back.
   */
  async claim(candidate: string, now: string): Promise<string> {
    await this.db(TABLE)
      .insert({ slot: SLOT, installation_id: candidate, created_at: now })
      .onConflict('slot')
      .ignore();
    const row: { installation_id: string } | undefined = await this.db(TABLE)
      .where({ slot: SLOT })
      .first('installation_id');
    if (!row) {
      throw new Error('The installation id could not be stored');
    }
    return row.installation_id;
  }
}
