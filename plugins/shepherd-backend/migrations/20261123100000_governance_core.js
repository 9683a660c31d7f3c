// @ts-check

/**
 * The governance data model: Systems, Services and their members, the namespace registry,
 * clusters, templates, instance sizes, tickets, domain events, VMs, VM revisions and console
 * grants. Audit rows gain a link to the ticket they belong to.
 *
 * Conventions: ids are UUIDs; timestamps are written by the application in UTC; JSON is
 * stored as text; CPU is stored in millicores and memory in MiB so that the 0.5 steps of the
 * API stay exact integers.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const timestamps = (
    /** @type {import('knex').Knex.CreateTableBuilder} */ table,
  ) => {
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  };

  await knex.schema.createTable('systems', table => {
    table.comment('Systems: products or platforms that own Services');
    table.uuid('id').primary();
    table.string('name', 63).notNullable().unique('systems_name_unique');
    table.text('description').notNullable().defaultTo('');
    table
      .string('entity_ref', 255)
      .nullable()
      .unique('systems_entity_ref_unique')
      .comment('Catalog System this record was registered from');
    table.string('created_by', 255).notNullable();
    timestamps(table);
  });

  await knex.schema.createTable('system_members', table => {
    table.comment('Role bindings of users and groups on Systems');
    table.uuid('id').primary();
    table
      .uuid('system_id')
      .notNullable()
      .references('id')
      .inTable('systems')
      .onDelete('CASCADE');
    table.string('member_ref', 255).notNullable();
    table
      .string('role', 16)
      .notNullable()
      .comment('owner, admin, member or viewer');
    table.string('granted_by', 255).notNullable();
    timestamps(table);
    table.unique(['system_id', 'member_ref'], {
      indexName: 'system_members_system_member_unique',
    });
    table.index(['member_ref'], 'system_members_member_ref_idx');
  });

  await knex.schema.createTable('services', table => {
    table.comment('Services of Systems; VMs are requested for a Service');
    table.uuid('id').primary();
    table
      .uuid('system_id')
      .notNullable()
      .references('id')
      .inTable('systems')
      .onDelete('RESTRICT');
    table.string('name', 63).notNullable();
    table.text('description').notNullable().defaultTo('');
    table
      .string('entity_ref', 255)
      .nullable()
      .unique('services_entity_ref_unique')
      .comment('Catalog Component this record was registered from');
    table
      .integer('next_instance_index')
      .notNullable()
      .defaultTo(1)
      .comment('Index of the next VM; only ever incremented');
    table.string('created_by', 255).notNullable();
    timestamps(table);
    table.unique(['system_id', 'name'], {
      indexName: 'services_system_name_unique',
    });
  });

  await knex.schema.createTable('namespaces', table => {
    table.comment(
      'Namespace registry; Kubernetes namespaces are created when first used',
    );
    table.uuid('id').primary();
    table.string('name', 63).notNullable().unique('namespaces_name_unique');
    table.string('environment', 8).notNullable().comment('test or prod');
    table.string('description', 512).notNullable().defaultTo('');
    table.boolean('enabled').notNullable().defaultTo(true);
    table.string('created_by', 255).notNullable();
    timestamps(table);
  });

  await knex.schema.createTable('clusters', table => {
    table.comment(
      'Registered KubeVirt clusters; credentials encrypted at rest',
    );
    table.uuid('id').primary();
    table.string('name', 63).notNullable().unique('clusters_name_unique');
    table.string('display_name', 255).notNullable();
    table.string('environment', 8).notNullable();
    table.string('status', 16).notNullable().defaultTo('UNKNOWN');
    table.string('status_message', 1024).nullable();
    table.boolean('enabled').notNullable().defaultTo(true);
    table.string('api_server_url', 1024).notNullable();
    table
      .text('encrypted_kubeconfig')
      .notNullable()
      .comment('AES-256-GCM ciphertext of the sanitised kubeconfig');
    table.string('encryption_key_id', 64).notNullable();
    table.string('kubevirt_version', 64).nullable();
    table.text('feature_gates').notNullable().defaultTo('[]');
    table.text('storage_classes').notNullable().defaultTo('[]');
    table.string('default_storage_class', 255).nullable();
    table.timestamp('last_checked_at', { useTz: true }).nullable();
    table.string('created_by', 255).notNullable();
    timestamps(table);
  });

  await knex.schema.createTable('templates', table => {
    table.comment('OS templates: image and cloud-init, no hardware');
    table.uuid('id').primary();
    table.string('name', 63).notNullable().unique('templates_name_unique');
    table.string('display_name', 255).notNullable();
    table.text('description').notNullable().defaultTo('');
    table
      .string('status', 16)
      .notNullable()
      .defaultTo('draft')
      .comment('draft, active, deprecated or archived');
    table.string('catalog_scope', 16).notNullable().defaultTo('unclassified');
    table.string('source_type', 32).notNullable();
    table.string('image_url', 2048).nullable();
    table.string('pvc_name', 253).nullable();
    table.string('pvc_namespace', 63).nullable();
    table.text('cloud_init').nullable();
    table.string('os_family', 64).notNullable().defaultTo('');
    table.string('os_version', 64).notNullable().defaultTo('');
    table.string('created_by', 255).notNullable();
    timestamps(table);
  });

  await knex.schema.createTable('instance_sizes', table => {
    table.comment('Hardware shapes offered to requesters');
    table.uuid('id').primary();
    table.string('name', 63).notNullable().unique('instance_sizes_name_unique');
    table.string('display_name', 255).notNullable();
    table.text('description').notNullable().defaultTo('');
    table.string('catalog_scope', 16).notNullable().defaultTo('unclassified');
    table.boolean('enabled').notNullable().defaultTo(true);
    table.integer('sort_order').notNullable().defaultTo(0);
    table.integer('cpu_millicores').notNullable();
    table.integer('cpu_request_millicores').notNullable();
    table.integer('memory_mib').notNullable();
    table.integer('memory_request_mib').notNullable();
    table.integer('disk_gb').notNullable();
    table.boolean('dedicated_cpu').notNullable().defaultTo(false);
    table.boolean('requires_gpu').notNullable().defaultTo(false);
    table.boolean('requires_sriov').notNullable().defaultTo(false);
    table.boolean('requires_hugepages').notNullable().defaultTo(false);
    table.string('hugepages_size', 16).nullable();
    table.text('spec_overrides').notNullable().defaultTo('{}');
    table.string('created_by', 255).notNullable();
    timestamps(table);
  });

  await knex.schema.createTable('domain_events', table => {
    table.comment(
      'Immutable domain events; the status tracks their processing',
    );
    table.uuid('id').primary();
    table.string('event_type', 64).notNullable();
    table.string('aggregate_type', 32).notNullable();
    table.string('aggregate_id', 255).notNullable();
    table.text('payload').notNullable().comment('Immutable JSON');
    table.string('status', 16).notNullable();
    table.text('error_message').nullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('processed_at', { useTz: true }).nullable();
    table.timestamp('archived_at', { useTz: true }).nullable();
    table.index(['status'], 'domain_events_status_idx');
    table.index(
      ['aggregate_type', 'aggregate_id'],
      'domain_events_aggregate_idx',
    );
  });

  await knex.schema.createTable('tickets', table => {
    table.comment('Requests for governed operations and their approval');
    table.uuid('id').primary();
    table.uuid('event_id').notNullable();
    table.string('operation', 16).notNullable();
    table.string('status', 16).notNullable();
    table.string('requester', 255).notNullable();
    table.string('approver', 255).nullable();
    table.text('reason').notNullable();
    table.text('reject_reason').nullable();
    table.text('decision_comment').nullable();
    table.string('environment', 8).notNullable();
    table.uuid('system_id').notNullable();
    table
      .string('system_name', 63)
      .notNullable()
      .comment('Names are immutable: kept so tickets outlive their System');
    table.uuid('service_id').notNullable();
    table.string('service_name', 63).notNullable();
    table.string('namespace', 63).notNullable();
    table.uuid('vm_id').nullable();
    table.string('vm_name', 255).nullable();
    table.string('power_action', 16).nullable();
    table.uuid('cluster_id').nullable();
    table
      .string('dedupe_key', 512)
      .notNullable()
      .comment('Target and operation; unique among pending tickets');
    table.text('request_spec').notNullable().defaultTo('{}');
    table.text('template_snapshot').nullable();
    table.text('instance_size_snapshot').nullable();
    table.text('modified_spec').nullable();
    table.integer('grant_minutes').nullable();
    timestamps(table);
    table.timestamp('decided_at', { useTz: true }).nullable();
    table.index(['requester'], 'tickets_requester_idx');
    table.index(['status'], 'tickets_status_idx');
    table.index(['system_id'], 'tickets_system_idx');
    table.index(['vm_id'], 'tickets_vm_idx');
    table.index(['created_at'], 'tickets_created_at_idx');
  });
  // A second pending ticket for the same target and operation is refused by the database
  // itself, so that two concurrent submissions cannot both succeed.
  await knex.schema.raw(
    "CREATE UNIQUE INDEX tickets_pending_dedupe_unique ON tickets (dedupe_key) WHERE status = 'PENDING'",
  );

  await knex.schema.createTable('vms', table => {
    table.comment('Governed virtual machines; a deleted VM has no row');
    table.uuid('id').primary();
    table.string('name', 63).notNullable();
    table.string('namespace', 63).notNullable();
    table.string('environment', 8).notNullable();
    table.string('instance', 8).notNullable();
    table.string('status', 16).notNullable();
    table.string('status_message', 1024).nullable();
    table.uuid('system_id').notNullable();
    table
      .uuid('service_id')
      .notNullable()
      .references('id')
      .inTable('services')
      .onDelete('RESTRICT');
    table.uuid('cluster_id').nullable();
    table.uuid('ticket_id').notNullable();
    table.string('created_by', 255).notNullable();
    table.uuid('template_id').notNullable();
    table.uuid('instance_size_id').notNullable();
    table.integer('cpu_millicores').notNullable();
    table.integer('cpu_request_millicores').notNullable();
    table.integer('memory_mib').notNullable();
    table.integer('memory_request_mib').notNullable();
    table.integer('disk_gb').notNullable();
    table.string('storage_class', 255).nullable();
    table.string('resource_version', 64).nullable();
    table.timestamp('last_polled_at', { useTz: true }).nullable();
    timestamps(table);
    table.unique(['namespace', 'name'], {
      indexName: 'vms_namespace_name_unique',
    });
    table.index(['service_id'], 'vms_service_idx');
    table.index(['system_id'], 'vms_system_idx');
    table.index(['cluster_id'], 'vms_cluster_idx');
  });

  await knex.schema.createTable('vm_revisions', table => {
    table.comment('One row per applied change of a VM spec');
    table.uuid('id').primary();
    table
      .uuid('vm_id')
      .notNullable()
      .references('id')
      .inTable('vms')
      .onDelete('CASCADE');
    table.integer('revision').notNullable();
    table.text('spec').notNullable();
    table.text('change_reason').notNullable();
    table.string('changed_by', 255).notNullable();
    table.uuid('ticket_id').nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.unique(['vm_id', 'revision'], {
      indexName: 'vm_revisions_vm_revision_unique',
    });
  });

  await knex.schema.createTable('console_grants', table => {
    table.comment('Time-limited rights of users to open the console of a VM');
    table.uuid('id').primary();
    table.uuid('vm_id').notNullable();
    table.string('user_ref', 255).notNullable();
    table.uuid('ticket_id').nullable();
    table.string('granted_by', 255).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('revoked_at', { useTz: true }).nullable();
    table.index(['vm_id', 'user_ref'], 'console_grants_vm_user_idx');
  });

  await knex.schema.alterTable('audit_logs', table => {
    table.uuid('ticket_id').nullable();
    table.index(['ticket_id'], 'audit_logs_ticket_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('audit_logs', table => {
    table.dropIndex(['ticket_id'], 'audit_logs_ticket_idx');
    table.dropColumn('ticket_id');
  });
  await knex.schema.dropTable('console_grants');
  await knex.schema.dropTable('vm_revisions');
  await knex.schema.dropTable('vms');
  await knex.schema.dropTable('tickets');
  await knex.schema.dropTable('domain_events');
  await knex.schema.dropTable('instance_sizes');
  await knex.schema.dropTable('templates');
  await knex.schema.dropTable('clusters');
  await knex.schema.dropTable('namespaces');
  await knex.schema.dropTable('services');
  await knex.schema.dropTable('system_members');
  await knex.schema.dropTable('systems');
};
