// @ts-check

/**
 * The reconciler (seed 002 §8): one report per run and cluster, the ghosts and orphans that
 * runs in mark mode marked, and the attention a cluster needs after a halted run.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reconcile_reports', table => {
    table.comment(
      'What one reconciler run found on one cluster; kept for reportRetentionDays',
    );
    table.uuid('id').primary();
    table
      .uuid('cluster_id')
      .notNullable()
      .references('id')
      .inTable('clusters')
      .onDelete('CASCADE');
    table
      .string('cluster_name', 253)
      .notNullable()
      .comment('The name of the cluster at the time of the run');
    table.string('mode', 16).notNullable().comment('dry-run | mark');
    table.string('trigger', 16).notNullable().comment('SCHEDULED | ON_DEMAND');
    table.string('requested_by', 255).notNullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('COMPLETED | HALTED | FAILED');
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).notNullable();
    table.integer('records_compared').notNullable();
    table.integer('records_skipped').notNullable();
    table.integer('objects_listed').notNullable();
    table.integer('ghost_count').notNullable();
    table.integer('orphan_count').notNullable();
    table
      .text('ghosts')
      .notNullable()
      .comment(
        'JSON: the first ghosts found (bounded; ghost_count is complete)',
      );
    table
      .text('orphans')
      .notNullable()
      .comment(
        'JSON: the first orphans found (bounded; orphan_count is complete)',
      );
    table.boolean('marked').notNullable();
    table.string('halt_reason', 63);
    table.string('message', 1024);
    table.index(['cluster_id', 'started_at'], 'reconcile_reports_cluster_idx');
    table.index(['started_at'], 'reconcile_reports_started_idx');
  });

  await knex.schema.createTable('reconcile_marks', table => {
    table.comment(
      'Ghosts and orphans marked by runs in mark mode; a mark goes with the first run that no longer finds it',
    );
    table.uuid('id').primary();
    table
      .uuid('cluster_id')
      .notNullable()
      .references('id')
      .inTable('clusters')
      .onDelete('CASCADE');
    table.string('kind', 16).notNullable().comment('GHOST | ORPHAN');
    table.string('namespace', 63).notNullable();
    table.string('name', 253).notNullable();
    table
      .uuid('vm_id')
      .comment(
        'The record of a ghost (not a foreign key: marking never deletes it)',
      );
    table
      .uuid('report_id')
      .notNullable()
      .comment('The latest run that found it');
    table.timestamp('first_marked_at', { useTz: true }).notNullable();
    table.timestamp('last_marked_at', { useTz: true }).notNullable();
    table.unique(['cluster_id', 'kind', 'namespace', 'name'], {
      indexName: 'reconcile_marks_finding_uq',
    });
  });

  await knex.schema.alterTable('clusters', table => {
    table
      .text('attention')
      .comment(
        'JSON: why the cluster needs an administrator (its last reconciler run halted); null when it does not',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reconcile_marks');
  await knex.schema.dropTable('reconcile_reports');
  await knex.schema.alterTable('clusters', table => {
    table.dropColumn('attention');
  });
};
