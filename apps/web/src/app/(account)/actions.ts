'use server';

import { redirect } from 'next/navigation';
import { type FormState, formText } from '~/lib/form-state';
import { getActionApi } from '~/server/pages/api';
import { formResult } from '~/server/pages/form-result';

export async function signUpAction(_: FormState, form: FormData): Promise<FormState> {
  const email = formText(form, 'email');
  return formResult(async () => {
    const { email: sentTo } = await (await getActionApi()).account.signUp({
      email,
      password: formText(form, 'password'),
    });
    return { status: 'done', email: sentTo };
  }, email);
}

export async function confirmSignUpAction(_: FormState, form: FormData): Promise<FormState> {
  const result = await formResult(async () => {
    await (await getActionApi()).account.confirmSignUp({ token: formText(form, 'token') });
    return { status: 'done' };
  });
  if (result.status === 'done') redirect('/account');
  return result;
}

export async function logInAction(_: FormState, form: FormData): Promise<FormState> {
  const email = formText(form, 'email');
  const result = await formResult(async () => {
    await (await getActionApi()).account.logIn({ email, password: formText(form, 'password') });
    return { status: 'done' };
  }, email);
  if (result.status === 'done') redirect('/account');
  return result;
}

export async function forgotPasswordAction(_: FormState, form: FormData): Promise<FormState> {
  const email = formText(form, 'email');
  return formResult(async () => {
    const { email: sentTo } = await (await getActionApi()).account.requestPasswordReset({ email });
    return { status: 'done', email: sentTo };
  }, email);
}

export async function resetPasswordAction(_: FormState, form: FormData): Promise<FormState> {
  const result = await formResult(async () => {
    await (await getActionApi()).account.resetPassword({
      token: formText(form, 'token'),
      password: formText(form, 'password'),
    });
    return { status: 'done' };
  });
  if (result.status === 'done') redirect('/account');
  return result;
}

export async function changePasswordAction(_: FormState, form: FormData): Promise<FormState> {
  return formResult(async () => {
    await (await getActionApi()).account.changePassword({
      currentPassword: formText(form, 'currentPassword'),
      newPassword: formText(form, 'newPassword'),
    });
    return { status: 'done', message: 'Your password is changed; every other session has ended.' };
  });
}

export async function logOutEverywhereAction(): Promise<void> {
  await (await getActionApi()).account.logOutEverywhere();
  redirect('/login');
}

export async function deleteAccountAction(_: FormState, form: FormData): Promise<FormState> {
  const result = await formResult(async () => {
    await (await getActionApi()).account.delete({ password: formText(form, 'password') });
    return { status: 'done' };
  });
  if (result.status === 'done') redirect('/');
  return result;
}
