import { Knex } from 'knex';
import { databaseEngineOf } from '../database/engine';
import { eventually } from './eventually';

/**
 * Resolves once `work` has either settled or is waiting for a lock that another transaction
 * of the database holds: what a test of a race waits for before it lets the first transaction
 * commit, so that the second provably ran (or queued) while the first was open.
 *
 * On PostgreSQL the server tells which sessions wait for a lock. On SQLite the one connection
 * runs one transaction at a time, so the second waits for the first by construction: this
 * resolves at once.
 */
export async function settledOrWaitingForLock(
  knex: Knex,
  work: Promise<unknown>,
): Promise<void> {
  if (databaseEngineOf(knex) !== 'postgres') return;
  let settled = false;
  const markSettled = () => {
    settled = true;
  };
  work.then(markSettled, markSettled);
  await eventually(async () => {
    if (settled) return;
    const [{ count }] = await knex('pg_stat_activity')
      .count({ count: '*' })
      .where('wait_event_type', 'Lock')
      .whereRaw('datname = current_database()');
    if (Number(count) === 0) {
      throw new Error('The work neither settled nor waits for a lock');
    }
  });
}
