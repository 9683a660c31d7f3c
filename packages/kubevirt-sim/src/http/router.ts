import { IncomingMessage, ServerResponse } from 'node:http';
import { Duplex } from 'node:stream';
import { parse as parseYaml } from 'yaml';
import {
  apiGroupDocument,
  apiGroupList,
  apiResourceList,
  coreApiVersions,
  KubernetesVersionInfo,
} from '../api/discovery';
import {
  openApiV3Discovery,
  openApiV3Document,
  openApiV3Target,
} from '../api/openapi';
import { patchTypeOf, ResourceApi, WriteOptions } from '../api/resourceApi';
import { apiVersionOf, ResourceType } from '../api/resources';
import { ApiError, errors } from '../api/status';
import { parseIncludeObject, toTable, wantsTable } from '../api/table';
import { runVmAction, VmAction } from '../api/vmActions';
import { serveWatch } from '../api/watch';
import { parseVersionOptions } from '../api/listOptions';
import { ObjectStore } from '../store/objectStore';
import { parseFieldSelector, parseLabelSelector } from '../store/selectors';
import { StoredObject } from '../types';
import { VncProxy } from '../vnc/vncProxy';
import { isAuthenticated } from './auth';
import { readBody, readRawBody } from './body';
import { decodeProtobufObject, isProtobuf } from './protobuf';
import { parseApiPath } from './paths';
import { answerRaw, answerRawError, sendError, sendJson } from './respond';
import { FaultInjector, FaultRule } from '../faults/faultInjector';
import { AuditLog } from '../audit/auditLog';

/** The webhook named by the denials of fault injection. */
const INJECTED_WEBHOOK = 'faults.kubevirt-sim.io';

export interface RouterDeps {
  store: ObjectStore;
  api: ResourceApi;
  vnc: VncProxy;
  faults: FaultInjector;
  audit: AuditLog;
  token: string;
  now(): number;
  /** Runs controller work due now; called after every write, before answering. */
  settle(): void;
  /** How often watches with `allowWatchBookmarks=true` get a BOOKMARK. */
  bookmarkIntervalMs: number;
  version: KubernetesVersionInfo;
  kubevirtVersion: string;
  serverAddress(): string;
  log(line: string): void;
}

function dryRunOf(
  params: URLSearchParams,
  body?: { dryRun?: unknown },
): boolean {
  const values = [
    ...params.getAll('dryRun'),
    ...(Array.isArray(body?.dryRun) ? body!.dryRun : []),
  ];
  for (const value of values) {
    if (value !== 'All')
      throw errors.badRequest(
        `Invalid dryRun value: "${value}", valid values are "All"`,
      );
  }
  return values.length > 0;
}

function listResponse(
  type: ResourceType,
  items: StoredObject[],
  resourceVersion: string,
  continueToken?: string,
  remaining?: number,
) {
  return {
    kind: type.listKind,
    apiVersion: apiVersionOf(type),
    metadata: {
      resourceVersion,
      ...(continueToken ? { continue: continueToken } : {}),
      ...(remaining !== undefined ? { remainingItemCount: remaining } : {}),
    },
    items,
  };
}

/**
 * The HTTP face of the simulated apiserver: authentication, fault injection, discovery,
 * resource CRUD/patch/watch, KubeVirt's subresources and the VNC upgrade.
 */
/** An open watch stream. */
interface OpenWatch {
  path: string;
  socket: Duplex;
  /** Ends the stream cleanly. */
  stop(): void;
}

function isWatchRequest(params: URLSearchParams): boolean {
  return ['true', '1'].includes(params.get('watch') ?? '');
}

function pathMatcher(path: RegExp | string | undefined) {
  const pattern = typeof path === 'string' ? new RegExp(path) : path;
  return (candidate: string) => !pattern || pattern.test(candidate);
}

