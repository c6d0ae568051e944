import { type Database, eq, products } from '@edgecart/db';
import type Argon2 from '@phi-ag/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAs } from '../testing/account-http.ts';
import { openTestShop } from '../testing/shop.ts';

let db: Database;
let close: () => Promise<void>;
let argon2: Argon2;

beforeAll(async () => {
  ({ db, close, argon2 } = await openTestShop());
});
afterAll(async () => {
  await close?.();
});

const as = (role: 'visitor' | 'admin') => browserAs(db, argon2, role);

const csvForm = (text: string, name = 'catalog.csv') => {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/csv' }), name);
  return form;
};

const HEADER = 'Handle,Title,Status,Variant SKU,Variant Price,Variant Inventory Qty';

describe('catalog imports over HTTP (multipart)', () => {
  it('checks a file first, applies it on request, and shows the product to shoppers', async () => {
    const file = csvForm(`${HEADER}\r\ncamp-chair,Camp Chair,active,CHAIR-1,35.00,8\r\n`);
    expect((await (await as('visitor')).call('admin.imports.check', file)).status).toBe(401);
    const admin = await as('admin');
    const checked = await admin.call('admin.imports.check', file);
    expect(checked.status).toBe(200);
    const { id, status } = (checked.body.result?.data?.json ?? {}) as {
      id: string;
      status: string;
    };
    expect(status).toBe('ready');
    expect(await db.$count(products, eq(products.slug, 'camp-chair'))).toBe(0);
    const shown = await admin.call('admin.imports.get', { id }, 'GET');
    expect(shown.body.result?.data?.json).toMatchObject({
      status: 'ready',
      total: 1,
      report: {
        create: 1,
        update: 0,
        problems: [],
        actions: [{ line: 2, handle: 'camp-chair', action: 'create' }],
      },
    });
    const applied = await admin.call('admin.imports.applyBatches', { id });
    expect(applied.body.result?.data?.json).toEqual({ applied: 1, total: 1, status: 'applied' });
    const product = await (await as('visitor')).call(
      'catalog.product',
      { slug: 'camp-chair' },
      'GET',
    );
    expect(product.status).toBe(200);
  });

  it('refuses a bad file with a report, and will not apply it', async () => {
    const admin = await as('admin');
    const checked = await admin.call(
      'admin.imports.check',
      csvForm(`${HEADER}\r\nbad-price,Bad,active,BAD-1,-4.00,1\r\n`),
    );
    const { id, status } = (checked.body.result?.data?.json ?? {}) as {
      id: string;
      status: string;
    };
    expect(status).toBe('refused');
    const refused = await admin.call('admin.imports.applyBatches', { id });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.json?.message).toMatch(/has problems/);
    expect((await admin.call('admin.imports.check', new FormData())).status).toBe(400);
    expect(await db.$count(products, eq(products.slug, 'bad-price'))).toBe(0);
  });
});
