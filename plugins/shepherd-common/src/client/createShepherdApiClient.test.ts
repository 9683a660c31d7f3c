import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import YAML from 'yaml';
import {
  ShepherdApiClient,
  createShepherdApiClient,
  shepherdData,
} from './createShepherdApiClient';
import { ShepherdApiError, isShepherdApiError } from './ShepherdApiError';

const BASE_URL = 'http://localhost:7007/api/shepherd';

/** The API contract the client is generated from. */
const OPENAPI_SPEC = resolve(
  __dirname,
  '../../../shepherd-backend/src/schema/openapi.yaml',
);

/** A client whose requests are recorded and answered with `answer`. */
function recordingClient(
  answer: () => Response = () => Response.json({}),
  token?: string,
): { client: ShepherdApiClient; requests: Request[] } {
  const requests: Request[] = [];
  const client = createShepherdApiClient({
    baseUrl: BASE_URL,
    token,
    fetch: async (url, init) => {
      requests.push(new Request(url, init));
      return answer();
    },
  });
  return { client, requests };
}

describe('createShepherdApiClient', () => {
  it('sends the token as bearer, and no authorization without one', async () => {
    const withToken = recordingClient(undefined, 'a-token');
    const withoutToken = recordingClient();

    await withToken.client.GET('/health');
    await withoutToken.client.GET('/health');

    expect(withToken.requests[0].headers.get('authorization')).toBe(
      'Bearer a-token',
    );
    expect(withoutToken.requests[0].headers.get('authorization')).toBeNull();
  });

  it('encodes path parameters so that they cannot change the path', async () => {
    const { client, requests } = recordingClient();

    await client.GET('/v1/vms/{vmId}', {
      params: { path: { vmId: 'a/../b?c' } },
    });

    expect(requests[0].url).toBe(`${BASE_URL}/v1/vms/a%2F..%2Fb%3Fc`);
  });

  it('writes queries as the spec says: lists comma-separated, values percent-encoded', async () => {
    const { client, requests } = recordingClient();

    await client.GET('/v1/tickets', {
      params: {
        query: {
          status: ['PENDING', 'FAILED'],
          operation: [],
          vmId: undefined,
          offset: 20,
          limit: 10,
        },
      },
    });
    await client.DELETE('/v1/vms/{vmId}', {
      params: {
        path: { vmId: 'vm-1' },
        query: { confirm: true, reason: 'walk done, (ticket #42) & more' },
      },
    });

    expect(new URL(requests[0].url).search).toBe(
      '?status=PENDING,FAILED&offset=20&limit=10',
    );
    expect(new URL(requests[1].url).search).toBe(
      '?confirm=true&reason=walk%20done%2C%20(ticket%20%2342)%20%26%20more',
    );
  });

  it('sends bodies as JSON', async () => {
    const { client, requests } = recordingClient();

    await client.POST('/v1/vms/{vmId}/power', {
      params: { path: { vmId: 'vm-1' } },
      body: { action: 'restart', reason: 'stuck' },
    });

    expect(requests[0].method).toBe('POST');
    expect(requests[0].headers.get('content-type')).toBe('application/json');
    expect(await requests[0].json()).toEqual({
      action: 'restart',
      reason: 'stuck',
    });
  });

  it('hands a body to a fetch that wraps its input in a Request of its own, as often as it does', async () => {
    // Backstage's fetchApi middlewares each make a Request of what they are given.
    const wrapping = createShepherdApiClient({
      baseUrl: BASE_URL,
      fetch: async (url, init) => {
        const first = new Request(url, init);
        const second = new Request(url, init);
        return Response.json({
          first: await first.json(),
          second: await second.json(),
        });
      },
    });

    const echoed = await wrapping.POST('/v1/systems', {
      body: { name: 'payments' },
    });

    expect(echoed.data).toEqual({
      first: { name: 'payments' },
      second: { name: 'payments' },
    });
  });

  it('serialises every list parameter of the spec the way the spec says', () => {
    // The client writes every array in a query as `style: form, explode: false`; a list
    // parameter of another style would need its own serialisation.
    const spec = YAML.parse(readFileSync(OPENAPI_SPEC, 'utf8'));
    const dereferenced = (parameter: any) =>
      parameter.$ref
        ? spec.components.parameters[parameter.$ref.split('/').pop()]
        : parameter;
    const parameters = Object.values(spec.paths).flatMap((item: any) =>
      Object.values(item).flatMap((operation: any) =>
        (operation.parameters ?? []).map(dereferenced),
      ),
    );
    const lists = parameters.filter(
      (parameter: any) =>
        parameter.in === 'query' && parameter.schema?.type === 'array',
    );

    expect(lists.length).toBeGreaterThan(0);
    for (const list of lists) {
      expect(list).toMatchObject({ style: 'form', explode: false });
    }
  });
});

