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

/**
 * The text fields of one form: each shows what was typed before a refusal,
 * else the saved value (blank for none).
 */
export function textFields(form: string, state: FormState) {
  return (name: string, label: string, saved: unknown, extra: Record<string, unknown> = {}) => (
    <Input
      form={form}
      name={name}
      label={label}
      state={state}
      defaultValue={
        state.values?.[name] ?? (saved === null || saved === undefined ? '' : String(saved))
      }
      {...extra}
    />
  );
}

/** A labelled checkbox, or one radio button of a group (`value`). */
export function Toggle({
  form,
  name,
  label,
  checked,
  value,
}: {
  form: string;
  name: string;
  label: string;
  checked: boolean;
  value?: string;
}) {
  const id = `${form}-${name}${value ? `-${value}` : ''}`;
  return (
    <div className="field field--check">
      <input
        id={id}
        type={value ? 'radio' : 'checkbox'}
        name={name}
        value={value}
        defaultChecked={checked}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
