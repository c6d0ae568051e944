import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import pg from 'pg';
import { listenLocal } from './listen-local.ts';

/** A branch as Neon's API describes it, plus the local database that holds it. */
export interface StandInBranch {
  id: string;
  project_id: string;
  parent_id: string | null;
  name: string;
  default: boolean;
  protected: boolean;
  current_state: 'ready';
  created_at: string;
  updated_at: string;
  /** The PostgreSQL database on the local server that is this branch's `neondb`. */
  localDatabase: string;
}

export interface NeonApiStandIn {
  /** For the scripts' NEON_API_BASE_URL (Neon's is https://console.neon.tech/api/v2). */
  url: string;
  apiKey: string;
  projectId: string;
  /** The logical database and role every branch has (`neondb`, `neondb_owner`). */
  database: string;
  role: string;
  branches: Map<string, StandInBranch>;
  /** Every request, in order: `METHOD /path`. */
  calls: string[];
  /** Creates a branch directly, as the console would (a seeded parent for previews). */
  createBranch: (name: string, parentName?: string) => Promise<StandInBranch>;
  /** A connection string to a branch's database, for a test to look inside. */
  urlOf: (branchName: string) => string;
  /** The next `times` mutating requests answer 423 Locked, as during another operation. */
  lockNext: (times: number) => void;
  close: () => Promise<void>;
}

export interface NeonApiStandInOptions {
  /** The local server the branches live on: its admin URL and a URL for any database. */
  postgres: { connectionString: string; urlFor: (database: string) => string };
  apiKey?: string;
  projectId?: string;
}

const base = '/api/v2';

interface Answer {
  status: number;
  body: unknown;
}

const fail = (status: number, message: string, code = ''): Answer => ({
  status,
  body: { code, message },
});

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/**
 * A local stand-in of the Neon API (v2) for the calls the deploy scripts make:
 * list branches (`search`), create a branch from a parent with a read-write
 * endpoint, reset a branch to its parent (`restore` with `source_branch_id`),
 * delete a branch, and `connection_uri`. Requests and replies have Neon's
 * shapes, errors its `{ code, message }` and 423 Locked while an operation
 * runs. Each branch is a real database on a local PostgreSQL server, copied
 * from its parent's with `CREATE DATABASE … TEMPLATE` (which closes the
 * parent's open sessions, where Neon's copy-on-write leaves them alone), so a
 * migration or a seed run against a branch really runs. Dev and tests only.
 */
