import { beforeAll, describe, expect, it } from 'vitest';
import { loadArgon2 } from './argon2-node.ts';
import { ARGON2ID, argon2idParamsOf, createArgon2idHasher, type PasswordHasher } from './hasher.ts';

let hasher: PasswordHasher;
let weak: PasswordHasher;

beforeAll(async () => {
  const argon2 = await loadArgon2();
  hasher = createArgon2idHasher(argon2);
  weak = createArgon2idHasher(argon2, { memoryCost: 4_096, timeCost: 1, parallelism: 1 });
});

describe('the argon2id password hasher', () => {
  it('stores its parameters with every hash, at OWASP strength', async () => {
    const encoded = await hasher.hash('correct horse battery staple');
    expect(encoded).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(argon2idParamsOf(encoded)).toEqual(ARGON2ID);
  });

  it('salts every hash', async () => {
    expect(await hasher.hash('same password')).not.toBe(await hasher.hash('same password'));
  });

  it('accepts the password and refuses any other', async () => {
    const encoded = await hasher.hash('correct horse battery staple');
    expect(await hasher.verify(encoded, 'correct horse battery staple')).toEqual({
      valid: true,
      needsRehash: false,
    });
    expect((await hasher.verify(encoded, 'correct horse battery stapler')).valid).toBe(false);
    expect((await hasher.verify(encoded, '')).valid).toBe(false);
  });

  it('asks for a new hash when the old one was made with weaker parameters', async () => {
    const old = await weak.hash('correct horse battery staple');
    expect(await hasher.verify(old, 'correct horse battery staple')).toEqual({
      valid: true,
      needsRehash: true,
    });
    // A wrong password never triggers a rehash.
    expect(await hasher.verify(old, 'wrong')).toEqual({ valid: false, needsRehash: false });
  });

  it('refuses what is no argon2id hash', async () => {
    for (const encoded of [
      '',
      'plain',
      '$argon2i$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
      '$2b$10$x',
    ]) {
      expect(await hasher.verify(encoded, 'x')).toEqual({ valid: false, needsRehash: false });
    }
  });

  it('spends a verification on unknown accounts without failing', async () => {
    await expect(hasher.verifyDummy('anything')).resolves.toBeUndefined();
  });
});
