import { randomBytes, X509Certificate } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ServerCertificates } from '../tls/certificates';
import { ObjectStore, StoreSnapshot } from './objectStore';

/** The objects and the revision counter of one simulated cluster. */
export const OBJECTS_FILE = 'objects.json';
/** Its CA, server certificate and key, and bearer token: kubeconfigs stay valid across restarts. */
export const CREDENTIALS_FILE = 'credentials.json';

/** Changes are written at most this long after the first unwritten one. */
export const STATE_FLUSH_DELAY_MS = 1000;

/** Certificates closer than this to their end are replaced at start. */
const CERTIFICATE_RENEWAL_MARGIN_MS = 7 * 24 * 3600 * 1000;

const FORMAT_VERSION = 1;

interface ObjectsFile extends StoreSnapshot {
  formatVersion: number;
}

export interface SavedCredentials extends ServerCertificates {
  /** The address the server certificate was made for. */
  host: string;
  token: string;
}

/**
 * Writes a file so that readers see either the old or the new content, never a part:
 * a temporary file next to it, flushed to disk, then renamed over it.
 */
async function writeFileAtomically(
  path: string,
  content: string,
  mode: number,
): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString(
    'hex',
  )}.tmp`;
  try {
    const handle = await open(temporary, 'w', mode);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function readJson(path: string): Promise<unknown | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(
      `${path} is not valid JSON (${
        (error as Error).message
      }); move it away to start this cluster empty`,
    );
  }
}

/** The persisted objects of a cluster, or undefined for a cluster that never ran here. */
export async function loadSnapshot(
  dir: string,
): Promise<StoreSnapshot | undefined> {
  const path = join(dir, OBJECTS_FILE);
  const file = (await readJson(path)) as Partial<ObjectsFile> | undefined;
  if (file === undefined) return undefined;
  if (
    file.formatVersion !== FORMAT_VERSION ||
    typeof file.revision !== 'number' ||
    typeof file.resources !== 'object' ||
    file.resources === null
  ) {
    throw new Error(
      `${path} is not a kubevirt-sim state file of format ${FORMAT_VERSION}; move it away to start this cluster empty`,
    );
  }
  return { revision: file.revision, resources: file.resources };
}

/**
 * The saved credentials when they can be used again: made for the same address and not
 * about to expire.
 */
export async function loadCredentials(
  dir: string,
  host: string,
  now: number,
): Promise<SavedCredentials | undefined> {
  const saved = (await readJson(join(dir, CREDENTIALS_FILE))) as
    | Partial<SavedCredentials>
    | undefined;
  if (
    !saved ||
    saved.host !== host ||
    typeof saved.caCertPem !== 'string' ||
    typeof saved.certPem !== 'string' ||
    typeof saved.keyPem !== 'string' ||
    typeof saved.token !== 'string'
  )
    return undefined;
  try {
    const validTo = Date.parse(new X509Certificate(saved.certPem).validTo);
    if (!(validTo - now > CERTIFICATE_RENEWAL_MARGIN_MS)) return undefined;
  } catch {
    return undefined;
  }
  return saved as SavedCredentials;
}

export async function saveCredentials(
  dir: string,
  credentials: SavedCredentials,
): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFileAtomically(
    join(dir, CREDENTIALS_FILE),
    `${JSON.stringify(credentials, null, 2)}\n`,
    0o600,
  );
}

/**
 * Keeps a cluster's objects in `<dir>/objects.json`: written (atomically) at most
 * `STATE_FLUSH_DELAY_MS` after a change, and once more when the simulator stops.
 * Writes never overlap; each writes the store as it is when the write begins.
 */
export class StatePersistence {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private readonly unsubscribe: () => void;
  private closed = false;

  constructor(
    private readonly dir: string,
    private readonly store: ObjectStore,
    private readonly log: (line: string) => void,
    private readonly flushDelayMs = STATE_FLUSH_DELAY_MS,
  ) {
    this.unsubscribe = store.subscribe(() => this.changed());
  }

  private changed(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush().catch(() => {});
    }, this.flushDelayMs);
    this.timer.unref();
  }

  /** Writes the current objects now (after any write in progress). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const next = this.writing.then(() => this.write());
    this.writing = next.catch(() => {});
    return next;
  }

  private async write(): Promise<void> {
    const file: ObjectsFile = {
      formatVersion: FORMAT_VERSION,
      ...this.store.snapshot(),
    };
    try {
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      await writeFileAtomically(
        join(this.dir, OBJECTS_FILE),
        JSON.stringify(file),
        0o600,
      );
    } catch (error) {
      // Retried with the next change, and at the latest when the simulator stops.
      this.log(
        `could not save the cluster's objects in ${this.dir}: ${
          (error as Error).message
        }`,
      );
      throw error;
    }
  }

  /** Stops following changes and writes the last state. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    await this.flush();
  }
}
