/**
 * The few calls of Neon's API (v2) that the preview deploy makes, over fetch.
 * Neon answers 423 Locked while another operation runs on the project, so
 * those (and 429, 5xx and network failures) are retried.
 */
export interface NeonBranch {
  id: string;
  name: string;
  parent_id?: string | null;
  default: boolean;
}

export interface NeonApiOptions {
  apiKey: string;
  projectId: string;
  /** https://console.neon.tech/api/v2, or a stand-in's URL. */
  baseUrl: string;
  /** Tries per call; 10 by default. */
  tries?: number;
  retryDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export class NeonApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const retryable = (status: number) => status === 423 || status === 429 || status >= 500;

export function neonApi(options: NeonApiOptions) {
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const tries = options.tries ?? 10;
  const project = `${options.baseUrl.replace(/\/$/, '')}/projects/${encodeURIComponent(options.projectId)}`;

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let last = '';
    for (let attempt = 1; attempt <= tries; attempt++) {
      let response: Response;
      try {
        response = await fetch(`${project}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${options.apiKey}`,
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? null : JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        });
      } catch (error) {
        last = error instanceof Error ? error.message : String(error);
        if (attempt < tries) await sleep(options.retryDelayMs ?? 3_000);
        continue;
      }
      const text = await response.text();
      if (response.ok) return (text ? JSON.parse(text) : {}) as T;
      let message = text;
      try {
        message = (JSON.parse(text) as { message?: string }).message ?? text;
      } catch {}
      last = `${method} ${path.split('?')[0]} answered ${response.status}: ${message}`;
      if (!retryable(response.status)) throw new NeonApiError(response.status, last);
      if (attempt < tries) await sleep(options.retryDelayMs ?? 3_000);
    }
    throw new NeonApiError(0, `Neon API: ${last} (after ${tries} tries)`);
  }

  return {
    /** The branch with exactly this name, if any. */
    async findBranch(name: string): Promise<NeonBranch | undefined> {
      const { branches } = await call<{ branches: NeonBranch[] }>(
        'GET',
        `/branches?search=${encodeURIComponent(name)}`,
      );
      return branches.find((branch) => branch.name === name);
    },
    async createBranch(name: string, parentId: string): Promise<NeonBranch> {
      const { branch } = await call<{ branch: NeonBranch }>('POST', '/branches', {
        branch: { name, parent_id: parentId },
        endpoints: [{ type: 'read_write' }],
      });
      return branch;
    },
    /** Resets a branch to the head of its parent (Neon's "Reset from parent"). */
    async resetToParent(branch: NeonBranch): Promise<void> {
      if (!branch.parent_id) throw new Error(`Neon branch ${branch.name} has no parent`);
      await call('POST', `/branches/${encodeURIComponent(branch.id)}/restore`, {
        source_branch_id: branch.parent_id,
      });
    },
    async deleteBranch(id: string): Promise<void> {
      await call('DELETE', `/branches/${encodeURIComponent(id)}`);
    },
    async connectionUri(query: {
      branchId: string;
      database: string;
      role: string;
      pooled: boolean;
    }): Promise<string> {
      const params = new URLSearchParams({
        branch_id: query.branchId,
        database_name: query.database,
        role_name: query.role,
        pooled: String(query.pooled),
      });
      const { uri } = await call<{ uri: string }>('GET', `/connection_uri?${params}`);
      return uri;
    },
  };
}

export type NeonApi = ReturnType<typeof neonApi>;
