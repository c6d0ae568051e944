import type { Metadata } from 'next';
import Link from '~/components/link';
import { getAdminApi } from '~/server/pages/admin-api';

export const metadata: Metadata = { title: 'Import products' };

const statusText = {
  ready: 'Checked: ready to apply',
  refused: 'Refused: the file has problems',
  applying: 'Applying',
  applied: 'Applied',
} as const;

export default async function ImportProductsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const imports = await (await getAdminApi()).admin.imports.list();
  const refused = (await searchParams).error === '1';
  return (
    <>
      <h1>Import products</h1>
      <p className="section__lead">
        A CSV in Shopify’s product layout: Shopify’s own export, or Edgecart’s (
        <a href="/admin/products/export.csv" download>
          export the catalog
        </a>
        , edit it in a spreadsheet, import it back). Products are matched by handle and variants by
        SKU: what exists is updated, what is new is created, nothing is deleted. The file is checked
        first; nothing changes until you apply it.
      </p>
      <form
        action="/admin/products/import/check"
        method="post"
        encType="multipart/form-data"
        className="admin-form"
      >
        <div className="field">
          <label htmlFor="file">CSV file (UTF-8, up to 8 MB and 20,000 rows)</label>
          <input
            id="file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-describedby={refused ? 'file-error' : undefined}
          />
          {refused ? (
            <p id="file-error" className="field__error" role="alert">
              Choose a CSV file of at most 8 MB.
            </p>
          ) : null}
        </div>
        <button type="submit" className="button">
          Check the file
        </button>
      </form>

      <section aria-labelledby="recent-title" className="section">
        <h2 id="recent-title">Recent imports</h2>
        {imports.length === 0 ? (
          <p>No imports yet.</p>
        ) : (
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Status</th>
                <th scope="col">Products</th>
                <th scope="col">Checked</th>
              </tr>
            </thead>
            <tbody>
              {imports.map((i) => (
                <tr key={i.id}>
                  <td>
                    <Link href={`/admin/products/import/${i.id}`}>{i.fileName}</Link>
                  </td>
                  <td>{statusText[i.status]}</td>
                  <td>{i.status === 'refused' ? '—' : `${i.applied} of ${i.total}`}</td>
                  <td>{i.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
