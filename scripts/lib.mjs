// Helpers shared by the project's entry scripts (start, test, e2e). Node built-ins only:
// these scripts run before anything is installed.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const YARN = join(ROOT, '.yarn', 'releases', 'yarn-4.13.0.cjs');
const INSTALL_STAMP = join(ROOT, 'node_modules', '.shepherd-install-stamp');
const SUPPORTED_NODE_MAJORS = [20, 22, 24];

export const log = message => console.log(`\n▶ ${message}`);

export function fail(message) {
  console.error(`\n✖ ${message}`);
  process.exit(1);
}

export function checkNodeVersion() {
  const major = Number(process.versions.node.split('.')[0]);
  if (!SUPPORTED_NODE_MAJORS.includes(major)) {
    fail(
      `Node ${
        process.versions.node
      } is not supported; use Node ${SUPPORTED_NODE_MAJORS.join(', ')}.`,
    );
  }
}

/** Environment for yarn: native modules (better-sqlite3) build against the local Node headers. */
export function yarnEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) {
    env.npm_config_nodedir = '/usr';
  }
  return env;
}

/** Runs yarn from the checked-in release and resolves with its exit code. */
export function runYarn(args, options = {}) {
  return run(process.execPath, [YARN, ...args], {
    ...options,
    env: yarnEnv(options.env),
  });
}

/** Runs a command with inherited output and resolves with its exit code. */
export function run(command, args, options = {}) {
  return new Promise(resolve => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: 'inherit',
      ...options,
    });
    child.on('exit', (code, signal) => resolve(signal ? 1 : code ?? 1));
    child.on('error', error => {
      console.error(error.message);
      resolve(1);
    });
  });
}

function workspaceManifests() {
  const manifests = [join(ROOT, 'package.json')];
  for (const group of ['packages', 'plugins']) {
    const dir = join(ROOT, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const manifest = join(dir, name, 'package.json');
      if (existsSync(manifest)) manifests.push(manifest);
    }
  }
  return manifests;
}

/** A fingerprint of everything that decides what `yarn install` produces. */
function installFingerprint() {
  const hash = createHash('sha256');
  hash.update(process.versions.node);
  for (const file of [
    join(ROOT, 'yarn.lock'),
    join(ROOT, '.yarnrc.yml'),
    ...workspaceManifests(),
  ]) {
    hash.update(file);
    hash.update(existsSync(file) ? readFileSync(file) : '');
  }
  return hash.digest('hex');
}

/**
 * Installs dependencies unless node_modules already matches the lockfile and manifests.
 * In CI the lockfile must already be up to date (`--immutable`).
 */
export async function ensureDependencies() {
  const fingerprint = installFingerprint();
  if (
    existsSync(INSTALL_STAMP) &&
    readFileSync(INSTALL_STAMP, 'utf8') === fingerprint
  ) {
    log('Dependencies are up to date');
    return;
  }
  log('Installing dependencies (a cold install takes a few minutes)');
  const args = ['install'];
  if (process.env.CI) args.push('--immutable');
  const code = await runYarn(args);
  if (code !== 0) {
    fail('yarn install failed; see the output above.');
  }
  mkdirSync(dirname(INSTALL_STAMP), { recursive: true });
  writeFileSync(INSTALL_STAMP, fingerprint);
}

/**
 * Installs Debian's TigerVNC server (Xtigervnc) for the KubeVirt simulator's VNC consoles
 * when it is missing (packages/kubevirt-sim/scripts/ensure-vnc.sh). Not fatal: without it
 * the simulator answers VNC requests with 503 and its VNC tests say loudly they skipped.
 */
export function ensureVncServer() {
  const script = join(
    ROOT,
    'packages',
    'kubevirt-sim',
    'scripts',
    'ensure-vnc.sh',
  );
  if (!existsSync(script)) return;
  if (spawnSync('sh', [script], { stdio: 'inherit' }).status !== 0) {
    console.warn(
      '\n⚠ Could not install tigervnc-standalone-server: the VNC console tests will be skipped.',
    );
  }
}

export const CHROMIUM_PATH =
  process.env.SHEPHERD_CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Installs Debian's Chromium for the browser tests when it is missing. */
export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) {
    return;
  }
  log(
    `Installing Chromium from Debian's packages (${CHROMIUM_PATH} is missing)`,
  );
  const isRoot = process.getuid?.() === 0;
  const command = isRoot ? 'apt-get' : 'sudo';
  const prefix = isRoot ? [] : ['-n', 'apt-get'];
  const apt = (...args) =>
    spawnSync(command, [...prefix, ...args], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status;
  if (apt('install', '-y', 'chromium') !== 0) {
    apt('update');
    if (apt('install', '-y', 'chromium') !== 0) {
      fail(
        'Could not install Chromium. Install the Debian package "chromium" or set SHEPHERD_CHROMIUM_PATH.',
      );
    }
  }
  if (!existsSync(CHROMIUM_PATH)) {
    fail(`Chromium was installed but ${CHROMIUM_PATH} does not exist.`);
  }
}

const DEV_KEY_FILE = join(ROOT, '.shepherd', 'encryption-key');

/**
 * The key that encrypts cluster credentials in the development portal: generated once and
 * kept in .shepherd/ (never committed), so credentials stored in the embedded database stay
 * readable across restarts. Production deployments configure their own keys.
 */
export function developmentEncryptionKey() {
  if (!existsSync(DEV_KEY_FILE)) {
    mkdirSync(dirname(DEV_KEY_FILE), { recursive: true });
    writeFileSync(DEV_KEY_FILE, randomBytes(32).toString('base64'), {
      mode: 0o600,
    });
  }
  return readFileSync(DEV_KEY_FILE, 'utf8').trim();
}
