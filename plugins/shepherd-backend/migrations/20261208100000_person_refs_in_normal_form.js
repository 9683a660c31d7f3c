// @ts-check

/**
 * Entity refs that name a person are kept in their normal form, lowercase (Backstage compares
 * entity refs case-insensitively, and `stringifyEntityRef` writes them in lowercase): queries
 * then compare them as they are, with their indexes, and `user:default/Alice` is the same
 * requester, approver, VM creator, console grantee and token holder as `user:default/alice`.
 * Until now requesters and the other refs below were kept as the sign-in issued them.
 *
 * Member refs have always been written folded; any that was not is folded too, unless its
 * System already has the folded member (the unique membership would break; the folded
 * member is the one permission checks find).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  /** @type {Array<[string, string]>} */
  const personColumns = [
    ['tickets', 'requester'],
    ['tickets', 'approver'],
    ['vms', 'created_by'],
    ['console_grants', 'user_ref'],
    ['console_session_tokens', 'user_ref'],
  ];
  for (const [table, column] of personColumns) {
    await knex(table)
      .whereRaw('?? <> lower(??)', [column, column])
      .update({ [column]: knex.raw('lower(??)', [column]) });
  }
  await knex('system_members as m')
    .whereRaw('m.member_ref <> lower(m.member_ref)')
    .whereNotExists(
      knex('system_members as folded')
        .select('folded.id')
        .whereRaw('folded.system_id = m.system_id')
        .whereRaw('folded.member_ref = lower(m.member_ref)'),
    )
    .update({ member_ref: knex.raw('lower(member_ref)') });
};

/**
 * Folding cannot be undone (the case a ref was issued in is not kept), nor need it be: the
 * previous version reads folded refs as it reads any other.
 */
exports.down = async function down() {};
