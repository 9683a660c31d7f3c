// @ts-check

/**
 * The append-only audit trail. Every governance decision and state change of Shepherd writes
 * one row in the same transaction as the change itself; rows are never updated or deleted by
 * the application, only marked archived.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('audit_logs', table => {
    table.comment('Append-only audit trail of Shepherd');
    table.uuid('id').primary().notNullable();
    table
      .string('action', 100)
      .notNullable()
      .comment('Canonical action code, e.g. vm.request or approval.approve');
    table.string('outcome', 16).notNullable().comment('success or failure');
    table
      .string('actor', 255)
      .notNullable()
      .comment(
        'Entity ref of the user, or service:<plugin> for background work',
      );
    table.string('resource_type', 50).notNullable();
    table.string('resource_id', 255).nullable();
    table.string('resource_name', 255).nullable();
    table.string('parent_type', 50).nullable();
    table.string('parent_id', 255).nullable();
    table
      .string('environment', 16)
      .nullable()
      .comment('test or prod, when the action concerns one environment');
    table
      .text('details')
      .nullable()
      .comment('JSON object; secrets are redacted before they are written');
    table.string('ip_address', 64).nullable();
    table.string('user_agent', 512).nullable();
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
    table.timestamp('archived_at', { useTz: true }).nullable();

    table.index(['created_at'], 'audit_logs_created_at_idx');
    table.index(['resource_type', 'resource_id'], 'audit_logs_resource_idx');
    table.index(['actor'], 'audit_logs_actor_idx');
    table.index(['action'], 'audit_logs_action_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('audit_logs');
};
