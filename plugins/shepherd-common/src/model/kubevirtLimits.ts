/*
 * The rules of KubeVirt's validating webhook that a Shepherd VM can break through its
 * template, its instance size or the size's spec overrides. They live here, in one place, so
 * that the backend refuses such catalog entries and requests when they are saved, and the
 * KubeVirt provider checks the rendered VM before the cluster is asked, with the same words.
 */

/**
 * KubeVirt's limit on inline cloud-init user data (`cloudInitUserMaxLen` of virt-api's VMI
 * validation), in bytes of UTF-8: `cloudInitNoCloud.userData` longer than this is refused.
 *
 * @public
 */
export const KUBEVIRT_CLOUD_INIT_USER_DATA_MAX_BYTES = 2048;

/** The length of a text in bytes of UTF-8, as KubeVirt counts it. @public */
export function utf8ByteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

const BINARY_SUFFIXES: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL_SUFFIXES: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};
const QUANTITY_PATTERN =
  /^([+-]?[0-9.]+)(?:([eE][+-]?[0-9]+)|([a-zA-Z]{0,2}))$/;

/**
 * The numeric value of a Kubernetes quantity (`1500m` → 1.5, `2Gi` → 2147483648; a number is
 * its own value), or undefined when it is not one.
 *
 * @public
 */
export function parseKubernetesQuantity(quantity: unknown): number | undefined {
  if (typeof quantity === 'number') return quantity;
  if (typeof quantity !== 'string') return undefined;
  const match = QUANTITY_PATTERN.exec(quantity.trim());
  if (!match) return undefined;
  const [, digits, exponent, suffix = ''] = match;
  const base = Number(digits);
  if (!Number.isFinite(base)) return undefined;
  if (exponent) return base * 10 ** Number(exponent.slice(1));
  const factor = BINARY_SUFFIXES[suffix] ?? DECIMAL_SUFFIXES[suffix];
  return factor === undefined ? undefined : base * factor;
}

/**
 * CPU cores as the quantity KubeVirt stores: `2` → `2`, `1.5` → `1500m` (Kubernetes
 * canonicalises `1.5` to `1500m` anyway).
 *
 * @public
 */
export function cpuQuantity(cores: number): string {
  return Number.isInteger(cores)
    ? String(cores)
    : `${Math.round(cores * 1000)}m`;
}

/** GiB of memory as a quantity: `4` → `4Gi`, `2.5` → `2560Mi`. @public */
export function memoryQuantity(gib: number): string {
  return Number.isInteger(gib) ? `${gib}Gi` : `${Math.round(gib * 1024)}Mi`;
}

/**
 * The parts of a `kubevirt.io/v1` VirtualMachine that the admission rules read: a structural
 * subset of the KubeVirt API type, loose enough for objects that spec overrides have changed.
 *
 * @public
 */
export interface KubeVirtAdmissionSubject {
  spec: {
    running?: unknown;
    template?: {
      spec?: {
        domain?: {
          cpu?: { dedicatedCpuPlacement?: unknown };
          memory?: { hugepages?: { pageSize?: unknown } };
          resources?: {
            requests?: Record<string, unknown>;
            limits?: Record<string, unknown>;
          };
        };
        volumes?: ReadonlyArray<{ cloudInitNoCloud?: { userData?: unknown } }>;
      };
    };
  };
}

/**
 * An admission rule of KubeVirt:
 * - `runningWithRunStrategy`: `spec.running` is set next to the `spec.runStrategy` Shepherd sets;
 * - `dedicatedCpuWholeCores`: dedicated CPUs with a fractional CPU request or limit;
 * - `dedicatedCpuRequestEqualsLimit`: dedicated CPUs with CPU or memory requests below limits;
 * - `hugepagesMemoryMultiple`: a memory request that is not a whole number of hugepages
 *   (or not a valid page size);
 * - `cloudInitUserDataSize`: inline cloud-init user data over
 *   {@link KUBEVIRT_CLOUD_INIT_USER_DATA_MAX_BYTES}.
 *
 * @public
 */
export type KubeVirtAdmissionRule =
  | 'runningWithRunStrategy'
  | 'dedicatedCpuWholeCores'
  | 'dedicatedCpuRequestEqualsLimit'
  | 'hugepagesMemoryMultiple'
  | 'cloudInitUserDataSize';

/** A rule a VM breaks: which, at which field of the VM, and a message naming the limit. @public */
export interface KubeVirtAdmissionViolation {
  rule: KubeVirtAdmissionRule;
  /** The dotted path of the offending field in the VirtualMachine. */
  path: string;
  message: string;
}

