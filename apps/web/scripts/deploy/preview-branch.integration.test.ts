import {
  type LocalPostgres,
  type NeonApiStandIn,
  startNeonApiStandIn,
  startPostgres,
} from '@edgecart/dev-services';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { type NeonApi, NeonApiError, neonApi } from './neon-api.ts';
import { preparePreviewBranch, removePreviewBranch } from './preview-branch.ts';

let postgres: LocalPostgres;
let standIn: NeonApiStandIn;
let neon: NeonApi;
const sleeps: number[] = [];
const lines: string[] = [];
const log = (line: string) => lines.push(line);

async function sql(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

const wanted = {
  name: 'preview/pr-3',
  parentName: 'preview-seed',
  database: 'neondb',
  role: 'neondb_owner',
};

beforeAll(async () => {
  postgres = await startPostgres();
  standIn = await startNeonApiStandIn({ postgres });
  await standIn.createBranch('preview-seed', 'main');
  await standIn.createBranch('other-parent', 'main');
  await sql(
    standIn.urlOf('preview-seed'),
    'CREATE TABLE seeded (id int); INSERT INTO seeded VALUES (1)',
  );
  neon = neonApi({
    apiKey: standIn.apiKey,
    projectId: standIn.projectId,
    baseUrl: standIn.url,
    retryDelayMs: 1_000,
    sleep: async (ms) => void sleeps.push(ms),
  });
});

afterAll(async () => {
  await standIn?.close();
  postgres?.stop();
});

beforeEach(() => {
  sleeps.length = 0;
  lines.length = 0;
});

test("the first push makes the branch from the parent, with the parent's data", async () => {
  const made = await preparePreviewBranch(neon, wanted, log);
  expect(made.action).toBe('created');
  const parent = [...standIn.branches.values()].find((b) => b.name === 'preview-seed');
  expect(made.branch.parent_id).toBe(parent?.id);
  expect(made.direct).toBe(standIn.urlOf('preview/pr-3'));
  expect(await sql(made.direct, 'SELECT id FROM seeded')).toEqual([{ id: 1 }]);
  expect(lines).toEqual(['Neon branch preview/pr-3: created from preview-seed.']);
});

test('the next push resets it to the head of its parent, dropping what the last one left', async () => {
  const url = standIn.urlOf('preview/pr-3');
  await sql(url, 'CREATE TABLE from_an_old_migration (id int)');
  await sql(standIn.urlOf('preview-seed'), 'INSERT INTO seeded VALUES (2)');
  const before = [...standIn.branches.values()].find((b) => b.name === 'preview/pr-3');
  const reset = await preparePreviewBranch(neon, wanted, log);
  expect(reset.action).toBe('reset');
  expect(reset.branch.id).toBe(before?.id);
  expect(await sql(url, "SELECT to_regclass('from_an_old_migration') AS t")).toEqual([{ t: null }]);
  expect(await sql(url, 'SELECT id FROM seeded ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }]);
});

test('a branch made from another parent is replaced', async () => {
  const stray = await standIn.createBranch('preview/pr-4', 'other-parent');
  const replaced = await preparePreviewBranch(neon, { ...wanted, name: 'preview/pr-4' }, log);
  expect(replaced.action).toBe('replaced');
  expect(replaced.branch.id).not.toBe(stray.id);
  expect(lines[0]).toBe('Deleted preview/pr-4: it was not a branch of preview-seed.');
});

test("the project's default branch is refused as the parent: previews never copy production", async () => {
  await expect(preparePreviewBranch(neon, { ...wanted, parentName: 'main' }, log)).rejects.toThrow(
    /default \(production\) branch/,
  );
  await expect(
    preparePreviewBranch(neon, { ...wanted, parentName: 'no-such-branch' }, log),
  ).rejects.toThrow(/not found/);
});

test('423 Locked while another operation runs is retried; other errors are not', async () => {
  standIn.lockNext(2);
  const again = await preparePreviewBranch(neon, wanted, log);
  expect(again.action).toBe('reset');
  expect(sleeps).toEqual([1_000, 1_000]);

  const wrongKey = neonApi({ apiKey: 'nope', projectId: standIn.projectId, baseUrl: standIn.url });
  await expect(wrongKey.findBranch('main')).rejects.toBeInstanceOf(NeonApiError);
});

test('closing deletes the branch, and finding none is not a failure', async () => {
  expect(await removePreviewBranch(neon, 'preview/pr-3', log)).toBe(true);
  expect(await removePreviewBranch(neon, 'preview/pr-3', log)).toBe(false);
  expect([...standIn.branches.values()].some((b) => b.name === 'preview/pr-3')).toBe(false);
  expect(lines.at(-1)).toBe('No Neon branch preview/pr-3 to delete.');
});
