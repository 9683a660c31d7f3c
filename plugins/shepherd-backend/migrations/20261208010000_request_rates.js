// @ts-check

/**
 * Per-user request counts of the rate limits on mutating requests (VM requests, power actions,
 * console sessions), one row per user, kind of request and fixed window. Kept in the database
 * so that every backend replica counts against the same limit (ADR 0024); each user keeps at
 * most its current window per kind, older ones are deleted as the next request is counted.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('request_rate_windows', table => {
    table.comment(
      'Requests counted per user, kind of request and fixed window',
    );
    table
      .string('bucket', 64)
      .notNullable()
      .comment('The kind of request limited together, e.g. powerActions');
    table
      .string('subject', 255)
      .notNullable()
      .comment('Who is counted: the case-folded user entity ref');
    table
      .timestamp('window_start', { useTz: true })
      .notNullable()
      .comment('Start of the fixed window the requests were counted in');
    table
      .integer('request_count')
      .notNullable()
      .comment('Requests counted in the window, refused ones included');
    table.primary(['bucket', 'subject', 'window_start']);
    table.index(['window_start'], 'request_rate_windows_start_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('request_rate_windows');
};
