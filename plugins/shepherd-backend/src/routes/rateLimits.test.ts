import { ShepherdService } from '@kubevirt-shepherd/plugin-shepherd-common';
import { describeShepherdApi } from '../__testUtils__/apiHarness';

/** One request of each kind per user an hour: the second within the hour is refused. */
const ONE_AN_HOUR = { limit: 1, windowSeconds: 3600 };
const CONFIG = {
  shepherd: {
    rateLimits: {
      vmRequests: ONE_AN_HOUR,
      powerActions: ONE_AN_HOUR,
      consoleSessions: ONE_AN_HOUR,
    },
  },
};

describe('rate limits of mutating requests', () => {
  describeShepherdApi({ config: CONFIG }, api => {
    let service: ShepherdService;
    let vmId: string;

    beforeEach(async () => {
      service = await api.fixtures.teamService();
      await api.fixtures.namespace({ name: 'dev', environment: 'test' });
      const cluster = await api.fixtures.cluster({
        name: 'test-a',
        environment: 'test',
      });
      ({ id: vmId } = await api.fixtures.vm(service, {
        name: 'dev-shop-cart-01',
        clusterId: cluster.id,
        status: 'STOPPED',
      }));
    });

    /*
     * Three requests within an hour's window: the window may end between two of them (the
     * backend runs on the real clock), but not twice, so at least one is refused.
     */
    async function threeTimes(send: () => Promise<any>) {
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await send());
      const refused = answers.filter(answer => answer.status === 429);
      expect(refused.length).toBeGreaterThanOrEqual(1);
      return { first: answers[0], refused: refused[0] };
    }

    it.each([
      [
        'power actions',
        (persona: string) =>
          api
            .as(persona)
            .post(`/v1/vms/${vmId}/power`)
            .send({ action: 'start' }),
      ],
      [
        'VM requests',
        (persona: string) =>
          api
            .as(persona)
            .delete(`/v1/vms/${vmId}`)
            .query({ confirm: true, reason: 'not needed' }),
      ],
      [
        'console sessions',
        (persona: string) =>
          api.as(persona).post(`/v1/vms/${vmId}/console/sessions`).send(),
      ],
    ])(
      'answers too many %s with 429 RATE_LIMITED, its words and Retry-After',
      async (words, send) => {
        const { first, refused } = await threeTimes(() =>
          send('engineer-test'),
        );

        expect(first.status).not.toBe(429);
        expect(refused.body.error).toEqual({
          name: 'TooManyRequestsError',
          code: 'RATE_LIMITED',
          message: expect.stringMatching(
            new RegExp(
              `^Too many ${words}: at most 1 every 3600 seconds per user\\. Try again in \\d+ seconds?\\.$`,
            ),
          ),
          details: {
            retryAfterSeconds: expect.any(Number),
            limit: 1,
            windowSeconds: 3600,
          },
        });
        const retryAfter = Number(refused.headers['retry-after']);
        expect(retryAfter).toBe(refused.body.error.details.retryAfterSeconds);
        expect(retryAfter).toBeGreaterThanOrEqual(1);
        expect(retryAfter).toBeLessThanOrEqual(3600);
        // Another user has a limit of its own.
        expect((await send('admin')).status).not.toBe(429);
      },
    );
  });
});
