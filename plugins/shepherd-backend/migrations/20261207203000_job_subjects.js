// @ts-check

/**
 * Jobs name what they work on: a VM job's subject is the id of the domain event it carries
 * out, while its unique key is now its VM's (one operation per VM at a time). The sweeper
 * finds operations whose jobs ended without recording their outcome through the subject.
 * Jobs queued before were keyed `event:<id>`: their subject is that id.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('jobs', table => {
    table
      .string('subject', 255)
      .nullable()
      .comment(
        'What the job works on, e.g. the id of the domain event it carries out',
      );
    table.index(['subject'], 'jobs_subject_idx');
  });
  await knex('jobs')
    .where('unique_key', 'like', 'event:%')
    .update({ subject: knex.raw('substr(unique_key, 7)') });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('jobs', table => {
    table.dropIndex(['subject'], 'jobs_subject_idx');
    table.dropColumn('subject');
  });
};
