// @ts-check

/**
 * When the watch of a lease's holder last delivered a complete list of the cluster's VMs: the
 * status poll leaves a cluster to its watch only while the lease holds and this is set (ADR
 * 0016), so a watch that never got going — refused, unreachable — leaves its VMs polled.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('vm_watch_leases', table => {
    table
      .timestamp('synced_at', { useTz: true })
      .nullable()
      .comment(
        "When the holder's watch last delivered the cluster's complete VM list; null until it has",
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('vm_watch_leases', table => {
    table.dropColumn('synced_at');
  });
};