describe('shepherdData', () => {
  it('answers the body of a successful answer, and nothing for 204', async () => {
    const vm = { id: 'vm-1', name: 'dev-shop-cart-01' };
    const found = recordingClient(() => Response.json(vm));
    const deleted = recordingClient(() => new Response(null, { status: 204 }));

    await expect(
      shepherdData(
        found.client.GET('/v1/vms/{vmId}', {
          params: { path: { vmId: 'vm-1' } },
        }),
      ),
    ).resolves.toEqual(vm);
    await expect(
      shepherdData(
        deleted.client.DELETE('/v1/admin/clusters/{clusterId}', {
          params: { path: { clusterId: 'c-1' } },
        }),
      ),
    ).resolves.toBeUndefined();
  });

  it("rejects an error answer with the backend's code, message, status and details", async () => {
    const { client } = recordingClient(() =>
      Response.json(
        {
          error: {
            name: 'ConflictError',
            message: 'The VM is STOPPED',
            code: 'VM_STATE_CONFLICT',
            details: { status: 'STOPPED' },
          },
          request: { method: 'POST', url: '/v1/vms/vm-1/power' },
          response: { statusCode: 409 },
        },
        { status: 409 },
      ),
    );

    const error = await shepherdData(
      client.POST('/v1/vms/{vmId}/power', {
        params: { path: { vmId: 'vm-1' } },
        body: { action: 'stop' },
      }),
    ).catch(e => e);

    expect(error).toBeInstanceOf(ShepherdApiError);
    expect([error.code, error.status, error.errorName]).toEqual([
      'VM_STATE_CONFLICT',
      409,
      'ConflictError',
    ]);
    expect(error.message).toBe('The VM is STOPPED');
    expect(error.details).toEqual({ status: 'STOPPED' });
  });

  it('rejects a rate limit with its code, words and when to try again', async () => {
    const message =
      'Too many power actions: at most 60 every 60 seconds per user. Try again in 12 seconds.';
    const { client } = recordingClient(() =>
      Response.json(
        {
          error: {
            name: 'TooManyRequestsError',
            message,
            code: 'RATE_LIMITED',
            details: { retryAfterSeconds: 12, limit: 60, windowSeconds: 60 },
          },
          request: { method: 'POST', url: '/v1/vms/vm-1/power' },
          response: { statusCode: 429 },
        },
        { status: 429, headers: { 'Retry-After': '12' } },
      ),
    );

    const error = await shepherdData(
      client.POST('/v1/vms/{vmId}/power', {
        params: { path: { vmId: 'vm-1' } },
        body: { action: 'restart' },
      }),
    ).catch(e => e);

    expect([error.code, error.status, error.message]).toEqual([
      'RATE_LIMITED',
      429,
      message,
    ]);
    expect(error.details).toEqual({
      retryAfterSeconds: 12,
      limit: 60,
      windowSeconds: 60,
    });
  });

  it('rejects an answer that is not JSON with its status', async () => {
    const { client } = recordingClient(
      () =>
        new Response('<html>Bad gateway</html>', {
          status: 502,
          statusText: 'Bad Gateway',
          headers: { 'content-type': 'text/html' },
        }),
    );

    const error = await shepherdData(client.GET('/v1/tickets')).catch(e => e);

    expect(isShepherdApiError(error)).toBe(true);
    expect(error.code).toBeUndefined();
    expect(error.message).toBe('Request failed with 502 Bad Gateway');
  });
});
