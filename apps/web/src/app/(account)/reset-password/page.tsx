import type { Metadata } from 'next';
import { ResetPasswordForm } from '~/components/account/token-forms';
import Link from '~/components/link';

export const metadata: Metadata = { title: 'Choose a new password' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <>
      <h1>Choose a new password</h1>
      {typeof token === 'string' && token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <p>
          This link is incomplete. Open the one in your email again, or{' '}
          <Link href="/forgot-password">ask for a new one</Link>.
        </p>
      )}
    </>
  );
}
