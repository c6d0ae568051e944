import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenLocal } from './listen-local.ts';
import { readBody } from './read-body.ts';

/** One module of an uploaded Worker, as the multipart upload carried it. */
export interface UploadedModule {
  name: string;
  contentType: string;
  content: Buffer;
}

/** A binding as it reached Cloudflare in the upload's metadata. */
export interface UploadedBinding {
  name: string;
  type: string;
  text?: string;
  [key: string]: unknown;
}

/** One `wrangler deploy` of a Worker, as Cloudflare received it. */
export interface WorkerUpload {
  /** The upload's `metadata` part, parsed. */
  metadata: {
    main_module?: string;
    compatibility_date?: string;
    compatibility_flags?: string[];
    bindings?: UploadedBinding[];
    annotations?: Record<string, string>;
    keep_bindings?: string[];
    assets?: { jwt?: string; config?: Record<string, unknown> };
    [key: string]: unknown;
  };
  modules: UploadedModule[];
  /** The deploy message (`--message`), from the annotations. */
  message: string | undefined;
}

export interface StandInWorker {
  name: string;
  uploads: WorkerUpload[];
  /** Static assets by path, from the asset upload session. */
  assets: Map<string, Buffer>;
  /** Enabled on `<name>.<subdomain>.workers.dev`. */
  workersDev: boolean;
  previewUrls: boolean;
  crons: string[];
  /** Secrets now on the Worker: uploaded with the script or set one by one. */
  secrets: Map<string, string>;
  /** Service and environment tags wrangler sets after an upload. */
  tags: string[];
}

export interface CloudflareApiStandIn {
  /** For `CLOUDFLARE_API_BASE_URL`. */
  url: string;
  apiToken: string;
  accountId: string;
  /** The account's workers.dev subdomain. */
  subdomain: string;
  workers: Map<string, StandInWorker>;
  /** Zone routes, by pattern, as `wrangler deploy --routes` left them. */
  routes: Map<string, { pattern: string; script: string; zoneId: string }>;
  /** Custom domains, by hostname, as `wrangler deploy --domain` left them. */
  domains: Map<string, { hostname: string; script: string; zoneId: string }>;
  /** The account's R2 buckets, by name (created through the API or in the options). */
  buckets: Set<string>;
  /** Every request, in order: `METHOD /path` without the API's base path. */
  calls: string[];
  deleted: string[];
  close: () => Promise<void>;
}

export interface CloudflareApiStandInOptions {
  apiToken?: string;
  accountId?: string;
  subdomain?: string;
  /** Zones of the account, by name: routes on their hosts are accepted. */
  zones?: string[];
  /** R2 buckets the account already has. */
  buckets?: string[];
}

const base = '/client/v4';
const maxBodyBytes = 200 * 1024 * 1024;

interface Envelope {
  status: number;
  result?: unknown;
  errors?: { code: number; message: string }[];
}

const ok = (result: unknown, status = 200): Envelope => ({ status, result });
const error = (status: number, code: number, message: string): Envelope => ({
  status,
  errors: [{ code, message }],
});

