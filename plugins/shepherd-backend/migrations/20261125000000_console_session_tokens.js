// @ts-check

/**
 * Single-use markers of console session tokens. A token is sealed, not stored, when it is
 * issued; opening the console inserts its id here, and the primary key lets only the first
 * use of a token succeed, on every replica at once.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('console_session_tokens', table => {
    table.comment(
      'Console session tokens that have been used (replay markers)',
    );
    table
      .uuid('token_id')
      .primary()
      .comment(
        'The id sealed into the token; its second use fails on this key',
      );
    table.uuid('vm_id').notNullable();
    table.uuid('grant_id').notNullable();
    table.string('user_ref', 255).notNullable();
    table
      .timestamp('expires_at', { useTz: true })
      .notNullable()
      .comment(
        'When the token stops opening sessions; the marker may go after it',
      );
    table.timestamp('consumed_at', { useTz: true }).notNullable();
    table.index(['expires_at'], 'console_session_tokens_expiry_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('console_session_tokens');
};
