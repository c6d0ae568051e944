import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ChangePasswordForm } from '~/components/account/change-password-form';
import { DeleteAccountForm } from '~/components/account/delete-account-form';
import { getApi } from '~/server/api';
import { logOutEverywhereAction } from '../actions';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const me = await (await getApi()).account.me();
  if (!me) redirect('/login');
  return (
    <>
      <h1>Your account</h1>
      <p>
        Signed in as <strong>{me.email}</strong>
        {me.role === 'admin' ? ' (admin)' : ''}.
      </p>
      <form action="/logout" method="post">
        <button type="submit" className="button">
          Log out
        </button>
      </form>

      <section aria-labelledby="password-title" className="section">
        <h2 id="password-title">Password</h2>
        <ChangePasswordForm />
      </section>

      <section aria-labelledby="sessions-title" className="section">
        <h2 id="sessions-title">Sessions</h2>
        <p>Logged in on a shared or lost device? End every session, this one included.</p>
        <form action={logOutEverywhereAction}>
          <button type="submit" className="button button--secondary">
            Log out everywhere
          </button>
        </form>
      </section>

      <section aria-labelledby="data-title" className="section">
        <h2 id="data-title">Your data</h2>
        <p>
          <a href="/account-data" download>
            Download my data
          </a>{' '}
          (JSON: your account, sessions and the emails we sent you).
        </p>
        <h3>Delete my account</h3>
        <DeleteAccountForm />
      </section>
    </>
  );
}
