import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import YAML from 'yaml';

/** The repository's root, from this package's source folder (it is run from source, never built). */
// eslint-disable-next-line no-restricted-syntax
export const ROOT = resolve(__dirname, '..', '..', '..');
const BACKEND_DIR = join(ROOT, 'packages', 'backend');

/** How long a replica may take to answer its readiness check (a busy 2-core machine). */
const READY_TIMEOUT_MS = 5 * 60_000;

/** Where the replicas of a campaign keep their records. */
export type ReplicaDatabase =
  | { engine: 'postgres'; url: string; prefix: string }
  | { engine: 'sqlite'; directory: string };

export interface ReplicaOptions {
  name: string;
  database: ReplicaDatabase;
  /** The campaign's folder: the replica's config and log go there. */
  workDir: string;
  encryptionKey: string;
  /** Shepherd's configuration on top of app-config.yaml (jobs, reconciler, …). */
  shepherd: Record<string, unknown>;
}

/** util-linux's setpriv, which can have a process killed when its parent dies. */
const SETPRIV = '/usr/bin/setpriv';

/**
 * The command that runs `command` so that it is killed when the campaign's process dies
 * (a test runner that gives up on it, say): no replica outlives its campaign.
 */
function withParentDeathSignal(
  command: string,
  args: string[],
): [string, string[]] {
  if (!existsSync(SETPRIV)) return [command, args];
  return [SETPRIV, ['--pdeathsig', 'KILL', '--', command, ...args]];
}

/** A free TCP port on 127.0.0.1 (the kernel picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        resolvePort(typeof address === 'object' && address ? address.port : 0),
      );
    });
  });
}

/**
 * One backend process of the portal (packages/backend: Shepherd, its KubeVirt provider, the
 * catalog, permissions, auth with the demo personas), started as `npm start` starts it but
 * on its own port and the campaign's database, so that it can be killed with SIGKILL and
 * started again like a crashed replica of a deployment.
 */
export class BackendReplica {
  #process?: ChildProcess;
  #exited?: Promise<void>;
  #port = 0;
  #starts = 0;
  #kills = 0;
  #ready = false;

  constructor(private readonly options: ReplicaOptions) {}

  get name(): string {
    return this.options.name;
  }

  get url(): string {
    return `http://localhost:${this.#port}`;
  }

  /** Whether the process runs (it may not be ready yet). */
  get running(): boolean {
    const child = this.#process;
    return Boolean(child && child.exitCode === null && !child.signalCode);
  }

  /** Whether the backend answered its readiness check since it was last started. */
  get ready(): boolean {
    return this.#ready && this.running;
  }

  get pid(): number | undefined {
    return this.#process?.pid;
  }

  get starts(): number {
    return this.#starts;
  }

  get kills(): number {
    return this.#kills;
  }

  /** The file the replica's output goes to (for the secret scan). */
  get logFile(): string {
    return join(this.options.workDir, `${this.options.name}.log`);
  }

  /** Starts the process and waits until the backend reports ready. */
  async start(): Promise<void> {
    if (this.running) throw new Error(`${this.name} runs already`);
    this.#port ||= await freePort();
    const configFile = join(
      this.options.workDir,
      `${this.options.name}.app-config.yaml`,
    );
    writeFileSync(configFile, YAML.stringify(this.#config()));
    const log = createWriteStream(this.logFile, { flags: 'a' });
    const child = spawn(
      ...withParentDeathSignal(process.execPath, [
        '--enable-source-maps',
        '--require',
        '@backstage/cli-node/config/nodeTransform.cjs',
        'src/index.ts',
        '--config',
        '../../app-config.yaml',
        '--config',
        configFile,
      ]),
      {
        cwd: BACKEND_DIR,
        env: {
          ...process.env,
          // The demo personas sign in only in development.
          NODE_ENV: 'development',
          SHEPHERD_ENCRYPTION_KEY: this.options.encryptionKey,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout!.pipe(log, { end: false });
    child.stderr!.pipe(log, { end: false });
    this.#process = child;
    this.#exited = new Promise(resolveExit =>
      child.once('exit', () => {
        log.end();
        resolveExit();
      }),
    );
    this.#starts += 1;
    await this.#waitUntilReady(child);
    this.#ready = true;
  }

  /** Kills the process with SIGKILL (no shutdown hooks run) and waits until it is gone. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.#kills += 1;
    this.#ready = false;
    this.#process!.kill('SIGKILL');
    await this.#exited;
  }

  /** Stops the process gracefully (SIGTERM), as at the end of a campaign. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.#ready = false;
    this.#process!.kill('SIGTERM');
    await this.#exited;
  }

  async #waitUntilReady(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode) {
        throw new Error(
          `${this.name} exited with ${child.exitCode} while starting; see ${this.logFile}`,
        );
      }
      try {
        const response = await fetch(
          `${this.url}/.backstage/health/v1/readiness`,
        );
        if (response.ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise(resolveWait => setTimeout(resolveWait, 250));
    }
    throw new Error(`${this.name} was not ready within ${READY_TIMEOUT_MS} ms`);
  }

  #config() {
    const { database } = this.options;
    return {
      app: { baseUrl: this.url },
      backend: {
        baseUrl: this.url,
        listen: { port: this.#port },
        cors: { origin: this.url },
        database:
          database.engine === 'postgres'
            ? {
                client: 'pg',
                connection: database.url,
                prefix: database.prefix,
              }
            : {
                client: 'better-sqlite3',
                connection: { directory: database.directory },
              },
      },
      shepherd: this.options.shepherd,
    };
  }
}
