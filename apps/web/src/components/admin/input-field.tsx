import type { FormState } from '~/lib/form-state';
import { errorFor } from './field-error.tsx';

/** A labelled input whose error, when the answer names it, shows under it. */
export function Input({
  form,
  name,
  label,
  state,
  hint,
  ...props
}: {
  form: string;
  name: string;
  label: string;
  state: FormState;
  hint?: string;
} & React.InputHTMLAttributes<HTMLInputElement>) {
  const id = `${form}-${name}`;
  const error = errorFor(state, name);
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={described.length > 0 ? described.join(' ') : undefined}
        {...props}
      />
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
