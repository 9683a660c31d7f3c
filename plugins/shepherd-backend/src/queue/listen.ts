import { LoggerService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { databaseEngineOf } from '../database/engine';
import { JOBS_CHANNEL } from './DatabaseJobsStore';

/**
 * On PostgreSQL, wakes the workers of this replica when any replica enqueues a job (the
 * enqueue runs `pg_notify` in its transaction). Elsewhere, and if the connection drops,
 * workers still find jobs by polling. Answers a function that stops listening.
 */
export async function listenForEnqueuedJobs(
  knex: Knex,
  onEnqueued: () => void,
  logger: LoggerService,
): Promise<() => Promise<void>> {
  if (databaseEngineOf(knex) !== 'postgres') {
    return async () => {};
  }
  const client = knex.client as {
    acquireRawConnection(): Promise<any>;
    destroyRawConnection(connection: unknown): Promise<void>;
  };
  const connection = await client.acquireRawConnection();
  connection.on('notification', onEnqueued);
  connection.on('error', (error: Error) =>
    logger.warn(
      `Job notifications stopped; workers keep polling: ${error.message}`,
    ),
  );
  await connection.query(`LISTEN ${JOBS_CHANNEL}`);
  return async () => {
    await client.destroyRawConnection(connection);
  };
}
