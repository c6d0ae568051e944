/**
 * Stripe's request bodies are form-encoded with bracket paths, as the SDK
 * writes them: `line_items[0][price_data][currency]=eur`. This turns one back
 * into nested objects, with arrays for numeric indexes.
 */
export type FormValue = string | FormObject | FormValue[];
export interface FormObject {
  [key: string]: FormValue;
}

const SEGMENT = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

export function parseStripeForm(body: string): FormObject {
  const root: FormObject = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const match = SEGMENT.exec(key);
    if (!match?.[1]) continue;
    const path = [
      match[1],
      ...[...(match[2] ?? '').matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? ''),
    ];
    let node: FormObject | FormValue[] = root;
    for (let i = 0; i < path.length; i++) {
      const part = path[i] ?? '';
      const last = i === path.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(path[i + 1] ?? '');
      const slot = Array.isArray(node) ? Number(part) : part;
      const container = node as Record<string | number, FormValue>;
      if (last) {
        container[slot] = value;
      } else {
        container[slot] ??= nextIsIndex ? [] : {};
        node = container[slot] as FormObject | FormValue[];
      }
    }
  }
  return root;
}

/** A string field, or undefined. */
export const str = (value: FormValue | undefined): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** An object field (metadata, price_data), or an empty one. */
export const obj = (value: FormValue | undefined): FormObject =>
  value && typeof value === 'object' && !Array.isArray(value) ? value : {};
