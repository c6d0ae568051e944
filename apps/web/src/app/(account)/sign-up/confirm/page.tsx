import type { Metadata } from 'next';
import { ConfirmSignUpForm } from '~/components/account/token-forms';
import Link from '~/components/link';

export const metadata: Metadata = { title: 'Finish signing up' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConfirmSignUpPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <>
      <h1>Finish signing up</h1>
      {typeof token === 'string' && token ? (
        <ConfirmSignUpForm token={token} />
      ) : (
        <p>
          This link is incomplete. Open the one in your email again, or{' '}
          <Link href="/sign-up">sign up again</Link>.
        </p>
      )}
    </>
  );
}
