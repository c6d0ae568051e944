import { describe, expect, it } from 'vitest';
import { textProblem } from './text.ts';

describe('textProblem', () => {
  it('accepts any well-formed text, emoji and control characters included', () => {
    for (const ok of [
      '',
      'wool scarf',
      'Café crème',
      '🧶 yarn',
      'tab\there',
      '\u0001\u007f',
      '\uFFFF',
    ]) {
      expect(textProblem(ok)).toBeNull();
    }
  });

  it('names NUL and unpaired surrogates', () => {
    expect(textProblem('a\u0000')).toMatch(/NUL/);
    for (const bad of [
      '\uD800',
      'a\uD83Eb',
      '\uDC00',
      'x\uDE00',
      '🧶\uDE00',
      '\uD83E\uD83E\uDDF6',
    ]) {
      expect(textProblem(bad)).toMatch(/surrogate/);
    }
  });
});
