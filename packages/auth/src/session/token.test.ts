import { describe, expect, it } from 'vitest';
import { generateSessionToken, hashSecret, parseSessionToken, secretMatches } from './token.ts';

describe('session tokens', () => {
  it('are an id and a secret of 160 random bits each, and only the hash of the secret is kept', () => {
    const { token, id, secretHash } = generateSessionToken();
    const parsed = parseSessionToken(token);
    expect(parsed?.id).toBe(id);
    expect(parsed?.secret).toMatch(/^[a-z2-7]{32}$/);
    expect(secretHash).toBe(hashSecret(parsed?.secret ?? ''));
    expect(secretHash).not.toContain(parsed?.secret ?? '-');
    expect(secretHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never repeat', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generateSessionToken().token));
    expect(tokens.size).toBe(1000);
  });

  it('refuse anything that is not exactly <id>.<secret>', () => {
    const { token } = generateSessionToken();
    for (const forged of [
      '',
      'abc',
      `${token}.extra`,
      token.replace('.', ''),
      token.toUpperCase(),
      `${token.slice(0, -1)}!`,
      `.${token.split('.')[1]}`,
    ]) {
      expect(parseSessionToken(forged), forged).toBeNull();
    }
  });

  it('match only the secret they were made with', () => {
    const { token, secretHash } = generateSessionToken();
    const secret = parseSessionToken(token)?.secret ?? '';
    expect(secretMatches(secret, secretHash)).toBe(true);
    const tampered = `${secret.slice(0, -1)}${secret.endsWith('a') ? 'b' : 'a'}`;
    expect(secretMatches(tampered, secretHash)).toBe(false);
    expect(secretMatches(secret, '')).toBe(false);
  });
});
