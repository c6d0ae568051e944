/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why PostgreSQL text cannot faithfully hold `value`, or null when it can.
 * NUL is the one character it refuses; a lone UTF-16 surrogate is not Unicode
 * at all (drivers would silently turn it into U+FFFD).
 */
export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'contains a NUL character (\\u0000), which is not allowed';
  if (LONE_SURROGATE.test(value))
    return 'contains an unpaired surrogate, which is not valid Unicode';
  return null;
}
