import { TestDatabaseId } from '@backstage/backend-test-utils';
import { DomainEventStatus } from '@kubevirt-shepherd/plugin-shepherd-common';
import { randomUUID } from 'node:crypto';
import { createMigratedStores } from '../../__testUtils__/migratedStores';
import { ERROR_MESSAGE_MAX_LENGTH } from '../../columns';

const NOW = '2026-11-23T10:00:00.000Z';

describe('DatabaseEventsStore', () => {
  const databases = createMigratedStores();

  async function setUp(databaseId: TestDatabaseId) {
    const { store } = await databases.open(databaseId);
    const event = async (status: DomainEventStatus) => {
      const id = randomUUID();
      await store.events.insert({
        id,
        type: 'VM_STOP_REQUESTED',
        aggregateType: 'vm',
        aggregateId: randomUUID(),
        payload: {},
        status,
        createdBy: 'user:default/engineer-test',
        createdAt: NOW,
      });
      return id;
    };
    /** A job of the event that ended with `status`, or is still `queued`. */
    const job = async (
      eventId: string,
      status: 'queued' | 'succeeded' | 'failed' | 'cancelled',
      error?: string,
    ) => {
      const { job: enqueued } = await store.jobs.enqueue(
        {
          kind: 'vm.power',
          payload: { eventId },
          maxAttempts: 1,
          uniqueKey: `vm:${eventId}`,
          subject: eventId,
        },
        NOW,
      );
      if (status === 'queued') return;
      await store.jobs.claimNext({
        workerId: 'worker',
        kinds: ['vm.power'],
        now: NOW,
        leaseExpiresAt: '2026-11-23T10:01:00.000Z',
        perKeyLimit: 10,
      });
      await store.jobs.finish(enqueued.id, 'worker', { status, error }, NOW);
    };
    return { store, event, job };
  }

  it.each(databases.eachSupportedId())(
    'lists unfinished events whose jobs all ended, with their latest job, %p',
    async databaseId => {
      const { store, event, job } = await setUp(databaseId);
      const failed = await event('PROCESSING');
      await job(failed, 'failed', 'the cluster said no');
      const cancelled = await event('PENDING');
      await job(cancelled, 'cancelled');
      // Retried after an earlier job of the same event failed: still active.
      const retried = await event('PROCESSING');
      await job(retried, 'failed', 'first try');
      await event('PENDING'); // no job at all
      const finished = await event('FAILED');
      await job(finished, 'failed');
      // Enqueued last: each claim above takes the job it just enqueued.
      await job(retried, 'queued');

      const stranded = await store.events.listStranded(10);

      expect(
        stranded
          .map(({ event: e, jobStatus, jobError }) => ({
            id: e.id,
            jobStatus,
            jobError,
          }))
          .sort((a, b) => a.id.localeCompare(b.id)),
      ).toEqual(
        [
          { id: failed, jobStatus: 'failed', jobError: 'the cluster said no' },
          { id: cancelled, jobStatus: 'cancelled', jobError: undefined },
        ].sort((a, b) => a.id.localeCompare(b.id)),
      );
      expect(await store.events.listStranded(1)).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'notes what an unfinished event waits for, cut to its bound, and clears the note, %p',
    async databaseId => {
      const { store, event } = await setUp(databaseId);
      const waiting = await event('PROCESSING');
      const done = await event('COMPLETED');
      const note = `Waiting for the cluster: ${'w'.repeat(10_000)}`;

      expect(await store.events.note(waiting, note)).toBe(true);
      expect(await store.events.note(done, note)).toBe(false);

      const noted = (await store.events.get(waiting))!.errorMessage!;
      expect(noted).toHaveLength(ERROR_MESSAGE_MAX_LENGTH);
      expect(noted.endsWith('…')).toBe(true);
      expect((await store.events.get(done))?.errorMessage).toBeUndefined();

      expect(await store.events.note(waiting, undefined)).toBe(true);
      expect((await store.events.get(waiting))?.errorMessage).toBeUndefined();
    },
  );
});
