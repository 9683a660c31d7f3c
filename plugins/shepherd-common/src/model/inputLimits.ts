import { SHEPHERD_MAX_PAGE_SIZE } from '../constants';
import { CONSOLE_GRANT_MAX_MINUTES } from './vmOperations';

/**
 * The largest value of a PostgreSQL `integer` column (int32), the widest integer column of
 * Shepherd's tables: no number the API takes may reach a column beyond it.
 *
 * @public
 */
export const POSTGRES_INTEGER_MAX = 2147483647;

/**
 * The upper bounds of the Shepherd API's input, in one place: the OpenAPI spec states each of
 * them (a unit test keeps the two in agreement), the backend refuses anything beyond them
 * with VALIDATION_FAILED (400) before it reaches a rule, the database or a cluster, and the
 * portal's forms use them as their limits. docs/api.md gives the reason of each.
 *
 * @public
 */
export const SHEPHERD_INPUT_LIMITS = {
  /**
   * CPU cores of a VM (limit or request): KubeVirt's cap on a VM's vCPUs is the host's (and
   * QEMU's) at most; 1024 is above any node Shepherd targets. Stored in millicores, at most
   * 1 024 000, far within an integer column.
   */
  cpuCoresMax: 1024,
  /** GiB of memory of a VM (limit or request): 16 TiB; stored in MiB, at most 16 777 216. */
  memoryGiMax: 16384,
  /** GiB of a VM's root disk: 1 PiB, a whole number within an integer column. */
  diskGbMax: 1048576,
  /** The sort order of an instance size, either way. */
  sortOrderMax: 1000000,
  /**
   * The deepest page offset of a list: past a million rows a list is searched with its
   * filters, not paged through; offsets stay exact integers on every engine.
   */
  pageOffsetMax: 1000000,
  /** The largest page of a list. */
  pageSizeMax: SHEPHERD_MAX_PAGE_SIZE,
  /** Minutes of a console grant. */
  consoleGrantMinutesMax: CONSOLE_GRANT_MAX_MINUTES,
  /**
   * Characters of an id a list is filtered by: a UUID, or part of one typed into a filter,
   * which matches nothing.
   */
  idFilterMaxLength: 64,
  /**
   * Characters of a free text (a description, a reason, a comment) as the request carries
   * it; rules with their own code apply below it (a request's reason has at most
   * `REQUEST_REASON_MAX_LENGTH` after trimming, REASON_TOO_LONG), so that such texts
   * answer that code.
   */
  freeTextMaxLength: 4096,
  /**
   * Characters of a name (of a System, Service, namespace, cluster, template, size or VM) as
   * the request carries it: the naming rules allow far fewer, with their own codes
   * (NAME_TOO_LONG, NAME_INVALID), which names up to this length answer.
   */
  nameMaxLength: 255,
  /** Characters of a catalog entity ref, as the database columns hold them. */
  entityRefMaxLength: 255,
  /** Characters of a Kubernetes namespace name (a DNS label). */
  namespaceMaxLength: 63,
  /** Characters of a storage class name (a DNS subdomain). */
  storageClassMaxLength: 253,
  /** Characters of a search text. */
  searchMaxLength: 200,
  /** Characters of an audit log filter (action, actor, resource type or id). */
  auditFilterMaxLength: 255,
  /**
   * Characters of cloud-init user data as the request carries it; KubeVirt's own limit,
   * `KUBEVIRT_CLOUD_INIT_USER_DATA_MAX_BYTES` bytes, answers CLOUD_INIT_INVALID.
   */
  cloudInitMaxLength: 65536,
  /** Characters of a kubeconfig. */
  kubeconfigMaxLength: 65536,
  /** Keys of an instance size's spec overrides. */
  specOverridesMaxProperties: 64,
  /** Characters of a spec override's key, a dotted path under `spec.`. */
  specOverrideKeyMaxLength: 253,
  /**
   * Fields of an approver's replacement spec: the eight of a VM spec, with room for the
   * fields outside it, which the backend names one by one (FORBIDDEN_MODIFICATION).
   */
  specReplacementMaxProperties: 32,
  /** Characters of a field name of an approver's replacement spec. */
  specFieldNameMaxLength: 64,
} as const;

/** @public */
export type ShepherdInputLimits = typeof SHEPHERD_INPUT_LIMITS;
