import type { Metadata } from 'next';
import { applyImportAction } from '~/app/admin/actions';
import { ContinueImport } from '~/components/admin/continue-import';
import Link from '~/components/link';
import { getAdminApi } from '~/server/pages/admin-api';
import { orNotFound } from '~/server/pages/not-found';

export const metadata: Metadata = { title: 'Import' };

/** Rows of the report shown on the page; the rest are counted. */
const SHOWN = 200;

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const item = await orNotFound((await getAdminApi()).admin.imports.get({ id }));
  const { report } = item;
  return (
    <>
      <h1>Import of {item.fileName}</h1>
      <p>
        <Link href="/admin/products/import">All imports</Link>
      </p>
      <dl className="admin-facts">
        <dt>Rows</dt>
        <dd>{report.rows}</dd>
        <dt>Products</dt>
        <dd>
          {report.products} ({report.create} new, {report.update} to update)
        </dd>
        <dt>Variants</dt>
        <dd>{report.variants}</dd>
      </dl>

      {item.status === 'refused' ? (
        <section aria-labelledby="problems-title" className="section">
          <h2 id="problems-title">
            {report.problems.length} {report.problems.length === 1 ? 'problem' : 'problems'}:
            nothing was changed
          </h2>
          <p>Correct the file and upload it again.</p>
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.slice(0, SHOWN).map((p) => (
                <tr key={`${p.line}-${p.column}-${p.message}`}>
                  <td>{p.line}</td>
                  <td>{p.column ?? '—'}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {item.status === 'ready' ? (
        <form action={applyImportAction} className="section">
          <input type="hidden" name="id" value={item.id} />
          <p role="status" className="notice">
            The file is fine: nothing has changed yet.
          </p>
          <button type="submit" className="button">
            Apply: create {report.create} and update {report.update}
          </button>
        </form>
      ) : null}

      {item.status === 'applying' ? (
        <section aria-labelledby="progress-title" className="section">
          <h2 id="progress-title">Applying</h2>
          <progress value={item.applied} max={item.total} aria-describedby="progress-text" />
          <p id="progress-text" role="status">
            {item.applied} of {item.total} products applied.
          </p>
          <ContinueImport id={item.id} action={applyImportAction} />
        </section>
      ) : null}

      {item.status === 'applied' ? (
        <p role="status" className="notice">
          Applied: {item.total} products created or updated.{' '}
          <Link href="/admin/products">See the products</Link>
        </p>
      ) : null}

      {report.warnings.length > 0 ? (
        <section aria-labelledby="warnings-title" className="section">
          <h2 id="warnings-title">Images left out</h2>
          <ul>
            {report.warnings.slice(0, SHOWN).map((w) => (
              <li key={`${w.line}-${w.message}`}>
                Line {w.line}: {w.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {item.status !== 'refused' ? (
        <section aria-labelledby="actions-title" className="section">
          <h2 id="actions-title">Products in the file</h2>
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Handle</th>
                <th scope="col">{item.status === 'applied' ? 'Done' : 'Will be'}</th>
              </tr>
            </thead>
            <tbody>
              {report.actions.slice(0, SHOWN).map((a) => (
                <tr key={a.handle}>
                  <td>{a.line}</td>
                  <td>{a.handle}</td>
                  <td>{a.action === 'create' ? 'created' : 'updated'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.actions.length > SHOWN ? <p>…and {report.products - SHOWN} more.</p> : null}
        </section>
      ) : null}
    </>
  );
}
