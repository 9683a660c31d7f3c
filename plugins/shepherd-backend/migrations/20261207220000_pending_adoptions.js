// @ts-check

/**
 * Adoption of VMs found on registered clusters (upstream §2.17, §4.18):
 *
 * - `pending_adoptions`: one row per VirtualMachine object found without Shepherd's labels,
 *   keyed by cluster, namespace, name and uid, so that a rejected object is remembered and
 *   only another object of the same name (another uid) is proposed again;
 * - an adopted VM has no request, template or instance size, so the VM's `ticket_id`,
 *   `template_id` and `instance_size_id` become optional.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.transaction(trx => createPendingAdoptions(trx));
  await alterVmColumns(knex, table => {
    table.uuid('ticket_id').nullable().alter();
    table.uuid('template_id').nullable().alter();
    table.uuid('instance_size_id').nullable().alter();
  });
};

/**
 * Changes columns of `vms`. SQLite cannot change a column in place: the table is rebuilt and
 * the old one dropped, and with foreign keys enforced that drop would delete every row that
 * references a VM (its revisions, its console grants). Enforcement is therefore off during
 * the rebuild (which is why this migration runs outside a transaction: SQLite ignores the
 * pragma inside one) and the references are checked when it is back on.
 *
 * @param {import('knex').Knex} knex
 * @param {(table: import('knex').Knex.AlterTableBuilder) => void} change
 */
async function alterVmColumns(knex, change) {
  const sqlite = String(knex.client.config.client).includes('sqlite');
  if (!sqlite) {
    await knex.transaction(trx => trx.schema.alterTable('vms', change));
    return;
  }
  const [{ foreign_keys: enforced }] = await knex.raw('PRAGMA foreign_keys');
  await knex.raw('PRAGMA foreign_keys = OFF');
  try {
    await knex.schema.alterTable('vms', change);
  } finally {
    await knex.raw(`PRAGMA foreign_keys = ${enforced ? 'ON' : 'OFF'}`);
  }
  const violations = await knex.raw('PRAGMA foreign_key_check');
  if (violations.length > 0) {
    throw new Error(
      `Rebuilding the vms table broke ${violations.length} references`,
    );
  }
}

/** @param {import('knex').Knex} knex */
async function createPendingAdoptions(knex) {
  await knex.schema.createTable('pending_adoptions', table => {
    table.comment(
      'VMs found on registered clusters without Shepherd labels, and their adoption',
    );
    table.uuid('id').primary();
    table
      .uuid('cluster_id')
      .notNullable()
      .references('id')
      .inTable('clusters')
      .onDelete('CASCADE');
    table.string('namespace', 63).notNullable();
    table.string('resource_name', 63).notNullable();
    table.string('resource_type', 32).notNullable();
    table.string('uid', 128).notNullable();
    table.string('status', 16).notNullable();
    table
      .string('runtime_status', 16)
      .notNullable()
      .comment('The VM status as last found on the cluster');
    table.text('labels').notNullable().comment('JSON: the labels as found');
    table
      .text('size')
      .notNullable()
      .comment('JSON: CPU, memory, disk and image as the VM declares them');
    table.string('discovered_by', 255).notNullable();
    table.uuid('vm_id').nullable();
    table.uuid('service_id').nullable();
    table.string('decision_reason', 512).nullable();
    table.string('decided_by', 255).nullable();
    table.timestamp('decided_at', { useTz: true }).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('last_seen_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.unique(['cluster_id', 'namespace', 'resource_name', 'uid'], {
      indexName: 'pending_adoptions_object_unique',
    });
    table.index(['status'], 'pending_adoptions_status_idx');
  });
}

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('pending_adoptions');
  // Adopted VMs cannot go back to the old shape: they have no ticket, template or size.
  const adopted = knex('vms').whereNull('ticket_id').select('id');
  await knex('vm_revisions').whereIn('vm_id', adopted.clone()).delete();
  await knex('console_grants').whereIn('vm_id', adopted.clone()).delete();
  await knex('vms').whereNull('ticket_id').delete();
  await alterVmColumns(knex, table => {
    table.uuid('ticket_id').notNullable().alter();
    table.uuid('template_id').notNullable().alter();
    table.uuid('instance_size_id').notNullable().alter();
  });
};

/** SQLite ignores `PRAGMA foreign_keys` inside a transaction; see alterVmColumns. */
exports.config = { transaction: false };
