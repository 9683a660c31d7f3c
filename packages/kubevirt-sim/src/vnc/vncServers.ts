import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { findExecutable } from './findBinary';

/** A running Xtigervnc: the RFB port it listens on (localhost only) and its display. */
export interface VncServer {
  port: number;
  display: number;
}

export interface VncServerOptions {
  /** Path or name of the Xtigervnc binary; `SHEPHERD_XTIGERVNC_PATH` or PATH by default. */
  binary?: string;
  geometry?: string;
  log?: (line: string) => void;
}

const START_TIMEOUT_MS = 10_000;

/** A TCP port nothing listens on right now (the kernel picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        resolve(typeof address === 'object' && address ? address.port : 0),
      );
    });
  });
}

/** An X display number without a lock file; random start so parallel test workers rarely collide. */
function freeDisplay(taken: Set<number>): number {
  const start = 100 + Math.floor(Math.random() * 800);
  for (let i = 0; i < 900; i++) {
    const display = 100 + ((start - 100 + i) % 900);
    if (taken.has(display)) continue;
    if (
      existsSync(`/tmp/.X${display}-lock`) ||
      existsSync(`/tmp/.X11-unix/X${display}`)
    )
      continue;
    return display;
  }
  throw new Error('no free X display number between :100 and :999');
}

interface Running {
  server: VncServer;
  processes: ChildProcess[];
}

/** The Xtigervnc binary the simulator would use: `SHEPHERD_XTIGERVNC_PATH` or on PATH. */
function defaultVncBinary(): string | undefined {
  return findExecutable(process.env.SHEPHERD_XTIGERVNC_PATH ?? 'Xtigervnc');
}

/**
 * Whether simulators started here get real VNC consoles (Xtigervnc found), so tests that
 * need a VNC server can be skipped where it is missing.
 */
export function isVncServerInstalled(): boolean {
  return defaultVncBinary() !== undefined;
}

/**
 * One real VNC server (TigerVNC's Xtigervnc, `-SecurityTypes None`, localhost only) per
 * running VMI, started on the first console connection and stopped with the VMI. Its
 * desktop is named after the VM and, when the X tools are there, shows the VM's name.
 */
export class VncServers {
  readonly binary: string | undefined;
  private readonly running = new Map<string, Promise<Running>>();
  private readonly displays = new Set<number>();

  constructor(private readonly options: VncServerOptions = {}) {
    this.binary = options.binary
      ? findExecutable(options.binary)
      : defaultVncBinary();
  }

  get available(): boolean {
    return this.binary !== undefined;
  }

  /** The VNC server of `key` (namespace/name), started if needed. */
  acquire(
    key: string,
    desktopName: string,
    screenText: string,
  ): Promise<VncServer> {
    let entry = this.running.get(key);
    if (!entry) {
      const started = this.start(desktopName, screenText);
      entry = started;
      this.running.set(key, started);
      started.then(
        running =>
          // A server that dies on its own is started afresh on the next connection.
          running.processes[0].once('exit', () => {
            if (this.running.get(key) === started) this.running.delete(key);
            this.displays.delete(running.server.display);
          }),
        () => this.running.delete(key),
      );
    }
    return entry.then(r => r.server);
  }

  get runningCount(): number {
    return this.running.size;
  }

  isRunning(key: string): boolean {
    return this.running.has(key);
  }

  private async start(
    desktopName: string,
    screenText: string,
  ): Promise<Running> {
    if (!this.binary) throw new Error('Xtigervnc is not installed');
    let lastError: unknown;
    for (let attempt = 0; attempt < 5; attempt++) {
      const display = freeDisplay(this.displays);
      const port = await freePort();
      this.displays.add(display);
      try {
        const child = await this.spawnServer(display, port, desktopName);
        const processes = [child, ...this.decorate(display, screenText)];
        this.options.log?.(
          `VNC server for "${desktopName}" started on display :${display}, port ${port}`,
        );
        return { server: { port, display }, processes };
      } catch (error) {
        this.displays.delete(display);
        lastError = error;
      }
    }
    throw lastError;
  }

  /** Starts Xtigervnc and resolves once it says it listens for VNC connections. */
  private spawnServer(
    display: number,
    port: number,
    desktopName: string,
  ): Promise<ChildProcess> {
    const args = [
      `:${display}`,
      '-rfbport',
      String(port),
      '-SecurityTypes',
      'None',
      '-localhost=1',
      '-geometry',
      this.options.geometry ?? '800x600',
      '-depth',
      '24',
      '-desktop',
      desktopName,
      '-AlwaysShared',
    ];
    return new Promise((resolve, reject) => {
      const child = spawn(this.binary!, args, {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let output = '';
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(
          new Error(
            `Xtigervnc did not start within ${START_TIMEOUT_MS} ms: ${output.slice(
              -500,
            )}`,
          ),
        );
      }, START_TIMEOUT_MS);
      child.stderr!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (
          output.includes(`port ${port}`) ||
          /Listening for VNC connections/.test(output)
        ) {
          clearTimeout(timer);
          child.stderr!.removeAllListeners('data');
          child.stderr!.resume();
          resolve(child);
        }
      });
      child.on('error', error => {
        clearTimeout(timer);
        reject(error);
      });
      child.on('exit', code => {
        clearTimeout(timer);
        reject(
          new Error(
            `Xtigervnc exited with code ${code}: ${output.slice(-500)}`,
          ),
        );
      });
    });
  }

  /** Paints the screen: a background colour and a window with the VM's name, if the tools exist. */
  private decorate(display: number, text: string): ChildProcess[] {
    const env = { ...process.env, DISPLAY: `:${display}` };
    const children: ChildProcess[] = [];
    const xsetroot = findExecutable('xsetroot');
    if (xsetroot) {
      const child = spawn(
        xsetroot,
        ['-solid', '#1f3a5f', '-name', text.split('\n')[0]],
        { env, stdio: 'ignore' },
      );
      child.on('error', () => {});
    }
    const xmessage = findExecutable('xmessage');
    if (xmessage) {
      const child = spawn(
        xmessage,
        ['-center', '-buttons', '', '-name', 'kubevirt-sim', text],
        { env, stdio: 'ignore' },
      );
      child.on('error', () => {});
      children.push(child);
    }
    return children;
  }

  async stop(key: string): Promise<void> {
    const entry = this.running.get(key);
    if (!entry) return;
    this.running.delete(key);
    let running: Running;
    try {
      running = await entry;
    } catch {
      return;
    }
    this.displays.delete(running.server.display);
    await Promise.all(running.processes.map(terminate));
    this.options.log?.(
      `VNC server on display :${running.server.display} stopped`,
    );
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.running.keys()].map(key => this.stop(key)));
  }
}

/** SIGTERM, then SIGKILL if the process lingers; resolves when it is gone. */
function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve();
  return new Promise(resolve => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
