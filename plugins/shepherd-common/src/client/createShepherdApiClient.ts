import createClient, { Client } from 'openapi-fetch';
import type { paths } from '../schema/openapi.generated';
import { ShepherdApiError } from './ShepherdApiError';

/**
 * A typed HTTP client of the Shepherd API, generated from its OpenAPI spec: one method per
 * HTTP verb, taking the spec's path and the operation's parameters and body, e.g.
 * `client.GET('/v1/vms/{vmId}', { params: { path: { vmId } } })`. It encodes paths, queries
 * and bodies as the spec says; nothing per operation is written by hand.
 *
 * @public
 */
export type ShepherdApiClient = Client<paths>;

/** @public */
export interface ShepherdApiClientOptions {
  /**
   * The Shepherd backend's base URL, e.g. `http://localhost:7007/api/shepherd`: what
   * discovery answers for the `shepherd` plugin.
   */
  baseUrl: string;
  /**
   * Sends a request, given as `fetch` takes it: a URL and its init. The global `fetch` by
   * default; in the frontend, the app's `fetchApi.fetch`, which attaches the user's Backstage
   * token.
   */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /** A Backstage token to send as bearer, for callers outside the app (backends, scripts). */
  token?: string;
}

/**
 * How the spec's query parameters go on the wire: its list parameters are
 * `style: form, explode: false`, i.e. `status=RUNNING,STOPPED`. Values are percent-encoded.
 */
const QUERY_SERIALIZATION = {
  array: { style: 'form', explode: false },
} as const;

/**
 * A client of the Shepherd API. Its calls resolve to `{ data, error, response }`;
 * {@link shepherdData} turns that into the answer's body or a {@link ShepherdApiError}.
 *
 * @public
 */
export function createShepherdApiClient(
  options: ShepherdApiClientOptions,
): ShepherdApiClient {
  const send = options.fetch ?? ((url, init) => fetch(url, init));
  return createClient<paths>({
    baseUrl: options.baseUrl,
    // openapi-fetch hands over a Request; it goes on as a URL and an init, because a fetch
    // that wraps its input in a Request of its own (as Backstage's fetchApi middlewares do)
    // cannot do that twice with a Request that has a body.
    fetch: async request => send(request.url, await initOf(request)),
    headers: options.token
      ? { Authorization: `Bearer ${options.token}` }
      : undefined,
    querySerializer: QUERY_SERIALIZATION,
  });
}

/** The init that sends `request` again: its method, headers, body and signal. */
async function initOf(request: Request): Promise<RequestInit> {
  const body =
    request.method === 'GET' || request.method === 'HEAD'
      ? ''
      : await request.text();
  return {
    method: request.method,
    headers: request.headers,
    body: body || undefined,
    signal: request.signal,
  };
}

/** What a call of a {@link ShepherdApiClient} resolves to. */
type Answer<Data> = { data?: Data; error?: unknown; response: Response };

/**
 * The body of a successful answer of the Shepherd API (undefined for 204). An error answer
 * rejects with a {@link ShepherdApiError} carrying the backend's code, message, status and
 * details.
 *
 * @example
 * const vm = await shepherdData(client.GET('/v1/vms/{vmId}', { params: { path: { vmId } } }));
 *
 * @public
 */
export async function shepherdData<Data>(
  call: Promise<Answer<Data>> | Answer<Data>,
): Promise<Data> {
  const { data, error, response } = await call;
  if (!response.ok) {
    throw ShepherdApiError.fromAnswer(response, error);
  }
  return data as Data;
}
