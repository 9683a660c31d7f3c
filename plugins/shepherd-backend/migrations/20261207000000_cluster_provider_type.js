// @ts-check

/**
 * Clusters record the type of the VM provider that reaches them. Clusters registered before
 * are KubeVirt clusters, the only provider there was.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('clusters', table => {
    table
      .string('provider_type', 63)
      .notNullable()
      .defaultTo('kubevirt')
      .comment('The type of the VM provider that reaches the cluster');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('clusters', table => {
    table.dropColumn('provider_type');
  });
};