const DOMAIN_PATH = 'spec.template.spec.domain';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function recordOrEmpty(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

function show(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number'
    ? String(value)
    : JSON.stringify(value) ?? 'unset';
}

/**
 * Checks a VirtualMachine against the rules of KubeVirt's validating webhook that Shepherd's
 * templates, instance sizes and spec overrides can break. Returns the violations, empty when
 * KubeVirt would admit the VM as far as these rules go.
 *
 * @public
 */
export function checkKubeVirtAdmission(
  vm: KubeVirtAdmissionSubject,
): KubeVirtAdmissionViolation[] {
  const violations: KubeVirtAdmissionViolation[] = [];
  const spec: KubeVirtAdmissionSubject['spec'] = isRecord(vm.spec)
    ? vm.spec
    : {};
  if (spec.running !== undefined) {
    violations.push({
      rule: 'runningWithRunStrategy',
      path: 'spec.running',
      message:
        'spec.running must not be set: Shepherd sets spec.runStrategy, and KubeVirt refuses both together',
    });
  }

  const vmiSpec = spec.template?.spec;
  const domain = vmiSpec?.domain;
  const requests = recordOrEmpty(domain?.resources?.requests);
  const limits = recordOrEmpty(domain?.resources?.limits);

  if (domain?.cpu?.dedicatedCpuPlacement) {
    const cpuRequest = parseKubernetesQuantity(requests.cpu);
    const cpuLimit = parseKubernetesQuantity(limits.cpu);
    for (const [what, value, path] of [
      ['request', cpuRequest, `${DOMAIN_PATH}.resources.requests.cpu`],
      ['limit', cpuLimit, `${DOMAIN_PATH}.resources.limits.cpu`],
    ] as const) {
      if (value !== undefined && !Number.isInteger(value)) {
        violations.push({
          rule: 'dedicatedCpuWholeCores',
          path,
          message: `dedicated CPUs need whole cores, but the CPU ${what} is ${value}`,
        });
      }
    }
    for (const [resource, name] of [
      ['cpu', 'CPU'],
      ['memory', 'memory'],
    ] as const) {
      const request = parseKubernetesQuantity(requests[resource]);
      const limit = parseKubernetesQuantity(limits[resource]);
      if (request !== undefined && limit !== undefined && request !== limit) {
        violations.push({
          rule: 'dedicatedCpuRequestEqualsLimit',
          path: `${DOMAIN_PATH}.resources.requests.${resource}`,
          message: `dedicated CPUs need the ${name} request to equal the limit, got ${show(
            requests[resource],
          )} and ${show(limits[resource])}`,
        });
      }
    }
  }

  const pageSize = domain?.memory?.hugepages?.pageSize;
  if (pageSize !== undefined) {
    const pageBytes = parseKubernetesQuantity(pageSize);
    const memoryRequest = parseKubernetesQuantity(requests.memory) ?? 0;
    if (pageBytes === undefined || pageBytes <= 0) {
      violations.push({
        rule: 'hugepagesMemoryMultiple',
        path: `${DOMAIN_PATH}.memory.hugepages.pageSize`,
        message: `the hugepages size '${show(pageSize)}' is not a quantity`,
      });
    } else if (memoryRequest < pageBytes) {
      violations.push({
        rule: 'hugepagesMemoryMultiple',
        path: `${DOMAIN_PATH}.resources.requests.memory`,
        message: `the memory request ${show(
          requests.memory,
        )} is smaller than the hugepages size ${show(
          pageSize,
        )}; KubeVirt backs memory with whole hugepages`,
      });
    } else if (memoryRequest % pageBytes !== 0) {
      violations.push({
        rule: 'hugepagesMemoryMultiple',
        path: `${DOMAIN_PATH}.resources.requests.memory`,
        message: `the memory request ${show(
          requests.memory,
        )} is not a multiple of the hugepages size ${show(
          pageSize,
        )}; KubeVirt backs memory with whole hugepages`,
      });
    }
  }

  const volumes = Array.isArray(vmiSpec?.volumes) ? vmiSpec?.volumes ?? [] : [];
  volumes.forEach((volume, index) => {
    const userData = volume?.cloudInitNoCloud?.userData;
    if (typeof userData !== 'string') return;
    const bytes = utf8ByteLength(userData);
    if (bytes > KUBEVIRT_CLOUD_INIT_USER_DATA_MAX_BYTES) {
      violations.push({
        rule: 'cloudInitUserDataSize',
        path: `spec.template.spec.volumes.${index}.cloudInitNoCloud.userData`,
        message: `the cloud-init user data has ${bytes} bytes; KubeVirt accepts at most ${KUBEVIRT_CLOUD_INIT_USER_DATA_MAX_BYTES} bytes inline`,
      });
    }
  });
  return violations;
}
