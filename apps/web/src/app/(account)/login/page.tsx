import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LogInForm } from '~/components/account/log-in-form';
import Link from '~/components/link';
import { getApi } from '~/server/pages/api';

export const metadata: Metadata = { title: 'Log in' };

export default async function LogInPage() {
  if (await (await getApi()).account.me()) redirect('/account');
  return (
    <>
      <h1>Log in</h1>
      <LogInForm />
      <p>
        New here? <Link href="/sign-up">Sign up</Link>. Forgot your password?{' '}
        <Link href="/forgot-password">Choose a new one</Link>.
      </p>
    </>
  );
}