/** A body as the Fetch API parses it: multipart forms included. */
function formOf(request: IncomingMessage, body: Buffer): Promise<FormData> {
  return new Request('http://stand-in/', {
    method: 'POST',
    headers: { 'content-type': request.headers['content-type'] ?? '' },
    body: new Uint8Array(body),
  }).formData();
}

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const exp = Math.floor(Date.now() / 1000) + 3600;
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ exp, ...claims })}.${randomBytes(16).toString('base64url')}`;
}

function workerSummary(worker: StandInWorker) {
  const last = worker.uploads.at(-1);
  return {
    id: worker.name,
    etag: createHash('sha256').update(String(worker.uploads.length)).digest('hex'),
    handlers: ['fetch', 'scheduled'],
    compatibility_date: last?.metadata.compatibility_date,
    compatibility_flags: last?.metadata.compatibility_flags ?? [],
    created_on: new Date().toISOString(),
    modified_on: new Date().toISOString(),
    usage_model: 'standard',
    has_assets: worker.assets.size > 0,
    has_modules: true,
    logpush: false,
  };
}

/**
 * A local stand-in of the Cloudflare API for the calls `wrangler deploy`,
 * `wrangler delete` and the deploy scripts make: the Worker's multipart upload
 * (its modules, bindings, vars, secrets and message), the static-asset upload
 * session, the workers.dev subdomain, cron schedules, zone routes and Worker
 * deletion, with the API's envelope (`{ success, errors, messages, result }`)
 * and Bearer authentication. It keeps what it received for a test to read,
 * and answers 404 with the API's error shape for any call it does not know,
 * so a new call shows up as a failure rather than passing unseen. Dev and tests only.
 */
export async function startCloudflareApiStandIn(
  options: CloudflareApiStandInOptions = {},
): Promise<CloudflareApiStandIn> {
  const apiToken = options.apiToken ?? 'cf-local-stand-in-token';
  const accountId = options.accountId ?? 'a0c0a0c0a0c0a0c0a0c0a0c0a0c0a0c0';
  const subdomain = options.subdomain ?? 'edgecart-ci';
  const zones = new Map(
    (options.zones ?? []).map((name) => [
      name,
      { id: createHash('sha256').update(name).digest('hex').slice(0, 32), name },
    ]),
  );
  const workers = new Map<string, StandInWorker>();
  const buckets = new Set(options.buckets ?? []);
  const routes = new Map<string, { pattern: string; script: string; zoneId: string }>();
  const calls: string[] = [];
  const deleted: string[] = [];
  /** Asset upload sessions: the jwt handed out, and what it still waits for. */
  const sessions = new Map<string, { worker: string; byHash: Map<string, string[]> }>();
  const pendingAssets = new Map<string, Map<string, Buffer>>();

  const domains = new Map<string, { hostname: string; script: string; zoneId: string }>();
  const zoneOf = (host: string) =>
    [...zones.values()].find((z) => host === z.name || host.endsWith(`.${z.name}`));
  const workerOf = (name: string): StandInWorker => {
    let worker = workers.get(name);
    if (!worker) {
      worker = {
        name,
        uploads: [],
        assets: new Map(),
        workersDev: false,
        previewUrls: false,
        crons: [],
        secrets: new Map(),
        tags: [],
      };
      workers.set(name, worker);
    }
    return worker;
  };
  const noWorker = (name: string) =>
    error(404, 10007, `This Worker does not exist on your account (${name}).`);

  /** A version uploaded but not deployed yet (`POST …/versions`), by id. */
  const versions = new Map<
    string,
    { name: string; upload: WorkerUpload; assets?: Map<string, Buffer> }
  >();

  async function upload(
    name: string,
    request: IncomingMessage,
    body: Buffer,
    as: 'deployment' | 'version' = 'deployment',
  ): Promise<Envelope> {
    const form = await formOf(request, body);
    const metadataPart = form.get('metadata');
    if (metadataPart === null) return error(400, 10021, 'the upload has no metadata part');
    const metadata = JSON.parse(
      typeof metadataPart === 'string' ? metadataPart : await metadataPart.text(),
    ) as WorkerUpload['metadata'];
    const modules: UploadedModule[] = [];
    for (const [field, value] of form.entries()) {
      if (field === 'metadata' || typeof value === 'string') continue;
      modules.push({
        name: value.name || field,
        contentType: value.type,
        content: Buffer.from(await value.arrayBuffer()),
      });
    }
    if (metadata.main_module && !modules.some((m) => m.name === metadata.main_module)) {
      return error(400, 10021, `main_module ${metadata.main_module} is not in the upload`);
    }
    const assetsJwt = metadata.assets?.jwt;
    const completed = assetsJwt ? pendingAssets.get(assetsJwt) : undefined;
    if (assetsJwt && !completed) {
      return error(400, 10021, 'the assets jwt is unknown or incomplete');
    }
    const message = metadata.annotations?.['workers/message'];
    if (as === 'version') {
      const id = randomUUID();
      versions.set(id, { name, upload: { metadata, modules, message }, assets: completed });
      return ok({
        id,
        number: versions.size,
        metadata: { has_preview: false, source: 'wrangler' },
        annotations: message ? { 'workers/message': message } : {},
        resources: {
          script: {
            etag: createHash('sha256').update(id).digest('hex'),
            handlers: ['fetch', 'scheduled'],
          },
          bindings: metadata.bindings ?? [],
        },
        startup_time_ms: 10,
      });
    }
    return activate(name, { metadata, modules, message }, completed);
  }

  /** Makes an upload the Worker's deployed version: its assets, secrets and message. */
  function activate(name: string, uploaded: WorkerUpload, assets?: Map<string, Buffer>): Envelope {
    const { metadata } = uploaded;
    for (const binding of metadata.bindings ?? []) {
      // As Cloudflare refuses it: a Worker cannot be bound to a bucket the account lacks.
      if (binding.type === 'r2_bucket' && !buckets.has(String(binding.bucket_name))) {
        return error(
          400,
          10085,
          `R2 bucket '${String(binding.bucket_name)}' not found. Please use a different name and try again.`,
        );
      }
      if (binding.type === 'service' && !workers.has(String(binding.service))) {
        return error(
          400,
          10143,
          `Uncaught Error: service binding '${binding.name}' references Worker '${String(binding.service)}' which was not found.`,
        );
      }
    }
    const worker = workerOf(name);
    if (assets) worker.assets = assets;
    const kept = new Set(metadata.keep_bindings ?? []);
    if (!kept.has('secret_text')) {
      for (const secret of worker.secrets.keys()) {
        if (!metadata.bindings?.some((b) => b.name === secret)) worker.secrets.delete(secret);
      }
    }
    for (const binding of metadata.bindings ?? []) {
      if (binding.type === 'secret_text' && typeof binding.text === 'string') {
        worker.secrets.set(binding.name, binding.text);
      }
    }
    worker.uploads.push(uploaded);
    return ok({
      ...workerSummary(worker),
      startup_time_ms: 10,
      deployment_id: randomUUID(),
      placement_mode: undefined,
    });
  }

  async function assetsSession(name: string, body: Buffer): Promise<Envelope> {
    const { manifest } = JSON.parse(body.toString('utf8')) as {
      manifest: Record<string, { hash: string; size: number }>;
    };
    const byHash = new Map<string, string[]>();
    for (const [path, entry] of Object.entries(manifest)) {
      byHash.set(entry.hash, [...(byHash.get(entry.hash) ?? []), path]);
    }
    const token = jwt({ worker: name, session: randomUUID() });
    sessions.set(token, { worker: name, byHash });
    pendingAssets.set(token, new Map());
    if (byHash.size === 0) return ok({ jwt: token, buckets: [] });
    return ok({ jwt: token, buckets: [[...byHash.keys()]] });
  }

  async function assetsUpload(request: IncomingMessage, body: Buffer): Promise<Envelope> {
    const token = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
    const session = sessions.get(token);
    if (!session) return error(401, 10001, 'the upload session jwt is not valid');
    const form = await formOf(request, body);
    const files = new Map<string, Buffer>();
    for (const [hash, value] of form.entries()) {
      const text = typeof value === 'string' ? value : await value.text();
      files.set(hash, Buffer.from(text, 'base64'));
    }
    const completion = jwt({ worker: session.worker, completed: true });
    const assets = new Map<string, Buffer>();
    for (const [hash, content] of files) {
      for (const path of session.byHash.get(hash) ?? []) assets.set(path, content);
      session.byHash.delete(hash);
    }
    const previous = pendingAssets.get(token) ?? new Map();
    for (const [path, content] of assets) previous.set(path, content);
    if (session.byHash.size > 0) return ok({ jwt: undefined }, 202);
    pendingAssets.set(completion, previous);
    return ok({ jwt: completion }, 201);
  }

  async function route(request: IncomingMessage, path: string, body: Buffer): Promise<Envelope> {
    const method = request.method ?? 'GET';
    const accounts = `/accounts/${accountId}`;
    const segments = path.split('/').filter(Boolean);
    if (method === 'POST' && path === `${accounts}/workers/assets/upload`) {
      return assetsUpload(request, body);
    }
    if (request.headers.authorization !== `Bearer ${apiToken}`) {
      return error(401, 10000, 'Authentication error');
    }
    if (path === '/user/tokens/verify') return ok({ id: 'token', status: 'active' });
    if (method === 'GET' && path === '/zones') {
      const name = new URL(`http://x${request.url}`).searchParams.get('name');
      const zone = name ? zones.get(name) : undefined;
      return ok(zone ? [{ ...zone, account: { id: accountId } }] : []);
    }
    if (segments[0] === 'zones' && segments[2] === 'workers' && segments[3] === 'routes') {
      const zoneId = segments[1] ?? '';
      if (method === 'GET') {
        return ok(
          [...routes.entries()]
            .filter(([, r]) => r.zoneId === zoneId)
            .map(([pattern, r]) => ({ id: pattern, pattern, script: r.script })),
        );
      }
      if (method === 'POST') {
        const { pattern, script } = JSON.parse(body.toString('utf8')) as {
          pattern: string;
          script: string;
        };
        routes.set(pattern, { pattern, script, zoneId });
        return ok({ id: pattern });
      }
    }
    if (!path.startsWith(`${accounts}/`)) return error(404, 7003, `No route for ${path}`);
    if (method === 'GET' && path === `${accounts}/workers/subdomain`) return ok({ subdomain });
    if (segments[2] === 'r2' && segments[3] === 'buckets') {
      const bucket = (name: string) => ({ name, creation_date: '2026-12-01T00:00:00.000Z' });
      const name = segments[4];
      if (!name && method === 'GET') return ok({ buckets: [...buckets].map(bucket) });
      if (!name && method === 'POST') {
        const wanted = String((JSON.parse(body.toString('utf8')) as { name?: unknown }).name);
        if (!/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(wanted)) {
          return error(400, 10005, 'The specified bucket name is not valid.');
        }
        if (buckets.has(wanted)) {
          return error(
            409,
            10004,
            'The bucket you tried to create already exists, and you own it.',
          );
        }
        buckets.add(wanted);
        return ok(bucket(wanted));
      }
      if (name && segments.length === 5 && method === 'GET') {
        return buckets.has(name)
          ? ok(bucket(name))
          : error(404, 10006, 'The specified bucket does not exist.');
      }
    }

    const [, , kind, collection, name] = segments;
    const action = segments.length > 5 ? segments.slice(5).join('/') : undefined;
    if (kind !== 'workers' || !name) return error(404, 7003, `No route for ${method} ${path}`);
    if (collection === 'services' && action === undefined && method === 'GET') {
      const worker = workers.get(name);
      if (!worker || worker.uploads.length === 0) {
        return error(404, 10090, 'This Worker does not exist on your account.');
      }
      return ok({
        id: name,
        default_environment: { environment: 'production', script: workerSummary(worker) },
        created_on: new Date().toISOString(),
        modified_on: new Date().toISOString(),
      });
    }
    const worker = workers.get(name);
    const exists = worker !== undefined && worker.uploads.length > 0;
    if (collection === 'workers' && action === undefined) {
      // The newer Workers API: the Worker with its workers.dev settings.
      if (!exists) return noWorker(name);
      if (method === 'PATCH' || method === 'PUT') {
        const patch = JSON.parse(body.toString('utf8')) as {
          subdomain?: { enabled?: boolean; previews_enabled?: boolean };
        };
        if (patch.subdomain?.enabled !== undefined) worker.workersDev = patch.subdomain.enabled;
        if (patch.subdomain?.previews_enabled !== undefined) {
          worker.previewUrls = patch.subdomain.previews_enabled;
        }
      } else if (method !== 'GET') {
        return error(404, 7003, `No route for ${method} ${path}`);
      }
      return ok({
        id: name,
        name,
        subdomain: { enabled: worker.workersDev, previews_enabled: worker.previewUrls },
        tags: worker.tags,
      });
    }
    if (collection !== 'scripts') return error(404, 7003, `No route for ${method} ${path}`);
    switch (`${method} ${action ?? ''}`) {
      case 'PUT ':
        return upload(name, request, body);
      case 'DELETE ': {
        if (!exists) return noWorker(name);
        workers.delete(name);
        deleted.push(name);
        for (const [pattern, r] of routes) if (r.script === name) routes.delete(pattern);
        for (const [hostname, d] of domains) if (d.script === name) domains.delete(hostname);
        return ok(null);
      }
      case 'GET ':
        return exists ? ok(workerSummary(worker)) : noWorker(name);
      case 'GET settings':
        if (!exists) return noWorker(name);
        // With the bindings as deployed (a secret's name only), which wrangler reads to keep
        // a binding it would otherwise provision again.
        return ok({
          tags: worker.tags,
          logpush: false,
          tail_consumers: [],
          bindings: (worker.uploads.at(-1)?.metadata.bindings ?? []).map(({ text, ...binding }) =>
            binding.type === 'secret_text' ? binding : { ...binding, ...(text ? { text } : {}) },
          ),
        });
      case 'GET script-settings':
        if (!exists) return noWorker(name);
        return ok({ tags: worker.tags, logpush: false, tail_consumers: [] });
      case 'PATCH script-settings': {
        if (!exists) return noWorker(name);
        const patch = JSON.parse(body.toString('utf8')) as { tags?: string[] };
        if (patch.tags) worker.tags = patch.tags;
        return ok({ tags: worker.tags, logpush: false, tail_consumers: [] });
      }
      case 'POST assets-upload-session':
        return assetsSession(name, body);
      case 'GET secrets':
        if (!exists) return noWorker(name);
        return ok(
          [...worker.secrets.keys()].map((secret) => ({ name: secret, type: 'secret_text' })),
        );
      case 'GET subdomain':
        if (!exists) return noWorker(name);
        return ok({ enabled: worker.workersDev, previews_enabled: worker.previewUrls });
      case 'POST subdomain': {
        if (!exists) return noWorker(name);
        const wanted = JSON.parse(body.toString('utf8')) as {
          enabled: boolean;
          previews_enabled?: boolean;
        };
        worker.workersDev = wanted.enabled;
        worker.previewUrls = wanted.previews_enabled ?? wanted.enabled;
        return ok({ enabled: worker.workersDev, previews_enabled: worker.previewUrls });
      }
      case 'PUT schedules': {
        if (!exists) return noWorker(name);
        const schedules = JSON.parse(body.toString('utf8')) as { cron: string }[];
        worker.crons = schedules.map((s) => s.cron);
        return ok({ schedules });
      }
      case 'GET schedules':
        if (!exists) return noWorker(name);
        return ok({ schedules: worker.crons.map((cron) => ({ cron })) });
      case 'POST versions':
        if (!exists) return noWorker(name);
        return upload(name, request, body, 'version');
      case 'POST deployments': {
        if (!exists) return noWorker(name);
        const wanted = JSON.parse(body.toString('utf8')) as {
          versions: { version_id: string; percentage: number }[];
          annotations?: Record<string, string>;
        };
        const full = wanted.versions.find((v) => v.percentage === 100);
        const version = full ? versions.get(full.version_id) : undefined;
        if (!version || version.name !== name) {
          return error(400, 10214, 'the deployment names no uploaded version at 100%');
        }
        const message = wanted.annotations?.['workers/message'] ?? version.upload.message;
        const activated = activate(name, { ...version.upload, message }, version.assets);
        if (activated.errors) return activated;
        return ok({
          id: `deployment-${worker.uploads.length}`,
          source: 'wrangler',
          strategy: 'percentage',
          versions: wanted.versions,
          annotations: message ? { 'workers/message': message } : {},
        });
      }
      case 'GET deployments':
        return ok({
          deployments: exists
            ? worker.uploads
                .map((u, i) => ({
                  id: `deployment-${i + 1}`,
                  source: 'wrangler',
                  strategy: 'percentage',
                  author_email: 'ci@example.com',
                  created_on: new Date().toISOString(),
                  annotations: u.message ? { 'workers/message': u.message } : {},
                  versions: [{ version_id: `version-${i + 1}`, percentage: 100 }],
                }))
                .reverse()
            : [],
        });
      case 'PUT routes': {
        // Replaces the Worker's routes; each must fall in a zone of the account.
        if (!exists) return noWorker(name);
        const wanted = JSON.parse(body.toString('utf8')) as { pattern: string }[];
        const placed: { pattern: string; zoneId: string }[] = [];
        for (const { pattern } of wanted) {
          const zone = zoneOf(pattern.replace(/^\*?\.?/, '').split('/')[0] ?? '');
          if (!zone) return error(400, 10019, `No zone on this account holds ${pattern}`);
          placed.push({ pattern, zoneId: zone.id });
        }
        for (const [pattern, r] of routes) if (r.script === name) routes.delete(pattern);
        for (const { pattern, zoneId } of placed)
          routes.set(pattern, { pattern, script: name, zoneId });
        return ok(placed.map(({ pattern }) => ({ id: pattern, pattern, script: name })));
      }
      case 'POST domains/changeset': {
        if (!exists) return noWorker(name);
        const origins = JSON.parse(body.toString('utf8')) as { hostname: string }[];
        const added = origins.filter((o) => domains.get(o.hostname)?.script !== name);
        return ok({ added, removed: [], updated: [], conflicting: [] });
      }
      case 'PUT domains/records': {
        // Replaces the Worker's custom domains; each must be in a zone of the account.
        if (!exists) return noWorker(name);
        const { origins } = JSON.parse(body.toString('utf8')) as {
          origins: { hostname: string }[];
        };
        const placed: { hostname: string; zone: { id: string; name: string } }[] = [];
        for (const { hostname } of origins) {
          const zone = zoneOf(hostname);
          if (!zone) return error(400, 100117, `No zone on this account holds ${hostname}`);
          placed.push({ hostname, zone });
        }
        for (const [hostname, d] of domains) if (d.script === name) domains.delete(hostname);
        for (const { hostname, zone } of placed) {
          domains.set(hostname, { hostname, script: name, zoneId: zone.id });
        }
        return ok(
          placed.map(({ hostname, zone }) => ({
            id: hostname,
            hostname,
            service: name,
            environment: 'production',
            zone_id: zone.id,
            zone_name: zone.name,
          })),
        );
      }
      case 'GET routes':
        if (!exists) return noWorker(name);
        return ok(
          [...routes.values()]
            .filter((r) => r.script === name)
            .map((r) => ({ id: r.pattern, pattern: r.pattern, script: name })),
        );
      default:
        return error(404, 7003, `No route for ${method} ${path}`);
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const path = url.pathname.startsWith(base) ? url.pathname.slice(base.length) : url.pathname;
    calls.push(`${request.method} ${path}`);
    let answer: Envelope;
    try {
      answer = await route(request, path, await readBody(request, maxBodyBytes));
    } catch (cause) {
      answer = error(400, 10021, cause instanceof Error ? cause.message : String(cause));
    }
    const success = answer.errors === undefined;
    response.writeHead(answer.status, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        success,
        errors: answer.errors ?? [],
        messages: [],
        result: success ? (answer.result ?? null) : null,
      }),
    );
  }

  const server = createServer((request, response) => void handle(request, response));
  const { port, close } = await listenLocal(server);
  return {
    url: `http://127.0.0.1:${port}${base}`,
    apiToken,
    accountId,
    subdomain,
    workers,
    routes,
    domains,
    buckets,
    calls,
    deleted,
    close,
  };
}
