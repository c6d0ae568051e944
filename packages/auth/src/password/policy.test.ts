import { describe, expect, it } from 'vitest';
import { passwordProblem } from './policy.ts';

describe('the password policy', () => {
  it('asks for 8 to 256 characters, saying what to change', () => {
    expect(passwordProblem('short')).toBe('Use at least 8 characters (this one has 5).');
    expect(passwordProblem('x'.repeat(257))).toBe('Use at most 256 characters.');
    expect(passwordProblem('eight ch!')).toBeNull();
    expect(passwordProblem('x'.repeat(256))).toBeNull();
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblem('🔑🔑🔑🔑🔑🔑🔑')).toMatch(/has 7/);
  });

  it('refuses the most common passwords, whatever their case', () => {
    for (const common of ['password', 'Password1', 'qwertyuiop', '12345678', 'iloveyou']) {
      expect(passwordProblem(common), common).toMatch(/most common/);
    }
    expect(passwordProblem('lantern quietly orbit')).toBeNull();
  });
});
