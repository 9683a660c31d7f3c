import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import YAML from 'yaml';
import { SHEPHERD_MAX_PAGE_SIZE } from '../constants';
import {
  CATALOG_SCOPES,
  CLUSTER_STATUSES,
  DIRECT_OR_APPROVAL,
  DOMAIN_EVENT_STATUSES,
  DOMAIN_EVENT_TYPES,
  ENVIRONMENTS,
  MEMBER_ROLES,
  POWER_ACTIONS,
  SHEPHERD_WARNING_CODES,
  TEMPLATE_SOURCE_TYPES,
  TEMPLATE_STATUSES,
  TICKET_OPERATIONS,
  TICKET_STATUSES,
  VM_STATUSES,
} from '../model';

/** The API contract the types of this folder are generated from. */
const spec = YAML.parse(
  readFileSync(
    resolve(__dirname, '../../../shepherd-backend/src/schema/openapi.yaml'),
    'utf8',
  ),
);

/*
 * The enums of the spec are the API's truth, and the generated types carry them; the
 * constants of ../model list the same values for code that needs them at run time.
 */
const VOCABULARY: Array<[string, readonly string[]]> = [
  ['Environment', ENVIRONMENTS],
  ['MemberRole', MEMBER_ROLES],
  ['CatalogScope', CATALOG_SCOPES],
  ['TemplateStatus', TEMPLATE_STATUSES],
  ['TemplateSourceType', TEMPLATE_SOURCE_TYPES],
  ['ClusterStatus', CLUSTER_STATUSES],
  ['VmStatus', VM_STATUSES],
  ['PowerAction', POWER_ACTIONS],
  ['TicketOperation', TICKET_OPERATIONS],
  ['TicketStatus', TICKET_STATUSES],
  ['DirectOrApproval', DIRECT_OR_APPROVAL],
  ['DomainEventType', DOMAIN_EVENT_TYPES],
  ['DomainEventStatus', DOMAIN_EVENT_STATUSES],
  ['WarningCode', Object.values(SHEPHERD_WARNING_CODES)],
];

describe('the vocabulary of the API', () => {
  it.each(VOCABULARY)(
    'has the values of the schema %s in its constant',
    (schema, constants) => {
      expect([...constants].sort()).toEqual(
        [...spec.components.schemas[schema].enum].sort(),
      );
    },
  );

  it('serves pages of at most SHEPHERD_MAX_PAGE_SIZE items', () => {
    expect(spec.components.parameters.Limit.schema.maximum).toBe(
      SHEPHERD_MAX_PAGE_SIZE,
    );
  });
});
