import { ShepherdVncStream } from '@kubevirt-shepherd/plugin-shepherd-node';
import WebSocket from 'ws';

/** What ws calls a frame above its `maxPayload`; it closes the socket with 1009. */
const FRAME_TOO_LARGE = 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';

/** Close codes of a normal end: no reason worth reporting. */
const NORMAL_CLOSE_CODES = new Set([1000, 1005]);

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}

/**
 * KubeVirt's VNC websocket as a byte stream: RFB bytes travel in binary frames both ways.
 * Bytes and the close that arrive before anyone listens are kept for the first listener —
 * the server speaks first in RFB, often before the caller has attached its handler.
 */
export class WebSocketVncStream implements ShepherdVncStream {
  private readonly dataListeners: Array<(chunk: Uint8Array) => void> = [];
  private readonly closeListeners: Array<(reason?: string) => void> = [];
  private readonly unread: Uint8Array[] = [];
  private closed: { reason?: string } | undefined;

  constructor(
    private readonly socket: WebSocket,
    /** The socket's `maxPayload`, named when a frame exceeds it. */
    maxFrameBytes: number,
  ) {
    socket.binaryType = 'nodebuffer';
    socket.on('message', data => this.receive(toBytes(data)));
    socket.on('close', (code, reason) => {
      const text = reason.toString('utf8');
      this.end(
        text ||
          (NORMAL_CLOSE_CODES.has(code)
            ? undefined
            : `closed with code ${code}`),
      );
    });
    // A socket error is followed by a close; keep its message as the reason.
    socket.on('error', error =>
      this.end(
        (error as { code?: string }).code === FRAME_TOO_LARGE
          ? `the VNC server sent a frame larger than ${maxFrameBytes} bytes`
          : error.message,
      ),
    );
  }

  /**
   * Resolves once the frame was handed to the socket, so a caller that awaits each write
   * sends no faster than the connection drains.
   */
  write(chunk: Uint8Array): Promise<void> {
    if (this.closed || this.socket.readyState !== WebSocket.OPEN) {
      return Promise.reject(new Error('The VNC stream is closed'));
    }
    return new Promise((resolve, reject) => {
      this.socket.send(chunk, { binary: true }, error =>
        error ? reject(error) : resolve(),
      );
    });
  }

  onData(listener: (chunk: Uint8Array) => void): void {
    this.dataListeners.push(listener);
    if (this.dataListeners.length === 1) {
      for (const chunk of this.unread.splice(0)) listener(chunk);
    }
  }

  onClose(listener: (reason?: string) => void): void {
    if (this.closed) {
      const { reason } = this.closed;
      queueMicrotask(() => listener(reason));
      return;
    }
    this.closeListeners.push(listener);
  }

  /** Stops reading from the socket, so TCP flow control slows the VNC server down. */
  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    this.socket.resume();
  }

  close(): void {
    if (
      this.socket.readyState === WebSocket.CONNECTING ||
      this.socket.readyState === WebSocket.OPEN
    ) {
      this.socket.close(1000);
    }
  }

  private receive(chunk: Uint8Array): void {
    if (this.dataListeners.length === 0) {
      this.unread.push(chunk);
      return;
    }
    for (const listener of this.dataListeners) listener(chunk);
  }

  private end(reason?: string): void {
    if (this.closed) return;
    this.closed = { reason };
    for (const listener of this.closeListeners.splice(0)) listener(reason);
  }
}
