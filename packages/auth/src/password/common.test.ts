import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderCommonPasswords } from '../../scripts/common-passwords.ts';
import { commonPasswords } from './common-passwords.generated.ts';

describe('the common password list', () => {
  it('matches what the generator makes (run npm run generate:passwords -w @edgecart/auth)', () => {
    const committed = readFileSync(
      fileURLToPath(new URL('./common-passwords.generated.ts', import.meta.url)),
      'utf8',
    );
    expect(committed).toBe(renderCommonPasswords());
  });

  it('holds the 10,000 most common, lower-cased, once each', () => {
    expect(commonPasswords).toHaveLength(10_000);
    expect(new Set(commonPasswords).size).toBe(10_000);
    expect(commonPasswords.slice(0, 3)).toEqual(['123456', 'password', '12345678']);
    expect(commonPasswords.every((p) => p === p.toLowerCase())).toBe(true);
  });
});
