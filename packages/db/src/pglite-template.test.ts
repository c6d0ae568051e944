import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { migrations } from './migrations.generated.ts';
import { createPgliteDb } from './pglite.ts';
import { products } from './schema/index.ts';

const folder = join(tmpdir(), 'edgecart-pglite-templates');

describe('in-memory PGlite from the migrated template', () => {
  it('is fully migrated, and separate from the database the template came from', async () => {
    const first = await createPgliteDb({ seed: true });
    try {
      expect(readdirSync(folder).filter((name) => name.endsWith('.tar'))).toHaveLength(1);
      const second = await createPgliteDb();
      try {
        expect(await second.db.$count(sql`drizzle.__drizzle_migrations`)).toBe(migrations.length);
        // The template was left before the first database was seeded; rows never travel.
        expect(await second.db.$count(products)).toBe(0);
        expect(await first.db.$count(products)).toBeGreaterThan(0);
        await second.db.insert(products).values({ slug: 'only-here', title: 'Only here' });
        expect(await first.db.$count(products, sql`${products.slug} = 'only-here'`)).toBe(0);
      } finally {
        await second.close();
      }
    } finally {
      await first.close();
    }
  });
});