export async function startNeonApiStandIn(options: NeonApiStandInOptions): Promise<NeonApiStandIn> {
  const apiKey = options.apiKey ?? `neon-local-${randomBytes(8).toString('hex')}`;
  const projectId = options.projectId ?? 'local-project-123456';
  const database = 'neondb';
  const role = 'neondb_owner';
  const branches = new Map<string, StandInBranch>();
  const calls: string[] = [];
  let locked = 0;
  const admin = new pg.Client({ connectionString: options.postgres.connectionString });
  await admin.connect();
  // One operation at a time, as Neon runs them per project.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => {});
    return next;
  };

  async function copyDatabase(from: string | null, to: string) {
    if (from) {
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [from],
      );
      await admin.query(`CREATE DATABASE ${quote(to)} TEMPLATE ${quote(from)}`);
    } else {
      await admin.query(`CREATE DATABASE ${quote(to)}`);
    }
  }

  async function create(name: string, parent: StandInBranch | null): Promise<StandInBranch> {
    const id = `br-${randomBytes(6).toString('hex')}`;
    const now = new Date().toISOString();
    const branch: StandInBranch = {
      id,
      project_id: projectId,
      parent_id: parent?.id ?? null,
      name,
      default: parent === null,
      protected: false,
      current_state: 'ready',
      created_at: now,
      updated_at: now,
      localDatabase: `neon_${id.replaceAll('-', '_')}`,
    };
    await copyDatabase(parent?.localDatabase ?? null, branch.localDatabase);
    branches.set(id, branch);
    return branch;
  }

  const root = await create('main', null);
  const byName = (name: string) => [...branches.values()].find((b) => b.name === name);
  const publicBranch = ({ localDatabase: _, ...branch }: StandInBranch) => branch;
  const operation = (branch: StandInBranch, action: string) => ({
    id: randomUUID(),
    project_id: projectId,
    branch_id: branch.id,
    action,
    status: 'finished',
    failures_count: 0,
    created_at: new Date().toISOString(),
    updated_at: new Date().toISOString(),
  });

  async function route(request: IncomingMessage, url: URL): Promise<Answer> {
    if (request.headers.authorization !== `Bearer ${apiKey}`) {
      return fail(401, 'authentication required');
    }
    const path = url.pathname.slice(base.length);
    const project = `/projects/${projectId}`;
    if (!path.startsWith(project)) return fail(404, 'project not found');
    const rest = path.slice(project.length);
    const method = request.method ?? 'GET';
    if (method !== 'GET' && locked > 0) {
      locked -= 1;
      return fail(
        423,
        'project already has running conflicting operations, scheduling of new ones is prohibited',
      );
    }
    if (method === 'GET' && rest === '/branches') {
      const search = url.searchParams.get('search') ?? '';
      const found = [...branches.values()].filter(
        (b) => b.name.includes(search) || b.id.includes(search),
      );
      return { status: 200, body: { branches: found.map(publicBranch), annotations: {} } };
    }
    if (method === 'POST' && rest === '/branches') {
      const body = await readJson(request);
      const wanted = (body.branch ?? {}) as { name?: string; parent_id?: string };
      const parent = wanted.parent_id ? branches.get(wanted.parent_id) : root;
      if (!parent) return fail(404, `branch ${wanted.parent_id} not found`);
      const name = wanted.name ?? `br-${randomBytes(4).toString('hex')}`;
      if (byName(name)) return fail(409, `branch with name ${name} already exists`);
      const branch = await serially(() => create(name, parent));
      const endpoints = Array.isArray(body.endpoints) ? body.endpoints : [];
      return {
        status: 201,
        body: {
          branch: publicBranch(branch),
          endpoints: endpoints.map(() => ({
            id: `ep-${randomBytes(6).toString('hex')}`,
            branch_id: branch.id,
            type: 'read_write',
            current_state: 'idle',
          })),
          operations: [operation(branch, 'create_branch')],
          roles: [{ branch_id: branch.id, name: role }],
          databases: [{ branch_id: branch.id, name: database, owner_name: role }],
        },
      };
    }
    if (method === 'GET' && rest === '/connection_uri') {
      const branch = branches.get(url.searchParams.get('branch_id') ?? '') ?? root;
      if (url.searchParams.get('database_name') !== database) {
        return fail(404, `database ${url.searchParams.get('database_name')} not found`);
      }
      if (url.searchParams.get('role_name') !== role) {
        return fail(404, `role ${url.searchParams.get('role_name')} not found`);
      }
      return { status: 200, body: { uri: options.postgres.urlFor(branch.localDatabase) } };
    }
    const match = /^\/branches\/([\w-]+)(\/restore)?$/.exec(rest);
    const branch = match ? branches.get(match[1] ?? '') : undefined;
    if (match && !branch) return fail(404, `branch ${match[1]} not found`);
    if (branch && method === 'GET' && !match?.[2]) {
      return { status: 200, body: { branch: publicBranch(branch) } };
    }
    if (branch && method === 'DELETE' && !match?.[2]) {
      if (branch.default) return fail(400, 'cannot delete the default branch');
      if ([...branches.values()].some((b) => b.parent_id === branch.id)) {
        return fail(400, 'cannot delete a branch that has children');
      }
      await serially(() =>
        admin.query(`DROP DATABASE IF EXISTS ${quote(branch.localDatabase)} WITH (FORCE)`),
      );
      branches.delete(branch.id);
      return {
        status: 200,
        body: { branch: publicBranch(branch), operations: [operation(branch, 'delete_timeline')] },
      };
    }
    if (branch && method === 'POST' && match?.[2]) {
      const body = await readJson(request);
      const source = branches.get(String(body.source_branch_id ?? ''));
      if (!source) return fail(400, 'source_branch_id is required and must name a branch');
      if (source.id !== branch.parent_id) {
        return fail(400, 'this stand-in restores a branch only to the head of its parent');
      }
      await serially(async () => {
        await admin.query(`DROP DATABASE IF EXISTS ${quote(branch.localDatabase)} WITH (FORCE)`);
        await copyDatabase(source.localDatabase, branch.localDatabase);
      });
      branch.updated_at = new Date().toISOString();
      return {
        status: 200,
        body: { branch: publicBranch(branch), operations: [operation(branch, 'restore_branch')] },
      };
    }
    return fail(404, `no route for ${method} ${path}`);
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    calls.push(`${request.method} ${url.pathname.slice(base.length)}`);
    let answer: Answer;
    try {
      answer = await route(request, url);
    } catch (cause) {
      answer = fail(500, cause instanceof Error ? cause.message : String(cause));
    }
    response.writeHead(answer.status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(answer.body));
  }

  const server = createServer((request, response) => void handle(request, response));
  const listening = await listenLocal(server);
  const { port } = listening;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    apiKey,
    projectId,
    database,
    role,
    branches,
    calls,
    createBranch: (name, parentName) =>
      serially(() => create(name, parentName ? (byName(parentName) ?? root) : root)),
    urlOf: (branchName) => {
      const branch = byName(branchName);
      if (!branch) throw new Error(`no branch ${branchName}`);
      return options.postgres.urlFor(branch.localDatabase);
    },
    lockNext: (times) => {
      locked = times;
    },
    close: async () => {
      await listening.close();
      await admin.end();
    },
  };
}