export class Router {
  private readonly watches = new Set<OpenWatch>();
  /** Told whenever a watch stream opens (for waits on open watches). */
  private readonly watchOpened = new Set<() => void>();
  private readonly hanging = new Set<Duplex>();
  /** The name of the object each create request names or made, for its audit event. */
  private readonly createdNames = new WeakMap<
    ServerResponse,
    string | undefined
  >();

  constructor(private readonly deps: RouterDeps) {}

  /** Applies the fault (if any) for this request; returns true when the request is consumed. */
  private async injectFault(
    method: string,
    path: string,
    watch: boolean,
    socket: Duplex,
    answer: (status: number, body: unknown) => void,
  ): Promise<boolean> {
    const fault: FaultRule | undefined = this.deps.faults.match(
      method,
      path,
      watch,
    );
    if (!fault) return false;
    switch (fault.kind) {
      case 'latency':
        await (fault.until ??
          new Promise(resolve => setTimeout(resolve, fault.latencyMs ?? 1000)));
        return false;
      case 'error': {
        const status = fault.status ?? 503;
        const reason =
          { 500: 'InternalError', 503: 'ServiceUnavailable', 504: 'Timeout' }[
            status
          ] ?? 'InternalError';
        answer(status, {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: fault.message ?? `injected fault: ${status}`,
          reason,
          details: {
            causes: [
              { reason: 'InjectedFault', message: 'injected by kubevirt-sim' },
            ],
          },
          code: status,
        });
        return true;
      }
      case 'conflict':
        answer(409, {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message:
            fault.message ??
            'Operation cannot be fulfilled: the object has been modified; please apply your changes to the latest version and try again (injected)',
          reason: 'Conflict',
          details: {
            causes: [
              { reason: 'InjectedFault', message: 'injected by kubevirt-sim' },
            ],
          },
          code: 409,
        });
        return true;
      case 'denied':
        answer(422, {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: `admission webhook "${INJECTED_WEBHOOK}" denied the request: ${
            fault.message ?? 'injected denial'
          }`,
          reason: 'Invalid',
          details: {
            causes: [
              { reason: 'InjectedFault', message: 'injected by kubevirt-sim' },
            ],
          },
          code: 422,
        });
        return true;
      case 'hang':
        // Nothing is ever written; closing the simulator releases the socket.
        this.hanging.add(socket);
        socket.once('close', () => this.hanging.delete(socket));
        return true;
      case 'drop':
        socket.destroy();
        return true;
      default:
        return false;
    }
  }

  async handleRequest(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://simulator');
    const method = (req.method ?? 'GET').toUpperCase();
    try {
      if (
        await this.injectFault(
          method,
          url.pathname,
          isWatchRequest(url.searchParams),
          req.socket,
          (status, body) => sendJson(res, status, body),
        )
      )
        return;
      if (!isAuthenticated(req, this.deps.token)) throw errors.unauthorized();
      this.auditWhenAnswered(req, res, url, method);
      await this.route(req, res, url, method);
    } catch (error) {
      if (!(error instanceof ApiError)) {
        this.deps.log(
          `${method} ${url.pathname} failed: ${
            (error as Error)?.stack ?? error
          }`,
        );
      }
      sendError(res, error);
    }
  }

  /** Records an authenticated write in the audit log once it is answered. */
  private auditWhenAnswered(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    method: string,
  ): void {
    const described = AuditLog.describe(method, parseApiPath(url.pathname));
    if (!described) return;
    const received = new Date(this.deps.now()).toISOString();
    res.once('finish', () =>
      this.deps.audit.record({
        ...described,
        objectRef: {
          ...described.objectRef,
          ...(described.objectRef.name || !this.createdNames.get(res)
            ? {}
            : { name: this.createdNames.get(res) }),
        },
        requestURI: req.url ?? url.pathname,
        responseStatus: { code: res.statusCode },
        dryRun: url.searchParams.getAll('dryRun').length > 0,
        requestReceivedTimestamp: received,
      }),
    );
  }

