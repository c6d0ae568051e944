import type { Metadata } from 'next';
import { ForgotPasswordForm } from '~/components/account/forgot-password-form';

export const metadata: Metadata = { title: 'Forgot password' };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1>Forgot your password?</h1>
      <p>Enter your email and we will send you a link to choose a new one.</p>
      <ForgotPasswordForm />
    </>
  );
}
