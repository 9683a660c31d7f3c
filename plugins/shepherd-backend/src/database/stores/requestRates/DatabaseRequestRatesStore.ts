import { Knex } from 'knex';
import { RequestRatesStore } from './RequestRatesStore';

const TABLE = 'request_rate_windows';

export class DatabaseRequestRatesStore implements RequestRatesStore {
  constructor(private readonly db: Knex) {}

  async count(
    bucket: string,
    subject: string,
    windowStart: string,
  ): Promise<number> {
    // INSERT … ON CONFLICT DO UPDATE … RETURNING: an atomic increment on SQLite and PostgreSQL,
    // without a read before the write that two requests could both pass.
    const [row]: Array<{ request_count: number | string }> = await this.db(
      TABLE,
    )
      .insert({
        bucket,
        subject,
        window_start: windowStart,
        request_count: 1,
      })
      .onConflict(['bucket', 'subject', 'window_start'])
      .merge({
        request_count: this.db.raw('??.?? + 1', [TABLE, 'request_count']),
      })
      .returning(['request_count']);
    await this.db(TABLE)
      .where({ bucket, subject })
      .where('window_start', '<', windowStart)
      .delete();
    return Number(row.request_count);
  }

  async deleteBefore(windowStart: string): Promise<number> {
    return this.db(TABLE).where('window_start', '<', windowStart).delete();
  }
}
