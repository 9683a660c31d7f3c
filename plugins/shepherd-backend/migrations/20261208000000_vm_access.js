// @ts-check

/**
 * How to reach a VM: the addresses of its running instance's interfaces and its node, as the
 * cluster last reported them (watch or poll), and the login user its template's cloud-init
 * names, frozen when the VM is approved. VMs recorded before have no SSH user; addresses and
 * node are filled in at their next observation.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('vms', table => {
    table
      .text('ip_addresses')
      .nullable()
      .comment(
        "JSON array of the running instance's IP addresses, the pod network's first; null or [] while it does not run",
      );
    table
      .string('node_name', 253)
      .nullable()
      .comment('The node the running instance is on');
    table
      .string('ssh_user', 64)
      .nullable()
      .comment(
        "The login user of the template's cloud-init, if it names one; null when the image's default applies",
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('vms', table => {
    table.dropColumn('ip_addresses');
    table.dropColumn('node_name');
    table.dropColumn('ssh_user');
  });
};
