/*
 * The chaos campaign: backend replicas of the portal killed with SIGKILL at random moments
 * while VMs are provisioned on a simulated cluster, then the invariants checked.
 *
 *   yarn chaos                       # PostgreSQL (2 replicas) and SQLite (1 replica)
 *   yarn chaos --runs 100 --kills 20 --engine postgres --seed 7
 *   yarn faults                      # 30 % of the cluster's requests fail, a 10-minute outage
 *
 * Environment: SHEPHERD_TEST_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432).
 * Exits non-zero when an invariant is broken or a run failed.
 */
import { parseArgs } from 'node:util';
import { violations } from './invariants';
import { ChaosReport, runChaosCampaign } from './campaign';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    runs: { type: 'string', default: '100' },
    kills: { type: 'string', default: '20' },
    parallel: { type: 'string', default: '6' },
    seed: { type: 'string', default: String(Date.now() % 100_000) },
    'fault-rate': { type: 'string', default: '0' },
    'outage-seconds': { type: 'string', default: '0' },
  },
});

function describe(report: ChaosReport): string {
  const broken = Object.entries(report.invariants)
    .filter(([, found]) => found.length > 0)
    .map(([name, found]) => `  ${name}: ${found.slice(0, 10).join('; ')}`);
  return [
    `${report.engine}, ${report.replicas} replica(s): ${report.runs} runs, ${report.kills} kills (${report.killsDuringJobs} while a job ran), ${report.retriedCalls} calls sent again after a lost connection, ${report.rateLimitedCalls} after a 429, ${report.unavailableAnswers} after a 503, ${report.seconds} s`,
    `  failed runs: ${report.failedRuns.length}${report.failedRuns
      .slice(0, 5)
      .map(run => `\n    run ${run.run}: ${run.failure}`)
      .join('')}`,
    `  tickets without an end: ${report.invariants.ticketsWithoutEnd.length}, unfinished jobs: ${report.invariants.unfinishedJobs.length}`,
    `  duplicate VMs: ${report.invariants.duplicateVms.length}, untracked VMs: ${report.invariants.untrackedVms.length}, records pointing at nothing: ${report.invariants.recordsPointingAtNothing.length}`,
    `  cluster actions repeated: ${report.invariants.repeatedClusterActions.length}, reconciler findings: ${report.reconcilerFindings}`,
    `  cluster requests failed by faults: ${
      report.faultedRequests
    }; jobs: ${Object.entries(report.jobs)
      .map(([status, count]) => `${count} ${status}`)
      .join(', ')}${
      report.clusterStatusesDuringOutage.length
        ? `; cluster during the outage: ${report.clusterStatusesDuringOutage.join(
            ' → ',
          )}`
        : ''
    }`,
    ...broken,
  ].join('\n');
}

async function main() {
  const engines =
    values.engine === 'both'
      ? (['postgres', 'sqlite'] as const)
      : [values.engine as 'postgres' | 'sqlite'];
  const seed = Number(values.seed);
  console.log(`Chaos campaign, seed ${seed}`);
  let failed = false;
  for (const engine of engines) {
    const report = await runChaosCampaign({
      engine,
      replicas: engine === 'postgres' ? 2 : 1,
      runs: Number(values.runs),
      parallelRuns: Number(values.parallel),
      kills: Number(values.kills),
      seed,
      faults: {
        rate: Number(values['fault-rate']),
        outageMs: Number(values['outage-seconds']) * 1000,
        outageAfterMs: 20_000,
      },
      postgresUrl:
        process.env.SHEPHERD_TEST_POSTGRES_URL ??
        'postgresql://postgres@127.0.0.1:5432',
      log: line => console.log(`[${engine}] ${line}`),
    });
    console.log(describe(report));
    if (violations(report.invariants) > 0 || report.failedRuns.length > 0) {
      failed = true;
    }
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
