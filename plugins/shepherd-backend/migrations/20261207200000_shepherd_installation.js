// @ts-check

/**
 * The identity of this Shepherd installation: one row holding the id generated on first
 * start (unless `shepherd.installationId` is configured). The id labels every object Shepherd
 * creates, so it must never change for a database; `slot` is always 1, which makes a second
 * row impossible and lets replicas that start at once insert race-free.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('installation', table => {
    table.comment('The identity of this Shepherd installation (one row)');
    table
      .integer('slot')
      .primary()
      .notNullable()
      .comment('Always 1: the table holds one row');
    table
      .string('installation_id', 63)
      .notNullable()
      .comment('The generated installation id (a Kubernetes label value)');
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .comment('When the id was generated');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('installation');
};
