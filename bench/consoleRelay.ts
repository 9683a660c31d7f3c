/*
 * Measures what Shepherd's VNC console relay costs against a direct websocket to the VNC
 * subresource of the KubeVirt simulator (a real Xtigervnc behind it): the round trip of a
 * small framebuffer update (latency) and the bytes per second of full-screen raw updates
 * requested back to back (throughput). The relay leg is the relay's pipe as the backend runs
 * it (ConsoleRelay over the provider's WebSocketVncStream, one more websocket hop); the
 * one-time admission of a session token is not part of it.
 *
 *   yarn bench:console
 *
 * Environment: BENCH_LATENCY_SAMPLES (default 300), BENCH_THROUGHPUT_SECONDS (default 5).
 */
import { KubevirtSimulator, start } from '@kubevirt-shepherd/kubevirt-sim';
import { request as httpsRequest } from 'node:https';
import { createServer as createHttpServer, IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';
import { Duplex } from 'node:stream';
import { performance } from 'node:perf_hooks';
import WebSocket, { WebSocketServer } from 'ws';
import { VNC_MAX_FRAME_BYTES } from '@kubevirt-shepherd/plugin-shepherd-backend-module-kubevirt/src/constants';
import { WebSocketVncStream } from '@kubevirt-shepherd/plugin-shepherd-backend-module-kubevirt/src/vnc/WebSocketVncStream';
import { CONSOLE_MAX_BROWSER_FRAME_BYTES } from '@kubevirt-shepherd/plugin-shepherd-backend/src/routes/consoleStreamRouter';
import { ConsoleRelay } from '@kubevirt-shepherd/plugin-shepherd-backend/src/service/console/ConsoleRelay';

const LATENCY_SAMPLES = Number(process.env.BENCH_LATENCY_SAMPLES ?? 300);
const THROUGHPUT_SECONDS = Number(process.env.BENCH_THROUGHPUT_SECONDS ?? 5);
const NAMESPACE = 'bench';
const VM = 'bench-console-01';
const VNC_PATH = `/apis/subresources.kubevirt.io/v1/namespaces/${NAMESPACE}/virtualmachineinstances/${VM}/vnc?preserveSession=false`;

function post(sim: KubevirtSimulator, path: string, body: unknown) {
  return new Promise<void>((resolve, reject) => {
    const req = httpsRequest(`${sim.url}${path}`, {
      method: 'POST',
      ca: sim.caCertPem,
      headers: {
        Authorization: `Bearer ${sim.token}`,
        'Content-Type': 'application/json',
      },
    });
    req.on('response', res => {
      res.resume();
      res.on('end', () =>
        res.statusCode && res.statusCode < 300
          ? resolve()
          : reject(new Error(`POST ${path}: HTTP ${res.statusCode}`)),
      );
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

async function runningVm(sim: KubevirtSimulator) {
  await post(
    sim,
    `/apis/kubevirt.io/v1/namespaces/${NAMESPACE}/virtualmachines`,
    {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachine',
      metadata: { name: VM, namespace: NAMESPACE },
      spec: {
        runStrategy: 'Always',
        template: {
          spec: {
            domain: {
              cpu: { cores: 1 },
              memory: { guest: '1Gi' },
              devices: { disks: [{ name: 'rootfs', disk: { bus: 'virtio' } }] },
            },
            volumes: [
              {
                name: 'rootfs',
                containerDisk: { image: 'quay.io/containerdisks/fedora:41' },
              },
            ],
          },
        },
      },
    },
  );
  for (let i = 0; i < 500; i++) {
    const vmi = sim.objects.get('virtualmachineinstances', NAMESPACE, VM) as
      | { status?: { phase?: string } }
      | undefined;
    if (vmi?.status?.phase === 'Running') return;
    await new Promise(resolve => setTimeout(resolve, 20));
  }
  throw new Error('The VM did not start');
}

/** A websocket to the simulator's VNC subresource, as the provider opens it. */
function openUpstream(sim: KubevirtSimulator): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(
      `${sim.url.replace('https:', 'wss:')}${VNC_PATH}`,
      ['plain.kubevirt.io'],
      {
        ca: sim.caCertPem,
        headers: { Authorization: `Bearer ${sim.token}` },
        maxPayload: VNC_MAX_FRAME_BYTES,
      },
    );
    socket.once('upgrade', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Reads exact byte counts from a websocket carrying a byte stream. */
function byteReader(socket: WebSocket) {
  let buffered = Buffer.alloc(0);
  let waiting: { count: number; resolve: (b: Buffer) => void } | undefined;
  const deliver = () => {
    if (waiting && buffered.length >= waiting.count) {
      const bytes = buffered.subarray(0, waiting.count);
      buffered = buffered.subarray(waiting.count);
      const { resolve } = waiting;
      waiting = undefined;
      resolve(bytes);
    }
  };
  socket.on('message', (data: Buffer) => {
    buffered = buffered.length ? Buffer.concat([buffered, data]) : data;
    deliver();
  });
  return (count: number) =>
    new Promise<Buffer>(resolve => {
      waiting = { count, resolve };
      deliver();
    });
}

/** An RFB 3.8 client with security None and raw encoding. */
async function rfbSession(socket: WebSocket) {
  const read = byteReader(socket);
  const send = (bytes: Buffer) => socket.send(bytes, { binary: true });
  await read(12);
  send(Buffer.from('RFB 003.008\n', 'latin1'));
  const [count] = await read(1);
  await read(count);
  send(Buffer.of(1));
  await read(4);
  send(Buffer.of(1));
  const init = await read(24);
  await read(init.readUInt32BE(20));
  const width = init.readUInt16BE(0);
  const height = init.readUInt16BE(2);
  const bytesPerPixel = init.readUInt8(4) / 8;
  // SetEncodings: raw only, so update sizes are known.
  const encodings = Buffer.alloc(8);
  encodings.writeUInt8(2, 0);
  encodings.writeUInt16BE(1, 2);
  encodings.writeInt32BE(0, 4);
  send(encodings);

  /** Asks for a non-incremental update of a region and reads it whole; answers its bytes. */
  async function update(w: number, h: number): Promise<number> {
    const request = Buffer.alloc(10);
    request.writeUInt8(3, 0);
    request.writeUInt8(0, 1);
    request.writeUInt16BE(w, 6);
    request.writeUInt16BE(h, 8);
    send(request);
    const header = await read(4);
    let total = 4;
    for (let rect = header.readUInt16BE(2); rect > 0; rect--) {
      const rectHeader = await read(12);
      const pixels =
        rectHeader.readUInt16BE(4) * rectHeader.readUInt16BE(6) * bytesPerPixel;
      await read(pixels);
      total += 12 + pixels;
    }
    return total;
  }
  return { width, height, update };
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

async function measure(socket: WebSocket) {
  const rfb = await rfbSession(socket);
  const latencies: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    const began = performance.now();
    await rfb.update(16, 16);
    latencies.push(performance.now() - began);
  }
  latencies.sort((a, b) => a - b);
  let bytes = 0;
  const began = performance.now();
  const until = began + THROUGHPUT_SECONDS * 1000;
  while (performance.now() < until) {
    bytes += await rfb.update(rfb.width, rfb.height);
  }
  const seconds = (performance.now() - began) / 1000;
  socket.close();
  return {
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    mibPerSecond: bytes / seconds / (1 << 20),
    screen: `${rfb.width}x${rfb.height}`,
  };
}

/** A relay like the backend's: browser websocket → ConsoleRelay → VNC stream. */
async function startRelay(sim: KubevirtSimulator) {
  const relay = new ConsoleRelay({ idleTimeoutMs: 60 * 60_000 });
  const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    maxPayload: CONSOLE_MAX_BROWSER_FRAME_BYTES,
  });
  const server = createHttpServer();
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
    wss.handleUpgrade(req, socket, head, async browser => {
      browser.pause();
      const upstream = new WebSocketVncStream(
        await openUpstream(sim),
        VNC_MAX_FRAME_BYTES,
      );
      relay.start(
        browser,
        upstream,
        new Date(Date.now() + 60 * 60_000).toISOString(),
      );
      browser.resume();
    }),
  );
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    open: () =>
      new Promise<WebSocket>((resolve, reject) => {
        const socket = new WebSocket(`ws://127.0.0.1:${port}`);
        socket.once('open', () => resolve(socket));
        socket.once('error', reject);
      }),
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

async function main() {
  const sim = await start({ timing: 'instant', namespaces: [NAMESPACE] });
  try {
    if (!sim.vnc.available) {
      throw new Error(
        "The simulator has no VNC server: install Debian's tigervnc-standalone-server",
      );
    }
    await runningVm(sim);
    const direct = await measure(await openUpstream(sim));
    const relay = await startRelay(sim);
    const relayed = await measure(await relay.open());
    await relay.close();

    const row = (name: string, r: typeof direct) =>
      `| ${name.padEnd(22)} | ${r.p50.toFixed(2).padStart(9)} | ${r.p95
        .toFixed(2)
        .padStart(9)} | ${r.mibPerSecond.toFixed(1).padStart(17)} |`;
    console.log(
      `VNC console, ${direct.screen}, raw encoding; ${LATENCY_SAMPLES} round trips of a 16x16 update, ${THROUGHPUT_SECONDS} s of full-screen updates\n`,
    );
    console.log(
      '| Path                   | p50 (ms)  | p95 (ms)  | Throughput (MiB/s) |',
    );
    console.log(
      '| ---------------------- | --------: | --------: | -----------------: |',
    );
    console.log(row('direct websocket', direct));
    console.log(row('through the relay', relayed));
  } finally {
    await sim.close();
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
