// This file is generated from plugins/shepherd-backend/src/schema/openapi.yaml by
// scripts/generate-openapi.mjs (openapi-typescript).
// Do not edit it by hand: change openapi.yaml and run `yarn generate:openapi`.

export interface paths {
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * State of the Shepherd backend
     * @description Checks the plugin's database (reachability, latency, migrations) and lists the VM providers registered by backend modules. Answers 503 with the same body when a check fails, so that monitors and the UI read one format.
     */
    get: operations['GetHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/capabilities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What the caller may do
     * @description Answers for the signed-in caller alone (service principals are refused with 403), so that the portal shows only what the caller may use: whether it may decide requests (shepherd.ticket.approve allowed, or conditional, i.e. allowed on some tickets), and for each System it may read the environments in which shepherd.vm.create would let it request a VM — the decision on the VM to be (its System and its namespace's environment, with the caller as requester), the same check that a request (POST /v1/vms/requests) passes. Systems are paged like GET /v1/systems (same order, offset and limit); decideRequests is the same on every page. Every request is checked again when it is made.
     */
    get: operations['GetCapabilities'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/systems': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Systems the caller may read */
    get: operations['ListSystems'];
    put?: never;
    /**
     * Create a System
     * @description Needs no approval. The owner (the caller by default, or one of the caller's groups) becomes the System's owner. Names follow the naming rules (see the Name schema); a name longer than 12 characters is accepted with a NAME_LENGTH_WARNING.
     */
    post: operations['CreateSystem'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/systems/register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Register an existing catalog System
     * @description Reads the System from the catalog with the caller's credentials and creates its governance record, with the entity's owner as owner.
     */
    post: operations['RegisterSystem'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/systems/{systemId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One System */
    get: operations['GetSystem'];
    put?: never;
    post?: never;
    /**
     * Delete a System that has no Services
     * @description Needs confirm_name set to the System's name (DELETE_CONFIRMATION_REQUIRED, CONFIRMATION_NAME_MISMATCH) and no Services (409 DELETE_RESTRICTED). No approval.
     */
    delete: operations['DeleteSystem'];
    options?: never;
    head?: never;
    /** Change a System's description (its name is immutable) */
    patch: operations['UpdateSystem'];
    trace?: never;
  };
  '/v1/systems/{systemId}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Members of a System and their roles */
    get: operations['ListSystemMembers'];
    put?: never;
    /**
     * Give a user or group a role on the System
     * @description Only owners (or policy-wide member managers) may grant the owner role.
     */
    post: operations['AddSystemMember'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/systems/{systemId}/members/{memberId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a member (a System keeps at least one owner) */
    delete: operations['RemoveSystemMember'];
    options?: never;
    head?: never;
    /** Change a member's role */
    patch: operations['UpdateSystemMember'];
    trace?: never;
  };
  '/v1/systems/{systemId}/services': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a Service in a System */
    post: operations['CreateService'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/systems/{systemId}/services/register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Register a catalog Component (type service) of the System as a Service */
    post: operations['RegisterService'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/services': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Services the caller may read, across Systems */
    get: operations['ListServices'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/services/{serviceId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One Service */
    get: operations['GetService'];
    put?: never;
    post?: never;
    /**
     * Delete a Service that has no VMs
     * @description Needs confirm=true (DELETE_CONFIRMATION_REQUIRED), no VMs (409 DELETE_RESTRICTED) and no unfinished requests (409 ACTIVE_TICKETS_EXIST). No approval.
     */
    delete: operations['DeleteService'];
    options?: never;
    head?: never;
    /** Change a Service's description (its name is immutable) */
    patch: operations['UpdateService'];
    trace?: never;
  };
  '/v1/audit-logs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The audit trail, newest first
     * @description Every governance action and decision, as written in the same transaction as the change it records; secrets in details are redacted before they are written. Needs the shepherd.audit.read permission. from and to are RFC 3339 timestamps (from inclusive, to exclusive).
     */
    get: operations['ListAuditLogs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit-logs/export.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The audit trail as CSV, newest first
     * @description The entries the same filters as ListAuditLogs select, as RFC 4180 CSV (a header row, CRLF line ends, fields with commas, quotes or line breaks quoted). Needs the shepherd.audit.read permission, like the audit search. At most 10000 entries are written; when more match, X-Shepherd-Export-Truncated is true and narrowing the filters (from, to) gets the rest. Cells that start with =, +, - or @ (or a tab or carriage return) are prefixed with a single quote, so that spreadsheets do not run them as formulas.
     */
    get: operations['ExportAuditLogs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit-logs/{auditLogId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One audit entry
     * @description Needs the shepherd.audit.read permission.
     */
    get: operations['GetAuditLog'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/vms': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** VMs the caller may read */
    get: operations['ListVms'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/vms/requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Request a new VM for a Service
     * @description Always needs approval: answers 202 with the ticket and its domain event. Requesters choose the Service, a namespace, a template and an instance size (optionally with their own CPU, memory and disk targets); the approver chooses the cluster. The VM the choice renders to, spec overrides included, must pass KubeVirt's admission rules: dedicated CPUs take whole cores (RESOURCE_STEP_INVALID) and requests equal to limits (DEDICATED_CPU_OVERCOMMIT), hugepages memory a whole number of pages (RESOURCE_STEP_INVALID), cloud-init at most 2048 bytes (CLOUD_INIT_INVALID), overrides nothing KubeVirt refuses (INVALID_SPEC_OVERRIDES). A second pending request with the same parameters answers 409 DUPLICATE_PENDING_REQUEST with the existing ticket in error.details.ticketId.
     */
    post: operations['RequestVm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/vms/{vmId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One VM */
    get: operations['GetVm'];
    put?: never;
    post?: never;
    /**
     * Request the deletion of a VM
     * @description Needs approval in every environment. A test VM needs confirm=true, a production VM confirm_name set to its name (DELETE_CONFIRMATION_REQUIRED, CONFIRMATION_NAME_MISMATCH) and a reason (REASON_REQUIRED when it is missing or only blanks). A reason has at most 512 characters after trimming (REASON_TOO_LONG). 409 VM_OPERATION_IN_PROGRESS while the VM's create or another operation on it is queued or running; the message names the running ticket.
     */
    delete: operations['RequestVmDeletion'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/vms/{vmId}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What was done to one VM, newest first
     * @description The audit entries on the VM, for everyone who may read the VM: what was done (the audit action code), by whom, when, how it ended and the request it belongs to. Of the entries' details only the operation (e.g. stop), the reason and the error are given; the audit log (shepherd.audit.read) has every detail. Actions that need no approval, such as a power action in test, are recorded only here and in the audit log.
     */
    get: operations['GetVmHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/vms/{vmId}/power': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start, stop or restart a VM
     * @description In test environments the operation is accepted directly (status ACCEPTED, a domain event is recorded); in production it waits for approval (status PENDING_APPROVAL, a POWER ticket). A request that repeats the action already queued or running on the VM where no approval is needed (a second restart) joins it: 202 ACCEPTED with joined set and the eventId of the action under way, which runs once. 409 VM_STATE_CONFLICT when the VM's status does not allow the action, 409 VM_OPERATION_IN_PROGRESS while another operation on the VM (a different action, or any other operation) is queued or running.
     */
    post: operations['RequestVmPower'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/vms/{vmId}/modify-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Request new CPU, memory or disk sizes for a VM
     * @description Needs approval. At least one target (MODIFY_TARGET_REQUIRED); CPU and memory in 0.5 steps; disks only grow (DISK_SHRINK_FORBIDDEN). Changing CPU or memory of a running VM takes effect after a restart (requestSpec.requiresRestart). 409 VM_OPERATION_IN_PROGRESS while another operation on the VM is queued or running.
     */
    post: operations['RequestVmModification'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/vms/{vmId}/console': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's console grant on the VM, or its pending request */
    get: operations['GetVmConsoleAccess'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/vms/{vmId}/console/requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Request access to the console of a running VM
     * @description In test environments access is granted at once (200, status ACCEPTED, with the grant); in production a VNC_ACCESS ticket waits for approval (202) and the request needs a reason (REASON_REQUIRED when it is missing or only blanks). A reason has at most 512 characters after trimming (REASON_TOO_LONG). The VM must be RUNNING (409 VM_NOT_RUNNING); grants last at most 120 minutes.
     */
    post: operations['RequestVmConsole'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/vms/{vmId}/console/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Prepare a console session on a running VM for the VNC relay
     * @description Needs the console permission on the VM, the VM RUNNING (409 VM_NOT_RUNNING) and an active console grant of the caller (403 CONSOLE_GRANT_REQUIRED; see /v1/vms/{vmId}/console/requests). Answers a single-use token, sealed with AES-256-GCM, that opens the relay's websocket at websocketPath once within a minute. The client opens that websocket offering the subprotocols shepherd.console.v1, shepherd.session.<token> and shepherd.bearer.<its Backstage token> (never a query string); the relay checks the token and the user again, uses the token up, and relays the VM's VNC stream (RFB) until the grant expires, the session is idle for too long or either side closes. The websocket itself is not an operation of this document. With takeover, the session also needs the console take-over permission on the VM (403 CONSOLE_TAKEOVER_DENIED); the token is sealed as a take-over, and the relay then takes the console over from a session someone else holds instead of refusing with close code 4104. A token issued without takeover never takes a console over.
     */
    post: operations['CreateVmConsoleSession'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/tickets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tickets (by default the caller's own requests) */
    get: operations['ListTickets'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/tickets/{ticketId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A ticket with its domain events and audit trail */
    get: operations['GetTicket'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/tickets/{ticketId}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Withdraw one's own pending request */
    post: operations['CancelTicket'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/approval-tasks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Pending tickets the caller may decide, oldest first unless orderBy says otherwise */
    get: operations['ListApprovalTasks'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/approval-tasks/{ticketId}/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What approving would do
     * @description The effective spec, warnings (e.g. OVERCOMMIT_IN_PROD) and, for new VMs, every cluster with whether it can take the VM and why not.
     */
    get: operations['PreviewApproval'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/approval-tasks/{ticketId}/manifest': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The VirtualMachine approving a CREATE with these choices would apply
     * @description Renders, without a cluster call, the VirtualMachine manifest the create job would apply if the ticket were approved with this cluster, storage class and spec. The choices are checked as by ApproveTicket (CLUSTER_REQUIRED, STORAGE_CLASS_UNKNOWN, the spec's rules); nothing is written. The name carries the Service's next instance index, which another approval may take first (provisional). Without an installed VM provider there is no manifest. Only CREATE tickets have one (other operations answer 400 VALIDATION_FAILED).
     */
    post: operations['RenderApprovalManifest'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/approval-tasks/{ticketId}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve a pending ticket
     * @description For CREATE the approver chooses the cluster (same environment as the namespace, enabled, not unreachable) and may set the storage class and replace the spec as a whole (template, size, CPU, memory, disk) within the overcommit rules and KubeVirt's admission rules, checked as for a request (e.g. a replacement with fractional cores on a size with dedicated CPUs answers 400 RESOURCE_STEP_INVALID); namespace, Service, name, labels and cloud-init cannot change. Approving a CREATE names the VM and records it as CREATING. Requesters cannot approve their own tickets. Before a CREATE or MODIFY approval is committed, the chosen cluster validates the exact VM (or resize patch) in a server-side dry run, admission webhooks included; the VM's namespace is created on the cluster for it if missing. A rejection answers 400 VALIDATION_FAILED, an unreachable cluster 503 CLUSTER_UNAVAILABLE; the ticket stays PENDING either way. An object under the VM's name that is not this Shepherd installation's VM answers 409 VM_NAME_CONFLICT (cluster, namespace, name and, when the Service's index moved on, nextVmName in error.details); the object is left untouched and approving again uses the Service's next name. Approving a DELETE, MODIFY or POWER ticket while another operation on its VM is queued or running answers 409 VM_OPERATION_IN_PROGRESS naming the running ticket. Approving the DELETE of a production VM needs confirmVmName set to the VM's name, as the approver typed it (400 DELETE_CONFIRMATION_REQUIRED when missing, CONFIRMATION_NAME_MISMATCH when it differs; error.details.field is confirmVmName); the ticket stays PENDING.
     */
    post: operations['ApproveTicket'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/approval-tasks/{ticketId}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject a pending ticket, with a reason for the requester */
    post: operations['RejectTicket'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/namespaces': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The namespace registry
     * @description Needs shepherd.catalog.manage.
     */
    get: operations['ListAdminNamespaces'];
    put?: never;
    /**
     * Register a namespace
     * @description Needs shepherd.catalog.manage. The name follows the naming rules (see the Name schema); the environment is set explicitly and decides approval and console rules. The Kubernetes namespace is created on the chosen cluster when a VM first needs it.
     */
    post: operations['CreateNamespace'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/namespaces/{namespaceId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One namespace of the registry */
    get: operations['GetNamespace'];
    put?: never;
    post?: never;
    /**
     * Remove a namespace no VM and no unfinished request uses
     * @description Needs confirm_name set to the namespace's name (DELETE_CONFIRMATION_REQUIRED, CONFIRMATION_NAME_MISMATCH), no VMs and no unfinished requests (409 DELETE_RESTRICTED; disable the namespace instead). The Kubernetes namespaces on clusters are never deleted.
     */
    delete: operations['DeleteNamespace'];
    options?: never;
    head?: never;
    /**
     * Change a namespace's description, enabled flag or environment
     * @description The name is immutable. The environment cannot change once any VM or any request uses the namespace (409 ENVIRONMENT_IMMUTABLE).
     */
    patch: operations['UpdateNamespace'];
    trace?: never;
  };
  '/v1/admin/clusters': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The registered clusters (never their credentials)
     * @description Needs shepherd.cluster.read.
     */
    get: operations['ListClusters'];
    put?: never;
    /**
     * Register a KubeVirt cluster with its kubeconfig
     * @description Needs shepherd.cluster.manage. The kubeconfig is sanitised (KUBECONFIG_INVALID, KUBECONFIG_UNSAFE for exec or auth-provider plugins, file references, proxy-url, insecure-skip-tls-verify or a non-HTTPS server), reduced to its current context and encrypted at rest (503 ENCRYPTION_NOT_CONFIGURED without a key). It is never returned. The cluster starts with status UNKNOWN until its first health check. Its providerType (default kubevirt) names the VM provider that reaches it; a type other than kubevirt must be installed in the backend (VALIDATION_FAILED).
     */
    post: operations['RegisterCluster'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/clusters/{clusterId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One registered cluster */
    get: operations['GetCluster'];
    put?: never;
    post?: never;
    /**
     * Remove a cluster no VM and no unfinished request uses
     * @description Needs shepherd.cluster.manage. Refused while VMs or unfinished requests use the cluster (409 DELETE_RESTRICTED; disable it instead).
     */
    delete: operations['DeleteCluster'];
    options?: never;
    head?: never;
    /**
     * Change a cluster's display name, enabled flag, default storage class or environment
     * @description Needs shepherd.cluster.manage. The environment cannot change while VMs or unfinished requests use the cluster (409 ENVIRONMENT_IMMUTABLE). The default storage class must be one the cluster reported, once it has reported any (STORAGE_CLASS_UNKNOWN).
     */
    patch: operations['UpdateCluster'];
    trace?: never;
  };
  '/v1/admin/clusters/{clusterId}/credentials': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Replace a cluster's kubeconfig
     * @description Needs shepherd.cluster.manage. Sanitised and encrypted like at registration, under the current encryption key; audited as cluster.credential_rotate without the kubeconfig.
     */
    put: operations['RotateClusterCredentials'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/reconciler/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The reconciler's reports, newest first
     * @description Needs shepherd.reconcile.read. One report per run and cluster: the mode, when it ran, what it compared and found (at most 100 ghosts and 100 orphans listed; the counts are complete), and whether the breaker halted it. Reports are kept for shepherd.reconciler.reportRetentionDays.
     */
    get: operations['ListReconcileReports'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/reconciler/reports/{reportId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One report of the reconciler
     * @description Needs shepherd.reconcile.read.
     */
    get: operations['GetReconcileReport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/reconciler/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reconcile one cluster, or every cluster, now
     * @description Needs shepherd.reconcile.run. Compares the VM records of the cluster (of every registered cluster without clusterId) with the Shepherd-labelled VMs of this installation on it, and answers the reports of the run. dry-run reports only; mark also marks the ghosts and orphans it found. delete is refused (RECONCILE_MODE_NOT_SUPPORTED): the reconciler never deletes. When more than half of a cluster's records look like ghosts the run halts for that cluster, marks nothing and alerts the platform admins. Audited as reconcile.run.
     */
    post: operations['RunReconciler'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/reconciler/marks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The ghosts and orphans the reconciler marked
     * @description Needs shepherd.reconcile.read. A mark stays while runs in mark mode still find it and goes with the first that does not. Marking a ghost never deletes its record.
     */
    get: operations['ListReconcileMarks'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every OS template, whatever its status and scope
     * @description Needs shepherd.catalog.manage.
     */
    get: operations['ListTemplates'];
    put?: never;
    /**
     * Create an OS template (a draft unless status is given)
     * @description Needs shepherd.catalog.manage. Templates carry the image source, cloud-init and OS labels, never hardware: a body with hardware fields (cpu*, memory*, disk*, gpu*, hugepages*, instanceSize*) answers TEMPLATE_SPEC_VIOLATION, other unknown fields VALIDATION_FAILED. The source must fit the source type (TEMPLATE_SOURCE_INVALID) and cloud-init must be a #cloud-config YAML mapping (CLOUD_INIT_INVALID, with line and column) of at most 2048 bytes of UTF-8, KubeVirt's limit on inline user data (CLOUD_INIT_INVALID, with bytes and maxBytes).
     */
    post: operations['CreateTemplate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/templates/{templateId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One OS template */
    get: operations['GetTemplate'];
    put?: never;
    post?: never;
    /**
     * Delete a template that no VM and no request has used
     * @description Refused while any VM or any request, finished or not, refers to the template (409 DELETE_RESTRICTED; archive it instead).
     */
    delete: operations['DeleteTemplate'];
    options?: never;
    head?: never;
    /**
     * Change a template or move it through its lifecycle
     * @description The name is immutable; null clears imageUrl, pvcName, pvcNamespace or cloudInit. Status moves draft → active | archived, active → deprecated, deprecated → active | archived (409 TEMPLATE_STATUS_TRANSITION_INVALID otherwise). The template is checked again as it would be saved. A template saved with cloud-init over KubeVirt's 2048-byte limit before that limit was enforced can still change otherwise, be deprecated or archived; changing its cloud-init, or offering it (active, not unclassified), needs the limit met (CLOUD_INIT_INVALID), and requests for it are refused. VMs and approved requests keep the snapshot they were approved with.
     */
    patch: operations['UpdateTemplate'];
    trace?: never;
  };
  '/v1/admin/instance-sizes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every instance size, enabled or not
     * @description Needs shepherd.catalog.manage.
     */
    get: operations['ListInstanceSizes'];
    put?: never;
    /**
     * Create an instance size
     * @description Needs shepherd.catalog.manage. CPU and memory come in 0.5 steps (RESOURCE_STEP_INVALID), requests default to the limits and may not exceed them (RESOURCE_REQUEST_EXCEEDS_LIMIT); dedicated CPUs cannot be overcommitted (DEDICATED_CPU_OVERCOMMIT) and take whole cores (RESOURCE_STEP_INVALID). hugepagesSize is required exactly when requiresHugepages is true, and the memory request must then be a whole number of pages, at least one (RESOURCE_STEP_INVALID; 1Gi pages need whole GiB). specOverrides keys are dotted KubeVirt paths under spec. that leave image, boot disk and cloud-init to templates, and the VM they give must pass the same KubeVirt admission rules; spec.running is refused since Shepherd sets spec.runStrategy (INVALID_SPEC_OVERRIDES). Overcommit in a size offered to prod is accepted with a warning.
     */
    post: operations['CreateInstanceSize'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/instance-sizes/{instanceSizeId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One instance size */
    get: operations['GetInstanceSize'];
    put?: never;
    post?: never;
    /**
     * Delete an instance size no VM and no unfinished request uses
     * @description Refused while VMs or unfinished requests use the size (409 DELETE_RESTRICTED; disable it instead).
     */
    delete: operations['DeleteInstanceSize'];
    options?: never;
    head?: never;
    /**
     * Change an instance size
     * @description The name is immutable; the whole size is checked again as it would be saved. A request that equalled its limit follows a changed limit. null clears hugepagesSize. A size saved before KubeVirt's admission rules were enforced can still be disabled or changed otherwise; a change that breaks a rule anew, or offering the size (enabled, not unclassified), needs the rules met, and requests for it are refused. VMs and approved requests keep the snapshot they were approved with.
     */
    patch: operations['UpdateInstanceSize'];
    trace?: never;
  };
  '/v1/catalog/namespaces': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Enabled namespaces the caller may request VMs in
     * @description Filtered by the caller's shepherd.namespace.read decision (usually by environment).
     */
    get: operations['ListCatalogNamespaces'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/catalog/templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Active templates the caller may request
     * @description Needs shepherd.catalog.read. Templates scoped to all, or to the environment of a namespace the caller may read; with namespace, only those offered in that namespace's environment (404 when the caller may not use the namespace). Unclassified templates are never offered. cloudInit reads ***REDACTED*** unless the caller has shepherd.catalog.manage.
     */
    get: operations['ListCatalogTemplates'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/catalog/instance-sizes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Enabled instance sizes the caller may request
     * @description Needs shepherd.catalog.read. Offered like templates: scoped to all, or to the environment of a (given) namespace the caller may read; never unclassified.
     */
    get: operations['ListCatalogInstanceSizes'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/pending-adoptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * VMs found on registered clusters without Shepherd's labels, and what became of them
     * @description Needs shepherd.vm.adopt. Discovery proposes every VirtualMachine without Shepherd's managed-by label in a registered namespace of a registered cluster (same environment) as a PENDING adoption; an adopted one is ADOPTED (with its VM's id), a rejected one REJECTED and never proposed again unless its uid changes. A PENDING one whose VM left the cluster leaves the list. Newest first.
     */
    get: operations['ListPendingAdoptions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/pending-adoptions/discover': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Look for VMs to adopt now, rather than at the next periodic scan
     * @description Needs shepherd.vm.adopt. Scans every enabled cluster (or the one given) whose provider can list VMs; a cluster that cannot be asked is reported in failedClusters and its pending adoptions stay as they were.
     */
    post: operations['DiscoverPendingAdoptions'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/pending-adoptions/{adoptionId}/adopt': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Adopt a discovered VM into a Service
     * @description Needs shepherd.vm.adopt. The VM keeps its name; Shepherd adds only its own labels (System, Service, instance, environment, managed-by) with its field manager, on the very object that was discovered (uid and resourceVersion preconditions), then records the VM, audited as adoption.adopted. From then on it is governed like any other VM. Refusals: ADOPTION_NOT_PENDING (409, already adopted or rejected, or labelled by someone else meanwhile), ADOPTION_VM_CHANGED (409, the VM left the cluster or was replaced by another object of the same name), NAMESPACE_NOT_REGISTERED (400), NAMESPACE_DISABLED (400), CLUSTER_ENVIRONMENT_MISMATCH (400, the namespace is registered for another environment than the cluster's), NAME_ALREADY_EXISTS (409, a VM record of that name exists in the namespace), CLUSTER_UNAVAILABLE (503).
     */
    post: operations['AdoptPendingAdoption'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/pending-adoptions/{adoptionId}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Decline a discovered VM, with a reason; it is not proposed again
     * @description Needs shepherd.vm.adopt. The adoption becomes REJECTED (audited as adoption.rejected) and the VM is left as it is. Discovery proposes the same name again only for another object (another uid). A reason is required (REJECT_REASON_REQUIRED), at most 512 characters; ADOPTION_NOT_PENDING (409) when it was decided already.
     */
    post: operations['RejectPendingAdoption'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /**
     * @description The columns the VM list can be ordered by.
     * @enum {string}
     */
    VmOrderBy:
      | 'name'
      | 'status'
      | 'environment'
      | 'namespace'
      | 'createdAt'
      | 'updatedAt';
    /**
     * @description The columns lists of tickets (requests, the approval queue) can be ordered by.
     * @enum {string}
     */
    TicketOrderBy:
      | 'vmName'
      | 'operation'
      | 'status'
      | 'environment'
      | 'requester'
      | 'createdAt'
      | 'updatedAt';
    /**
     * @description The direction of a list's order.
     * @enum {string}
     */
    ListOrder: 'asc' | 'desc';
    /** @description Case-insensitive text to look for; % and _ are matched as themselves, not as wildcards. */
    SearchText: string;
    /** @description The id of a record, a UUID (by pattern: the format keyword is not checked by every validator the spec serves). An id that is no UUID names no record: in a path it answers 404 NOT_FOUND like any unknown id, in a body 400 VALIDATION_FAILED. */
    Uuid: string;
    /** @description An id to filter a list by. A value that is no UUID matches nothing, so that an id typed in part finds nothing rather than failing. */
    IdFilter: string;
    /** @description A description, reason or comment, at most 4096 characters as sent; where a rule limits it further (a request's reason: 512 characters after trimming, REASON_TOO_LONG), that rule's code answers. */
    FreeText: string;
    /** @description A catalog entity ref, e.g. group:default/team-payments; at most 255 characters. */
    EntityRef: string;
    /** @description A name typed to confirm a deletion; at most 255 characters. */
    ConfirmationName: string;
    /** @description The name of a Kubernetes namespace (a DNS label, at most 63 characters). */
    NamespaceName: string;
    /** @description The name of a storage class of a cluster (at most 253 characters). */
    StorageClassName: string;
    /** @description A value an audit entry is filtered by; at most 255 characters. */
    AuditFilterText: string;
    /**
     * @description PENDING until a platform admin adopts (ADOPTED) or rejects (REJECTED) it.
     * @enum {string}
     */
    PendingAdoptionStatus: 'PENDING' | 'ADOPTED' | 'REJECTED';
    /** @description What the VM declares, as found on the cluster (absent when it declares nothing). */
    DiscoveredVmSize: {
      cpuCores?: number;
      memoryGi?: number;
      diskGb?: number;
      /** @description The container image or source of the VM's first disk. */
      image?: string;
    };
    PendingAdoption: {
      id: string;
      clusterId: string;
      clusterName?: string;
      namespace: string;
      /** @description The VM's name on the cluster; an adopted VM keeps it. */
      resourceName: string;
      /** @enum {string} */
      resourceType: 'VirtualMachine';
      /** @description The uid of the object discovered; adoption labels this object only. */
      uid: string;
      status: components['schemas']['PendingAdoptionStatus'];
      runtimeStatus: components['schemas']['VmStatus'];
      labels: {
        [key: string]: string;
      };
      size: components['schemas']['DiscoveredVmSize'];
      discoveredBy: string;
      /** @description The VM record of an ADOPTED adoption. */
      vmId?: string;
      serviceId?: string;
      decisionReason?: string;
      decidedBy?: string;
      decidedAt?: string;
      createdAt: string;
      lastSeenAt: string;
      updatedAt: string;
    };
    PendingAdoptionPage: {
      items: components['schemas']['PendingAdoption'][];
      totalItems: number;
      offset: number;
      limit: number;
    };
    AdoptionResult: {
      adoption: components['schemas']['PendingAdoption'];
      vm: components['schemas']['Vm'];
    };
    AdoptionDiscoveryReport: {
      scannedClusters: number;
      /** @description VMs proposed for adoption by this scan for the first time. */
      proposed: number;
      /** @description PENDING adoptions whose VM left the cluster (or got Shepherd's labels). */
      withdrawn: number;
      failedClusters: {
        clusterId: string;
        clusterName: string;
        message: string;
      }[];
    };
    /** @description Lowercase letters, digits and single dashes, starting with a letter and ending with a letter or digit; at most 15 characters (NAME_TOO_LONG), a warning above 12; not reserved (default, system, admin, root, internal, kube-*, kubevirt-shepherd-*). Checked by the service so that each failure has its own code; maxLength only bounds the request. */
    Name: string;
    /** @enum {string} */
    MemberRole: 'owner' | 'admin' | 'member' | 'viewer';
    Warning: {
      code: components['schemas']['WarningCode'];
      message: string;
    };
    /**
     * @description A soft finding that does not block the request but is shown to the user.
     * @enum {string}
     */
    WarningCode: 'NAME_LENGTH_WARNING' | 'OVERCOMMIT_IN_PROD';
    EntityRefRequest: {
      /** @description e.g. system:default/payments */
      entityRef: components['schemas']['EntityRef'];
    };
    DescriptionUpdate: {
      description: components['schemas']['FreeText'];
    };
    System: {
      id: string;
      name: string;
      description: string;
      entityRef?: string;
      createdBy: string;
      createdAt: string;
      updatedAt: string;
    };
    SystemWithWarnings: {
      item: components['schemas']['System'];
      warnings: components['schemas']['Warning'][];
    };
    SystemPage: {
      items: components['schemas']['System'][];
      totalItems: number;
      offset: number;
      limit: number;
    };
    SystemMember: {
      id: string;
      systemId: string;
      memberRef: string;
      role: components['schemas']['MemberRole'];
      grantedBy: string;
      createdAt: string;
      updatedAt: string;
    };
    Service: {
      id: string;
      systemId: string;
      systemName: string;
      name: string;
      description: string;
      entityRef?: string;
      nextInstanceIndex: number;
      createdBy: string;
      createdAt: string;
      updatedAt: string;
    };
    ServiceWithWarnings: {
      item: components['schemas']['Service'];
      warnings: components['schemas']['Warning'][];
    };
    ServicePage: {
      items: components['schemas']['Service'][];
      totalItems: number;
      offset: number;
      limit: number;
    };
    /** @description An RFC 3339 timestamp with a time zone, e.g. 2026-11-23T10:00:00Z or 2026-11-23T11:00:00.250+01:00. Dates that do not exist are refused too. */
    Rfc3339Timestamp: string;
    AuditLogEntry: {
      id: string;
      /** @description Canonical action code, e.g. system.create or approval.approve. */
      action: string;
      /** @enum {string} */
      outcome: 'success' | 'failure';
      /** @description Entity ref of the user, or service:<plugin> for background work. */
      actor: string;
      resourceType: string;
      resourceId?: string;
      resourceName?: string;
      parentType?: string;
      parentId?: string;
      environment?: components['schemas']['Environment'];
      ticketId?: string;
      /** @description What the action changed; values of secret-looking keys read ***REDACTED***. */
      details: Record<string, unknown>;
      /** @description When the action was recorded, as an RFC 3339 timestamp. */
      createdAt: string;
    };
    VmHistoryEntry: {
      id: string;
      /** @description Canonical audit action code, e.g. vm.stop or execution.completed. */
      action: string;
      /** @enum {string} */
      outcome: 'success' | 'failure';
      /** @description Entity ref of the user, or service:<plugin> for background work. */
      actor: string;
      ticketId?: string;
      details: {
        /** @description The operation the entry is about, e.g. stop, start or restart. */
        action?: string;
        reason?: string;
        error?: string;
      };
      /** @description When the action was recorded, as an RFC 3339 timestamp. */
      createdAt: string;
    };
    VmHistoryPage: {
      items: components['schemas']['VmHistoryEntry'][];
      totalItems: number;
      offset: number;
      limit: number;
    };
    AuditLogPage: {
      items: components['schemas']['AuditLogEntry'][];
      totalItems: number;
      offset: number;
      limit: number;
    };
    /** @enum {string} */
    Environment: 'test' | 'prod';
    /**
     * @description The 12 VM statuses; a deleted VM has no record, so there is no DELETED.
     * @enum {string}
     */
    VmStatus:
      | 'CREATING'
      | 'STARTING'
      | 'RUNNING'
      | 'STOPPING'
      | 'STOPPED'
      | 'DELETING'
      | 'FAILED'
      | 'PENDING'
      | 'MIGRATING'
      | 'PAUSED'
      | 'UNKNOWN'
      | 'NOT_FOUND';
    /** @enum {string} */
    PowerAction: 'start' | 'stop' | 'restart';
    /** @enum {string} */
    TicketOperation: 'CREATE' | 'MODIFY' | 'DELETE' | 'POWER' | 'VNC_ACCESS';
    /** @enum {string} */
    TicketStatus:
      | 'PENDING'
      | 'APPROVED'
      | 'REJECTED'
      | 'CANCELLED'
      | 'EXECUTING'
      | 'SUCCESS'
      | 'FAILED';
    /**
     * @description How a power or console request was answered, done directly or waiting for approval.
     * @enum {string}
     */
    DirectOrApproval: 'ACCEPTED' | 'PENDING_APPROVAL';
    /** @enum {string} */
    DomainEventType:
      | 'VM_CREATION_REQUESTED'
      | 'VM_CREATION_COMPLETED'
      | 'VM_CREATION_FAILED'
      | 'VM_MODIFY_REQUESTED'
      | 'VM_MODIFY_COMPLETED'
      | 'VM_MODIFY_FAILED'
      | 'VM_DELETION_REQUESTED'
      | 'VM_DELETION_COMPLETED'
      | 'VM_DELETION_FAILED'
      | 'VM_START_REQUESTED'
      | 'VM_START_COMPLETED'
      | 'VM_START_FAILED'
      | 'VM_STOP_REQUESTED'
      | 'VM_STOP_COMPLETED'
      | 'VM_STOP_FAILED'
      | 'VM_RESTART_REQUESTED'
      | 'VM_RESTART_COMPLETED'
      | 'VM_RESTART_FAILED'
      | 'REQUEST_CANCELLED'
      | 'VNC_ACCESS_REQUESTED'
      | 'VNC_ACCESS_GRANTED'
      | 'SYSTEM_CREATED'
      | 'SYSTEM_DELETED'
      | 'SERVICE_CREATED'
      | 'SERVICE_DELETED'
      | 'VM_ADOPTED';
    /** @enum {string} */
    DomainEventStatus:
      | 'PENDING'
      | 'PROCESSING'
      | 'COMPLETED'
      | 'FAILED'
      | 'CANCELLED';
    VmSpec: {
      templateId: string;
      instanceSizeId: string;
      cpuCores: number;
      cpuRequest: number;
      memoryGi: number;
      memoryRequestGi: number;
      diskGb: number;
      storageClass?: string;
    };
    /** @description An approver's complete replacement of a VM spec (VmSpec), checked as a request is: the fields are typed and bounded here (VALIDATION_FAILED); a field outside a VmSpec answers FORBIDDEN_MODIFICATION and a missing required one (templateId, instanceSizeId, cpuCores, memoryGi, diskGb) MODIFIED_SPEC_INVALID, each naming the field in error.details.violations; requests default to limits. Nothing outside a VmSpec is stored with the approval. */
    VmSpecReplacement: {
      templateId?: components['schemas']['Uuid'];
      instanceSizeId?: components['schemas']['Uuid'];
      cpuCores?: components['schemas']['CpuAmount'];
      cpuRequest?: components['schemas']['CpuAmount'];
      memoryGi?: components['schemas']['MemoryAmount'];
      memoryRequestGi?: components['schemas']['MemoryAmount'];
      diskGb?: components['schemas']['DiskAmount'];
      storageClass?: components['schemas']['StorageClassName'];
    };
    Vm: {
      id: string;
      name: string;
      namespace: string;
      environment: components['schemas']['Environment'];
      instance: string;
      status: components['schemas']['VmStatus'];
      statusMessage?: string;
      systemId: string;
      systemName: string;
      serviceId: string;
      serviceName: string;
      clusterId?: string;
      clusterName?: string;
      /** @description The request that created the VM; absent for an adopted VM. */
      ticketId?: string;
      createdBy: string;
      /** @description The template the VM was created from; absent for an adopted VM. */
      templateId?: string;
      /** @description The instance size the VM was created with; absent for an adopted VM. */
      instanceSizeId?: string;
      cpuCores: number;
      cpuRequest: number;
      memoryGi: number;
      memoryRequestGi: number;
      diskGb: number;
      storageClass?: string;
      access?: components['schemas']['VmAccess'];
      createdAt: string;
      updatedAt: string;
    };
    /** @description How to reach the VM, as its cluster last reported it: the addresses of its interfaces and the node it runs on are those of the running instance (empty while it does not run); the SSH user is the login user its template's cloud-init names, absent when the image's own default user applies. A VM of which none of these is known has no access. */
    VmAccess: {
      /** @description The instance's addresses, the pod network's first. */
      ipAddresses: string[];
      nodeName?: string;
      sshUser?: string;
    };
    VmPage: {
      items: components['schemas']['Vm'][];
      totalItems: number;
      offset: number;
      limit: number;
    };
    Ticket: {
      id: string;
      eventId: string;
      operation: components['schemas']['TicketOperation'];
      status: components['schemas']['TicketStatus'];
      requester: string;
      approver?: string;
      reason: string;
      rejectReason?: string;
      decisionComment?: string;
      environment: components['schemas']['Environment'];
      systemId: string;
      systemName: string;
      serviceId: string;
      serviceName: string;
      namespace: string;
      vmId?: string;
      vmName?: string;
      powerAction?: components['schemas']['PowerAction'];
      clusterId?: string;
      requestSpec: {
        [key: string]: unknown;
      };
      templateSnapshot?: components['schemas']['Template'];
      instanceSizeSnapshot?: components['schemas']['InstanceSize'];
      modifiedSpec?: components['schemas']['VmSpec'];
      grantMinutes?: number;
      createdAt: string;
      updatedAt: string;
      decidedAt?: string;
    };
    TicketPage: {
      items: components['schemas']['Ticket'][];
      totalItems: number;
      offset: number;
      limit: number;
    };
    TicketSubmission: {
      ticketId: string;
      eventId: string;
      /** @enum {string} */
      status: 'PENDING';
    };
    DomainEvent: {
      id: string;
      type: components['schemas']['DomainEventType'];
      aggregateType: string;
      aggregateId: string;
      payload: {
        [key: string]: unknown;
      };
      status: components['schemas']['DomainEventStatus'];
      errorMessage?: string;
      createdBy: string;
      createdAt: string;
      processedAt?: string;
      archivedAt?: string;
    };
    TicketDetail: {
      ticket: components['schemas']['Ticket'];
      events: components['schemas']['DomainEvent'][];
      history: components['schemas']['AuditLogEntry'][];
    };
    ConsoleGrant: {
      id: string;
      vmId: string;
      userRef: string;
      ticketId?: string;
      grantedBy: string;
      expiresAt: string;
      createdAt: string;
    };
    ConsoleAccess: {
      grant?: components['schemas']['ConsoleGrant'];
      pendingTicket?: components['schemas']['Ticket'];
    };
    ConsoleSession: {
      /** @description Single-use, sealed; offer it as the subprotocol shepherd.session.<token>. */
      token: string;
      /** @description Until when the token opens a session. */
      expiresAt: string;
      /** @description When the grant ends, and with it the session. */
      grantExpiresAt: string;
      /** @description The relay's websocket, relative to the Shepherd backend's base URL. */
      websocketPath: string;
    };
    OperationSubmission: {
      status: components['schemas']['DirectOrApproval'];
      eventId?: string;
      ticketId?: string;
      grant?: components['schemas']['ConsoleGrant'];
      /** @description True when the request repeated the power action already queued or running on the VM and joined it: eventId is that action's event, and the action runs once. */
      joined?: boolean;
    };
    ApprovalResult: {
      ticket: components['schemas']['Ticket'];
      warnings: components['schemas']['Warning'][];
    };
    ApprovalTask: {
      ticket: components['schemas']['Ticket'];
      ageDays: number;
    };
    ApprovalTaskPage: {
      items: components['schemas']['ApprovalTask'][];
      totalItems: number;
      offset: number;
      limit: number;
    };
    ClusterCandidate: {
      id: string;
      name: string;
      displayName: string;
      environment: components['schemas']['Environment'];
      status: components['schemas']['ClusterStatus'];
      enabled: boolean;
      storageClasses: string[];
      defaultStorageClass?: string;
      eligible: boolean;
      reasonCode?: string;
      reason?: string;
    };
    ApprovalPreview: {
      ticket: components['schemas']['Ticket'];
      effectiveSpec?: components['schemas']['VmSpec'];
      warnings: components['schemas']['Warning'][];
      clusters: components['schemas']['ClusterCandidate'][];
    };
    ApprovalManifest: {
      /** @description The name the VM would get, with the Service's next instance index. Provisional: a concurrent approval for the same Service may take that index first, and the VM then gets the next one. */
      vmName: string;
      /** @description The type of the VM provider that rendered the manifest, e.g. kubevirt. */
      provider?: string;
      /** @description The object the provider would apply; missing when no VM provider is installed. For callers without shepherd.catalog.manage, cloud-init user data in it (userData, userDataBase64) reads ***REDACTED***, as templates' cloudInit does. */
      manifest?: {
        [key: string]: unknown;
      };
    };
    /** @description Name of a cluster, template or instance size: a lowercase DNS label of at most 63 characters that starts with a letter (NAME_INVALID). Immutable. maxLength only bounds the request, so that names up to it answer NAME_INVALID. */
    CatalogName: string;
    /**
     * @description Who is offered the item; unclassified items are offered to nobody.
     * @enum {string}
     */
    CatalogScope: 'unclassified' | 'test' | 'prod' | 'all';
    /** @enum {string} */
    TemplateStatus: 'draft' | 'active' | 'deprecated' | 'archived';
    /** @enum {string} */
    TemplateSourceType: 'containerdisk' | 'cdi_image_import' | 'cdi_pvc_clone';
    /** @enum {string} */
    ClusterStatus: 'UNKNOWN' | 'HEALTHY' | 'UNHEALTHY' | 'UNREACHABLE';
    /** @description A kubeconfig as YAML text. Only its current context is kept; it is encrypted at rest and never returned. */
    Kubeconfig: string;
    /** @description cloud-init user data; starts with the line '#cloud-config'. At most 2048 bytes of UTF-8, KubeVirt's limit on inline cloudInitNoCloud user data: longer user data answers 400 CLOUD_INIT_INVALID (maxLength only bounds the request body, so that every oversized cloud-init answers that one code). */
    CloudInit: string;
    /** @description CPU cores, a multiple of 0.5 (RESOURCE_STEP_INVALID), at most 1024 (stored in millicores, within an integer column). */
    CpuAmount: number;
    /** @description GiB, a multiple of 0.5 (RESOURCE_STEP_INVALID), at most 16384 (16 TiB; stored in MiB, within an integer column). */
    MemoryAmount: number;
    /** @description Root disk in whole GiB (RESOURCE_STEP_INVALID), at most 1048576 (1 PiB). */
    DiskAmount: number;
    /** @description A new root disk size in whole GiB, at most 1048576 (1 PiB). */
    DiskTarget: number;
    /** @description Minutes of a console grant, at most 120. */
    GrantMinutes: number;
    SortOrder: number;
    /** @description KubeVirt fields an instance size sets, by their dotted path under spec. (see CreateInstanceSize); at most 64 of them. */
    SpecOverrides: {
      [key: string]: unknown;
    };
    /** @enum {string} */
    HugepagesSize: '2Mi' | '1Gi';
    Namespace: {
      id: string;
      name: string;
      environment: components['schemas']['Environment'];
      description: string;
      enabled: boolean;
      createdBy: string;
      createdAt: string;
      updatedAt: string;
    };
    NamespaceWithWarnings: {
      item: components['schemas']['Namespace'];
      warnings: components['schemas']['Warning'][];
    };
    Capabilities: {
      /** @description Whether the caller may decide some requests (shepherd.ticket.approve is allowed or conditional); which ones, GET /v1/approval-tasks lists. */
      decideRequests: boolean;
      /** @description One entry per System of this page of the Systems the caller may read, with the environments in which it may request VMs for it (none: it may request none). */
      requestVms: components['schemas']['RequestableSystem'][];
      /** @description How many Systems the caller may read, across all pages. */
      totalItems: number;
      offset: number;
      limit: number;
    };
    RequestableSystem: {
      systemId: string;
      /** @description Environments whose namespaces may take a VM request of the caller for this System. */
      environments: components['schemas']['Environment'][];
    };
    NamespacePage: {
      items: components['schemas']['Namespace'][];
      totalItems: number;
      offset: number;
      limit: number;
    };
    /** @description The type of the VM provider that reaches a cluster, as the provider registers itself (kubevirt for @kubevirt-shepherd/plugin-shepherd-backend-module-kubevirt). */
    ProviderType: string;
    /** @description A registered cluster; its credentials are never part of it. */
    Cluster: {
      id: string;
      name: string;
      displayName: string;
      environment: components['schemas']['Environment'];
      providerType: components['schemas']['ProviderType'];
      status: components['schemas']['ClusterStatus'];
      statusMessage?: string;
      enabled: boolean;
      apiServerUrl: string;
      kubevirtVersion?: string;
      featureGates: string[];
      storageClasses: string[];
      defaultStorageClass?: string;
      /** @description Id of the key that encrypts the stored credentials. */
      credentialKeyId: string;
      lastCheckedAt?: string;
      attention?: components['schemas']['ClusterAttention'];
      createdBy: string;
      createdAt: string;
      updatedAt: string;
    };
    ClusterWithWarnings: {
      item: components['schemas']['Cluster'];
      warnings: components['schemas']['Warning'][];
    };
    ClusterPage: {
      items: components['schemas']['Cluster'][];
      totalItems: number;
      offset: number;
      limit: number;
    };
    /** @description Why a cluster needs an administrator: its last reconciler run halted (for one, more than half of its records looked like ghosts: a kubeconfig pointing at another cluster looks like this). Cleared by the next run that completes. */
    ClusterAttention: {
      reason: components['schemas']['ReconcileHaltReason'];
      message: string;
      since: string;
      reportId: string;
    };
    /**
     * @description dry-run reports only; mark also marks ghosts and orphans; delete is designed but not implemented and refused (RECONCILE_MODE_NOT_SUPPORTED).
     * @enum {string}
     */
    ReconcileMode: 'dry-run' | 'mark' | 'delete';
    /**
     * @description What started a run.
     * @enum {string}
     */
    ReconcileTrigger: 'SCHEDULED' | 'ON_DEMAND';
    /**
     * @description COMPLETED compared the cluster; HALTED found too many ghosts and marked nothing; FAILED could not list the cluster (unreachable, no provider) and found nothing.
     * @enum {string}
     */
    ReconcileReportStatus: 'COMPLETED' | 'HALTED' | 'FAILED';
    /** @enum {string} */
    ReconcileHaltReason: 'GHOST_THRESHOLD_EXCEEDED';
    /**
     * @description GHOST: a VM record whose object is gone from its cluster. ORPHAN: a VM on the cluster labelled by this Shepherd installation (kubevirt-shepherd.io/installation) whose record (kubevirt-shepherd.io/vm-id) does not exist.
     * @enum {string}
     */
    ReconcileFindingKind: 'GHOST' | 'ORPHAN';
    ReconcileFinding: {
      kind: components['schemas']['ReconcileFindingKind'];
      namespace: string;
      name: string;
      /** @description The id of the VM record: a ghost's record, or the (missing) record an orphan's kubevirt-shepherd.io/vm-id label names. */
      vmId?: string;
      vmStatus?: components['schemas']['VmStatus'];
    };
    ReconcileReport: {
      id: string;
      clusterId: string;
      clusterName: string;
      mode: components['schemas']['ReconcileMode'];
      trigger: components['schemas']['ReconcileTrigger'];
      /** @description The administrator of an on-demand run; service:shepherd for the schedule. */
      requestedBy: string;
      status: components['schemas']['ReconcileReportStatus'];
      startedAt: string;
      finishedAt: string;
      /** @description VM records of the cluster that were compared. */
      recordsCompared: number;
      /** @description Records left out: CREATING or DELETING (their jobs own them) or younger than the grace period. */
      recordsSkipped: number;
      /** @description Shepherd-labelled VMs of this installation on the cluster. */
      objectsListed: number;
      ghostCount: number;
      orphanCount: number;
      ghosts: components['schemas']['ReconcileFinding'][];
      orphans: components['schemas']['ReconcileFinding'][];
      /** @description Whether the run marked its findings (mark mode, not halted). */
      marked: boolean;
      haltReason?: components['schemas']['ReconcileHaltReason'];
      /** @description Why the run halted or failed. */
      message?: string;
    };
    ReconcileReportPage: {
      items: components['schemas']['ReconcileReport'][];
      totalItems: number;
      offset: number;
      limit: number;
    };
    ReconcileRun: {
      items: components['schemas']['ReconcileReport'][];
    };
    ReconcileMark: {
      id: string;
      clusterId: string;
      kind: components['schemas']['ReconcileFindingKind'];
      namespace: string;
      name: string;
      vmId?: string;
      /** @description The latest run that found it. */
      reportId: string;
      firstMarkedAt: string;
      lastMarkedAt: string;
    };
    ReconcileMarkPage: {
      items: components['schemas']['ReconcileMark'][];
      totalItems: number;
      offset: number;
      limit: number;
    };
    Template: {
      id: string;
      name: string;
      displayName: string;
      description: string;
      status: components['schemas']['TemplateStatus'];
      catalogScope: components['schemas']['CatalogScope'];
      sourceType: components['schemas']['TemplateSourceType'];
      imageUrl?: string;
      pvcName?: string;
      pvcNamespace?: string;
      /** @description cloud-init user data; missing when the template has none. It often holds passwords and keys, so only callers with shepherd.catalog.manage (who may write it) read it; everyone else reads ***REDACTED*** in its place (the request catalog's templates, tickets' templateSnapshot). */
      cloudInit?: string;
      osFamily: string;
      osVersion: string;
      createdBy: string;
      createdAt: string;
      updatedAt: string;
    };
    TemplateWithWarnings: {
      item: components['schemas']['Template'];
      warnings: components['schemas']['Warning'][];
    };
    TemplatePage: {
      items: components['schemas']['Template'][];
      totalItems: number;
      offset: number;
      limit: number;
    };
    InstanceSize: {
      id: string;
      name: string;
      displayName: string;
      description: string;
      catalogScope: components['schemas']['CatalogScope'];
      enabled: boolean;
      sortOrder: number;
      cpuCores: number;
      cpuRequest: number;
      memoryGi: number;
      memoryRequestGi: number;
      diskGb: number;
      dedicatedCpu: boolean;
      requiresGpu: boolean;
      requiresSriov: boolean;
      requiresHugepages: boolean;
      hugepagesSize?: string;
      specOverrides: {
        [key: string]: unknown;
      };
      createdBy: string;
      createdAt: string;
      updatedAt: string;
    };
    InstanceSizeWithWarnings: {
      item: components['schemas']['InstanceSize'];
      warnings: components['schemas']['Warning'][];
    };
    InstanceSizePage: {
      items: components['schemas']['InstanceSize'][];
      totalItems: number;
      offset: number;
      limit: number;
    };
    Health: {
      /** @enum {string} */
      status: 'ok' | 'degraded';
      /** @description When the checks ran, as an RFC 3339 timestamp. */
      checkedAt: string;
      /** @description Version of the Shepherd backend plugin. */
      version: string;
      database: components['schemas']['DatabaseHealth'];
      providers: components['schemas']['ProviderHealth'][];
      credentials?: components['schemas']['CredentialsHealth'];
    };
    /** @description How the stored cluster credentials stand towards the configured encryption keys (`shepherd.credentials.encryptionKeys`). Left out when the database cannot be read. */
    CredentialsHealth: {
      /** @description Clusters with stored credentials. */
      total: number;
      /** @description Credentials still encrypted under a previous key; the re-encryption task moves them to the current key within minutes. A previous key may be removed once this is 0. */
      onPreviousKeys: number;
      /** @description Credentials encrypted under a key that is no longer configured: unreadable until the key is configured again or the credentials are uploaded again. */
      onUnknownKeys: number;
    };
    DatabaseHealth: {
      /** @enum {string} */
      status: 'ok' | 'error';
      /** @enum {string} */
      engine: 'sqlite' | 'postgres' | 'mysql' | 'unknown';
      latencyMs?: number;
      migrations?: {
        applied: number;
        pending: number;
        latest?: string;
      };
      message?: string;
    };
    ProviderHealth: {
      type: string;
    };
    Error: {
      error: {
        name: string;
        message: string;
        /** @description Stable machine-readable code of a Shepherd error. */
        code?: string;
        /** @description Structured details of some codes, e.g. the existing ticket. */
        details?: Record<string, unknown>;
      } & {
        [key: string]: unknown;
      };
      request: {
        method?: string;
        url?: string;
      };
      response: {
        statusCode: number;
      };
    };
  };
  responses: {
    /** @description No valid Backstage token was presented. */
    Unauthorized: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The request is malformed (VALIDATION_FAILED) or breaks a rule; error.code says which. */
    BadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The caller may see the resource but not do this. */
    Forbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The resource does not exist or the caller may not see it. */
    NotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The request conflicts with the current state; error.code says how. */
    Conflict: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The caller sent more requests of this kind than its rate limit allows (RATE_LIMITED): per user, VM requests, power actions and console sessions are each limited to a number per window (`shepherd.rateLimits`). error.details has retryAfterSeconds, limit and windowSeconds; the message says when to try again. */
    TooManyRequests: {
      headers: {
        /** @description Seconds until the caller's current window ends and it may try again. */
        'Retry-After'?: number;
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
  };
  parameters: {
    AdoptionId: components['schemas']['Uuid'];
    /** @description Only the record registered from this catalog entity, e.g. system:default/payments (compared case-insensitively, as the catalog does). */
    EntityRefFilter: components['schemas']['EntityRef'];
    VmId: components['schemas']['Uuid'];
    TicketId: components['schemas']['Uuid'];
    /** @description Number of items to skip (default 0), at most 1000000: deeper than that, narrow the list with its filters. */
    Offset: number;
    /** @description Page size (default 20). */
    Limit: number;
    /** @description Case-insensitive text to look for in names and descriptions. */
    Search: components['schemas']['SearchText'];
    /** @description Canonical action code, e.g. system.create. */
    AuditAction: components['schemas']['AuditFilterText'];
    /** @description Entity ref of who acted, e.g. user:default/engineer-test. */
    AuditActor: components['schemas']['EntityRef'];
    AuditResourceType: components['schemas']['AuditFilterText'];
    AuditResourceId: components['schemas']['AuditFilterText'];
    AuditTicketId: components['schemas']['IdFilter'];
    AuditOutcome: 'success' | 'failure';
    /** @description Entries at or after this RFC 3339 timestamp. */
    AuditFrom: components['schemas']['Rfc3339Timestamp'];
    /** @description Entries before this RFC 3339 timestamp. */
    AuditTo: components['schemas']['Rfc3339Timestamp'];
    /** @description Direction of orderBy: asc (the default) or desc. Rows that tie are ordered by id in the same direction, so pages neither overlap nor skip rows. */
    ListOrder: components['schemas']['ListOrder'];
    SystemId: components['schemas']['Uuid'];
    ServiceId: components['schemas']['Uuid'];
    NamespaceId: components['schemas']['Uuid'];
    ClusterId: components['schemas']['Uuid'];
    TemplateId: components['schemas']['Uuid'];
    InstanceSizeId: components['schemas']['Uuid'];
    ReportId: components['schemas']['Uuid'];
    /** @description Only what concerns this cluster. */
    ClusterIdFilter: components['schemas']['IdFilter'];
    EnvironmentFilter: components['schemas']['Environment'];
    EnabledFilter: 'true' | 'false';
    CatalogScopeFilter: components['schemas']['CatalogScope'];
    /** @description Name of the namespace to request in; restricts the offer to its environment. */
    CatalogNamespace: components['schemas']['NamespaceName'];
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  GetHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every check passed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Health'];
        };
      };
      401: components['responses']['Unauthorized'];
      /** @description At least one check failed. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Health'];
        };
      };
    };
  };
  GetCapabilities: {
    parameters: {
      query?: {
        /** @description Number of items to skip (default 0), at most 1000000: deeper than that, narrow the list with its filters. */
        offset?: components['parameters']['Offset'];
        /** @description Page size (default 20). */
        limit?: components['parameters']['Limit'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The caller's capabilities, with one page of its Systems. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Capabilities'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
    };
  };
  ListSystems: {
    parameters: {
      query?: {
        /** @description Case-insensitive text to look for in names and descriptions. */
        search?: components['parameters']['Search'];
        /** @description Only the record registered from this catalog entity, e.g. system:default/payments (compared case-insensitively, as the catalog does). */
        entityRef?: components['parameters']['EntityRefFilter'];
        /** @description Number of items to skip (default 0), at most 1000000: deeper than that, narrow the list with its filters. */
        offset?: components['parameters']['Offset'];
        /** @description Page size (default 20). */
        limit?: components['parameters']['Limit'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of Systems. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SystemPage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
    };
  };
  CreateSystem: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: components['schemas']['Name'];
          description?: components['schemas']['FreeText'];
          /** @description Entity ref of the caller or of one of its groups. */
          owner?: components['schemas']['EntityRef'];
        };
      };
    };
    responses: {
      /** @description The created System and any warnings. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SystemWithWarnings'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
    };
  };
  RegisterSystem: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EntityRefRequest'];
      };
    };
    responses: {
      /** @description The registered System. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SystemWithWarnings'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
    };
  };
  GetSystem: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        systemId: components['parameters']['SystemId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The System. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['System'];
        };
      };
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  DeleteSystem: {
    parameters: {
      query?: {
        confirm_name?: components['schemas']['ConfirmationName'];
      };
      header?: never;
      path: {
        systemId: components['parameters']['SystemId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
    };
  };
  UpdateSystem: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        systemId: components['parameters']['SystemId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DescriptionUpdate'];
      };
    };
    responses: {
      /** @description The updated System. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['System'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  ListSystemMembers: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        systemId: components['parameters']['SystemId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The members. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['SystemMember'][];
          };
        };
      };
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  AddSystemMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        systemId: components['parameters']['SystemId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Entity ref of a User or Group (kind defaults to group). */
          memberRef: components['schemas']['EntityRef'];
          role: components['schemas']['MemberRole'];
        };
      };
    };
    responses: {
      /** @description The new member. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SystemMember'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
    };
  };
  RemoveSystemMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        systemId: components['parameters']['SystemId'];
        memberId: components['schemas']['Uuid'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
    };
  };
  UpdateSystemMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        systemId: components['parameters']['SystemId'];
        memberId: components['schemas']['Uuid'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          role: components['schemas']['MemberRole'];
        };
      };
    };
    responses: {
      /** @description The member. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SystemMember'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
    };
  };
  CreateService: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        systemId: components['parameters']['SystemId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: components['schemas']['Name'];
          description?: components['schemas']['FreeText'];
        };
      };
    };
    responses: {
      /** @description The created Service and any warnings. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServiceWithWarnings'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
    };
  };
  RegisterService: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        systemId: components['parameters']['SystemId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EntityRefRequest'];
      };
    };
    responses: {
      /** @description The registered Service. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServiceWithWarnings'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
    };
  };
  ListServices: {
    parameters: {
      query?: {
        systemId?: components['schemas']['IdFilter'];
        /** @description Only the record registered from this catalog entity, e.g. system:default/payments (compared case-insensitively, as the catalog does). */
        entityRef?: components['parameters']['EntityRefFilter'];
        /** @description Case-insensitive text to look for in names and descriptions. */
        search?: components['parameters']['Search'];
        /** @description Number of items to skip (default 0), at most 1000000: deeper than that, narrow the list with its filters. */
        offset?: components['parameters']['Offset'];
        /** @description Page size (default 20). */
        limit?: components['parameters']['Limit'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of Services. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServicePage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
    };
  };
  GetService: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        serviceId: components['parameters']['ServiceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The Service. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Service'];
        };
      };
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  DeleteService: {
    parameters: {
      query?: {
        confirm?: boolean;
      };
      header?: never;
      path: {
        serviceId: components['parameters']['ServiceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
    };
  };
  UpdateService: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        serviceId: components['parameters']['ServiceId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DescriptionUpdate'];
      };
    };
    responses: {
      /** @description The updated Service. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Service'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  ListAuditLogs: {
    parameters: {
      query?: {
        /** @description Canonical action code, e.g. system.create. */
        action?: components['parameters']['AuditAction'];
        /** @description Entity ref of who acted, e.g. user:default/engineer-test. */
        actor?: components['parameters']['AuditActor'];
        resourceType?: components['parameters']['AuditResourceType'];
        resourceId?: components['parameters']['AuditResourceId'];
        ticketId?: components['parameters']['AuditTicketId'];
        outcome?: components['parameters']['AuditOutcome'];
        /** @description Entries at or after this RFC 3339 timestamp. */
        from?: components['parameters']['AuditFrom'];
        /** @description Entries before this RFC 3339 timestamp. */
        to?: components['parameters']['AuditTo'];
        /** @description Number of items to skip (default 0), at most 1000000: deeper than that, narrow the list with its filters. */
        offset?: components['parameters']['Offset'];
        /** @description Page size (default 20). */
        limit?: components['parameters']['Limit'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of audit entries. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditLogPage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
    };
  };
  ExportAuditLogs: {
    parameters: {
      query?: {
        /** @description Canonical action code, e.g. system.create. */
        action?: components['parameters']['AuditAction'];
        /** @description Entity ref of who acted, e.g. user:default/engineer-test. */
        actor?: components['parameters']['AuditActor'];
        resourceType?: components['parameters']['AuditResourceType'];
        resourceId?: components['parameters']['AuditResourceId'];
        ticketId?: components['parameters']['AuditTicketId'];
        outcome?: components['parameters']['AuditOutcome'];
        /** @description Entries at or after this RFC 3339 timestamp. */
        from?: components['parameters']['AuditFrom'];
        /** @description Entries before this RFC 3339 timestamp. */
        to?: components['parameters']['AuditTo'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The matching entries as CSV. */
      200: {
        headers: {
          /** @description true when more entries matched than were written. */
          'X-Shepherd-Export-Truncated'?: 'true' | 'false';
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
    };
  };
  GetAuditLog: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        auditLogId: components['schemas']['Uuid'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The audit entry. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditLogEntry'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  ListVms: {
    parameters: {
      query?: {
        systemId?: components['schemas']['IdFilter'];
        serviceId?: components['schemas']['IdFilter'];
        namespace?: components['schemas']['NamespaceName'];
        environment?: components['schemas']['Environment'];
        /** @description Any of these VM statuses (comma-separated). */
        status?: components['schemas']['VmStatus'][];
        clusterId?: components['schemas']['IdFilter'];
        /** @description Case-insensitive text to look for in names and descriptions. */
        search?: components['parameters']['Search'];
        /** @description The column to order by; without it, by namespace and name. */
        orderBy?: components['schemas']['VmOrderBy'];
        /** @description Direction of orderBy: asc (the default) or desc. Rows that tie are ordered by id in the same direction, so pages neither overlap nor skip rows. */
        order?: components['parameters']['ListOrder'];
        /** @description Number of items to skip (default 0), at most 1000000: deeper than that, narrow the list with its filters. */
        offset?: components['parameters']['Offset'];
        /** @description Page size (default 20). */
        limit?: components['parameters']['Limit'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of VMs. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VmPage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
    };
  };
  RequestVm: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          serviceId: components['schemas']['Uuid'];
          namespace: components['schemas']['NamespaceName'];
          templateId: components['schemas']['Uuid'];
          instanceSizeId: components['schemas']['Uuid'];
          reason: components['schemas']['FreeText'];
          targetCpuCores?: components['schemas']['CpuAmount'];
          targetMemoryGi?: components['schemas']['MemoryAmount'];
          targetDiskGb?: components['schemas']['DiskTarget'];
          /** @description Optional: one OpenSSH public key line (`<type> <base64> [comment]`) that the VM's login user accepts; the provider adds it to the VM's cloud-init (`ssh_authorized_keys`), next to the template's own. Accepted types: ssh-ed25519, ecdsa-sha2-nistp256/384/521, ssh-rsa (at least 2048 bits), sk-ssh-ed25519@openssh.com, sk-ecdsa-sha2-nistp256@openssh.com; at most 1024 characters. Anything else answers 400 SSH_PUBLIC_KEY_INVALID, as does a key that would push the VM's cloud-init over KubeVirt's 2048 bytes. Never a password; approvers cannot change it. */
          sshPublicKey?: string;
        };
      };
    };
    responses: {
      /** @description The request is waiting for approval. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TicketSubmission'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      429: components['responses']['TooManyRequests'];
    };
  };
  GetVm: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        vmId: components['parameters']['VmId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The VM. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Vm'];
        };
      };
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  RequestVmDeletion: {
    parameters: {
      query?: {
        confirm?: boolean;
        confirm_name?: components['schemas']['ConfirmationName'];
        /** @description Why the VM should go; required for a production VM, at most 512 characters. */
        reason?: components['schemas']['FreeText'];
      };
      header?: never;
      path: {
        vmId: components['parameters']['VmId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The deletion is waiting for approval. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TicketSubmission'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      429: components['responses']['TooManyRequests'];
    };
  };
  GetVmHistory: {
    parameters: {
      query?: {
        /** @description Number of items to skip (default 0), at most 1000000: deeper than that, narrow the list with its filters. */
        offset?: components['parameters']['Offset'];
        /** @description Page size (default 20). */
        limit?: components['parameters']['Limit'];
      };
      header?: never;
      path: {
        vmId: components['parameters']['VmId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of the VM's history. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VmHistoryPage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  RequestVmPower: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        vmId: components['parameters']['VmId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          action: components['schemas']['PowerAction'];
          reason?: components['schemas']['FreeText'];
        };
      };
    };
    responses: {
      /** @description Accepted or waiting for approval. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OperationSubmission'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      429: components['responses']['TooManyRequests'];
    };
  };
  RequestVmModification: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        vmId: components['parameters']['VmId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          targetCpuCores?: components['schemas']['CpuAmount'];
          targetMemoryGi?: components['schemas']['MemoryAmount'];
          targetDiskGb?: components['schemas']['DiskTarget'];
          reason: components['schemas']['FreeText'];
        };
      };
    };
    responses: {
      /** @description The change is waiting for approval. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TicketSubmission'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      429: components['responses']['TooManyRequests'];
    };
  };
  GetVmConsoleAccess: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        vmId: components['parameters']['VmId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The grant and/or pending request, when there are any. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConsoleAccess'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  RequestVmConsole: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        vmId: components['parameters']['VmId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason?: components['schemas']['FreeText'];
          minutes?: components['schemas']['GrantMinutes'];
        };
      };
    };
    responses: {
      /** @description Access granted. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OperationSubmission'];
        };
      };
      /** @description Waiting for approval. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OperationSubmission'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      429: components['responses']['TooManyRequests'];
    };
  };
  CreateVmConsoleSession: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        vmId: components['parameters']['VmId'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          /** @description Take the console over from a session someone else holds (needs the console take-over permission). */
          takeover?: boolean;
        };
      };
    };
    responses: {
      /** @description The session token and where to use it. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConsoleSession'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      429: components['responses']['TooManyRequests'];
      /** @description No encryption key is configured (ENCRYPTION_NOT_CONFIGURED). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ListTickets: {
    parameters: {
      query?: {
        /** @description mine (default) or all (every ticket the caller may read). */
        scope?: 'mine' | 'all';
        /** @description Any of these ticket statuses (comma-separated); takes precedence over statusGroup. */
        status?: components['schemas']['TicketStatus'][];
        statusGroup?: 'ACTIVE' | 'TERMINAL';
        /** @description Any of these operations (comma-separated). */
        operation?: components['schemas']['TicketOperation'][];
        vmId?: components['schemas']['IdFilter'];
        /** @description Case-insensitive text to look for in the VM name, the Service, the System, the requester and the reason. */
        search?: components['schemas']['SearchText'];
        /** @description The column to order by; without it, newest first. */
        orderBy?: components['schemas']['TicketOrderBy'];
        /** @description Direction of orderBy: asc (the default) or desc. Rows that tie are ordered by id in the same direction, so pages neither overlap nor skip rows. */
        order?: components['parameters']['ListOrder'];
        /** @description Number of items to skip (default 0), at most 1000000: deeper than that, narrow the list with its filters. */
        offset?: components['parameters']['Offset'];
        /** @description Page size (default 20). */
        limit?: components['parameters']['Limit'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of tickets, newest first unless orderBy says otherwise. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TicketPage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
    };
  };
  GetTicket: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        ticketId: components['parameters']['TicketId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The ticket. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TicketDetail'];
        };
      };
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  CancelTicket: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        ticketId: components['parameters']['TicketId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The cancelled ticket. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Ticket'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
    };
  };
  ListApprovalTasks: {
    parameters: {
      query?: {
        /** @description Case-insensitive text to look for in the VM name, the Service, the System, the requester and the reason. */
        search?: components['schemas']['SearchText'];
        /** @description The column to order by; without it, oldest first. */
        orderBy?: components['schemas']['TicketOrderBy'];
        /** @description Direction of orderBy: asc (the default) or desc. Rows that tie are ordered by id in the same direction, so pages neither overlap nor skip rows. */
        order?: components['parameters']['ListOrder'];
        /** @description Number of items to skip (default 0), at most 1000000: deeper than that, narrow the list with its filters. */
        offset?: components['parameters']['Offset'];
        /** @description Page size (default 20). */
        limit?: components['parameters']['Limit'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of tasks with their age in days. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApprovalTaskPage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
    };
  };
  PreviewApproval: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        ticketId: components['parameters']['TicketId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The preview. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApprovalPreview'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
    };
  };
  RenderApprovalManifest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        ticketId: components['parameters']['TicketId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          clusterId?: components['schemas']['Uuid'];
          storageClass?: components['schemas']['StorageClassName'];
          spec?: components['schemas']['VmSpecReplacement'];
        };
      };
    };
    responses: {
      /** @description The VM's provisional name and, when a VM provider is installed, its manifest. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApprovalManifest'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
    };
  };
  ApproveTicket: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        ticketId: components['parameters']['TicketId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          clusterId?: components['schemas']['Uuid'];
          storageClass?: components['schemas']['StorageClassName'];
          spec?: components['schemas']['VmSpecReplacement'];
          grantMinutes?: components['schemas']['GrantMinutes'];
          /** @description The name of the VM a DELETE ticket deletes, typed by the approver; required for production VMs, refused on other operations. */
          confirmVmName?: components['schemas']['ConfirmationName'];
          comment?: components['schemas']['FreeText'];
        };
      };
    };
    responses: {
      /** @description The approved ticket and any warnings. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApprovalResult'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      /** @description The cluster could not be reached for the dry run (CLUSTER_UNAVAILABLE); try again. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  RejectTicket: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        ticketId: components['parameters']['TicketId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason: components['schemas']['FreeText'];
        };
      };
    };
    responses: {
      /** @description The rejected ticket. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Ticket'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
    };
  };
  ListAdminNamespaces: {
    parameters: {
      query?: {
        environment?: components['parameters']['EnvironmentFilter'];
        enabled?: components['parameters']['EnabledFilter'];
        /** @description Number of items to skip (default 0), at most 1000000: deeper than that, narrow the list with its filters. */
        offset?: components['parameters']['Offset'];
        /** @description Page size (default 20). */
        limit?: components['parameters']['Limit'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of namespaces. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NamespacePage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
    };
  };
  CreateNamespace: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: components['schemas']['Name'];
          environment: components['schemas']['Environment'];
          description?: string;
          enabled?: boolean;
        };
      };
    };
    responses: {
      /** @description The registered namespace and any warnings. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NamespaceWithWarnings'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
    };
  };
  GetNamespace: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        namespaceId: components['parameters']['NamespaceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The namespace. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Namespace'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  DeleteNamespace: {
    parameters: {
      query?: {
        confirm_name?: components['schemas']['ConfirmationName'];
      };
      header?: never;
      path: {
        namespaceId: components['parameters']['NamespaceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
    };
  };
  UpdateNamespace: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        namespaceId: components['parameters']['NamespaceId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          description?: string;
          enabled?: boolean;
          environment?: components['schemas']['Environment'];
        };
      };
    };
    responses: {
      /** @description The updated namespace. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Namespace'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
    };
  };
  ListClusters: {
    parameters: {
      query?: {
        environment?: components['parameters']['EnvironmentFilter'];
        enabled?: components['parameters']['EnabledFilter'];
        /** @description Number of items to skip (default 0), at most 1000000: deeper than that, narrow the list with its filters. */
        offset?: components['parameters']['Offset'];
        /** @description Page size (default 20). */
        limit?: components['parameters']['Limit'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of clusters. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClusterPage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
    };
  };
  RegisterCluster: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: components['schemas']['CatalogName'];
          displayName?: string;
          environment: components['schemas']['Environment'];
          providerType?: components['schemas']['ProviderType'];
          kubeconfig: components['schemas']['Kubeconfig'];
        };
      };
    };
    responses: {
      /** @description The registered cluster. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClusterWithWarnings'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      /** @description No encryption key is configured (ENCRYPTION_NOT_CONFIGURED). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  GetCluster: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        clusterId: components['parameters']['ClusterId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The cluster. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Cluster'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  DeleteCluster: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        clusterId: components['parameters']['ClusterId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
    };
  };
  UpdateCluster: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        clusterId: components['parameters']['ClusterId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          displayName?: string;
          enabled?: boolean;
          defaultStorageClass?: components['schemas']['StorageClassName'];
          environment?: components['schemas']['Environment'];
        };
      };
    };
    responses: {
      /** @description The updated cluster. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Cluster'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
    };
  };
  RotateClusterCredentials: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        clusterId: components['parameters']['ClusterId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          kubeconfig: components['schemas']['Kubeconfig'];
        };
      };
    };
    responses: {
      /** @description The cluster with its new API server URL and key id. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Cluster'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      /** @description No encryption key is configured (ENCRYPTION_NOT_CONFIGURED). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ListReconcileReports: {
    parameters: {
      query?: {
        /** @description Only what concerns this cluster. */
        clusterId?: components['parameters']['ClusterIdFilter'];
        /** @description With true, only each cluster's latest report. */
        latest?: 'true' | 'false';
        /** @description Number of items to skip (default 0), at most 1000000: deeper than that, narrow the list with its filters. */
        offset?: components['parameters']['Offset'];
        /** @description Page size (default 20). */
        limit?: components['parameters']['Limit'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of reports. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReconcileReportPage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
    };
  };
  GetReconcileReport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        reportId: components['parameters']['ReportId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The report. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReconcileReport'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  RunReconciler: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          mode: components['schemas']['ReconcileMode'];
          clusterId?: components['schemas']['Uuid'];
        };
      };
    };
    responses: {
      /** @description The reports of the run, one per cluster. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReconcileRun'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  ListReconcileMarks: {
    parameters: {
      query?: {
        /** @description Only what concerns this cluster. */
        clusterId?: components['parameters']['ClusterIdFilter'];
        /** @description Number of items to skip (default 0), at most 1000000: deeper than that, narrow the list with its filters. */
        offset?: components['parameters']['Offset'];
        /** @description Page size (default 20). */
        limit?: components['parameters']['Limit'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of marks. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReconcileMarkPage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
    };
  };
  ListTemplates: {
    parameters: {
      query?: {
        status?: components['schemas']['TemplateStatus'];
        catalogScope?: components['parameters']['CatalogScopeFilter'];
        /** @description Number of items to skip (default 0), at most 1000000: deeper than that, narrow the list with its filters. */
        offset?: components['parameters']['Offset'];
        /** @description Page size (default 20). */
        limit?: components['parameters']['Limit'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of templates. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TemplatePage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
    };
  };
  CreateTemplate: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: components['schemas']['CatalogName'];
          displayName?: string;
          description?: string;
          /** @enum {string} */
          status?: 'draft' | 'active';
          catalogScope?: components['schemas']['CatalogScope'];
          sourceType: components['schemas']['TemplateSourceType'];
          imageUrl?: string;
          pvcName?: string;
          pvcNamespace?: string;
          cloudInit?: components['schemas']['CloudInit'];
          osFamily?: string;
          osVersion?: string;
        } & {
          [key: string]: unknown;
        };
      };
    };
    responses: {
      /** @description The created template. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TemplateWithWarnings'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
    };
  };
  GetTemplate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        templateId: components['parameters']['TemplateId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The template. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Template'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  DeleteTemplate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        templateId: components['parameters']['TemplateId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
    };
  };
  UpdateTemplate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        templateId: components['parameters']['TemplateId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          displayName?: string;
          description?: string;
          status?: components['schemas']['TemplateStatus'];
          catalogScope?: components['schemas']['CatalogScope'];
          sourceType?: components['schemas']['TemplateSourceType'];
          imageUrl?: string | null;
          pvcName?: string | null;
          pvcNamespace?: string | null;
          /** @description As CloudInit: at most 2048 bytes of UTF-8 (CLOUD_INIT_INVALID); null clears it. */
          cloudInit?: string | null;
          osFamily?: string;
          osVersion?: string;
        } & {
          [key: string]: unknown;
        };
      };
    };
    responses: {
      /** @description The updated template. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Template'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
    };
  };
  ListInstanceSizes: {
    parameters: {
      query?: {
        enabled?: components['parameters']['EnabledFilter'];
        catalogScope?: components['parameters']['CatalogScopeFilter'];
        /** @description Number of items to skip (default 0), at most 1000000: deeper than that, narrow the list with its filters. */
        offset?: components['parameters']['Offset'];
        /** @description Page size (default 20). */
        limit?: components['parameters']['Limit'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of instance sizes, by sort order and name. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InstanceSizePage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
    };
  };
  CreateInstanceSize: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: components['schemas']['CatalogName'];
          displayName?: string;
          description?: string;
          catalogScope?: components['schemas']['CatalogScope'];
          enabled?: boolean;
          sortOrder?: components['schemas']['SortOrder'];
          cpuCores: components['schemas']['CpuAmount'];
          cpuRequest?: components['schemas']['CpuAmount'];
          memoryGi: components['schemas']['MemoryAmount'];
          memoryRequestGi?: components['schemas']['MemoryAmount'];
          diskGb: components['schemas']['DiskAmount'];
          dedicatedCpu?: boolean;
          requiresGpu?: boolean;
          requiresSriov?: boolean;
          requiresHugepages?: boolean;
          hugepagesSize?: components['schemas']['HugepagesSize'];
          specOverrides?: components['schemas']['SpecOverrides'];
        };
      };
    };
    responses: {
      /** @description The created instance size and any warnings. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InstanceSizeWithWarnings'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
    };
  };
  GetInstanceSize: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceSizeId: components['parameters']['InstanceSizeId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The instance size. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InstanceSize'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  DeleteInstanceSize: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceSizeId: components['parameters']['InstanceSizeId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
    };
  };
  UpdateInstanceSize: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceSizeId: components['parameters']['InstanceSizeId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          displayName?: string;
          description?: string;
          catalogScope?: components['schemas']['CatalogScope'];
          enabled?: boolean;
          sortOrder?: components['schemas']['SortOrder'];
          cpuCores?: components['schemas']['CpuAmount'];
          cpuRequest?: components['schemas']['CpuAmount'];
          memoryGi?: components['schemas']['MemoryAmount'];
          memoryRequestGi?: components['schemas']['MemoryAmount'];
          diskGb?: components['schemas']['DiskAmount'];
          dedicatedCpu?: boolean;
          requiresGpu?: boolean;
          requiresSriov?: boolean;
          requiresHugepages?: boolean;
          /** @enum {string|null} */
          hugepagesSize?: '2Mi' | '1Gi' | null;
          specOverrides?: components['schemas']['SpecOverrides'];
        };
      };
    };
    responses: {
      /** @description The updated instance size. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InstanceSize'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  ListCatalogNamespaces: {
    parameters: {
      query?: {
        /** @description Number of items to skip (default 0), at most 1000000: deeper than that, narrow the list with its filters. */
        offset?: components['parameters']['Offset'];
        /** @description Page size (default 20). */
        limit?: components['parameters']['Limit'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of namespaces. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NamespacePage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
    };
  };
  ListCatalogTemplates: {
    parameters: {
      query?: {
        /** @description Name of the namespace to request in; restricts the offer to its environment. */
        namespace?: components['parameters']['CatalogNamespace'];
        /** @description Number of items to skip (default 0), at most 1000000: deeper than that, narrow the list with its filters. */
        offset?: components['parameters']['Offset'];
        /** @description Page size (default 20). */
        limit?: components['parameters']['Limit'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of templates. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TemplatePage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  ListCatalogInstanceSizes: {
    parameters: {
      query?: {
        /** @description Name of the namespace to request in; restricts the offer to its environment. */
        namespace?: components['parameters']['CatalogNamespace'];
        /** @description Number of items to skip (default 0), at most 1000000: deeper than that, narrow the list with its filters. */
        offset?: components['parameters']['Offset'];
        /** @description Page size (default 20). */
        limit?: components['parameters']['Limit'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of instance sizes. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InstanceSizePage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  ListPendingAdoptions: {
    parameters: {
      query?: {
        status?: components['schemas']['PendingAdoptionStatus'];
        clusterId?: components['schemas']['IdFilter'];
        namespace?: components['schemas']['NamespaceName'];
        /** @description Case-insensitive text to look for in names and descriptions. */
        search?: components['parameters']['Search'];
        /** @description Number of items to skip (default 0), at most 1000000: deeper than that, narrow the list with its filters. */
        offset?: components['parameters']['Offset'];
        /** @description Page size (default 20). */
        limit?: components['parameters']['Limit'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of pending adoptions. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PendingAdoptionPage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
    };
  };
  DiscoverPendingAdoptions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          clusterId?: components['schemas']['Uuid'];
        };
      };
    };
    responses: {
      /** @description What the scan found. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdoptionDiscoveryReport'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  AdoptPendingAdoption: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        adoptionId: components['parameters']['AdoptionId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          serviceId: components['schemas']['Uuid'];
          reason?: string;
        };
      };
    };
    responses: {
      /** @description The adoption, now ADOPTED, and the VM record it created. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdoptionResult'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      /** @description The VM's cluster could not be reached (CLUSTER_UNAVAILABLE); try again. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  RejectPendingAdoption: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        adoptionId: components['parameters']['AdoptionId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason: string;
        };
      };
    };
    responses: {
      /** @description The rejected adoption. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PendingAdoption'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
    };
  };
}
type FlattenedDeepRequired<T> = {
  [K in keyof T]-?: FlattenedDeepRequired<
    T[K] extends unknown[] | undefined | null
      ? Extract<T[K], unknown[]>[number]
      : T[K]
  >;
};
type ReadonlyArray<T> = [Exclude<T, undefined>] extends [unknown[]]
  ? Readonly<Exclude<T, undefined>>
  : Readonly<Exclude<T, undefined>[]>;
export const pathsV1AuditLogsExportCsvGetResponses200HeadersXShepherdExportTruncatedValues: ReadonlyArray<
  FlattenedDeepRequired<paths>['/v1/audit-logs/export.csv']['get']['responses']['200']['headers']['X-Shepherd-Export-Truncated']
> = ['true', 'false'];
export const pathsV1TicketsGetParametersQueryScopeValues: ReadonlyArray<
  FlattenedDeepRequired<paths>['/v1/tickets']['get']['parameters']['query']['scope']
> = ['mine', 'all'];
export const pathsV1TicketsGetParametersQueryStatusGroupValues: ReadonlyArray<
  FlattenedDeepRequired<paths>['/v1/tickets']['get']['parameters']['query']['statusGroup']
> = ['ACTIVE', 'TERMINAL'];
export const pathsV1AdminReconcilerReportsGetParametersQueryLatestValues: ReadonlyArray<
  FlattenedDeepRequired<paths>['/v1/admin/reconciler/reports']['get']['parameters']['query']['latest']
> = ['true', 'false'];
export const pathsV1AdminTemplatesPostRequestBodyContentApplicationJsonStatusValues: ReadonlyArray<
  FlattenedDeepRequired<paths>['/v1/admin/templates']['post']['requestBody']['content']['application/json']['status']
> = ['draft', 'active'];
export const vmOrderByValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['VmOrderBy']
> = ['name', 'status', 'environment', 'namespace', 'createdAt', 'updatedAt'];
export const ticketOrderByValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['TicketOrderBy']
> = [
  'vmName',
  'operation',
  'status',
  'environment',
  'requester',
  'createdAt',
  'updatedAt',
];
export const listOrderValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['ListOrder']
> = ['asc', 'desc'];
export const pendingAdoptionStatusValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['PendingAdoptionStatus']
> = ['PENDING', 'ADOPTED', 'REJECTED'];
export const pendingAdoptionResourceTypeValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['PendingAdoption']['resourceType']
> = ['VirtualMachine'];
export const memberRoleValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['MemberRole']
> = ['owner', 'admin', 'member', 'viewer'];
export const warningCodeValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['WarningCode']
> = ['NAME_LENGTH_WARNING', 'OVERCOMMIT_IN_PROD'];
export const auditLogEntryOutcomeValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['AuditLogEntry']['outcome']
> = ['success', 'failure'];
export const vmHistoryEntryOutcomeValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['VmHistoryEntry']['outcome']
> = ['success', 'failure'];
export const environmentValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['Environment']
> = ['test', 'prod'];
export const vmStatusValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['VmStatus']
> = [
  'CREATING',
  'STARTING',
  'RUNNING',
  'STOPPING',
  'STOPPED',
  'DELETING',
  'FAILED',
  'PENDING',
  'MIGRATING',
  'PAUSED',
  'UNKNOWN',
  'NOT_FOUND',
];
export const powerActionValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['PowerAction']
> = ['start', 'stop', 'restart'];
export const ticketOperationValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['TicketOperation']
> = ['CREATE', 'MODIFY', 'DELETE', 'POWER', 'VNC_ACCESS'];
export const ticketStatusValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['TicketStatus']
> = [
  'PENDING',
  'APPROVED',
  'REJECTED',
  'CANCELLED',
  'EXECUTING',
  'SUCCESS',
  'FAILED',
];
export const directOrApprovalValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['DirectOrApproval']
> = ['ACCEPTED', 'PENDING_APPROVAL'];
export const domainEventTypeValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['DomainEventType']
> = [
  'VM_CREATION_REQUESTED',
  'VM_CREATION_COMPLETED',
  'VM_CREATION_FAILED',
  'VM_MODIFY_REQUESTED',
  'VM_MODIFY_COMPLETED',
  'VM_MODIFY_FAILED',
  'VM_DELETION_REQUESTED',
  'VM_DELETION_COMPLETED',
  'VM_DELETION_FAILED',
  'VM_START_REQUESTED',
  'VM_START_COMPLETED',
  'VM_START_FAILED',
  'VM_STOP_REQUESTED',
  'VM_STOP_COMPLETED',
  'VM_STOP_FAILED',
  'VM_RESTART_REQUESTED',
  'VM_RESTART_COMPLETED',
  'VM_RESTART_FAILED',
  'REQUEST_CANCELLED',
  'VNC_ACCESS_REQUESTED',
  'VNC_ACCESS_GRANTED',
  'SYSTEM_CREATED',
  'SYSTEM_DELETED',
  'SERVICE_CREATED',
  'SERVICE_DELETED',
  'VM_ADOPTED',
];
export const domainEventStatusValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['DomainEventStatus']
> = ['PENDING', 'PROCESSING', 'COMPLETED', 'FAILED', 'CANCELLED'];
export const ticketSubmissionStatusValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['TicketSubmission']['status']
> = ['PENDING'];
export const catalogScopeValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['CatalogScope']
> = ['unclassified', 'test', 'prod', 'all'];
export const templateStatusValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['TemplateStatus']
> = ['draft', 'active', 'deprecated', 'archived'];
export const templateSourceTypeValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['TemplateSourceType']
> = ['containerdisk', 'cdi_image_import', 'cdi_pvc_clone'];
export const clusterStatusValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['ClusterStatus']
> = ['UNKNOWN', 'HEALTHY', 'UNHEALTHY', 'UNREACHABLE'];
export const hugepagesSizeValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['HugepagesSize']
> = ['2Mi', '1Gi'];
export const reconcileModeValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['ReconcileMode']
> = ['dry-run', 'mark', 'delete'];
export const reconcileTriggerValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['ReconcileTrigger']
> = ['SCHEDULED', 'ON_DEMAND'];
export const reconcileReportStatusValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['ReconcileReportStatus']
> = ['COMPLETED', 'HALTED', 'FAILED'];
export const reconcileHaltReasonValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['ReconcileHaltReason']
> = ['GHOST_THRESHOLD_EXCEEDED'];
export const reconcileFindingKindValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['ReconcileFindingKind']
> = ['GHOST', 'ORPHAN'];
export const healthStatusValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['Health']['status']
> = ['ok', 'degraded'];
export const databaseHealthStatusValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['DatabaseHealth']['status']
> = ['ok', 'error'];
export const databaseHealthEngineValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['DatabaseHealth']['engine']
> = ['sqlite', 'postgres', 'mysql', 'unknown'];
export const componentsParametersAuditOutcomeValues: ReadonlyArray<
  FlattenedDeepRequired<components>['parameters']['AuditOutcome']
> = ['success', 'failure'];
export const componentsParametersEnabledFilterValues: ReadonlyArray<
  FlattenedDeepRequired<components>['parameters']['EnabledFilter']
> = ['true', 'false'];
