/*
 * Where the Request a VM wizard starts: the query parameters other pages (the entity tab, a
 * System's page) link to it with. Record ids come from Shepherd; entity refs from the catalog.
 */

/** The query parameters the wizard reads. */
export const REQUEST_VM_PARAMS = {
  /** A Shepherd Service id: System and Service are chosen. */
  serviceId: 'serviceId',
  /** A Shepherd System id: the System is chosen. */
  systemId: 'systemId',
  /** The entity ref of a catalog Component registered as a Service, e.g. `component:default/payments-api`. */
  service: 'service',
  /** The entity ref of a catalog System registered in Shepherd, e.g. `system:default/payments`. */
  system: 'system',
} as const;

/** What the wizard starts from; every part is optional. */
export type RequestVmStart = {
  serviceId?: string;
  systemId?: string;
  service?: string;
  system?: string;
};

/** Reads the start of the wizard from its URL's query. */
export function readRequestVmStart(params: URLSearchParams): RequestVmStart {
  const start: RequestVmStart = {};
  for (const key of Object.keys(REQUEST_VM_PARAMS) as Array<
    keyof RequestVmStart
  >) {
    const value = params.get(REQUEST_VM_PARAMS[key])?.trim();
    if (value) {
      start[key] = value;
    }
  }
  return start;
}

/** The query string (with its `?`, or empty) that starts the wizard there. */
export function requestVmSearch(start: RequestVmStart): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(REQUEST_VM_PARAMS) as Array<
    keyof RequestVmStart
  >) {
    const value = start[key];
    if (value) {
      params.set(REQUEST_VM_PARAMS[key], value);
    }
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}
