import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { getApi } from './api.ts';

/**
 * The tRPC caller for an admin page, once the visitor is known to be an admin:
 * a visitor is sent to log in, a customer gets the 404 page. Each page asks
 * for it itself, since a page renders alongside its layout, not after it.
 * The procedures check the role again.
 */
export async function getAdminApi() {
  const api = await getApi();
  const me = await api.account.me();
  if (!me) redirect('/login');
  if (me.role !== 'admin') notFound();
  return api;
}
