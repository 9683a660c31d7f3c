/* eslint-disable no-console */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseCliArgs, USAGE } from './cliArgs';
import { KubevirtSimulator, start } from './simulator';

/**
 * `yarn workspace @kubevirt-shepherd/kubevirt-sim start`: simulated clusters on fixed
 * ports for development and the demo portal, each with a kubeconfig file, until Ctrl-C.
 */
async function main(): Promise<void> {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const outDir = resolve(options.outDir);
  const stateDir = options.stateDir ? resolve(options.stateDir) : undefined;
  await mkdir(outDir, { recursive: true });
  const simulators: KubevirtSimulator[] = [];
  const stop = async (signal: string) => {
    console.log(`\n${signal}: stopping ${simulators.length} cluster(s)`);
    await Promise.all(simulators.map(s => s.close()));
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  const summary: Array<{ name: string; url: string; kubeconfig: string }> = [];
  for (const cluster of options.clusters) {
    const sim = await start({
      name: cluster.name,
      port: cluster.port,
      host: options.host,
      token: options.token,
      timing: options.timing,
      kubevirtVersion: options.kubevirtVersion,
      storageClasses: options.storageClasses,
      featureGates: options.featureGates,
      vnc: options.vnc,
      stateDir: stateDir ? join(stateDir, cluster.name) : undefined,
      log: line => console.error(`[${cluster.name}] ${line}`),
    });
    simulators.push(sim);
    const kubeconfig = resolve(outDir, `${cluster.name}.kubeconfig`);
    await sim.writeKubeconfig(kubeconfig);
    summary.push({ name: cluster.name, url: sim.url, kubeconfig });
    const vms = sim.objects.list('virtualmachines').length;
    console.log(
      `✔ ${cluster.name}: ${sim.url}  kubeconfig ${kubeconfig}${
        stateDir ? `  (${vms} VM${vms === 1 ? '' : 's'} kept)` : ''
      }${sim.vnc.available ? '' : '  (no VNC: Xtigervnc missing)'}`,
    );
  }
  await writeFile(
    resolve(outDir, 'clusters.json'),
    `${JSON.stringify(summary, null, 2)}\n`,
  );
  console.log(
    `\nTry: kubectl --kubeconfig ${summary[0].kubeconfig} get vm -A\nCtrl-C stops.`,
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
