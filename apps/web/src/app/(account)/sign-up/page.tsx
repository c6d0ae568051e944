import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignUpForm } from '~/components/account/sign-up-form';
import Link from '~/components/link';
import { getApi } from '~/server/pages/api';

export const metadata: Metadata = { title: 'Sign up' };

export default async function SignUpPage() {
  if (await (await getApi()).account.me()) redirect('/account');
  return (
    <>
      <h1>Sign up</h1>
      <SignUpForm />
      <p>
        Already have an account? <Link href="/login">Log in</Link>.
      </p>
    </>
  );
}
