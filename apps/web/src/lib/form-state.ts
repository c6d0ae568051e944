/** What a form's Server Action answers, for the form to show. */
export interface FormState {
  status: 'idle' | 'error' | 'done';
  message?: string;
  /** The field the message belongs next to; none for a message about the whole form. */
  field?: string | null;
  /** What the person typed, to fill the form again (never a password). */
  email?: string;
  /** A refused form's other fields as typed, to fill them again after React resets the form. */
  values?: Record<string, string>;
}

export const idle: FormState = { status: 'idle' };

/** A text field of a posted form, or '' when it is missing or a file. */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
