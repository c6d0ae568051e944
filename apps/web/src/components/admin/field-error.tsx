import type { FormState } from '~/lib/form-state';

/** The answer's message when it names this field, else nothing. */
export function errorFor(state: FormState, name: string): string | undefined {
  return state.status === 'error' && state.field === name ? state.message : undefined;
}

/** The props that tie an input to its error message, for screen readers too. */
export function invalidProps(state: FormState, name: string) {
  const error = errorFor(state, name);
  return {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${name}-error` : undefined,
  } as const;
}

export function FieldError({ state, name }: { state: FormState; name: string }) {
  const error = errorFor(state, name);
  return error ? (
    <p id={`${name}-error`} className="field__error" role="alert">
      {error}
    </p>
  ) : null;
}

/** A message about the whole form, or one whose field is not shown. */
export function FormNotice({ state, fields }: { state: FormState; fields: readonly string[] }) {
  if (state.status === 'done' && state.message) {
    return (
      <p role="status" className="notice">
        {state.message}
      </p>
    );
  }
  if (state.status !== 'error' || (state.field && fields.includes(state.field))) return null;
  return (
    <p className="notice notice--error" role="alert">
      {state.message}
    </p>
  );
}