  async handleUpgrade(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
  ): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://simulator');
    const method = (req.method ?? 'GET').toUpperCase();
    socket.on('error', () => {});
    try {
      if (
        await this.injectFault(
          method,
          url.pathname,
          false,
          socket,
          (status, body) =>
            answerRaw(socket, status, 'application/json', JSON.stringify(body)),
        )
      )
        return;
      if (!isAuthenticated(req, this.deps.token)) throw errors.unauthorized();
      const path = parseApiPath(url.pathname);
      if (
        path.kind !== 'kubevirtAction' ||
        path.resource !== 'virtualmachineinstances' ||
        path.action !== 'vnc'
      ) {
        throw errors.badRequest(
          'only the VNC subresource accepts websocket upgrades in this simulator',
        );
      }
      if (method !== 'GET') throw errors.methodNotAllowed();
      const preserve = ['true', '1'].includes(
        url.searchParams.get('preserveSession') ?? '',
      );
      await this.deps.vnc.handle(
        req,
        socket,
        head,
        path.namespace,
        path.name,
        preserve,
        (status, type, body) => answerRaw(socket, status, type, body),
      );
    } catch (error) {
      answerRawError(socket, error);
    }
  }

  private async route(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    method: string,
  ): Promise<void> {
    const path = parseApiPath(url.pathname);
    const deps = this.deps;
    const readOnly = () => {
      if (method !== 'GET') throw errors.methodNotAllowed();
    };
    switch (path.kind) {
      case 'version':
        readOnly();
        sendJson(res, 200, deps.version);
        return;
      case 'health':
        readOnly();
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('ok');
        return;
      case 'openapi': {
        readOnly();
        // OpenAPI v3 only (operations, no schemas); v2 is absent and clients fall back to v3.
        if (path.path.replace(/\/+$/, '') === '/openapi/v3') {
          sendJson(res, 200, openApiV3Discovery());
          return;
        }
        const target = openApiV3Target(path.path);
        const document =
          target && openApiV3Document(target.group, target.version);
        if (!document) throw errors.pathNotFound();
        sendJson(res, 200, document);
        return;
      }
      case 'coreVersions':
        readOnly();
        sendJson(res, 200, coreApiVersions(deps.serverAddress()));
        return;
      case 'groupList':
        readOnly();
        sendJson(res, 200, apiGroupList());
        return;
      case 'group': {
        readOnly();
        const group = apiGroupDocument(path.group);
        if (!group) throw errors.pathNotFound();
        sendJson(res, 200, group);
        return;
      }
      case 'resourceList': {
        readOnly();
        const list = apiResourceList(path.group, path.version);
        if (!list) throw errors.pathNotFound();
        sendJson(res, 200, list);
        return;
      }
      case 'kubevirtInfo':
        readOnly();
        if (path.what === 'version') {
          sendJson(res, 200, {
            ...deps.version,
            gitVersion: deps.kubevirtVersion,
          });
          return;
        }
        if (path.what === 'healthz') {
          sendJson(res, 200, { apiserver: 'ok', restclient: 'ok' });
          return;
        }
        throw errors.pathNotFound();
      case 'kubevirtAction':
        await this.kubevirtAction(req, res, method, path);
        return;
      case 'resource':
        await this.resource(req, res, url, method, path);
        return;
      default:
        throw errors.pathNotFound();
    }
  }

  private async kubevirtAction(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    path: { resource: string; namespace: string; name: string; action: string },
  ): Promise<void> {
    if (
      path.resource === 'virtualmachineinstances' &&
      (path.action === 'vnc' || path.action === 'console')
    ) {
      // Reached only without an Upgrade header, which virt-api answers like this.
      throw errors.badRequest(
        "websocket: the client is not using the websocket protocol: 'upgrade' token not found in 'Connection' header",
      );
    }
    const actions: VmAction[] = ['start', 'stop', 'restart', 'migrate'];
    if (
      path.resource !== 'virtualmachines' ||
      !actions.includes(path.action as VmAction)
    )
      throw errors.pathNotFound();
    if (method !== 'PUT') throw errors.methodNotAllowed();
    const raw = await readBody(req);
    let body: unknown;
    try {
      body = raw.trim() ? JSON.parse(raw) : undefined;
    } catch {
      throw errors.badRequest('the request body is not valid JSON');
    }
    runVmAction(
      this.deps.api,
      path.namespace,
      path.name,
      path.action as VmAction,
      body,
    );
    this.deps.settle();
    res.writeHead(202);
    res.end();
  }

  private async resource(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    method: string,
    path: {
      type: ResourceType;
      namespace?: string;
      name?: string;
      subresource?: string;
    },
  ): Promise<void> {
    const { type, namespace, name, subresource } = path;
    const params = url.searchParams;
    const deps = this.deps;
    if (subresource && !(subresource === 'status' && type.hasStatus))
      throw errors.pathNotFound();
    const table = wantsTable(req.headers.accept);
    const includeObject = parseIncludeObject(params.get('includeObject'));
    const writeOptions = (body?: { dryRun?: unknown }): WriteOptions => ({
      dryRun: dryRunOf(params, body),
      fieldManager: params.get('fieldManager') ?? undefined,
      userAgent: req.headers['user-agent'],
      force: ['true', '1'].includes(params.get('force') ?? ''),
      subresource: subresource === 'status' ? 'status' : undefined,
    });

    if (!name) {
      // Collections: list/watch, create, deletecollection.
      if (method === 'GET') {
        const watch = isWatchRequest(params);
        const versions = parseVersionOptions(params, watch);
        if (watch) {
          const stop = serveWatch(
            deps.store,
            {
              type,
              namespace,
              labels: parseLabelSelector(params.get('labelSelector')),
              fields: parseFieldSelector(params.get('fieldSelector')),
              versions,
              bookmarkIntervalMs: deps.bookmarkIntervalMs,
              timeoutSeconds:
                Number(params.get('timeoutSeconds') ?? 0) || undefined,
              table: table ? { includeObject, now: deps.now } : undefined,
            },
            res,
          );
          const open: OpenWatch = {
            path: url.pathname,
            socket: req.socket,
            stop,
          };
          this.watches.add(open);
          res.on('close', () => this.watches.delete(open));
          for (const opened of [...this.watchOpened]) opened();
          return;
        }
        const list = deps.api.list(type, namespace, {
          labelSelector: params.get('labelSelector'),
          fieldSelector: params.get('fieldSelector'),
          limit: Number(params.get('limit') ?? 0) || undefined,
          continueToken: params.get('continue'),
          versions,
        });
        if (table) {
          sendJson(
            res,
            200,
            toTable(type, list.items, {
              now: deps.now(),
              includeObject,
              resourceVersion: list.resourceVersion,
              continueToken: list.continueToken,
            }),
          );
          return;
        }
        sendJson(
          res,
          200,
          listResponse(
            type,
            list.items,
            list.resourceVersion,
            list.continueToken,
            list.remainingItemCount,
          ),
        );
        return;
      }
      if (method === 'POST') {
        if (type.namespaced && !namespace) throw errors.methodNotAllowed();
        const body = await this.readObject(req);
        // The audit log names the object a create made, as kube-apiserver does.
        this.createdNames.set(
          res,
          (body as { metadata?: { name?: string } } | undefined)?.metadata
            ?.name,
        );
        const created = deps.api.create(type, namespace, body, writeOptions());
        this.createdNames.set(res, created.metadata.name);
        deps.settle();
        sendJson(res, 201, created);
        return;
      }
      if (method === 'DELETE') {
        const raw = await readBody(req);
        const options = raw.trim() ? this.parseJson(raw) : {};
        const deleted = deps.api.deleteCollection(
          type,
          namespace,
          {
            labelSelector: params.get('labelSelector'),
            fieldSelector: params.get('fieldSelector'),
          },
          { dryRun: dryRunOf(params, options) },
        );
        deps.settle();
        sendJson(
          res,
          200,
          listResponse(type, deleted, deps.store.resourceVersion),
        );
        return;
      }
      throw errors.methodNotAllowed();
    }

    switch (method) {
      case 'GET': {
        const object = deps.api.get(type, namespace, name);
        if (table) {
          sendJson(
            res,
            200,
            toTable(type, [object], {
              now: deps.now(),
              includeObject,
              resourceVersion: object.metadata.resourceVersion,
            }),
          );
          return;
        }
        sendJson(res, 200, object);
        return;
      }
      case 'PUT': {
        const body = await this.readObject(req);
        const updated = deps.api.replace(
          type,
          namespace,
          name,
          body,
          writeOptions(),
        );
        deps.settle();
        sendJson(res, 200, updated);
        return;
      }
      case 'PATCH': {
        const patchType = patchTypeOf(req.headers['content-type']);
        const raw = await readBody(req);
        const { object, created } = deps.api.patch(
          type,
          namespace,
          name,
          patchType,
          raw,
          writeOptions(),
        );
        deps.settle();
        sendJson(res, created ? 201 : 200, object);
        return;
      }
      case 'DELETE': {
        if (subresource) throw errors.methodNotAllowed();
        const raw = await readBody(req);
        const options = raw.trim()
          ? (this.parseJson(raw) as {
              dryRun?: unknown;
              preconditions?: { uid?: string; resourceVersion?: string };
            })
          : {};
        const deleted = deps.api.delete(type, namespace, name, {
          dryRun: dryRunOf(params, options),
          preconditions: options.preconditions,
        });
        deps.settle();
        sendJson(res, 200, deleted);
        return;
      }
      default:
        throw errors.methodNotAllowed();
    }
  }

  /** A POST/PUT body: JSON (what clients send), YAML, or a protobuf Namespace (kubectl create namespace). */
  private async readObject(req: IncomingMessage): Promise<unknown> {
    const contentType = req.headers['content-type'];
    const raw = await readRawBody(req);
    if (isProtobuf(contentType)) return decodeProtobufObject(raw);
    if (/yaml/i.test(contentType ?? '')) {
      try {
        return parseYaml(raw.toString('utf8'));
      } catch (error) {
        throw errors.badRequest(
          `the request body is not valid YAML: ${(error as Error).message}`,
        );
      }
    }
    return this.parseJson(raw.toString('utf8'));
  }

  private parseJson(raw: string): any {
    try {
      return JSON.parse(raw);
    } catch (error) {
      throw errors.badRequest(
        `the request body is not valid JSON: ${(error as Error).message}`,
      );
    }
  }

  /** Open watch streams, optionally only those whose path matches. */
  openWatches(path?: RegExp | string): number {
    const matches = pathMatcher(path);
    return [...this.watches].filter(w => matches(w.path)).length;
  }

  /** Resolves once at least `count` watch streams (matching `path`) are open. */
  whenWatchesOpen(count: number, path?: RegExp | string): Promise<void> {
    return new Promise(resolve => {
      const check = () => {
        if (this.openWatches(path) < count) return;
        this.watchOpened.delete(check);
        resolve();
      };
      this.watchOpened.add(check);
      check();
    });
  }

  /** Destroys the connections of open watches (a fault); returns how many. */
  dropWatches(path?: RegExp | string): number {
    const matches = pathMatcher(path);
    let dropped = 0;
    for (const open of [...this.watches]) {
      if (!matches(open.path)) continue;
      this.watches.delete(open);
      open.socket.destroy();
      dropped += 1;
    }
    return dropped;
  }

  /** Ends watches and releases hanging requests. */
  closeConnections(): void {
    for (const open of [...this.watches]) open.stop();
    this.watches.clear();
    for (const socket of this.hanging) socket.destroy();
    this.hanging.clear();
  }
}
