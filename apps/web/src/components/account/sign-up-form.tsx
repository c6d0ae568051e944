'use client';

import { useActionState } from 'react';
import { signUpAction } from '~/app/(account)/actions';
import { idle } from '~/lib/form-state';
import { Field, FormMessage } from './field.tsx';

export function SignUpForm() {
  const [state, action, pending] = useActionState(signUpAction, idle);
  if (state.status === 'done') {
    return (
      <div role="status" className="account-done">
        <h2>Check your email</h2>
        <p>
          We sent a link to <strong>{state.email}</strong>. Open it within an hour to finish signing
          up. If the address already has an account, the email says so instead.
        </p>
      </div>
    );
  }
  return (
    <form action={action} className="account-form" noValidate>
      <FormMessage state={state} fields={['email', 'password']} />
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        state={state}
        defaultValue={state.email}
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        state={state}
        hint="At least 8 characters; a few unrelated words work well."
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Signing up…' : 'Sign up'}
      </button>
    </form>
  );
}
