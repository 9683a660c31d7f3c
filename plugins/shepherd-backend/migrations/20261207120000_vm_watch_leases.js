// @ts-check

/**
 * One lease per cluster for the VM watch: the backend replica that holds a cluster's lease
 * is the one that watches its VMs and records what it sees (ADR 0016).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('vm_watch_leases', table => {
    table.comment(
      'Which backend replica watches the VMs of a cluster, and until when',
    );
    table.uuid('cluster_id').primary();
    table
      .string('holder', 255)
      .notNullable()
      .comment('The replica that holds the lease');
    table
      .timestamp('expires_at', { useTz: true })
      .notNullable()
      .comment('Another replica may take the lease after this');
    table.timestamp('renewed_at', { useTz: true }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('vm_watch_leases');
};
