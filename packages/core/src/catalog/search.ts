/** Escapes LIKE wildcards so that a shopper's "50%" matches the text "50%". */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Splits a search into at most `max` lower-cased words; every word must match. */
export function searchTerms(q: string | undefined, max = 8): string[] {
  if (!q) return [];
  return q
    .toLowerCase()
    .split(/\s+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .slice(0, max);
}
