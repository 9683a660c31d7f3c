// @ts-check

/**
 * The durable task queue. Jobs are enqueued in the same transaction as the change that needs
 * them and carry only the id of their domain event (claim check); workers of any backend
 * replica claim them with a lease they keep alive with heartbeats.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('jobs', table => {
    table.comment('Durable task queue of Shepherd');
    table.uuid('id').primary();
    table
      .string('kind', 64)
      .notNullable()
      .comment('What runs the job, e.g. vm.create');
    table
      .text('payload')
      .notNullable()
      .comment(
        'JSON; the id of the domain event to process, never the data itself',
      );
    table
      .string('status', 16)
      .notNullable()
      .comment('queued, running, succeeded, failed or cancelled');
    table.integer('attempt').notNullable().defaultTo(0);
    table.integer('max_attempts').notNullable();
    table
      .timestamp('run_after', { useTz: true })
      .notNullable()
      .comment('Not claimed before this time (backoff)');
    table.string('lease_owner', 255).nullable();
    table.timestamp('lease_expires_at', { useTz: true }).nullable();
    table.boolean('cancel_requested').notNullable().defaultTo(false);
    table.text('last_error').nullable();
    table
      .string('unique_key', 255)
      .nullable()
      .comment('At most one queued or running job per key: idempotent enqueue');
    table
      .string('concurrency_key', 255)
      .nullable()
      .comment('Jobs sharing a key (a cluster) run with bounded concurrency');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.index(['status', 'run_after'], 'jobs_claim_idx');
    table.index(['status', 'lease_expires_at'], 'jobs_lease_idx');
    table.index(['concurrency_key', 'status'], 'jobs_concurrency_idx');
  });
  await knex.schema.raw(
    "CREATE UNIQUE INDEX jobs_active_unique_key ON jobs (unique_key) WHERE status IN ('queued', 'running')",
  );
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('jobs');
};
