import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devServicesEnv } from './env.ts';
import { freePort } from './free-port.ts';

export interface LocalPostgres {
  /** A `postgres://` URL with a password (SCRAM), for the `postgres` database. */
  connectionString: string;
  host: string;
  port: number;
  /** A URL for another database on the same server. */
  urlFor: (database: string) => string;
  /** Stops the server but keeps its data, as an outage would; `resume` starts it again. */
  pause: () => void;
  resume: () => void;
  stop: () => void;
}

export interface PostgresOptions {
  port?: number;
  /** Folder with initdb, pg_ctl and postgres; found under /usr/lib/postgresql when unset. */
  binDir?: string | undefined;
}

const PASSWORD = 'edgecart';
/**
 * The server asks for the password itself (over loopback), as Neon's proxy does
 * of the serverless driver, and checks it against its SCRAM-SHA-256 hash. With
 * `scram-sha-256` the driver would run the SCRAM exchange in JavaScript: about
 * 150 ms of CPU for each connection, which is each transaction of the Worker.
 */
const AUTH = 'password';

export function findPostgresBinDir(binDir?: string): string {
  if (binDir) return binDir;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (!newest) {
    throw new Error(
      'PostgreSQL server binaries were not found under /usr/lib/postgresql/*/bin. ' +
        'Install them (Debian: apt-get install postgresql) or set PG_BIN_DIR.',
    );
  }
  return join(root, newest, 'bin');
}

/** PostgreSQL refuses to run as root; run its tools as the `postgres` user then. */
function run(bin: string, args: string[], asPostgres: boolean): void {
  const [cmd, argv] = asPostgres
    ? ['runuser', ['-u', 'postgres', '--', bin, ...args]]
    : [bin, args];
  const result = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${bin} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  }
}

function postgresUid(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/**
 * initdb takes about a second of CPU; a copy of its output takes a tenth of
 * that. The first server on a machine leaves a copy of its fresh data folder
 * (named after the binaries it came from) and the next ones start from it.
 * Copied with `cp -a`, which keeps the `postgres` user as the owner.
 */
function initDataDir(bin: string, dataDir: string, pwFile: string, asPostgres: boolean): void {
  const key = createHash('sha256').update(`${bin}:${PASSWORD}:${AUTH}:${asPostgres}`).digest('hex');
  const template = join(tmpdir(), `edgecart-pg-template-${key.slice(0, 16)}`);
  if (existsSync(template) && spawnSync('cp', ['-a', template, dataDir]).status === 0) return;
  rmSync(dataDir, { recursive: true, force: true });
  run(
    join(bin, 'initdb'),
    ['-D', dataDir, '-U', 'postgres', `--auth=${AUTH}`, `--pwfile=${pwFile}`, '-E', 'UTF8'],
    asPostgres,
  );
  // Copied under a name of its own, then renamed: another process never sees half a template.
  const partial = `${template}.${process.pid}.partial`;
  if (spawnSync('cp', ['-a', dataDir, partial]).status !== 0) return;
  try {
    renameSync(partial, template);
  } catch {
    // Another process left its template first.
  }
  rmSync(partial, { recursive: true, force: true });
}

const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/**
 * pg_ctl leaves the server running on its own: if this process dies without
 * calling `stop` (a runner killed it after another task failed, a Ctrl-C),
 * this watchdog, a shell in a process group of its own, stops the server and
 * removes its folder once this process is gone. `stop` kills it first.
 */
function watchOwner(dir: string, dataDir: string, bin: string, asPostgres: boolean) {
  const pgCtl = `${asPostgres ? 'runuser -u postgres -- ' : ''}${quote(join(bin, 'pg_ctl'))}`;
  const script = [
    `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done`,
    `${pgCtl} -D ${quote(dataDir)} -m immediate -w stop >/dev/null 2>&1`,
    `rm -rf ${quote(dir)}`,
  ].join('; ');
  const watchdog = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  watchdog.unref();
  return watchdog;
}

/**
 * Starts a throwaway PostgreSQL server on loopback with password
 * authentication (see AUTH): the real server that integration tests reach through the
 * Neon driver and the WebSocket proxy. Takes about a second. Each caller
 * gets a server of its own, which it may pause and stop.
 */
export async function startPostgres(options: PostgresOptions = {}): Promise<LocalPostgres> {
  const bin = findPostgresBinDir(options.binDir ?? devServicesEnv.PG_BIN_DIR);
  const port = options.port ?? (await freePort());
  const asPostgres = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'edgecart-pg-'));
  const dataDir = join(dir, 'data');
  const pwFile = join(dir, 'pw');
  writeFileSync(pwFile, PASSWORD);
  if (asPostgres) {
    const { uid, gid } = postgresUid();
    chownSync(dir, uid, gid);
    chownSync(pwFile, uid, gid);
  }
  initDataDir(bin, dataDir, pwFile, asPostgres);
  const serverOptions = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const start = () =>
    run(
      join(bin, 'pg_ctl'),
      ['-D', dataDir, '-o', serverOptions, '-l', join(dir, 'log'), '-w', 'start'],
      asPostgres,
    );
  start();
  let running = true;
  const halt = () =>
    run(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], asPostgres);
  const watchdog = watchOwner(dir, dataDir, bin, asPostgres);
  const urlFor = (database: string) =>
    `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`;
  let stopped = false;
  return {
    connectionString: urlFor('postgres'),
    host: '127.0.0.1',
    port,
    urlFor,
    pause: () => {
      halt();
      running = false;
    },
    resume: () => {
      start();
      running = true;
    },
    stop: () => {
      if (stopped) return;
      stopped = true;
      watchdog.kill();
      try {
        if (running) halt();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
