import { runChaosCampaign } from './campaign';
import { violations } from './invariants';

/*
 * The short chaos campaign of `npm test`: a few provisioning runs while replicas are killed
 * with SIGKILL; `yarn chaos` runs the long one (docs/reliability.md).
 */
/** A campaign starts backend processes and restarts them: minutes, not seconds. */
const CAMPAIGN_TIMEOUT_MS = 20 * 60_000;

describe('the portal under SIGKILL', () => {
  const postgresUrl =
    process.env.SHEPHERD_TEST_POSTGRES_URL ??
    'postgresql://postgres@127.0.0.1:5432';
  const engines = [
    { engine: 'postgres' as const, replicas: 2, runs: 4, kills: 2 },
    { engine: 'sqlite' as const, replicas: 1, runs: 2, kills: 1 },
  ].filter(
    ({ engine }) =>
      engine !== 'postgres' || process.env.SHEPHERD_TEST_SKIP_POSTGRES !== '1',
  );

  it.each(engines)(
    'keeps its record the clusters’ truth on $engine with $replicas replica(s)',
    async ({ engine, replicas, runs, kills }) => {
      const lines: string[] = [];
      const report = await runChaosCampaign({
        engine,
        replicas,
        runs,
        parallelRuns: 2,
        kills,
        seed: 1,
        postgresUrl,
        log: line => lines.push(line),
      });
      expect({
        failedRuns: report.failedRuns,
        invariants: report.invariants,
        reconcilerFindings: report.reconcilerFindings,
      }).toEqual({
        failedRuns: [],
        invariants: {
          ticketsWithoutEnd: [],
          unfinishedJobs: [],
          duplicateVms: [],
          untrackedVms: [],
          recordsPointingAtNothing: [],
          repeatedClusterActions: [],
        },
        reconcilerFindings: 0,
      });
      expect(violations(report.invariants)).toBe(0);
      expect(report.kills).toBe(kills);
      expect(report.runs).toBe(runs);
    },
    CAMPAIGN_TIMEOUT_MS,
  );
});
