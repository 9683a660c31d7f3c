import { ShepherdService } from '@kubevirt-shepherd/plugin-shepherd-common';
import { describeShepherdApi } from '../__testUtils__/apiHarness';
import { withCanonicalQuery } from './queryEncoding';

/** A deletion reason as people write them: spaces and punctuation. */
const REASON = "Load test finished, VM no longer needed (ticket #42) - Bob's!*";

describe('withCanonicalQuery', () => {
  it('writes spaces as %20 and percent-encodes what encodeURIComponent leaves', () => {
    expect(withCanonicalQuery("/v1/vms/a?reason=walk+done+(it's+over!)*")).toBe(
      '/v1/vms/a?reason=walk%20done%20%28it%27s%20over%21%29%2A',
    );
  });

  it('leaves paths, delimiters and encoded characters alone', () => {
    expect(withCanonicalQuery('/v1/a+b(c)')).toBe('/v1/a+b(c)');
    expect(
      withCanonicalQuery('/v1/vms?status=RUNNING,STOPPED&search=a%2Bb%20c'),
    ).toBe('/v1/vms?status=RUNNING,STOPPED&search=a%2Bb%20c');
  });
});

describe('query strings of the API', () => {
  describeShepherdApi({}, api => {
    let service: ShepherdService;

    beforeEach(async () => {
      service = await api.fixtures.teamService();
    });

    /** Requests the deletion of a new test VM with `query`, and answers the ticket's reason. */
    async function deletionReason(query: string) {
      const vm = await api.fixtures.vm(service);
      const response = await api
        .as('engineer-test')
        .delete(`/v1/vms/${vm.id}?${query}`);
      expect([response.status, response.body.error?.message]).toEqual([
        202,
        undefined,
      ]);
      return (await api.store.tickets.get(response.body.ticketId))?.reason;
    }

    it.each([
      ['URLSearchParams', new URLSearchParams({ reason: REASON }).toString()],
      ['encodeURIComponent', `reason=${encodeURIComponent(REASON)}`],
    ])(
      'takes a deletion reason with spaces and punctuation as %s encodes it',
      async (_encoder, encodedReason) => {
        expect(await deletionReason(`confirm=true&${encodedReason}`)).toBe(
          REASON,
        );
      },
    );

    it('reads + as a space and %2B as a plus', async () => {
      expect(await deletionReason('confirm=true&reason=walk+done')).toBe(
        'walk done',
      );
      expect(await deletionReason('confirm=true&reason=1%2B1')).toBe('1+1');
    });

    it('still refuses reserved characters left unencoded', async () => {
      const vm = await api.fixtures.vm(service);
      const response = await api
        .as('engineer-test')
        .delete(`/v1/vms/${vm.id}?confirm=true&reason=a;b`);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining('must be url encoded'),
      });
    });
  });
});
