'use client';

import { useActionState } from 'react';
import { logInAction } from '~/app/(account)/actions';
import { idle } from '~/lib/form-state';
import { Field, FormMessage } from './field.tsx';

export function LogInForm() {
  const [state, action, pending] = useActionState(logInAction, idle);
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
        autoComplete="current-password"
        state={state}
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Logging in…' : 'Log in'}
      </button>
    </form>
  );
}
