import type { FormState } from '~/lib/form-state';

/** A labelled input whose error, when the form's answer names it, sits right under it and is announced. */
export function Field({
  name,
  label,
  type,
  autoComplete,
  state,
  defaultValue,
  hint,
}: {
  name: string;
  label: string;
  type: 'email' | 'password';
  autoComplete: string;
  state: FormState;
  defaultValue?: string | undefined;
  hint?: string;
}) {
  const error = state.status === 'error' && state.field === name ? state.message : undefined;
  const described = [hint ? `${name}-hint` : null, error ? `${name}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      {hint ? (
        <p id={`${name}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <input
        id={name}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
      />
      {error ? (
        <p id={`${name}-error`} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A message about the whole form (no field named), announced. */
export function FormMessage({ state, fields }: { state: FormState; fields: string[] }) {
  if (state.status !== 'error' || (state.field && fields.includes(state.field))) return null;
  return (
    <p className="notice notice--error" role="alert">
      {state.message}
    </p>
  );
}
