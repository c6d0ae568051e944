import { describe, expect, it } from 'vitest';
import { escapeLike, searchTerms } from './search.ts';

describe('search terms', () => {
  it('splits on white space, lower-cases and drops empties', () => {
    expect(searchTerms('  Merino   WOOL\tbeanie ')).toEqual(['merino', 'wool', 'beanie']);
    expect(searchTerms('')).toEqual([]);
    expect(searchTerms(undefined)).toEqual([]);
  });

  it('keeps at most eight words', () => {
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
  });

  it('escapes LIKE wildcards and the escape character', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });
});
