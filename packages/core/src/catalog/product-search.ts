import { type Database, type SQL, type SQLWrapper, searchWords, sql } from '@edgecart/db';

/**
 * Search as PostgreSQL does it: `websearch_to_tsquery` over the products'
 * weighted `search_vector` (migration 0015), so "quoted phrases" and -minus
 * words work as shoppers expect from a search box, with English stemming
 * ("lanterns" finds "lantern"). Typo tolerance comes from `pg_trgm`: when a
 * search finds nothing, each word is matched to the nearest word of the
 * catalog's titles and collections, and the corrected search is run instead.
 */

/** The text-search configuration of the vector and the queries: the same on both sides. */
const CONFIG = 'english';

/** The shopper's words as a text-search query (any input parses; stop words alone match nothing). */
export const searchQuery = (q: string): SQL => sql`websearch_to_tsquery(${CONFIG}, ${q})`;

/** How well a product matches, as a whole number (ranks as keyset cursor values must compare exactly). */
export const searchRank = (vector: SQLWrapper, query: SQL): SQL<number> =>
  sql<number>`round(ts_rank_cd(${vector}, ${query}) * 1000000)::int`;

/** Private-use characters around the matched words of a headline: no title contains them. */
const MARK_START = '\uE000';
const MARK_END = '\uE001';

/** The title with its matched words between the marks (`titleParts` splits them). */
export const headline = (title: SQLWrapper, query: SQL): SQL<string> =>
  sql<string>`ts_headline(${CONFIG}, ${title}, ${query}, ${`StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`})`;

/** A title in parts, the matched words marked: the listing shows them highlighted. */
export interface TitlePart {
  text: string;
  match: boolean;
}

/** Splits a marked headline into parts (plain text around each match). */
export function titleParts(marked: string): TitlePart[] {
  const parts: TitlePart[] = [];
  for (const [i, piece] of marked.split(MARK_START).entries()) {
    if (i === 0) {
      if (piece) parts.push({ text: piece, match: false });
      continue;
    }
    const end = piece.indexOf(MARK_END);
    const match = end === -1 ? piece : piece.slice(0, end);
    const rest = end === -1 ? '' : piece.slice(end + 1);
    if (match) parts.push({ text: match, match: true });
    if (rest) parts.push({ text: rest, match: false });
  }
  return parts;
}

/**
 * A corrected search: each plain word of `q` that is not a word of the
 * catalog replaced by the most similar one (trigram similarity), quoted
 * phrases and -minus words kept as typed. Null when nothing changes.
 */
export async function suggestSearch(db: Database, q: string): Promise<string | null> {
  const tokens = q.match(/"[^"]*"|\S+/g)?.slice(0, 8) ?? [];
  let changed = false;
  const corrected: string[] = [];
  for (const token of tokens) {
    const word = token.toLowerCase();
    if (!/^[\p{L}\p{N}]{3,40}$/u.test(word)) {
      corrected.push(token);
      continue;
    }
    const [nearest] = await db
      .select({ word: searchWords.word })
      .from(searchWords)
      // `%` is similarity at or above pg_trgm's threshold (0.3), through the trigram index.
      .where(sql`${searchWords.word} % ${word}`)
      .orderBy(sql`similarity(${searchWords.word}, ${word}) desc`, searchWords.word)
      .limit(1);
    if (nearest && nearest.word !== word) {
      changed = true;
      corrected.push(nearest.word);
    } else {
      corrected.push(token);
    }
  }
  return changed ? corrected.join(' ') : null;
}
