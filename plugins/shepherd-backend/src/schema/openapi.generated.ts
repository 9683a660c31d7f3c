// This file is generated from plugins/shepherd-backend/src/schema/openapi.yaml by
// scripts/generate-openapi.mjs (the spec as a constant).
// Do not edit it by hand: change openapi.yaml and run `yarn generate:openapi`.

export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'shepherd',
    version: '0.1.0',
    description:
      "The KubeVirt Shepherd API: governance of KubeVirt virtual machines from a Backstage portal. Every route needs a Backstage token (user or service) and answers errors in Backstage's error format, with a stable machine code where the client can act on it.",
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
  },
  servers: [{ url: '/' }],
  security: [{ JWT: [] }],
  paths: {
    '/health': {
      get: {
        operationId: 'GetHealth',
        summary: 'State of the Shepherd backend',
        description:
          "Checks the plugin's database (reachability, latency, migrations) and lists the VM providers registered by backend modules. Answers 503 with the same body when a check fails, so that monitors and the UI read one format.",
        responses: {
          '200': {
            description: 'Every check passed.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Health' },
              },
            },
          },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '503': {
            description: 'At least one check failed.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Health' },
              },
            },
          },
        },
      },
    },
    '/v1/capabilities': {
      get: {
        operationId: 'GetCapabilities',
        summary: 'What the caller may do',
        description:
          "Answers for the signed-in caller alone (service principals are refused with 403), so that the portal shows only what the caller may use: whether it may decide requests (shepherd.ticket.approve allowed, or conditional, i.e. allowed on some tickets), and for each System it may read the environments in which shepherd.vm.create would let it request a VM — the decision on the VM to be (its System and its namespace's environment, with the caller as requester), the same check that a request (POST /v1/vms/requests) passes. Systems are paged like GET /v1/systems (same order, offset and limit); decideRequests is the same on every page. Every request is checked again when it is made.",
        tags: ['Capabilities'],
        parameters: [
          { $ref: '#/components/parameters/Offset' },
          { $ref: '#/components/parameters/Limit' },
        ],
        responses: {
          '200': {
            description:
              "The caller's capabilities, with one page of its Systems.",
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Capabilities' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
    },
    '/v1/systems': {
      get: {
        operationId: 'ListSystems',
        summary: 'Systems the caller may read',
        tags: ['Systems'],
        parameters: [
          { $ref: '#/components/parameters/Search' },
          { $ref: '#/components/parameters/EntityRefFilter' },
          { $ref: '#/components/parameters/Offset' },
          { $ref: '#/components/parameters/Limit' },
        ],
        responses: {
          '200': {
            description: 'One page of Systems.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/SystemPage' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
        },
      },
      post: {
        operationId: 'CreateSystem',
        summary: 'Create a System',
        description:
          "Needs no approval. The owner (the caller by default, or one of the caller's groups) becomes the System's owner. Names follow the naming rules (see the Name schema); a name longer than 12 characters is accepted with a NAME_LENGTH_WARNING.",
        tags: ['Systems'],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['name'],
                properties: {
                  name: { $ref: '#/components/schemas/Name' },
                  description: { $ref: '#/components/schemas/FreeText' },
                  owner: {
                    $ref: '#/components/schemas/EntityRef',
                    description:
                      'Entity ref of the caller or of one of its groups.',
                  },
                },
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The created System and any warnings.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/SystemWithWarnings' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '409': { $ref: '#/components/responses/Conflict' },
        },
      },
    },
    '/v1/systems/register': {
      post: {
        operationId: 'RegisterSystem',
        summary: 'Register an existing catalog System',
        description:
          "Reads the System from the catalog with the caller's credentials and creates its governance record, with the entity's owner as owner.",
        tags: ['Systems'],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/EntityRefRequest' },
            },
          },
        },
        responses: {
          '201': {
            description: 'The registered System.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/SystemWithWarnings' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '409': { $ref: '#/components/responses/Conflict' },
        },
      },
    },
    '/v1/systems/{systemId}': {
      get: {
        operationId: 'GetSystem',
        summary: 'One System',
        tags: ['Systems'],
        responses: {
          '200': {
            description: 'The System.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/System' },
              },
            },
          },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '404': { $ref: '#/components/responses/NotFound' },
        },
        parameters: [{ $ref: '#/components/parameters/SystemId' }],
      },
      patch: {
        operationId: 'UpdateSystem',
        summary: "Change a System's description (its name is immutable)",
        tags: ['Systems'],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/DescriptionUpdate' },
            },
          },
        },
        responses: {
          '200': {
            description: 'The updated System.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/System' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
        },
        parameters: [{ $ref: '#/components/parameters/SystemId' }],
      },
      delete: {
        operationId: 'DeleteSystem',
        summary: 'Delete a System that has no Services',
        description:
          "Needs confirm_name set to the System's name (DELETE_CONFIRMATION_REQUIRED, CONFIRMATION_NAME_MISMATCH) and no Services (409 DELETE_RESTRICTED). No approval.",
        tags: ['Systems'],
        parameters: [
          { $ref: '#/components/parameters/SystemId' },
          {
            name: 'confirm_name',
            in: 'query',
            required: false,
            schema: { $ref: '#/components/schemas/ConfirmationName' },
          },
        ],
        responses: {
          '204': { description: 'Deleted.' },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
        },
      },
    },
    '/v1/systems/{systemId}/members': {
      get: {
        operationId: 'ListSystemMembers',
        summary: 'Members of a System and their roles',
        tags: ['Systems'],
        responses: {
          '200': {
            description: 'The members.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: { $ref: '#/components/schemas/SystemMember' },
                    },
                  },
                },
              },
            },
          },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '404': { $ref: '#/components/responses/NotFound' },
        },
        parameters: [{ $ref: '#/components/parameters/SystemId' }],
      },
      post: {
        operationId: 'AddSystemMember',
        summary: 'Give a user or group a role on the System',
        description:
          'Only owners (or policy-wide member managers) may grant the owner role.',
        tags: ['Systems'],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['memberRef', 'role'],
                properties: {
                  memberRef: {
                    $ref: '#/components/schemas/EntityRef',
                    description:
                      'Entity ref of a User or Group (kind defaults to group).',
                  },
                  role: { $ref: '#/components/schemas/MemberRole' },
                },
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The new member.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/SystemMember' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
        },
        parameters: [{ $ref: '#/components/parameters/SystemId' }],
      },
    },
    '/v1/systems/{systemId}/members/{memberId}': {
      patch: {
        operationId: 'UpdateSystemMember',
        summary: "Change a member's role",
        tags: ['Systems'],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['role'],
                properties: {
                  role: { $ref: '#/components/schemas/MemberRole' },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The member.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/SystemMember' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
        },
        parameters: [
          { $ref: '#/components/parameters/SystemId' },
          {
            name: 'memberId',
            in: 'path',
            required: true,
            schema: { $ref: '#/components/schemas/Uuid' },
          },
        ],
      },
      delete: {
        operationId: 'RemoveSystemMember',
        summary: 'Remove a member (a System keeps at least one owner)',
        tags: ['Systems'],
        responses: {
          '204': { description: 'Removed.' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
        },
        parameters: [
          { $ref: '#/components/parameters/SystemId' },
          {
            name: 'memberId',
            in: 'path',
            required: true,
            schema: { $ref: '#/components/schemas/Uuid' },
          },
        ],
      },
    },
    '/v1/systems/{systemId}/services': {
      post: {
        operationId: 'CreateService',
        summary: 'Create a Service in a System',
        tags: ['Services'],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['name'],
                properties: {
                  name: { $ref: '#/components/schemas/Name' },
                  description: { $ref: '#/components/schemas/FreeText' },
                },
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The created Service and any warnings.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/ServiceWithWarnings' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
        },
        parameters: [{ $ref: '#/components/parameters/SystemId' }],
      },
    },
    '/v1/systems/{systemId}/services/register': {
      post: {
        operationId: 'RegisterService',
        summary:
          'Register a catalog Component (type service) of the System as a Service',
        tags: ['Services'],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/EntityRefRequest' },
            },
          },
        },
        responses: {
          '201': {
            description: 'The registered Service.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/ServiceWithWarnings' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
        },
        parameters: [{ $ref: '#/components/parameters/SystemId' }],
      },
    },
    '/v1/services': {
      get: {
        operationId: 'ListServices',
        summary: 'Services the caller may read, across Systems',
        tags: ['Services'],
        parameters: [
          {
            name: 'systemId',
            in: 'query',
            required: false,
            schema: { $ref: '#/components/schemas/IdFilter' },
          },
          { $ref: '#/components/parameters/EntityRefFilter' },
          { $ref: '#/components/parameters/Search' },
          { $ref: '#/components/parameters/Offset' },
          { $ref: '#/components/parameters/Limit' },
        ],
        responses: {
          '200': {
            description: 'One page of Services.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/ServicePage' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
        },
      },
    },
    '/v1/services/{serviceId}': {
      get: {
        operationId: 'GetService',
        summary: 'One Service',
        tags: ['Services'],
        responses: {
          '200': {
            description: 'The Service.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Service' },
              },
            },
          },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '404': { $ref: '#/components/responses/NotFound' },
        },
        parameters: [{ $ref: '#/components/parameters/ServiceId' }],
      },
      patch: {
        operationId: 'UpdateService',
        summary: "Change a Service's description (its name is immutable)",
        tags: ['Services'],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/DescriptionUpdate' },
            },
          },
        },
        responses: {
          '200': {
            description: 'The updated Service.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Service' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
        },
        parameters: [{ $ref: '#/components/parameters/ServiceId' }],
      },
      delete: {
        operationId: 'DeleteService',
        summary: 'Delete a Service that has no VMs',
        description:
          'Needs confirm=true (DELETE_CONFIRMATION_REQUIRED), no VMs (409 DELETE_RESTRICTED) and no unfinished requests (409 ACTIVE_TICKETS_EXIST). No approval.',
        tags: ['Services'],
        parameters: [
          { $ref: '#/components/parameters/ServiceId' },
          {
            name: 'confirm',
            in: 'query',
            required: false,
            schema: { type: 'boolean' },
          },
        ],
        responses: {
          '204': { description: 'Deleted.' },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
        },
      },
    },
    '/v1/audit-logs': {
      get: {
        operationId: 'ListAuditLogs',
        summary: 'The audit trail, newest first',
        description:
          'Every governance action and decision, as written in the same transaction as the change it records; secrets in details are redacted before they are written. Needs the shepherd.audit.read permission. from and to are RFC 3339 timestamps (from inclusive, to exclusive).',
        tags: ['Audit'],
        parameters: [
          { $ref: '#/components/parameters/AuditAction' },
          { $ref: '#/components/parameters/AuditActor' },
          { $ref: '#/components/parameters/AuditResourceType' },
          { $ref: '#/components/parameters/AuditResourceId' },
          { $ref: '#/components/parameters/AuditTicketId' },
          { $ref: '#/components/parameters/AuditOutcome' },
          { $ref: '#/components/parameters/AuditFrom' },
          { $ref: '#/components/parameters/AuditTo' },
          { $ref: '#/components/parameters/Offset' },
          { $ref: '#/components/parameters/Limit' },
        ],
        responses: {
          '200': {
            description: 'One page of audit entries.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/AuditLogPage' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
    },
    '/v1/audit-logs/export.csv': {
      get: {
        operationId: 'ExportAuditLogs',
        summary: 'The audit trail as CSV, newest first',
        description:
          'The entries the same filters as ListAuditLogs select, as RFC 4180 CSV (a header row, CRLF line ends, fields with commas, quotes or line breaks quoted). Needs the shepherd.audit.read permission, like the audit search. At most 10000 entries are written; when more match, X-Shepherd-Export-Truncated is true and narrowing the filters (from, to) gets the rest. Cells that start with =, +, - or @ (or a tab or carriage return) are prefixed with a single quote, so that spreadsheets do not run them as formulas.',
        tags: ['Audit'],
        parameters: [
          { $ref: '#/components/parameters/AuditAction' },
          { $ref: '#/components/parameters/AuditActor' },
          { $ref: '#/components/parameters/AuditResourceType' },
          { $ref: '#/components/parameters/AuditResourceId' },
          { $ref: '#/components/parameters/AuditTicketId' },
          { $ref: '#/components/parameters/AuditOutcome' },
          { $ref: '#/components/parameters/AuditFrom' },
          { $ref: '#/components/parameters/AuditTo' },
        ],
        responses: {
          '200': {
            description: 'The matching entries as CSV.',
            headers: {
              'X-Shepherd-Export-Truncated': {
                description:
                  'true when more entries matched than were written.',
                schema: { type: 'string', enum: ['true', 'false'] },
              },
            },
            content: { 'text/csv': { schema: { type: 'string' } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
    },
    '/v1/audit-logs/{auditLogId}': {
      get: {
        operationId: 'GetAuditLog',
        summary: 'One audit entry',
        description: 'Needs the shepherd.audit.read permission.',
        tags: ['Audit'],
        parameters: [
          {
            name: 'auditLogId',
            in: 'path',
            required: true,
            schema: { $ref: '#/components/schemas/Uuid' },
          },
        ],
        responses: {
          '200': {
            description: 'The audit entry.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/AuditLogEntry' },
              },
            },
          },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
    },
    '/v1/vms': {
      get: {
        operationId: 'ListVms',
        summary: 'VMs the caller may read',
        tags: ['VMs'],
        parameters: [
          {
            name: 'systemId',
            in: 'query',
            schema: { $ref: '#/components/schemas/IdFilter' },
          },
          {
            name: 'serviceId',
            in: 'query',
            schema: { $ref: '#/components/schemas/IdFilter' },
          },
          {
            name: 'namespace',
            in: 'query',
            schema: { $ref: '#/components/schemas/NamespaceName' },
          },
          {
            name: 'environment',
            in: 'query',
            schema: { $ref: '#/components/schemas/Environment' },
          },
          {
            name: 'status',
            in: 'query',
            description: 'Any of these VM statuses (comma-separated).',
            style: 'form',
            explode: false,
            schema: {
              type: 'array',
              maxItems: 12,
              items: { $ref: '#/components/schemas/VmStatus' },
            },
          },
          {
            name: 'clusterId',
            in: 'query',
            schema: { $ref: '#/components/schemas/IdFilter' },
          },
          { $ref: '#/components/parameters/Search' },
          {
            name: 'orderBy',
            in: 'query',
            description:
              'The column to order by; without it, by namespace and name.',
            schema: { $ref: '#/components/schemas/VmOrderBy' },
          },
          { $ref: '#/components/parameters/ListOrder' },
          { $ref: '#/components/parameters/Offset' },
          { $ref: '#/components/parameters/Limit' },
        ],
        responses: {
          '200': {
            description: 'One page of VMs.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/VmPage' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
        },
      },
    },
    '/v1/vms/requests': {
      post: {
        operationId: 'RequestVm',
        summary: 'Request a new VM for a Service',
        description:
          "Always needs approval: answers 202 with the ticket and its domain event. Requesters choose the Service, a namespace, a template and an instance size (optionally with their own CPU, memory and disk targets); the approver chooses the cluster. The VM the choice renders to, spec overrides included, must pass KubeVirt's admission rules: dedicated CPUs take whole cores (RESOURCE_STEP_INVALID) and requests equal to limits (DEDICATED_CPU_OVERCOMMIT), hugepages memory a whole number of pages (RESOURCE_STEP_INVALID), cloud-init at most 2048 bytes (CLOUD_INIT_INVALID), overrides nothing KubeVirt refuses (INVALID_SPEC_OVERRIDES). A second pending request with the same parameters answers 409 DUPLICATE_PENDING_REQUEST with the existing ticket in error.details.ticketId.",
        tags: ['VMs'],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: [
                  'serviceId',
                  'namespace',
                  'templateId',
                  'instanceSizeId',
                  'reason',
                ],
                properties: {
                  serviceId: { $ref: '#/components/schemas/Uuid' },
                  namespace: { $ref: '#/components/schemas/NamespaceName' },
                  templateId: { $ref: '#/components/schemas/Uuid' },
                  instanceSizeId: { $ref: '#/components/schemas/Uuid' },
                  reason: { $ref: '#/components/schemas/FreeText' },
                  targetCpuCores: { $ref: '#/components/schemas/CpuAmount' },
                  targetMemoryGi: { $ref: '#/components/schemas/MemoryAmount' },
                  targetDiskGb: { $ref: '#/components/schemas/DiskTarget' },
                  sshPublicKey: {
                    type: 'string',
                    maxLength: 4096,
                    description:
                      "Optional: one OpenSSH public key line (`<type> <base64> [comment]`) that the VM's login user accepts; the provider adds it to the VM's cloud-init (`ssh_authorized_keys`), next to the template's own. Accepted types: ssh-ed25519, ecdsa-sha2-nistp256/384/521, ssh-rsa (at least 2048 bits), sk-ssh-ed25519@openssh.com, sk-ecdsa-sha2-nistp256@openssh.com; at most 1024 characters. Anything else answers 400 SSH_PUBLIC_KEY_INVALID, as does a key that would push the VM's cloud-init over KubeVirt's 2048 bytes. Never a password; approvers cannot change it.",
                  },
                },
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'The request is waiting for approval.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/TicketSubmission' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
          '429': { $ref: '#/components/responses/TooManyRequests' },
        },
      },
    },
    '/v1/vms/{vmId}': {
      get: {
        operationId: 'GetVm',
        summary: 'One VM',
        tags: ['VMs'],
        parameters: [{ $ref: '#/components/parameters/VmId' }],
        responses: {
          '200': {
            description: 'The VM.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Vm' },
              },
            },
          },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
      delete: {
        operationId: 'RequestVmDeletion',
        summary: 'Request the deletion of a VM',
        description:
          "Needs approval in every environment. A test VM needs confirm=true, a production VM confirm_name set to its name (DELETE_CONFIRMATION_REQUIRED, CONFIRMATION_NAME_MISMATCH) and a reason (REASON_REQUIRED when it is missing or only blanks). A reason has at most 512 characters after trimming (REASON_TOO_LONG). 409 VM_OPERATION_IN_PROGRESS while the VM's create or another operation on it is queued or running; the message names the running ticket.",
        tags: ['VMs'],
        parameters: [
          { $ref: '#/components/parameters/VmId' },
          { name: 'confirm', in: 'query', schema: { type: 'boolean' } },
          {
            name: 'confirm_name',
            in: 'query',
            schema: { $ref: '#/components/schemas/ConfirmationName' },
          },
          {
            name: 'reason',
            in: 'query',
            description:
              'Why the VM should go; required for a production VM, at most 512 characters.',
            schema: { $ref: '#/components/schemas/FreeText' },
          },
        ],
        responses: {
          '202': {
            description: 'The deletion is waiting for approval.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/TicketSubmission' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
          '429': { $ref: '#/components/responses/TooManyRequests' },
        },
      },
    },
    '/v1/vms/{vmId}/history': {
      get: {
        operationId: 'GetVmHistory',
        summary: 'What was done to one VM, newest first',
        description:
          "The audit entries on the VM, for everyone who may read the VM: what was done (the audit action code), by whom, when, how it ended and the request it belongs to. Of the entries' details only the operation (e.g. stop), the reason and the error are given; the audit log (shepherd.audit.read) has every detail. Actions that need no approval, such as a power action in test, are recorded only here and in the audit log.",
        tags: ['VMs'],
        parameters: [
          { $ref: '#/components/parameters/VmId' },
          { $ref: '#/components/parameters/Offset' },
          { $ref: '#/components/parameters/Limit' },
        ],
        responses: {
          '200': {
            description: "One page of the VM's history.",
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/VmHistoryPage' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
    },
    '/v1/vms/{vmId}/power': {
      post: {
        operationId: 'RequestVmPower',
        summary: 'Start, stop or restart a VM',
        description:
          "In test environments the operation is accepted directly (status ACCEPTED, a domain event is recorded); in production it waits for approval (status PENDING_APPROVAL, a POWER ticket). A request that repeats the action already queued or running on the VM where no approval is needed (a second restart) joins it: 202 ACCEPTED with joined set and the eventId of the action under way, which runs once. 409 VM_STATE_CONFLICT when the VM's status does not allow the action, 409 VM_OPERATION_IN_PROGRESS while another operation on the VM (a different action, or any other operation) is queued or running.",
        tags: ['VMs'],
        parameters: [{ $ref: '#/components/parameters/VmId' }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['action'],
                properties: {
                  action: { $ref: '#/components/schemas/PowerAction' },
                  reason: { $ref: '#/components/schemas/FreeText' },
                },
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'Accepted or waiting for approval.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/OperationSubmission' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
          '429': { $ref: '#/components/responses/TooManyRequests' },
        },
      },
    },
    '/v1/vms/{vmId}/modify-requests': {
      post: {
        operationId: 'RequestVmModification',
        summary: 'Request new CPU, memory or disk sizes for a VM',
        description:
          'Needs approval. At least one target (MODIFY_TARGET_REQUIRED); CPU and memory in 0.5 steps; disks only grow (DISK_SHRINK_FORBIDDEN). Changing CPU or memory of a running VM takes effect after a restart (requestSpec.requiresRestart). 409 VM_OPERATION_IN_PROGRESS while another operation on the VM is queued or running.',
        tags: ['VMs'],
        parameters: [{ $ref: '#/components/parameters/VmId' }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['reason'],
                properties: {
                  targetCpuCores: { $ref: '#/components/schemas/CpuAmount' },
                  targetMemoryGi: { $ref: '#/components/schemas/MemoryAmount' },
                  targetDiskGb: { $ref: '#/components/schemas/DiskTarget' },
                  reason: { $ref: '#/components/schemas/FreeText' },
                },
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'The change is waiting for approval.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/TicketSubmission' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
          '429': { $ref: '#/components/responses/TooManyRequests' },
        },
      },
    },
    '/v1/vms/{vmId}/console': {
      get: {
        operationId: 'GetVmConsoleAccess',
        summary: "The caller's console grant on the VM, or its pending request",
        tags: ['VMs'],
        parameters: [{ $ref: '#/components/parameters/VmId' }],
        responses: {
          '200': {
            description:
              'The grant and/or pending request, when there are any.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/ConsoleAccess' },
              },
            },
          },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
    },
    '/v1/vms/{vmId}/console/requests': {
      post: {
        operationId: 'RequestVmConsole',
        summary: 'Request access to the console of a running VM',
        description:
          'In test environments access is granted at once (200, status ACCEPTED, with the grant); in production a VNC_ACCESS ticket waits for approval (202) and the request needs a reason (REASON_REQUIRED when it is missing or only blanks). A reason has at most 512 characters after trimming (REASON_TOO_LONG). The VM must be RUNNING (409 VM_NOT_RUNNING); grants last at most 120 minutes.',
        tags: ['VMs'],
        parameters: [{ $ref: '#/components/parameters/VmId' }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  reason: { $ref: '#/components/schemas/FreeText' },
                  minutes: { $ref: '#/components/schemas/GrantMinutes' },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Access granted.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/OperationSubmission' },
              },
            },
          },
          '202': {
            description: 'Waiting for approval.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/OperationSubmission' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
          '429': { $ref: '#/components/responses/TooManyRequests' },
        },
      },
    },
    '/v1/vms/{vmId}/console/sessions': {
      post: {
        operationId: 'CreateVmConsoleSession',
        summary: 'Prepare a console session on a running VM for the VNC relay',
        description:
          "Needs the console permission on the VM, the VM RUNNING (409 VM_NOT_RUNNING) and an active console grant of the caller (403 CONSOLE_GRANT_REQUIRED; see /v1/vms/{vmId}/console/requests). Answers a single-use token, sealed with AES-256-GCM, that opens the relay's websocket at websocketPath once within a minute. The client opens that websocket offering the subprotocols shepherd.console.v1, shepherd.session.<token> and shepherd.bearer.<its Backstage token> (never a query string); the relay checks the token and the user again, uses the token up, and relays the VM's VNC stream (RFB) until the grant expires, the session is idle for too long or either side closes. The websocket itself is not an operation of this document. With takeover, the session also needs the console take-over permission on the VM (403 CONSOLE_TAKEOVER_DENIED); the token is sealed as a take-over, and the relay then takes the console over from a session someone else holds instead of refusing with close code 4104. A token issued without takeover never takes a console over.",
        tags: ['VMs'],
        parameters: [{ $ref: '#/components/parameters/VmId' }],
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  takeover: {
                    type: 'boolean',
                    description:
                      'Take the console over from a session someone else holds (needs the console take-over permission).',
                  },
                },
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The session token and where to use it.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/ConsoleSession' },
              },
            },
          },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
          '429': { $ref: '#/components/responses/TooManyRequests' },
          '503': {
            description:
              'No encryption key is configured (ENCRYPTION_NOT_CONFIGURED).',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Error' },
              },
            },
          },
        },
      },
    },
    '/v1/tickets': {
      get: {
        operationId: 'ListTickets',
        summary: "Tickets (by default the caller's own requests)",
        tags: ['Tickets'],
        parameters: [
          {
            name: 'scope',
            in: 'query',
            description:
              'mine (default) or all (every ticket the caller may read).',
            schema: { type: 'string', enum: ['mine', 'all'] },
          },
          {
            name: 'status',
            in: 'query',
            description:
              'Any of these ticket statuses (comma-separated); takes precedence over statusGroup.',
            style: 'form',
            explode: false,
            schema: {
              type: 'array',
              maxItems: 7,
              items: { $ref: '#/components/schemas/TicketStatus' },
            },
          },
          {
            name: 'statusGroup',
            in: 'query',
            schema: { type: 'string', enum: ['ACTIVE', 'TERMINAL'] },
          },
          {
            name: 'operation',
            in: 'query',
            description: 'Any of these operations (comma-separated).',
            style: 'form',
            explode: false,
            schema: {
              type: 'array',
              maxItems: 5,
              items: { $ref: '#/components/schemas/TicketOperation' },
            },
          },
          {
            name: 'vmId',
            in: 'query',
            schema: { $ref: '#/components/schemas/IdFilter' },
          },
          {
            name: 'search',
            in: 'query',
            required: false,
            description:
              'Case-insensitive text to look for in the VM name, the Service, the System, the requester and the reason.',
            schema: { $ref: '#/components/schemas/SearchText' },
          },
          {
            name: 'orderBy',
            in: 'query',
            description: 'The column to order by; without it, newest first.',
            schema: { $ref: '#/components/schemas/TicketOrderBy' },
          },
          { $ref: '#/components/parameters/ListOrder' },
          { $ref: '#/components/parameters/Offset' },
          { $ref: '#/components/parameters/Limit' },
        ],
        responses: {
          '200': {
            description:
              'One page of tickets, newest first unless orderBy says otherwise.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/TicketPage' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
        },
      },
    },
    '/v1/tickets/{ticketId}': {
      get: {
        operationId: 'GetTicket',
        summary: 'A ticket with its domain events and audit trail',
        tags: ['Tickets'],
        parameters: [{ $ref: '#/components/parameters/TicketId' }],
        responses: {
          '200': {
            description: 'The ticket.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/TicketDetail' },
              },
            },
          },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
    },
    '/v1/tickets/{ticketId}/cancel': {
      post: {
        operationId: 'CancelTicket',
        summary: "Withdraw one's own pending request",
        tags: ['Tickets'],
        parameters: [{ $ref: '#/components/parameters/TicketId' }],
        responses: {
          '200': {
            description: 'The cancelled ticket.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Ticket' },
              },
            },
          },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
        },
      },
    },
    '/v1/approval-tasks': {
      get: {
        operationId: 'ListApprovalTasks',
        summary:
          'Pending tickets the caller may decide, oldest first unless orderBy says otherwise',
        tags: ['Approvals'],
        parameters: [
          {
            name: 'search',
            in: 'query',
            required: false,
            description:
              'Case-insensitive text to look for in the VM name, the Service, the System, the requester and the reason.',
            schema: { $ref: '#/components/schemas/SearchText' },
          },
          {
            name: 'orderBy',
            in: 'query',
            description: 'The column to order by; without it, oldest first.',
            schema: { $ref: '#/components/schemas/TicketOrderBy' },
          },
          { $ref: '#/components/parameters/ListOrder' },
          { $ref: '#/components/parameters/Offset' },
          { $ref: '#/components/parameters/Limit' },
        ],
        responses: {
          '200': {
            description: 'One page of tasks with their age in days.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/ApprovalTaskPage' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
        },
      },
    },
    '/v1/approval-tasks/{ticketId}/preview': {
      get: {
        operationId: 'PreviewApproval',
        summary: 'What approving would do',
        description:
          'The effective spec, warnings (e.g. OVERCOMMIT_IN_PROD) and, for new VMs, every cluster with whether it can take the VM and why not.',
        tags: ['Approvals'],
        parameters: [{ $ref: '#/components/parameters/TicketId' }],
        responses: {
          '200': {
            description: 'The preview.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/ApprovalPreview' },
              },
            },
          },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
        },
      },
    },
    '/v1/approval-tasks/{ticketId}/manifest': {
      post: {
        operationId: 'RenderApprovalManifest',
        summary:
          'The VirtualMachine approving a CREATE with these choices would apply',
        description:
          "Renders, without a cluster call, the VirtualMachine manifest the create job would apply if the ticket were approved with this cluster, storage class and spec. The choices are checked as by ApproveTicket (CLUSTER_REQUIRED, STORAGE_CLASS_UNKNOWN, the spec's rules); nothing is written. The name carries the Service's next instance index, which another approval may take first (provisional). Without an installed VM provider there is no manifest. Only CREATE tickets have one (other operations answer 400 VALIDATION_FAILED).",
        tags: ['Approvals'],
        parameters: [{ $ref: '#/components/parameters/TicketId' }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  clusterId: { $ref: '#/components/schemas/Uuid' },
                  storageClass: {
                    $ref: '#/components/schemas/StorageClassName',
                  },
                  spec: { $ref: '#/components/schemas/VmSpecReplacement' },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description:
              "The VM's provisional name and, when a VM provider is installed, its manifest.",
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/ApprovalManifest' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
        },
      },
    },
    '/v1/approval-tasks/{ticketId}/approve': {
      post: {
        operationId: 'ApproveTicket',
        summary: 'Approve a pending ticket',
        description:
          "For CREATE the approver chooses the cluster (same environment as the namespace, enabled, not unreachable) and may set the storage class and replace the spec as a whole (template, size, CPU, memory, disk) within the overcommit rules and KubeVirt's admission rules, checked as for a request (e.g. a replacement with fractional cores on a size with dedicated CPUs answers 400 RESOURCE_STEP_INVALID); namespace, Service, name, labels and cloud-init cannot change. Approving a CREATE names the VM and records it as CREATING. Requesters cannot approve their own tickets. Before a CREATE or MODIFY approval is committed, the chosen cluster validates the exact VM (or resize patch) in a server-side dry run, admission webhooks included; the VM's namespace is created on the cluster for it if missing. A rejection answers 400 VALIDATION_FAILED, an unreachable cluster 503 CLUSTER_UNAVAILABLE; the ticket stays PENDING either way. An object under the VM's name that is not this Shepherd installation's VM answers 409 VM_NAME_CONFLICT (cluster, namespace, name and, when the Service's index moved on, nextVmName in error.details); the object is left untouched and approving again uses the Service's next name. Approving a DELETE, MODIFY or POWER ticket while another operation on its VM is queued or running answers 409 VM_OPERATION_IN_PROGRESS naming the running ticket. Approving the DELETE of a production VM needs confirmVmName set to the VM's name, as the approver typed it (400 DELETE_CONFIRMATION_REQUIRED when missing, CONFIRMATION_NAME_MISMATCH when it differs; error.details.field is confirmVmName); the ticket stays PENDING.",
        tags: ['Approvals'],
        parameters: [{ $ref: '#/components/parameters/TicketId' }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  clusterId: { $ref: '#/components/schemas/Uuid' },
                  storageClass: {
                    $ref: '#/components/schemas/StorageClassName',
                  },
                  spec: { $ref: '#/components/schemas/VmSpecReplacement' },
                  grantMinutes: { $ref: '#/components/schemas/GrantMinutes' },
                  confirmVmName: {
                    $ref: '#/components/schemas/ConfirmationName',
                    description:
                      'The name of the VM a DELETE ticket deletes, typed by the approver; required for production VMs, refused on other operations.',
                  },
                  comment: { $ref: '#/components/schemas/FreeText' },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The approved ticket and any warnings.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/ApprovalResult' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
          '503': {
            description:
              'The cluster could not be reached for the dry run (CLUSTER_UNAVAILABLE); try again.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Error' },
              },
            },
          },
        },
      },
    },
    '/v1/approval-tasks/{ticketId}/reject': {
      post: {
        operationId: 'RejectTicket',
        summary: 'Reject a pending ticket, with a reason for the requester',
        tags: ['Approvals'],
        parameters: [{ $ref: '#/components/parameters/TicketId' }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['reason'],
                properties: {
                  reason: { $ref: '#/components/schemas/FreeText' },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The rejected ticket.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Ticket' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
        },
      },
    },
    '/v1/admin/namespaces': {
      get: {
        operationId: 'ListAdminNamespaces',
        summary: 'The namespace registry',
        description: 'Needs shepherd.catalog.manage.',
        tags: ['Admin catalogs'],
        parameters: [
          { $ref: '#/components/parameters/EnvironmentFilter' },
          { $ref: '#/components/parameters/EnabledFilter' },
          { $ref: '#/components/parameters/Offset' },
          { $ref: '#/components/parameters/Limit' },
        ],
        responses: {
          '200': {
            description: 'One page of namespaces.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/NamespacePage' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
      post: {
        operationId: 'CreateNamespace',
        summary: 'Register a namespace',
        description:
          'Needs shepherd.catalog.manage. The name follows the naming rules (see the Name schema); the environment is set explicitly and decides approval and console rules. The Kubernetes namespace is created on the chosen cluster when a VM first needs it.',
        tags: ['Admin catalogs'],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['name', 'environment'],
                properties: {
                  name: { $ref: '#/components/schemas/Name' },
                  environment: { $ref: '#/components/schemas/Environment' },
                  description: { type: 'string', maxLength: 512 },
                  enabled: { type: 'boolean' },
                },
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The registered namespace and any warnings.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/NamespaceWithWarnings' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '409': { $ref: '#/components/responses/Conflict' },
        },
      },
    },
    '/v1/admin/namespaces/{namespaceId}': {
      get: {
        operationId: 'GetNamespace',
        summary: 'One namespace of the registry',
        tags: ['Admin catalogs'],
        parameters: [{ $ref: '#/components/parameters/NamespaceId' }],
        responses: {
          '200': {
            description: 'The namespace.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Namespace' },
              },
            },
          },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
      patch: {
        operationId: 'UpdateNamespace',
        summary:
          "Change a namespace's description, enabled flag or environment",
        description:
          'The name is immutable. The environment cannot change once any VM or any request uses the namespace (409 ENVIRONMENT_IMMUTABLE).',
        tags: ['Admin catalogs'],
        parameters: [{ $ref: '#/components/parameters/NamespaceId' }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  description: { type: 'string', maxLength: 512 },
                  enabled: { type: 'boolean' },
                  environment: { $ref: '#/components/schemas/Environment' },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The updated namespace.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Namespace' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
        },
      },
      delete: {
        operationId: 'DeleteNamespace',
        summary: 'Remove a namespace no VM and no unfinished request uses',
        description:
          "Needs confirm_name set to the namespace's name (DELETE_CONFIRMATION_REQUIRED, CONFIRMATION_NAME_MISMATCH), no VMs and no unfinished requests (409 DELETE_RESTRICTED; disable the namespace instead). The Kubernetes namespaces on clusters are never deleted.",
        tags: ['Admin catalogs'],
        parameters: [
          { $ref: '#/components/parameters/NamespaceId' },
          {
            name: 'confirm_name',
            in: 'query',
            required: false,
            schema: { $ref: '#/components/schemas/ConfirmationName' },
          },
        ],
        responses: {
          '204': { description: 'Removed.' },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
        },
      },
    },
    '/v1/admin/clusters': {
      get: {
        operationId: 'ListClusters',
        summary: 'The registered clusters (never their credentials)',
        description: 'Needs shepherd.cluster.read.',
        tags: ['Admin catalogs'],
        parameters: [
          { $ref: '#/components/parameters/EnvironmentFilter' },
          { $ref: '#/components/parameters/EnabledFilter' },
          { $ref: '#/components/parameters/Offset' },
          { $ref: '#/components/parameters/Limit' },
        ],
        responses: {
          '200': {
            description: 'One page of clusters.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/ClusterPage' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
      post: {
        operationId: 'RegisterCluster',
        summary: 'Register a KubeVirt cluster with its kubeconfig',
        description:
          'Needs shepherd.cluster.manage. The kubeconfig is sanitised (KUBECONFIG_INVALID, KUBECONFIG_UNSAFE for exec or auth-provider plugins, file references, proxy-url, insecure-skip-tls-verify or a non-HTTPS server), reduced to its current context and encrypted at rest (503 ENCRYPTION_NOT_CONFIGURED without a key). It is never returned. The cluster starts with status UNKNOWN until its first health check. Its providerType (default kubevirt) names the VM provider that reaches it; a type other than kubevirt must be installed in the backend (VALIDATION_FAILED).',
        tags: ['Admin catalogs'],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['name', 'environment', 'kubeconfig'],
                properties: {
                  name: { $ref: '#/components/schemas/CatalogName' },
                  displayName: { type: 'string', maxLength: 255 },
                  environment: { $ref: '#/components/schemas/Environment' },
                  providerType: { $ref: '#/components/schemas/ProviderType' },
                  kubeconfig: { $ref: '#/components/schemas/Kubeconfig' },
                },
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The registered cluster.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/ClusterWithWarnings' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '409': { $ref: '#/components/responses/Conflict' },
          '503': {
            description:
              'No encryption key is configured (ENCRYPTION_NOT_CONFIGURED).',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Error' },
              },
            },
          },
        },
      },
    },
    '/v1/admin/clusters/{clusterId}': {
      get: {
        operationId: 'GetCluster',
        summary: 'One registered cluster',
        tags: ['Admin catalogs'],
        parameters: [{ $ref: '#/components/parameters/ClusterId' }],
        responses: {
          '200': {
            description: 'The cluster.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Cluster' },
              },
            },
          },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
      patch: {
        operationId: 'UpdateCluster',
        summary:
          "Change a cluster's display name, enabled flag, default storage class or environment",
        description:
          'Needs shepherd.cluster.manage. The environment cannot change while VMs or unfinished requests use the cluster (409 ENVIRONMENT_IMMUTABLE). The default storage class must be one the cluster reported, once it has reported any (STORAGE_CLASS_UNKNOWN).',
        tags: ['Admin catalogs'],
        parameters: [{ $ref: '#/components/parameters/ClusterId' }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  displayName: { type: 'string', maxLength: 255 },
                  enabled: { type: 'boolean' },
                  defaultStorageClass: {
                    $ref: '#/components/schemas/StorageClassName',
                  },
                  environment: { $ref: '#/components/schemas/Environment' },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The updated cluster.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Cluster' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
        },
      },
      delete: {
        operationId: 'DeleteCluster',
        summary: 'Remove a cluster no VM and no unfinished request uses',
        description:
          'Needs shepherd.cluster.manage. Refused while VMs or unfinished requests use the cluster (409 DELETE_RESTRICTED; disable it instead).',
        tags: ['Admin catalogs'],
        parameters: [{ $ref: '#/components/parameters/ClusterId' }],
        responses: {
          '204': { description: 'Removed.' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
        },
      },
    },
    '/v1/admin/clusters/{clusterId}/credentials': {
      put: {
        operationId: 'RotateClusterCredentials',
        summary: "Replace a cluster's kubeconfig",
        description:
          'Needs shepherd.cluster.manage. Sanitised and encrypted like at registration, under the current encryption key; audited as cluster.credential_rotate without the kubeconfig.',
        tags: ['Admin catalogs'],
        parameters: [{ $ref: '#/components/parameters/ClusterId' }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['kubeconfig'],
                properties: {
                  kubeconfig: { $ref: '#/components/schemas/Kubeconfig' },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The cluster with its new API server URL and key id.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Cluster' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '503': {
            description:
              'No encryption key is configured (ENCRYPTION_NOT_CONFIGURED).',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Error' },
              },
            },
          },
        },
      },
    },
    '/v1/admin/reconciler/reports': {
      get: {
        operationId: 'ListReconcileReports',
        summary: "The reconciler's reports, newest first",
        description:
          'Needs shepherd.reconcile.read. One report per run and cluster: the mode, when it ran, what it compared and found (at most 100 ghosts and 100 orphans listed; the counts are complete), and whether the breaker halted it. Reports are kept for shepherd.reconciler.reportRetentionDays.',
        tags: ['Reconciler'],
        parameters: [
          { $ref: '#/components/parameters/ClusterIdFilter' },
          {
            name: 'latest',
            in: 'query',
            required: false,
            description: "With true, only each cluster's latest report.",
            schema: { type: 'string', enum: ['true', 'false'] },
          },
          { $ref: '#/components/parameters/Offset' },
          { $ref: '#/components/parameters/Limit' },
        ],
        responses: {
          '200': {
            description: 'One page of reports.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/ReconcileReportPage' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
    },
    '/v1/admin/reconciler/reports/{reportId}': {
      get: {
        operationId: 'GetReconcileReport',
        summary: 'One report of the reconciler',
        description: 'Needs shepherd.reconcile.read.',
        tags: ['Reconciler'],
        parameters: [{ $ref: '#/components/parameters/ReportId' }],
        responses: {
          '200': {
            description: 'The report.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/ReconcileReport' },
              },
            },
          },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
    },
    '/v1/admin/reconciler/runs': {
      post: {
        operationId: 'RunReconciler',
        summary: 'Reconcile one cluster, or every cluster, now',
        description:
          "Needs shepherd.reconcile.run. Compares the VM records of the cluster (of every registered cluster without clusterId) with the Shepherd-labelled VMs of this installation on it, and answers the reports of the run. dry-run reports only; mark also marks the ghosts and orphans it found. delete is refused (RECONCILE_MODE_NOT_SUPPORTED): the reconciler never deletes. When more than half of a cluster's records look like ghosts the run halts for that cluster, marks nothing and alerts the platform admins. Audited as reconcile.run.",
        tags: ['Reconciler'],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['mode'],
                properties: {
                  mode: { $ref: '#/components/schemas/ReconcileMode' },
                  clusterId: { $ref: '#/components/schemas/Uuid' },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The reports of the run, one per cluster.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/ReconcileRun' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
    },
    '/v1/admin/reconciler/marks': {
      get: {
        operationId: 'ListReconcileMarks',
        summary: 'The ghosts and orphans the reconciler marked',
        description:
          'Needs shepherd.reconcile.read. A mark stays while runs in mark mode still find it and goes with the first that does not. Marking a ghost never deletes its record.',
        tags: ['Reconciler'],
        parameters: [
          { $ref: '#/components/parameters/ClusterIdFilter' },
          { $ref: '#/components/parameters/Offset' },
          { $ref: '#/components/parameters/Limit' },
        ],
        responses: {
          '200': {
            description: 'One page of marks.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/ReconcileMarkPage' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
    },
    '/v1/admin/templates': {
      get: {
        operationId: 'ListTemplates',
        summary: 'Every OS template, whatever its status and scope',
        description: 'Needs shepherd.catalog.manage.',
        tags: ['Admin catalogs'],
        parameters: [
          {
            name: 'status',
            in: 'query',
            required: false,
            schema: { $ref: '#/components/schemas/TemplateStatus' },
          },
          { $ref: '#/components/parameters/CatalogScopeFilter' },
          { $ref: '#/components/parameters/Offset' },
          { $ref: '#/components/parameters/Limit' },
        ],
        responses: {
          '200': {
            description: 'One page of templates.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/TemplatePage' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
      post: {
        operationId: 'CreateTemplate',
        summary: 'Create an OS template (a draft unless status is given)',
        description:
          "Needs shepherd.catalog.manage. Templates carry the image source, cloud-init and OS labels, never hardware: a body with hardware fields (cpu*, memory*, disk*, gpu*, hugepages*, instanceSize*) answers TEMPLATE_SPEC_VIOLATION, other unknown fields VALIDATION_FAILED. The source must fit the source type (TEMPLATE_SOURCE_INVALID) and cloud-init must be a #cloud-config YAML mapping (CLOUD_INIT_INVALID, with line and column) of at most 2048 bytes of UTF-8, KubeVirt's limit on inline user data (CLOUD_INIT_INVALID, with bytes and maxBytes).",
        tags: ['Admin catalogs'],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: true,
                maxProperties: 64,
                propertyNames: { maxLength: 64 },
                required: ['name', 'sourceType'],
                properties: {
                  name: { $ref: '#/components/schemas/CatalogName' },
                  displayName: { type: 'string', maxLength: 255 },
                  description: { type: 'string', maxLength: 4096 },
                  status: { type: 'string', enum: ['draft', 'active'] },
                  catalogScope: { $ref: '#/components/schemas/CatalogScope' },
                  sourceType: {
                    $ref: '#/components/schemas/TemplateSourceType',
                  },
                  imageUrl: { type: 'string', maxLength: 2048 },
                  pvcName: { type: 'string', maxLength: 253 },
                  pvcNamespace: { type: 'string', maxLength: 63 },
                  cloudInit: { $ref: '#/components/schemas/CloudInit' },
                  osFamily: { type: 'string', maxLength: 64 },
                  osVersion: { type: 'string', maxLength: 64 },
                },
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The created template.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/TemplateWithWarnings' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '409': { $ref: '#/components/responses/Conflict' },
        },
      },
    },
    '/v1/admin/templates/{templateId}': {
      get: {
        operationId: 'GetTemplate',
        summary: 'One OS template',
        tags: ['Admin catalogs'],
        parameters: [{ $ref: '#/components/parameters/TemplateId' }],
        responses: {
          '200': {
            description: 'The template.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Template' },
              },
            },
          },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
      patch: {
        operationId: 'UpdateTemplate',
        summary: 'Change a template or move it through its lifecycle',
        description:
          "The name is immutable; null clears imageUrl, pvcName, pvcNamespace or cloudInit. Status moves draft → active | archived, active → deprecated, deprecated → active | archived (409 TEMPLATE_STATUS_TRANSITION_INVALID otherwise). The template is checked again as it would be saved. A template saved with cloud-init over KubeVirt's 2048-byte limit before that limit was enforced can still change otherwise, be deprecated or archived; changing its cloud-init, or offering it (active, not unclassified), needs the limit met (CLOUD_INIT_INVALID), and requests for it are refused. VMs and approved requests keep the snapshot they were approved with.",
        tags: ['Admin catalogs'],
        parameters: [{ $ref: '#/components/parameters/TemplateId' }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: true,
                maxProperties: 64,
                propertyNames: { maxLength: 64 },
                properties: {
                  displayName: { type: 'string', maxLength: 255 },
                  description: { type: 'string', maxLength: 4096 },
                  status: { $ref: '#/components/schemas/TemplateStatus' },
                  catalogScope: { $ref: '#/components/schemas/CatalogScope' },
                  sourceType: {
                    $ref: '#/components/schemas/TemplateSourceType',
                  },
                  imageUrl: { type: ['string', 'null'], maxLength: 2048 },
                  pvcName: { type: ['string', 'null'], maxLength: 253 },
                  pvcNamespace: { type: ['string', 'null'], maxLength: 63 },
                  cloudInit: {
                    type: ['string', 'null'],
                    maxLength: 65536,
                    description:
                      'As CloudInit: at most 2048 bytes of UTF-8 (CLOUD_INIT_INVALID); null clears it.',
                  },
                  osFamily: { type: 'string', maxLength: 64 },
                  osVersion: { type: 'string', maxLength: 64 },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The updated template.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Template' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
        },
      },
      delete: {
        operationId: 'DeleteTemplate',
        summary: 'Delete a template that no VM and no request has used',
        description:
          'Refused while any VM or any request, finished or not, refers to the template (409 DELETE_RESTRICTED; archive it instead).',
        tags: ['Admin catalogs'],
        parameters: [{ $ref: '#/components/parameters/TemplateId' }],
        responses: {
          '204': { description: 'Deleted.' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
        },
      },
    },
    '/v1/admin/instance-sizes': {
      get: {
        operationId: 'ListInstanceSizes',
        summary: 'Every instance size, enabled or not',
        description: 'Needs shepherd.catalog.manage.',
        tags: ['Admin catalogs'],
        parameters: [
          { $ref: '#/components/parameters/EnabledFilter' },
          { $ref: '#/components/parameters/CatalogScopeFilter' },
          { $ref: '#/components/parameters/Offset' },
          { $ref: '#/components/parameters/Limit' },
        ],
        responses: {
          '200': {
            description: 'One page of instance sizes, by sort order and name.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/InstanceSizePage' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
      post: {
        operationId: 'CreateInstanceSize',
        summary: 'Create an instance size',
        description:
          'Needs shepherd.catalog.manage. CPU and memory come in 0.5 steps (RESOURCE_STEP_INVALID), requests default to the limits and may not exceed them (RESOURCE_REQUEST_EXCEEDS_LIMIT); dedicated CPUs cannot be overcommitted (DEDICATED_CPU_OVERCOMMIT) and take whole cores (RESOURCE_STEP_INVALID). hugepagesSize is required exactly when requiresHugepages is true, and the memory request must then be a whole number of pages, at least one (RESOURCE_STEP_INVALID; 1Gi pages need whole GiB). specOverrides keys are dotted KubeVirt paths under spec. that leave image, boot disk and cloud-init to templates, and the VM they give must pass the same KubeVirt admission rules; spec.running is refused since Shepherd sets spec.runStrategy (INVALID_SPEC_OVERRIDES). Overcommit in a size offered to prod is accepted with a warning.',
        tags: ['Admin catalogs'],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['name', 'cpuCores', 'memoryGi', 'diskGb'],
                properties: {
                  name: { $ref: '#/components/schemas/CatalogName' },
                  displayName: { type: 'string', maxLength: 255 },
                  description: { type: 'string', maxLength: 4096 },
                  catalogScope: { $ref: '#/components/schemas/CatalogScope' },
                  enabled: { type: 'boolean' },
                  sortOrder: { $ref: '#/components/schemas/SortOrder' },
                  cpuCores: { $ref: '#/components/schemas/CpuAmount' },
                  cpuRequest: { $ref: '#/components/schemas/CpuAmount' },
                  memoryGi: { $ref: '#/components/schemas/MemoryAmount' },
                  memoryRequestGi: {
                    $ref: '#/components/schemas/MemoryAmount',
                  },
                  diskGb: { $ref: '#/components/schemas/DiskAmount' },
                  dedicatedCpu: { type: 'boolean' },
                  requiresGpu: { type: 'boolean' },
                  requiresSriov: { type: 'boolean' },
                  requiresHugepages: { type: 'boolean' },
                  hugepagesSize: { $ref: '#/components/schemas/HugepagesSize' },
                  specOverrides: { $ref: '#/components/schemas/SpecOverrides' },
                },
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The created instance size and any warnings.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/InstanceSizeWithWarnings',
                },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '409': { $ref: '#/components/responses/Conflict' },
        },
      },
    },
    '/v1/admin/instance-sizes/{instanceSizeId}': {
      get: {
        operationId: 'GetInstanceSize',
        summary: 'One instance size',
        tags: ['Admin catalogs'],
        parameters: [{ $ref: '#/components/parameters/InstanceSizeId' }],
        responses: {
          '200': {
            description: 'The instance size.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/InstanceSize' },
              },
            },
          },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
      patch: {
        operationId: 'UpdateInstanceSize',
        summary: 'Change an instance size',
        description:
          "The name is immutable; the whole size is checked again as it would be saved. A request that equalled its limit follows a changed limit. null clears hugepagesSize. A size saved before KubeVirt's admission rules were enforced can still be disabled or changed otherwise; a change that breaks a rule anew, or offering the size (enabled, not unclassified), needs the rules met, and requests for it are refused. VMs and approved requests keep the snapshot they were approved with.",
        tags: ['Admin catalogs'],
        parameters: [{ $ref: '#/components/parameters/InstanceSizeId' }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  displayName: { type: 'string', maxLength: 255 },
                  description: { type: 'string', maxLength: 4096 },
                  catalogScope: { $ref: '#/components/schemas/CatalogScope' },
                  enabled: { type: 'boolean' },
                  sortOrder: { $ref: '#/components/schemas/SortOrder' },
                  cpuCores: { $ref: '#/components/schemas/CpuAmount' },
                  cpuRequest: { $ref: '#/components/schemas/CpuAmount' },
                  memoryGi: { $ref: '#/components/schemas/MemoryAmount' },
                  memoryRequestGi: {
                    $ref: '#/components/schemas/MemoryAmount',
                  },
                  diskGb: { $ref: '#/components/schemas/DiskAmount' },
                  dedicatedCpu: { type: 'boolean' },
                  requiresGpu: { type: 'boolean' },
                  requiresSriov: { type: 'boolean' },
                  requiresHugepages: { type: 'boolean' },
                  hugepagesSize: {
                    type: ['string', 'null'],
                    enum: ['2Mi', '1Gi', null],
                  },
                  specOverrides: { $ref: '#/components/schemas/SpecOverrides' },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The updated instance size.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/InstanceSize' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
      delete: {
        operationId: 'DeleteInstanceSize',
        summary: 'Delete an instance size no VM and no unfinished request uses',
        description:
          'Refused while VMs or unfinished requests use the size (409 DELETE_RESTRICTED; disable it instead).',
        tags: ['Admin catalogs'],
        parameters: [{ $ref: '#/components/parameters/InstanceSizeId' }],
        responses: {
          '204': { description: 'Deleted.' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
        },
      },
    },
    '/v1/catalog/namespaces': {
      get: {
        operationId: 'ListCatalogNamespaces',
        summary: 'Enabled namespaces the caller may request VMs in',
        description:
          "Filtered by the caller's shepherd.namespace.read decision (usually by environment).",
        tags: ['Request catalog'],
        parameters: [
          { $ref: '#/components/parameters/Offset' },
          { $ref: '#/components/parameters/Limit' },
        ],
        responses: {
          '200': {
            description: 'One page of namespaces.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/NamespacePage' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
        },
      },
    },
    '/v1/catalog/templates': {
      get: {
        operationId: 'ListCatalogTemplates',
        summary: 'Active templates the caller may request',
        description:
          "Needs shepherd.catalog.read. Templates scoped to all, or to the environment of a namespace the caller may read; with namespace, only those offered in that namespace's environment (404 when the caller may not use the namespace). Unclassified templates are never offered. cloudInit reads ***REDACTED*** unless the caller has shepherd.catalog.manage.",
        tags: ['Request catalog'],
        parameters: [
          { $ref: '#/components/parameters/CatalogNamespace' },
          { $ref: '#/components/parameters/Offset' },
          { $ref: '#/components/parameters/Limit' },
        ],
        responses: {
          '200': {
            description: 'One page of templates.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/TemplatePage' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
    },
    '/v1/catalog/instance-sizes': {
      get: {
        operationId: 'ListCatalogInstanceSizes',
        summary: 'Enabled instance sizes the caller may request',
        description:
          'Needs shepherd.catalog.read. Offered like templates: scoped to all, or to the environment of a (given) namespace the caller may read; never unclassified.',
        tags: ['Request catalog'],
        parameters: [
          { $ref: '#/components/parameters/CatalogNamespace' },
          { $ref: '#/components/parameters/Offset' },
          { $ref: '#/components/parameters/Limit' },
        ],
        responses: {
          '200': {
            description: 'One page of instance sizes.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/InstanceSizePage' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
    },
    '/v1/admin/pending-adoptions': {
      get: {
        operationId: 'ListPendingAdoptions',
        summary:
          "VMs found on registered clusters without Shepherd's labels, and what became of them",
        description:
          "Needs shepherd.vm.adopt. Discovery proposes every VirtualMachine without Shepherd's managed-by label in a registered namespace of a registered cluster (same environment) as a PENDING adoption; an adopted one is ADOPTED (with its VM's id), a rejected one REJECTED and never proposed again unless its uid changes. A PENDING one whose VM left the cluster leaves the list. Newest first.",
        tags: ['Adoption'],
        parameters: [
          {
            name: 'status',
            in: 'query',
            required: false,
            schema: { $ref: '#/components/schemas/PendingAdoptionStatus' },
          },
          {
            name: 'clusterId',
            in: 'query',
            required: false,
            schema: { $ref: '#/components/schemas/IdFilter' },
          },
          {
            name: 'namespace',
            in: 'query',
            required: false,
            schema: { $ref: '#/components/schemas/NamespaceName' },
          },
          { $ref: '#/components/parameters/Search' },
          { $ref: '#/components/parameters/Offset' },
          { $ref: '#/components/parameters/Limit' },
        ],
        responses: {
          '200': {
            description: 'One page of pending adoptions.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/PendingAdoptionPage' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        },
      },
    },
    '/v1/admin/pending-adoptions/discover': {
      post: {
        operationId: 'DiscoverPendingAdoptions',
        summary:
          'Look for VMs to adopt now, rather than at the next periodic scan',
        description:
          'Needs shepherd.vm.adopt. Scans every enabled cluster (or the one given) whose provider can list VMs; a cluster that cannot be asked is reported in failedClusters and its pending adoptions stay as they were.',
        tags: ['Adoption'],
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  clusterId: { $ref: '#/components/schemas/Uuid' },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'What the scan found.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AdoptionDiscoveryReport',
                },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
    },
    '/v1/admin/pending-adoptions/{adoptionId}/adopt': {
      post: {
        operationId: 'AdoptPendingAdoption',
        summary: 'Adopt a discovered VM into a Service',
        description:
          "Needs shepherd.vm.adopt. The VM keeps its name; Shepherd adds only its own labels (System, Service, instance, environment, managed-by) with its field manager, on the very object that was discovered (uid and resourceVersion preconditions), then records the VM, audited as adoption.adopted. From then on it is governed like any other VM. Refusals: ADOPTION_NOT_PENDING (409, already adopted or rejected, or labelled by someone else meanwhile), ADOPTION_VM_CHANGED (409, the VM left the cluster or was replaced by another object of the same name), NAMESPACE_NOT_REGISTERED (400), NAMESPACE_DISABLED (400), CLUSTER_ENVIRONMENT_MISMATCH (400, the namespace is registered for another environment than the cluster's), NAME_ALREADY_EXISTS (409, a VM record of that name exists in the namespace), CLUSTER_UNAVAILABLE (503).",
        tags: ['Adoption'],
        parameters: [{ $ref: '#/components/parameters/AdoptionId' }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['serviceId'],
                properties: {
                  serviceId: { $ref: '#/components/schemas/Uuid' },
                  reason: { type: 'string', maxLength: 512 },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description:
              'The adoption, now ADOPTED, and the VM record it created.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/AdoptionResult' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
          '503': {
            description:
              "The VM's cluster could not be reached (CLUSTER_UNAVAILABLE); try again.",
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Error' },
              },
            },
          },
        },
      },
    },
    '/v1/admin/pending-adoptions/{adoptionId}/reject': {
      post: {
        operationId: 'RejectPendingAdoption',
        summary:
          'Decline a discovered VM, with a reason; it is not proposed again',
        description:
          'Needs shepherd.vm.adopt. The adoption becomes REJECTED (audited as adoption.rejected) and the VM is left as it is. Discovery proposes the same name again only for another object (another uid). A reason is required (REJECT_REASON_REQUIRED), at most 512 characters; ADOPTION_NOT_PENDING (409) when it was decided already.',
        tags: ['Adoption'],
        parameters: [{ $ref: '#/components/parameters/AdoptionId' }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['reason'],
                properties: { reason: { type: 'string', maxLength: 512 } },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The rejected adoption.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/PendingAdoption' },
              },
            },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': { $ref: '#/components/responses/NotFound' },
          '409': { $ref: '#/components/responses/Conflict' },
        },
      },
    },
  },
  components: {
    parameters: {
      AdoptionId: {
        name: 'adoptionId',
        in: 'path',
        required: true,
        schema: { $ref: '#/components/schemas/Uuid' },
      },
      EntityRefFilter: {
        name: 'entityRef',
        in: 'query',
        required: false,
        description:
          'Only the record registered from this catalog entity, e.g. system:default/payments (compared case-insensitively, as the catalog does).',
        schema: { $ref: '#/components/schemas/EntityRef' },
      },
      VmId: {
        name: 'vmId',
        in: 'path',
        required: true,
        schema: { $ref: '#/components/schemas/Uuid' },
      },
      TicketId: {
        name: 'ticketId',
        in: 'path',
        required: true,
        schema: { $ref: '#/components/schemas/Uuid' },
      },
      Offset: {
        name: 'offset',
        in: 'query',
        required: false,
        description:
          'Number of items to skip (default 0), at most 1000000: deeper than that, narrow the list with its filters.',
        schema: { type: 'integer', minimum: 0, maximum: 1000000 },
      },
      Limit: {
        name: 'limit',
        in: 'query',
        required: false,
        description: 'Page size (default 20).',
        schema: { type: 'integer', minimum: 1, maximum: 100 },
      },
      Search: {
        name: 'search',
        in: 'query',
        required: false,
        description:
          'Case-insensitive text to look for in names and descriptions.',
        schema: { $ref: '#/components/schemas/SearchText' },
      },
      AuditAction: {
        name: 'action',
        in: 'query',
        required: false,
        description: 'Canonical action code, e.g. system.create.',
        schema: { $ref: '#/components/schemas/AuditFilterText' },
      },
      AuditActor: {
        name: 'actor',
        in: 'query',
        required: false,
        description:
          'Entity ref of who acted, e.g. user:default/engineer-test.',
        allowReserved: true,
        schema: { $ref: '#/components/schemas/EntityRef' },
      },
      AuditResourceType: {
        name: 'resourceType',
        in: 'query',
        required: false,
        schema: { $ref: '#/components/schemas/AuditFilterText' },
      },
      AuditResourceId: {
        name: 'resourceId',
        in: 'query',
        required: false,
        schema: { $ref: '#/components/schemas/AuditFilterText' },
      },
      AuditTicketId: {
        name: 'ticketId',
        in: 'query',
        required: false,
        schema: { $ref: '#/components/schemas/IdFilter' },
      },
      AuditOutcome: {
        name: 'outcome',
        in: 'query',
        required: false,
        schema: { type: 'string', enum: ['success', 'failure'] },
      },
      AuditFrom: {
        name: 'from',
        in: 'query',
        required: false,
        description: 'Entries at or after this RFC 3339 timestamp.',
        allowReserved: true,
        schema: { $ref: '#/components/schemas/Rfc3339Timestamp' },
      },
      AuditTo: {
        name: 'to',
        in: 'query',
        required: false,
        description: 'Entries before this RFC 3339 timestamp.',
        allowReserved: true,
        schema: { $ref: '#/components/schemas/Rfc3339Timestamp' },
      },
      ListOrder: {
        name: 'order',
        in: 'query',
        required: false,
        description:
          'Direction of orderBy: asc (the default) or desc. Rows that tie are ordered by id in the same direction, so pages neither overlap nor skip rows.',
        schema: { $ref: '#/components/schemas/ListOrder' },
      },
      SystemId: {
        name: 'systemId',
        in: 'path',
        required: true,
        schema: { $ref: '#/components/schemas/Uuid' },
      },
      ServiceId: {
        name: 'serviceId',
        in: 'path',
        required: true,
        schema: { $ref: '#/components/schemas/Uuid' },
      },
      NamespaceId: {
        name: 'namespaceId',
        in: 'path',
        required: true,
        schema: { $ref: '#/components/schemas/Uuid' },
      },
      ClusterId: {
        name: 'clusterId',
        in: 'path',
        required: true,
        schema: { $ref: '#/components/schemas/Uuid' },
      },
      TemplateId: {
        name: 'templateId',
        in: 'path',
        required: true,
        schema: { $ref: '#/components/schemas/Uuid' },
      },
      InstanceSizeId: {
        name: 'instanceSizeId',
        in: 'path',
        required: true,
        schema: { $ref: '#/components/schemas/Uuid' },
      },
      ReportId: {
        name: 'reportId',
        in: 'path',
        required: true,
        schema: { $ref: '#/components/schemas/Uuid' },
      },
      ClusterIdFilter: {
        name: 'clusterId',
        in: 'query',
        required: false,
        description: 'Only what concerns this cluster.',
        schema: { $ref: '#/components/schemas/IdFilter' },
      },
      EnvironmentFilter: {
        name: 'environment',
        in: 'query',
        required: false,
        schema: { $ref: '#/components/schemas/Environment' },
      },
      EnabledFilter: {
        name: 'enabled',
        in: 'query',
        required: false,
        schema: { type: 'string', enum: ['true', 'false'] },
      },
      CatalogScopeFilter: {
        name: 'catalogScope',
        in: 'query',
        required: false,
        schema: { $ref: '#/components/schemas/CatalogScope' },
      },
      CatalogNamespace: {
        name: 'namespace',
        in: 'query',
        required: false,
        description:
          'Name of the namespace to request in; restricts the offer to its environment.',
        schema: { $ref: '#/components/schemas/NamespaceName' },
      },
    },
    securitySchemes: {
      JWT: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
    },
    responses: {
      Unauthorized: {
        description: 'No valid Backstage token was presented.',
        content: {
          'application/json': {
            schema: { $ref: '#/components/schemas/Error' },
          },
        },
      },
      BadRequest: {
        description:
          'The request is malformed (VALIDATION_FAILED) or breaks a rule; error.code says which.',
        content: {
          'application/json': {
            schema: { $ref: '#/components/schemas/Error' },
          },
        },
      },
      Forbidden: {
        description: 'The caller may see the resource but not do this.',
        content: {
          'application/json': {
            schema: { $ref: '#/components/schemas/Error' },
          },
        },
      },
      NotFound: {
        description:
          'The resource does not exist or the caller may not see it.',
        content: {
          'application/json': {
            schema: { $ref: '#/components/schemas/Error' },
          },
        },
      },
      Conflict: {
        description:
          'The request conflicts with the current state; error.code says how.',
        content: {
          'application/json': {
            schema: { $ref: '#/components/schemas/Error' },
          },
        },
      },
      TooManyRequests: {
        description:
          'The caller sent more requests of this kind than its rate limit allows (RATE_LIMITED): per user, VM requests, power actions and console sessions are each limited to a number per window (`shepherd.rateLimits`). error.details has retryAfterSeconds, limit and windowSeconds; the message says when to try again.',
        headers: {
          'Retry-After': {
            description:
              "Seconds until the caller's current window ends and it may try again.",
            schema: { type: 'integer', minimum: 1, maximum: 3600 },
          },
        },
        content: {
          'application/json': {
            schema: { $ref: '#/components/schemas/Error' },
          },
        },
      },
    },
    schemas: {
      VmOrderBy: {
        description: 'The columns the VM list can be ordered by.',
        type: 'string',
        enum: [
          'name',
          'status',
          'environment',
          'namespace',
          'createdAt',
          'updatedAt',
        ],
      },
      TicketOrderBy: {
        description:
          'The columns lists of tickets (requests, the approval queue) can be ordered by.',
        type: 'string',
        enum: [
          'vmName',
          'operation',
          'status',
          'environment',
          'requester',
          'createdAt',
          'updatedAt',
        ],
      },
      ListOrder: {
        description: "The direction of a list's order.",
        type: 'string',
        enum: ['asc', 'desc'],
      },
      SearchText: {
        description:
          'Case-insensitive text to look for; % and _ are matched as themselves, not as wildcards.',
        type: 'string',
        maxLength: 200,
      },
      Uuid: {
        description:
          'The id of a record, a UUID (by pattern: the format keyword is not checked by every validator the spec serves). An id that is no UUID names no record: in a path it answers 404 NOT_FOUND like any unknown id, in a body 400 VALIDATION_FAILED.',
        type: 'string',
        pattern:
          '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
        maxLength: 36,
      },
      IdFilter: {
        description:
          'An id to filter a list by. A value that is no UUID matches nothing, so that an id typed in part finds nothing rather than failing.',
        type: 'string',
        maxLength: 64,
      },
      FreeText: {
        description:
          "A description, reason or comment, at most 4096 characters as sent; where a rule limits it further (a request's reason: 512 characters after trimming, REASON_TOO_LONG), that rule's code answers.",
        type: 'string',
        maxLength: 4096,
      },
      EntityRef: {
        description:
          'A catalog entity ref, e.g. group:default/team-payments; at most 255 characters.',
        type: 'string',
        maxLength: 255,
      },
      ConfirmationName: {
        description:
          'A name typed to confirm a deletion; at most 255 characters.',
        type: 'string',
        maxLength: 255,
      },
      NamespaceName: {
        description:
          'The name of a Kubernetes namespace (a DNS label, at most 63 characters).',
        type: 'string',
        maxLength: 63,
      },
      StorageClassName: {
        description:
          'The name of a storage class of a cluster (at most 253 characters).',
        type: 'string',
        maxLength: 253,
      },
      AuditFilterText: {
        description:
          'A value an audit entry is filtered by; at most 255 characters.',
        type: 'string',
        maxLength: 255,
      },
      PendingAdoptionStatus: {
        type: 'string',
        description:
          'PENDING until a platform admin adopts (ADOPTED) or rejects (REJECTED) it.',
        enum: ['PENDING', 'ADOPTED', 'REJECTED'],
      },
      DiscoveredVmSize: {
        type: 'object',
        additionalProperties: false,
        description:
          'What the VM declares, as found on the cluster (absent when it declares nothing).',
        properties: {
          cpuCores: { type: 'number' },
          memoryGi: { type: 'number' },
          diskGb: { type: 'number' },
          image: {
            type: 'string',
            description:
              "The container image or source of the VM's first disk.",
          },
        },
      },
      PendingAdoption: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'clusterId',
          'namespace',
          'resourceName',
          'resourceType',
          'uid',
          'status',
          'runtimeStatus',
          'labels',
          'size',
          'discoveredBy',
          'createdAt',
          'lastSeenAt',
          'updatedAt',
        ],
        properties: {
          id: { type: 'string' },
          clusterId: { type: 'string' },
          clusterName: { type: 'string' },
          namespace: { type: 'string' },
          resourceName: {
            type: 'string',
            description:
              "The VM's name on the cluster; an adopted VM keeps it.",
          },
          resourceType: { type: 'string', enum: ['VirtualMachine'] },
          uid: {
            type: 'string',
            description:
              'The uid of the object discovered; adoption labels this object only.',
          },
          status: { $ref: '#/components/schemas/PendingAdoptionStatus' },
          runtimeStatus: { $ref: '#/components/schemas/VmStatus' },
          labels: { type: 'object', additionalProperties: { type: 'string' } },
          size: { $ref: '#/components/schemas/DiscoveredVmSize' },
          discoveredBy: { type: 'string' },
          vmId: {
            type: 'string',
            description: 'The VM record of an ADOPTED adoption.',
          },
          serviceId: { type: 'string' },
          decisionReason: { type: 'string' },
          decidedBy: { type: 'string' },
          decidedAt: { type: 'string' },
          createdAt: { type: 'string' },
          lastSeenAt: { type: 'string' },
          updatedAt: { type: 'string' },
        },
      },
      PendingAdoptionPage: {
        type: 'object',
        additionalProperties: false,
        required: ['items', 'totalItems', 'offset', 'limit'],
        properties: {
          items: {
            type: 'array',
            items: { $ref: '#/components/schemas/PendingAdoption' },
          },
          totalItems: { type: 'integer' },
          offset: { type: 'integer' },
          limit: { type: 'integer' },
        },
      },
      AdoptionResult: {
        type: 'object',
        additionalProperties: false,
        required: ['adoption', 'vm'],
        properties: {
          adoption: { $ref: '#/components/schemas/PendingAdoption' },
          vm: { $ref: '#/components/schemas/Vm' },
        },
      },
      AdoptionDiscoveryReport: {
        type: 'object',
        additionalProperties: false,
        required: [
          'scannedClusters',
          'proposed',
          'withdrawn',
          'failedClusters',
        ],
        properties: {
          scannedClusters: { type: 'integer' },
          proposed: {
            type: 'integer',
            description:
              'VMs proposed for adoption by this scan for the first time.',
          },
          withdrawn: {
            type: 'integer',
            description:
              "PENDING adoptions whose VM left the cluster (or got Shepherd's labels).",
          },
          failedClusters: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['clusterId', 'clusterName', 'message'],
              properties: {
                clusterId: { type: 'string' },
                clusterName: { type: 'string' },
                message: { type: 'string' },
              },
            },
          },
        },
      },
      Name: {
        type: 'string',
        description:
          'Lowercase letters, digits and single dashes, starting with a letter and ending with a letter or digit; at most 15 characters (NAME_TOO_LONG), a warning above 12; not reserved (default, system, admin, root, internal, kube-*, kubevirt-shepherd-*). Checked by the service so that each failure has its own code; maxLength only bounds the request.',
        maxLength: 255,
      },
      MemberRole: {
        type: 'string',
        enum: ['owner', 'admin', 'member', 'viewer'],
      },
      Warning: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'message'],
        properties: {
          code: { $ref: '#/components/schemas/WarningCode' },
          message: { type: 'string' },
        },
      },
      WarningCode: {
        type: 'string',
        description:
          'A soft finding that does not block the request but is shown to the user.',
        enum: ['NAME_LENGTH_WARNING', 'OVERCOMMIT_IN_PROD'],
      },
      EntityRefRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['entityRef'],
        properties: {
          entityRef: {
            $ref: '#/components/schemas/EntityRef',
            description: 'e.g. system:default/payments',
          },
        },
      },
      DescriptionUpdate: {
        type: 'object',
        additionalProperties: false,
        required: ['description'],
        properties: { description: { $ref: '#/components/schemas/FreeText' } },
      },
      System: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'name',
          'description',
          'createdBy',
          'createdAt',
          'updatedAt',
        ],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          description: { type: 'string' },
          entityRef: { type: 'string' },
          createdBy: { type: 'string' },
          createdAt: { type: 'string' },
          updatedAt: { type: 'string' },
        },
      },
      SystemWithWarnings: {
        type: 'object',
        additionalProperties: false,
        required: ['item', 'warnings'],
        properties: {
          item: { $ref: '#/components/schemas/System' },
          warnings: {
            type: 'array',
            items: { $ref: '#/components/schemas/Warning' },
          },
        },
      },
      SystemPage: {
        type: 'object',
        additionalProperties: false,
        required: ['items', 'totalItems', 'offset', 'limit'],
        properties: {
          items: {
            type: 'array',
            items: { $ref: '#/components/schemas/System' },
          },
          totalItems: { type: 'integer' },
          offset: { type: 'integer' },
          limit: { type: 'integer' },
        },
      },
      SystemMember: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'systemId',
          'memberRef',
          'role',
          'grantedBy',
          'createdAt',
          'updatedAt',
        ],
        properties: {
          id: { type: 'string' },
          systemId: { type: 'string' },
          memberRef: { type: 'string' },
          role: { $ref: '#/components/schemas/MemberRole' },
          grantedBy: { type: 'string' },
          createdAt: { type: 'string' },
          updatedAt: { type: 'string' },
        },
      },
      Service: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'systemId',
          'systemName',
          'name',
          'description',
          'nextInstanceIndex',
          'createdBy',
          'createdAt',
          'updatedAt',
        ],
        properties: {
          id: { type: 'string' },
          systemId: { type: 'string' },
          systemName: { type: 'string' },
          name: { type: 'string' },
          description: { type: 'string' },
          entityRef: { type: 'string' },
          nextInstanceIndex: { type: 'integer' },
          createdBy: { type: 'string' },
          createdAt: { type: 'string' },
          updatedAt: { type: 'string' },
        },
      },
      ServiceWithWarnings: {
        type: 'object',
        additionalProperties: false,
        required: ['item', 'warnings'],
        properties: {
          item: { $ref: '#/components/schemas/Service' },
          warnings: {
            type: 'array',
            items: { $ref: '#/components/schemas/Warning' },
          },
        },
      },
      ServicePage: {
        type: 'object',
        additionalProperties: false,
        required: ['items', 'totalItems', 'offset', 'limit'],
        properties: {
          items: {
            type: 'array',
            items: { $ref: '#/components/schemas/Service' },
          },
          totalItems: { type: 'integer' },
          offset: { type: 'integer' },
          limit: { type: 'integer' },
        },
      },
      Rfc3339Timestamp: {
        type: 'string',
        description:
          'An RFC 3339 timestamp with a time zone, e.g. 2026-11-23T10:00:00Z or 2026-11-23T11:00:00.250+01:00. Dates that do not exist are refused too.',
        pattern:
          '^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$',
        maxLength: 64,
      },
      AuditLogEntry: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'action',
          'outcome',
          'actor',
          'resourceType',
          'details',
          'createdAt',
        ],
        properties: {
          id: { type: 'string' },
          action: {
            type: 'string',
            description:
              'Canonical action code, e.g. system.create or approval.approve.',
          },
          outcome: { type: 'string', enum: ['success', 'failure'] },
          actor: {
            type: 'string',
            description:
              'Entity ref of the user, or service:<plugin> for background work.',
          },
          resourceType: { type: 'string' },
          resourceId: { type: 'string' },
          resourceName: { type: 'string' },
          parentType: { type: 'string' },
          parentId: { type: 'string' },
          environment: { $ref: '#/components/schemas/Environment' },
          ticketId: { type: 'string' },
          details: {
            type: 'object',
            description:
              'What the action changed; values of secret-looking keys read ***REDACTED***.',
          },
          createdAt: {
            type: 'string',
            description:
              'When the action was recorded, as an RFC 3339 timestamp.',
          },
        },
      },
      VmHistoryEntry: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'action', 'outcome', 'actor', 'createdAt', 'details'],
        properties: {
          id: { type: 'string' },
          action: {
            type: 'string',
            description:
              'Canonical audit action code, e.g. vm.stop or execution.completed.',
          },
          outcome: { type: 'string', enum: ['success', 'failure'] },
          actor: {
            type: 'string',
            description:
              'Entity ref of the user, or service:<plugin> for background work.',
          },
          ticketId: { type: 'string' },
          details: {
            type: 'object',
            additionalProperties: false,
            properties: {
              action: {
                type: 'string',
                description:
                  'The operation the entry is about, e.g. stop, start or restart.',
              },
              reason: { type: 'string' },
              error: { type: 'string' },
            },
          },
          createdAt: {
            type: 'string',
            description:
              'When the action was recorded, as an RFC 3339 timestamp.',
          },
        },
      },
      VmHistoryPage: {
        type: 'object',
        additionalProperties: false,
        required: ['items', 'totalItems', 'offset', 'limit'],
        properties: {
          items: {
            type: 'array',
            items: { $ref: '#/components/schemas/VmHistoryEntry' },
          },
          totalItems: { type: 'integer' },
          offset: { type: 'integer' },
          limit: { type: 'integer' },
        },
      },
      AuditLogPage: {
        type: 'object',
        additionalProperties: false,
        required: ['items', 'totalItems', 'offset', 'limit'],
        properties: {
          items: {
            type: 'array',
            items: { $ref: '#/components/schemas/AuditLogEntry' },
          },
          totalItems: { type: 'integer' },
          offset: { type: 'integer' },
          limit: { type: 'integer' },
        },
      },
      Environment: { type: 'string', enum: ['test', 'prod'] },
      VmStatus: {
        type: 'string',
        description:
          'The 12 VM statuses; a deleted VM has no record, so there is no DELETED.',
        enum: [
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
        ],
      },
      PowerAction: { type: 'string', enum: ['start', 'stop', 'restart'] },
      TicketOperation: {
        type: 'string',
        enum: ['CREATE', 'MODIFY', 'DELETE', 'POWER', 'VNC_ACCESS'],
      },
      TicketStatus: {
        type: 'string',
        enum: [
          'PENDING',
          'APPROVED',
          'REJECTED',
          'CANCELLED',
          'EXECUTING',
          'SUCCESS',
          'FAILED',
        ],
      },
      DirectOrApproval: {
        type: 'string',
        description:
          'How a power or console request was answered, done directly or waiting for approval.',
        enum: ['ACCEPTED', 'PENDING_APPROVAL'],
      },
      DomainEventType: {
        type: 'string',
        enum: [
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
        ],
      },
      DomainEventStatus: {
        type: 'string',
        enum: ['PENDING', 'PROCESSING', 'COMPLETED', 'FAILED', 'CANCELLED'],
      },
      VmSpec: {
        type: 'object',
        additionalProperties: false,
        required: [
          'templateId',
          'instanceSizeId',
          'cpuCores',
          'cpuRequest',
          'memoryGi',
          'memoryRequestGi',
          'diskGb',
        ],
        properties: {
          templateId: { type: 'string' },
          instanceSizeId: { type: 'string' },
          cpuCores: { type: 'number' },
          cpuRequest: { type: 'number' },
          memoryGi: { type: 'number' },
          memoryRequestGi: { type: 'number' },
          diskGb: { type: 'integer' },
          storageClass: { type: 'string' },
        },
      },
      VmSpecReplacement: {
        type: 'object',
        description:
          "An approver's complete replacement of a VM spec (VmSpec), checked as a request is: the fields are typed and bounded here (VALIDATION_FAILED); a field outside a VmSpec answers FORBIDDEN_MODIFICATION and a missing required one (templateId, instanceSizeId, cpuCores, memoryGi, diskGb) MODIFIED_SPEC_INVALID, each naming the field in error.details.violations; requests default to limits. Nothing outside a VmSpec is stored with the approval.",
        maxProperties: 32,
        propertyNames: { maxLength: 64 },
        properties: {
          templateId: { $ref: '#/components/schemas/Uuid' },
          instanceSizeId: { $ref: '#/components/schemas/Uuid' },
          cpuCores: { $ref: '#/components/schemas/CpuAmount' },
          cpuRequest: { $ref: '#/components/schemas/CpuAmount' },
          memoryGi: { $ref: '#/components/schemas/MemoryAmount' },
          memoryRequestGi: { $ref: '#/components/schemas/MemoryAmount' },
          diskGb: { $ref: '#/components/schemas/DiskAmount' },
          storageClass: { $ref: '#/components/schemas/StorageClassName' },
        },
      },
      Vm: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'name',
          'namespace',
          'environment',
          'instance',
          'status',
          'systemId',
          'systemName',
          'serviceId',
          'serviceName',
          'createdBy',
          'cpuCores',
          'cpuRequest',
          'memoryGi',
          'memoryRequestGi',
          'diskGb',
          'createdAt',
          'updatedAt',
        ],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          namespace: { type: 'string' },
          environment: { $ref: '#/components/schemas/Environment' },
          instance: { type: 'string' },
          status: { $ref: '#/components/schemas/VmStatus' },
          statusMessage: { type: 'string' },
          systemId: { type: 'string' },
          systemName: { type: 'string' },
          serviceId: { type: 'string' },
          serviceName: { type: 'string' },
          clusterId: { type: 'string' },
          clusterName: { type: 'string' },
          ticketId: {
            type: 'string',
            description:
              'The request that created the VM; absent for an adopted VM.',
          },
          createdBy: { type: 'string' },
          templateId: {
            type: 'string',
            description:
              'The template the VM was created from; absent for an adopted VM.',
          },
          instanceSizeId: {
            type: 'string',
            description:
              'The instance size the VM was created with; absent for an adopted VM.',
          },
          cpuCores: { type: 'number' },
          cpuRequest: { type: 'number' },
          memoryGi: { type: 'number' },
          memoryRequestGi: { type: 'number' },
          diskGb: { type: 'integer' },
          storageClass: { type: 'string' },
          access: { $ref: '#/components/schemas/VmAccess' },
          createdAt: { type: 'string' },
          updatedAt: { type: 'string' },
        },
      },
      VmAccess: {
        type: 'object',
        additionalProperties: false,
        description:
          "How to reach the VM, as its cluster last reported it: the addresses of its interfaces and the node it runs on are those of the running instance (empty while it does not run); the SSH user is the login user its template's cloud-init names, absent when the image's own default user applies. A VM of which none of these is known has no access.",
        required: ['ipAddresses'],
        properties: {
          ipAddresses: {
            type: 'array',
            description: "The instance's addresses, the pod network's first.",
            items: { type: 'string' },
          },
          nodeName: { type: 'string' },
          sshUser: { type: 'string' },
        },
      },
      VmPage: {
        type: 'object',
        additionalProperties: false,
        required: ['items', 'totalItems', 'offset', 'limit'],
        properties: {
          items: { type: 'array', items: { $ref: '#/components/schemas/Vm' } },
          totalItems: { type: 'integer' },
          offset: { type: 'integer' },
          limit: { type: 'integer' },
        },
      },
      Ticket: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'eventId',
          'operation',
          'status',
          'requester',
          'reason',
          'environment',
          'systemId',
          'systemName',
          'serviceId',
          'serviceName',
          'namespace',
          'requestSpec',
          'createdAt',
          'updatedAt',
        ],
        properties: {
          id: { type: 'string' },
          eventId: { type: 'string' },
          operation: { $ref: '#/components/schemas/TicketOperation' },
          status: { $ref: '#/components/schemas/TicketStatus' },
          requester: { type: 'string' },
          approver: { type: 'string' },
          reason: { type: 'string' },
          rejectReason: { type: 'string' },
          decisionComment: { type: 'string' },
          environment: { $ref: '#/components/schemas/Environment' },
          systemId: { type: 'string' },
          systemName: { type: 'string' },
          serviceId: { type: 'string' },
          serviceName: { type: 'string' },
          namespace: { type: 'string' },
          vmId: { type: 'string' },
          vmName: { type: 'string' },
          powerAction: { $ref: '#/components/schemas/PowerAction' },
          clusterId: { type: 'string' },
          requestSpec: { type: 'object', additionalProperties: true },
          templateSnapshot: { $ref: '#/components/schemas/Template' },
          instanceSizeSnapshot: { $ref: '#/components/schemas/InstanceSize' },
          modifiedSpec: { $ref: '#/components/schemas/VmSpec' },
          grantMinutes: { type: 'integer' },
          createdAt: { type: 'string' },
          updatedAt: { type: 'string' },
          decidedAt: { type: 'string' },
        },
      },
      TicketPage: {
        type: 'object',
        additionalProperties: false,
        required: ['items', 'totalItems', 'offset', 'limit'],
        properties: {
          items: {
            type: 'array',
            items: { $ref: '#/components/schemas/Ticket' },
          },
          totalItems: { type: 'integer' },
          offset: { type: 'integer' },
          limit: { type: 'integer' },
        },
      },
      TicketSubmission: {
        type: 'object',
        additionalProperties: false,
        required: ['ticketId', 'eventId', 'status'],
        properties: {
          ticketId: { type: 'string' },
          eventId: { type: 'string' },
          status: { type: 'string', enum: ['PENDING'] },
        },
      },
      DomainEvent: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'type',
          'aggregateType',
          'aggregateId',
          'payload',
          'status',
          'createdBy',
          'createdAt',
        ],
        properties: {
          id: { type: 'string' },
          type: { $ref: '#/components/schemas/DomainEventType' },
          aggregateType: { type: 'string' },
          aggregateId: { type: 'string' },
          payload: { type: 'object', additionalProperties: true },
          status: { $ref: '#/components/schemas/DomainEventStatus' },
          errorMessage: { type: 'string' },
          createdBy: { type: 'string' },
          createdAt: { type: 'string' },
          processedAt: { type: 'string' },
          archivedAt: { type: 'string' },
        },
      },
      TicketDetail: {
        type: 'object',
        additionalProperties: false,
        required: ['ticket', 'events', 'history'],
        properties: {
          ticket: { $ref: '#/components/schemas/Ticket' },
          events: {
            type: 'array',
            items: { $ref: '#/components/schemas/DomainEvent' },
          },
          history: {
            type: 'array',
            items: { $ref: '#/components/schemas/AuditLogEntry' },
          },
        },
      },
      ConsoleGrant: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'vmId',
          'userRef',
          'grantedBy',
          'expiresAt',
          'createdAt',
        ],
        properties: {
          id: { type: 'string' },
          vmId: { type: 'string' },
          userRef: { type: 'string' },
          ticketId: { type: 'string' },
          grantedBy: { type: 'string' },
          expiresAt: { type: 'string' },
          createdAt: { type: 'string' },
        },
      },
      ConsoleAccess: {
        type: 'object',
        additionalProperties: false,
        properties: {
          grant: { $ref: '#/components/schemas/ConsoleGrant' },
          pendingTicket: { $ref: '#/components/schemas/Ticket' },
        },
      },
      ConsoleSession: {
        type: 'object',
        additionalProperties: false,
        required: ['token', 'expiresAt', 'grantExpiresAt', 'websocketPath'],
        properties: {
          token: {
            type: 'string',
            description:
              'Single-use, sealed; offer it as the subprotocol shepherd.session.<token>.',
          },
          expiresAt: {
            type: 'string',
            description: 'Until when the token opens a session.',
          },
          grantExpiresAt: {
            type: 'string',
            description: 'When the grant ends, and with it the session.',
          },
          websocketPath: {
            type: 'string',
            description:
              "The relay's websocket, relative to the Shepherd backend's base URL.",
          },
        },
      },
      OperationSubmission: {
        type: 'object',
        additionalProperties: false,
        required: ['status'],
        properties: {
          status: { $ref: '#/components/schemas/DirectOrApproval' },
          eventId: { type: 'string' },
          ticketId: { type: 'string' },
          grant: { $ref: '#/components/schemas/ConsoleGrant' },
          joined: {
            type: 'boolean',
            description:
              "True when the request repeated the power action already queued or running on the VM and joined it: eventId is that action's event, and the action runs once.",
          },
        },
      },
      ApprovalResult: {
        type: 'object',
        additionalProperties: false,
        required: ['ticket', 'warnings'],
        properties: {
          ticket: { $ref: '#/components/schemas/Ticket' },
          warnings: {
            type: 'array',
            items: { $ref: '#/components/schemas/Warning' },
          },
        },
      },
      ApprovalTask: {
        type: 'object',
        additionalProperties: false,
        required: ['ticket', 'ageDays'],
        properties: {
          ticket: { $ref: '#/components/schemas/Ticket' },
          ageDays: { type: 'integer' },
        },
      },
      ApprovalTaskPage: {
        type: 'object',
        additionalProperties: false,
        required: ['items', 'totalItems', 'offset', 'limit'],
        properties: {
          items: {
            type: 'array',
            items: { $ref: '#/components/schemas/ApprovalTask' },
          },
          totalItems: { type: 'integer' },
          offset: { type: 'integer' },
          limit: { type: 'integer' },
        },
      },
      ClusterCandidate: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'name',
          'displayName',
          'environment',
          'status',
          'enabled',
          'storageClasses',
          'eligible',
        ],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          displayName: { type: 'string' },
          environment: { $ref: '#/components/schemas/Environment' },
          status: { $ref: '#/components/schemas/ClusterStatus' },
          enabled: { type: 'boolean' },
          storageClasses: { type: 'array', items: { type: 'string' } },
          defaultStorageClass: { type: 'string' },
          eligible: { type: 'boolean' },
          reasonCode: { type: 'string' },
          reason: { type: 'string' },
        },
      },
      ApprovalPreview: {
        type: 'object',
        additionalProperties: false,
        required: ['ticket', 'warnings', 'clusters'],
        properties: {
          ticket: { $ref: '#/components/schemas/Ticket' },
          effectiveSpec: { $ref: '#/components/schemas/VmSpec' },
          warnings: {
            type: 'array',
            items: { $ref: '#/components/schemas/Warning' },
          },
          clusters: {
            type: 'array',
            items: { $ref: '#/components/schemas/ClusterCandidate' },
          },
        },
      },
      ApprovalManifest: {
        type: 'object',
        additionalProperties: false,
        required: ['vmName'],
        properties: {
          vmName: {
            type: 'string',
            description:
              "The name the VM would get, with the Service's next instance index. Provisional: a concurrent approval for the same Service may take that index first, and the VM then gets the next one.",
          },
          provider: {
            type: 'string',
            description:
              'The type of the VM provider that rendered the manifest, e.g. kubevirt.',
          },
          manifest: {
            type: 'object',
            description:
              "The object the provider would apply; missing when no VM provider is installed. For callers without shepherd.catalog.manage, cloud-init user data in it (userData, userDataBase64) reads ***REDACTED***, as templates' cloudInit does.",
            additionalProperties: true,
          },
        },
      },
      CatalogName: {
        type: 'string',
        description:
          'Name of a cluster, template or instance size: a lowercase DNS label of at most 63 characters that starts with a letter (NAME_INVALID). Immutable. maxLength only bounds the request, so that names up to it answer NAME_INVALID.',
        maxLength: 255,
      },
      CatalogScope: {
        type: 'string',
        description:
          'Who is offered the item; unclassified items are offered to nobody.',
        enum: ['unclassified', 'test', 'prod', 'all'],
      },
      TemplateStatus: {
        type: 'string',
        enum: ['draft', 'active', 'deprecated', 'archived'],
      },
      TemplateSourceType: {
        type: 'string',
        enum: ['containerdisk', 'cdi_image_import', 'cdi_pvc_clone'],
      },
      ClusterStatus: {
        type: 'string',
        enum: ['UNKNOWN', 'HEALTHY', 'UNHEALTHY', 'UNREACHABLE'],
      },
      Kubeconfig: {
        type: 'string',
        minLength: 1,
        maxLength: 65536,
        description:
          'A kubeconfig as YAML text. Only its current context is kept; it is encrypted at rest and never returned.',
      },
      CloudInit: {
        type: 'string',
        maxLength: 65536,
        description:
          "cloud-init user data; starts with the line '#cloud-config'. At most 2048 bytes of UTF-8, KubeVirt's limit on inline cloudInitNoCloud user data: longer user data answers 400 CLOUD_INIT_INVALID (maxLength only bounds the request body, so that every oversized cloud-init answers that one code).",
      },
      CpuAmount: {
        type: 'number',
        maximum: 1024,
        description:
          'CPU cores, a multiple of 0.5 (RESOURCE_STEP_INVALID), at most 1024 (stored in millicores, within an integer column).',
      },
      MemoryAmount: {
        type: 'number',
        maximum: 16384,
        description:
          'GiB, a multiple of 0.5 (RESOURCE_STEP_INVALID), at most 16384 (16 TiB; stored in MiB, within an integer column).',
      },
      DiskAmount: {
        type: 'number',
        maximum: 1048576,
        description:
          'Root disk in whole GiB (RESOURCE_STEP_INVALID), at most 1048576 (1 PiB).',
      },
      DiskTarget: {
        type: 'integer',
        minimum: 1,
        maximum: 1048576,
        description:
          'A new root disk size in whole GiB, at most 1048576 (1 PiB).',
      },
      GrantMinutes: {
        type: 'integer',
        minimum: 1,
        maximum: 120,
        description: 'Minutes of a console grant, at most 120.',
      },
      SortOrder: { type: 'integer', minimum: -1000000, maximum: 1000000 },
      SpecOverrides: {
        type: 'object',
        description:
          'KubeVirt fields an instance size sets, by their dotted path under spec. (see CreateInstanceSize); at most 64 of them.',
        maxProperties: 64,
        propertyNames: { maxLength: 253 },
        additionalProperties: true,
      },
      HugepagesSize: { type: 'string', enum: ['2Mi', '1Gi'] },
      Namespace: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'name',
          'environment',
          'description',
          'enabled',
          'createdBy',
          'createdAt',
          'updatedAt',
        ],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          environment: { $ref: '#/components/schemas/Environment' },
          description: { type: 'string' },
          enabled: { type: 'boolean' },
          createdBy: { type: 'string' },
          createdAt: { type: 'string' },
          updatedAt: { type: 'string' },
        },
      },
      NamespaceWithWarnings: {
        type: 'object',
        additionalProperties: false,
        required: ['item', 'warnings'],
        properties: {
          item: { $ref: '#/components/schemas/Namespace' },
          warnings: {
            type: 'array',
            items: { $ref: '#/components/schemas/Warning' },
          },
        },
      },
      Capabilities: {
        type: 'object',
        additionalProperties: false,
        required: [
          'decideRequests',
          'requestVms',
          'totalItems',
          'offset',
          'limit',
        ],
        properties: {
          decideRequests: {
            type: 'boolean',
            description:
              'Whether the caller may decide some requests (shepherd.ticket.approve is allowed or conditional); which ones, GET /v1/approval-tasks lists.',
          },
          requestVms: {
            type: 'array',
            description:
              'One entry per System of this page of the Systems the caller may read, with the environments in which it may request VMs for it (none: it may request none).',
            items: { $ref: '#/components/schemas/RequestableSystem' },
          },
          totalItems: {
            type: 'integer',
            description:
              'How many Systems the caller may read, across all pages.',
          },
          offset: { type: 'integer' },
          limit: { type: 'integer' },
        },
      },
      RequestableSystem: {
        type: 'object',
        additionalProperties: false,
        required: ['systemId', 'environments'],
        properties: {
          systemId: { type: 'string' },
          environments: {
            type: 'array',
            description:
              'Environments whose namespaces may take a VM request of the caller for this System.',
            items: { $ref: '#/components/schemas/Environment' },
          },
        },
      },
      NamespacePage: {
        type: 'object',
        additionalProperties: false,
        required: ['items', 'totalItems', 'offset', 'limit'],
        properties: {
          items: {
            type: 'array',
            items: { $ref: '#/components/schemas/Namespace' },
          },
          totalItems: { type: 'integer' },
          offset: { type: 'integer' },
          limit: { type: 'integer' },
        },
      },
      ProviderType: {
        type: 'string',
        description:
          'The type of the VM provider that reaches a cluster, as the provider registers itself (kubevirt for @kubevirt-shepherd/plugin-shepherd-backend-module-kubevirt).',
        pattern: '^[a-z][a-z0-9-]*$',
        minLength: 1,
        maxLength: 63,
      },
      Cluster: {
        type: 'object',
        additionalProperties: false,
        description:
          'A registered cluster; its credentials are never part of it.',
        required: [
          'id',
          'name',
          'displayName',
          'environment',
          'providerType',
          'status',
          'enabled',
          'apiServerUrl',
          'featureGates',
          'storageClasses',
          'credentialKeyId',
          'createdBy',
          'createdAt',
          'updatedAt',
        ],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          displayName: { type: 'string' },
          environment: { $ref: '#/components/schemas/Environment' },
          providerType: { $ref: '#/components/schemas/ProviderType' },
          status: { $ref: '#/components/schemas/ClusterStatus' },
          statusMessage: { type: 'string' },
          enabled: { type: 'boolean' },
          apiServerUrl: { type: 'string' },
          kubevirtVersion: { type: 'string' },
          featureGates: { type: 'array', items: { type: 'string' } },
          storageClasses: { type: 'array', items: { type: 'string' } },
          defaultStorageClass: { type: 'string' },
          credentialKeyId: {
            type: 'string',
            description: 'Id of the key that encrypts the stored credentials.',
          },
          lastCheckedAt: { type: 'string' },
          attention: { $ref: '#/components/schemas/ClusterAttention' },
          createdBy: { type: 'string' },
          createdAt: { type: 'string' },
          updatedAt: { type: 'string' },
        },
      },
      ClusterWithWarnings: {
        type: 'object',
        additionalProperties: false,
        required: ['item', 'warnings'],
        properties: {
          item: { $ref: '#/components/schemas/Cluster' },
          warnings: {
            type: 'array',
            items: { $ref: '#/components/schemas/Warning' },
          },
        },
      },
      ClusterPage: {
        type: 'object',
        additionalProperties: false,
        required: ['items', 'totalItems', 'offset', 'limit'],
        properties: {
          items: {
            type: 'array',
            items: { $ref: '#/components/schemas/Cluster' },
          },
          totalItems: { type: 'integer' },
          offset: { type: 'integer' },
          limit: { type: 'integer' },
        },
      },
      ClusterAttention: {
        type: 'object',
        additionalProperties: false,
        description:
          'Why a cluster needs an administrator: its last reconciler run halted (for one, more than half of its records looked like ghosts: a kubeconfig pointing at another cluster looks like this). Cleared by the next run that completes.',
        required: ['reason', 'message', 'since', 'reportId'],
        properties: {
          reason: { $ref: '#/components/schemas/ReconcileHaltReason' },
          message: { type: 'string' },
          since: { type: 'string' },
          reportId: { type: 'string' },
        },
      },
      ReconcileMode: {
        type: 'string',
        description:
          'dry-run reports only; mark also marks ghosts and orphans; delete is designed but not implemented and refused (RECONCILE_MODE_NOT_SUPPORTED).',
        enum: ['dry-run', 'mark', 'delete'],
      },
      ReconcileTrigger: {
        type: 'string',
        description: 'What started a run.',
        enum: ['SCHEDULED', 'ON_DEMAND'],
      },
      ReconcileReportStatus: {
        type: 'string',
        description:
          'COMPLETED compared the cluster; HALTED found too many ghosts and marked nothing; FAILED could not list the cluster (unreachable, no provider) and found nothing.',
        enum: ['COMPLETED', 'HALTED', 'FAILED'],
      },
      ReconcileHaltReason: {
        type: 'string',
        enum: ['GHOST_THRESHOLD_EXCEEDED'],
      },
      ReconcileFindingKind: {
        type: 'string',
        description:
          'GHOST: a VM record whose object is gone from its cluster. ORPHAN: a VM on the cluster labelled by this Shepherd installation (kubevirt-shepherd.io/installation) whose record (kubevirt-shepherd.io/vm-id) does not exist.',
        enum: ['GHOST', 'ORPHAN'],
      },
      ReconcileFinding: {
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'namespace', 'name'],
        properties: {
          kind: { $ref: '#/components/schemas/ReconcileFindingKind' },
          namespace: { type: 'string' },
          name: { type: 'string' },
          vmId: {
            type: 'string',
            description:
              "The id of the VM record: a ghost's record, or the (missing) record an orphan's kubevirt-shepherd.io/vm-id label names.",
          },
          vmStatus: { $ref: '#/components/schemas/VmStatus' },
        },
      },
      ReconcileReport: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'clusterId',
          'clusterName',
          'mode',
          'trigger',
          'requestedBy',
          'status',
          'startedAt',
          'finishedAt',
          'recordsCompared',
          'recordsSkipped',
          'objectsListed',
          'ghostCount',
          'orphanCount',
          'ghosts',
          'orphans',
          'marked',
        ],
        properties: {
          id: { type: 'string' },
          clusterId: { type: 'string' },
          clusterName: { type: 'string' },
          mode: { $ref: '#/components/schemas/ReconcileMode' },
          trigger: { $ref: '#/components/schemas/ReconcileTrigger' },
          requestedBy: {
            type: 'string',
            description:
              'The administrator of an on-demand run; service:shepherd for the schedule.',
          },
          status: { $ref: '#/components/schemas/ReconcileReportStatus' },
          startedAt: { type: 'string' },
          finishedAt: { type: 'string' },
          recordsCompared: {
            type: 'integer',
            description: 'VM records of the cluster that were compared.',
          },
          recordsSkipped: {
            type: 'integer',
            description:
              'Records left out: CREATING or DELETING (their jobs own them) or younger than the grace period.',
          },
          objectsListed: {
            type: 'integer',
            description:
              'Shepherd-labelled VMs of this installation on the cluster.',
          },
          ghostCount: { type: 'integer' },
          orphanCount: { type: 'integer' },
          ghosts: {
            type: 'array',
            maxItems: 100,
            items: { $ref: '#/components/schemas/ReconcileFinding' },
          },
          orphans: {
            type: 'array',
            maxItems: 100,
            items: { $ref: '#/components/schemas/ReconcileFinding' },
          },
          marked: {
            type: 'boolean',
            description:
              'Whether the run marked its findings (mark mode, not halted).',
          },
          haltReason: { $ref: '#/components/schemas/ReconcileHaltReason' },
          message: {
            type: 'string',
            description: 'Why the run halted or failed.',
          },
        },
      },
      ReconcileReportPage: {
        type: 'object',
        additionalProperties: false,
        required: ['items', 'totalItems', 'offset', 'limit'],
        properties: {
          items: {
            type: 'array',
            items: { $ref: '#/components/schemas/ReconcileReport' },
          },
          totalItems: { type: 'integer' },
          offset: { type: 'integer' },
          limit: { type: 'integer' },
        },
      },
      ReconcileRun: {
        type: 'object',
        additionalProperties: false,
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: { $ref: '#/components/schemas/ReconcileReport' },
          },
        },
      },
      ReconcileMark: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'clusterId',
          'kind',
          'namespace',
          'name',
          'reportId',
          'firstMarkedAt',
          'lastMarkedAt',
        ],
        properties: {
          id: { type: 'string' },
          clusterId: { type: 'string' },
          kind: { $ref: '#/components/schemas/ReconcileFindingKind' },
          namespace: { type: 'string' },
          name: { type: 'string' },
          vmId: { type: 'string' },
          reportId: {
            type: 'string',
            description: 'The latest run that found it.',
          },
          firstMarkedAt: { type: 'string' },
          lastMarkedAt: { type: 'string' },
        },
      },
      ReconcileMarkPage: {
        type: 'object',
        additionalProperties: false,
        required: ['items', 'totalItems', 'offset', 'limit'],
        properties: {
          items: {
            type: 'array',
            items: { $ref: '#/components/schemas/ReconcileMark' },
          },
          totalItems: { type: 'integer' },
          offset: { type: 'integer' },
          limit: { type: 'integer' },
        },
      },
      Template: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'name',
          'displayName',
          'description',
          'status',
          'catalogScope',
          'sourceType',
          'osFamily',
          'osVersion',
          'createdBy',
          'createdAt',
          'updatedAt',
        ],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          displayName: { type: 'string' },
          description: { type: 'string' },
          status: { $ref: '#/components/schemas/TemplateStatus' },
          catalogScope: { $ref: '#/components/schemas/CatalogScope' },
          sourceType: { $ref: '#/components/schemas/TemplateSourceType' },
          imageUrl: { type: 'string' },
          pvcName: { type: 'string' },
          pvcNamespace: { type: 'string' },
          cloudInit: {
            type: 'string',
            description:
              "cloud-init user data; missing when the template has none. It often holds passwords and keys, so only callers with shepherd.catalog.manage (who may write it) read it; everyone else reads ***REDACTED*** in its place (the request catalog's templates, tickets' templateSnapshot).",
          },
          osFamily: { type: 'string' },
          osVersion: { type: 'string' },
          createdBy: { type: 'string' },
          createdAt: { type: 'string' },
          updatedAt: { type: 'string' },
        },
      },
      TemplateWithWarnings: {
        type: 'object',
        additionalProperties: false,
        required: ['item', 'warnings'],
        properties: {
          item: { $ref: '#/components/schemas/Template' },
          warnings: {
            type: 'array',
            items: { $ref: '#/components/schemas/Warning' },
          },
        },
      },
      TemplatePage: {
        type: 'object',
        additionalProperties: false,
        required: ['items', 'totalItems', 'offset', 'limit'],
        properties: {
          items: {
            type: 'array',
            items: { $ref: '#/components/schemas/Template' },
          },
          totalItems: { type: 'integer' },
          offset: { type: 'integer' },
          limit: { type: 'integer' },
        },
      },
      InstanceSize: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'name',
          'displayName',
          'description',
          'catalogScope',
          'enabled',
          'sortOrder',
          'cpuCores',
          'cpuRequest',
          'memoryGi',
          'memoryRequestGi',
          'diskGb',
          'dedicatedCpu',
          'requiresGpu',
          'requiresSriov',
          'requiresHugepages',
          'specOverrides',
          'createdBy',
          'createdAt',
          'updatedAt',
        ],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          displayName: { type: 'string' },
          description: { type: 'string' },
          catalogScope: { $ref: '#/components/schemas/CatalogScope' },
          enabled: { type: 'boolean' },
          sortOrder: { type: 'integer' },
          cpuCores: { type: 'number' },
          cpuRequest: { type: 'number' },
          memoryGi: { type: 'number' },
          memoryRequestGi: { type: 'number' },
          diskGb: { type: 'integer' },
          dedicatedCpu: { type: 'boolean' },
          requiresGpu: { type: 'boolean' },
          requiresSriov: { type: 'boolean' },
          requiresHugepages: { type: 'boolean' },
          hugepagesSize: { type: 'string' },
          specOverrides: { type: 'object', additionalProperties: true },
          createdBy: { type: 'string' },
          createdAt: { type: 'string' },
          updatedAt: { type: 'string' },
        },
      },
      InstanceSizeWithWarnings: {
        type: 'object',
        additionalProperties: false,
        required: ['item', 'warnings'],
        properties: {
          item: { $ref: '#/components/schemas/InstanceSize' },
          warnings: {
            type: 'array',
            items: { $ref: '#/components/schemas/Warning' },
          },
        },
      },
      InstanceSizePage: {
        type: 'object',
        additionalProperties: false,
        required: ['items', 'totalItems', 'offset', 'limit'],
        properties: {
          items: {
            type: 'array',
            items: { $ref: '#/components/schemas/InstanceSize' },
          },
          totalItems: { type: 'integer' },
          offset: { type: 'integer' },
          limit: { type: 'integer' },
        },
      },
      Health: {
        type: 'object',
        additionalProperties: false,
        required: ['status', 'checkedAt', 'version', 'database', 'providers'],
        properties: {
          status: { type: 'string', enum: ['ok', 'degraded'] },
          checkedAt: {
            type: 'string',
            description: 'When the checks ran, as an RFC 3339 timestamp.',
          },
          version: {
            type: 'string',
            description: 'Version of the Shepherd backend plugin.',
          },
          database: { $ref: '#/components/schemas/DatabaseHealth' },
          providers: {
            type: 'array',
            items: { $ref: '#/components/schemas/ProviderHealth' },
          },
          credentials: { $ref: '#/components/schemas/CredentialsHealth' },
        },
      },
      CredentialsHealth: {
        type: 'object',
        additionalProperties: false,
        description:
          'How the stored cluster credentials stand towards the configured encryption keys (`shepherd.credentials.encryptionKeys`). Left out when the database cannot be read.',
        required: ['total', 'onPreviousKeys', 'onUnknownKeys'],
        properties: {
          total: {
            type: 'integer',
            minimum: 0,
            description: 'Clusters with stored credentials.',
          },
          onPreviousKeys: {
            type: 'integer',
            minimum: 0,
            description:
              'Credentials still encrypted under a previous key; the re-encryption task moves them to the current key within minutes. A previous key may be removed once this is 0.',
          },
          onUnknownKeys: {
            type: 'integer',
            minimum: 0,
            description:
              'Credentials encrypted under a key that is no longer configured: unreadable until the key is configured again or the credentials are uploaded again.',
          },
        },
      },
      DatabaseHealth: {
        type: 'object',
        additionalProperties: false,
        required: ['status', 'engine'],
        properties: {
          status: { type: 'string', enum: ['ok', 'error'] },
          engine: {
            type: 'string',
            enum: ['sqlite', 'postgres', 'mysql', 'unknown'],
          },
          latencyMs: { type: 'number', minimum: 0 },
          migrations: {
            type: 'object',
            additionalProperties: false,
            required: ['applied', 'pending'],
            properties: {
              applied: { type: 'integer', minimum: 0 },
              pending: { type: 'integer', minimum: 0 },
              latest: { type: 'string' },
            },
          },
          message: { type: 'string' },
        },
      },
      ProviderHealth: {
        type: 'object',
        additionalProperties: false,
        required: ['type'],
        properties: { type: { type: 'string' } },
      },
      Error: {
        type: 'object',
        required: ['error', 'request', 'response'],
        properties: {
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: {
              name: { type: 'string' },
              message: { type: 'string' },
              code: {
                type: 'string',
                description:
                  'Stable machine-readable code of a Shepherd error.',
              },
              details: {
                type: 'object',
                description:
                  'Structured details of some codes, e.g. the existing ticket.',
              },
            },
            additionalProperties: true,
          },
          request: {
            type: 'object',
            properties: { method: { type: 'string' }, url: { type: 'string' } },
          },
          response: {
            type: 'object',
            required: ['statusCode'],
            properties: { statusCode: { type: 'integer' } },
          },
        },
      },
    },
  },
} as const;
