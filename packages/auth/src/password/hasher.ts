import type Argon2 from '@phi-ag/argon2';
import { Argon2Type } from '@phi-ag/argon2';

/** Hashes and checks passwords; the algorithm behind it can change. */
export interface PasswordHasher {
  /** A PHC string that carries its algorithm and parameters. */
  hash(password: string): Promise<string>;
  /** Whether the password matches, and whether its hash was made with weaker settings. */
  verify(encoded: string, password: string): Promise<{ valid: boolean; needsRehash: boolean }>;
  /** Spends the time of one verification, for a login to an unknown account. */
  verifyDummy(password: string): Promise<void>;
}

/** OWASP's argon2id minimum: 19 MiB of memory, 2 passes, 1 lane. */
export const ARGON2ID = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
export type Argon2idParams = { memoryCost: number; timeCost: number; parallelism: number };

const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;

/** The parameters an argon2id PHC string was made with; null for any other string. */
export function argon2idParamsOf(encoded: string): Argon2idParams | null {
  const match = PHC.exec(encoded);
  if (!match) return null;
  return {
    memoryCost: Number(match[1]),
    timeCost: Number(match[2]),
    parallelism: Number(match[3]),
  };
}

/**
 * argon2id from the `@phi-ag/argon2` WebAssembly build. The caller supplies the
 * instance: Next imports the module (which a Worker allows; it refuses to
 * compile WebAssembly from bytes), Node scripts and tests load the same file.
 */
export function createArgon2idHasher(
  argon2: Argon2,
  params: Argon2idParams = ARGON2ID,
): PasswordHasher {
  let dummy: string | undefined;
  const options = { ...params, type: Argon2Type.Argon2id };
  const verify = (encoded: string, password: string) =>
    argon2.tryVerify(encoded, password, Argon2Type.Argon2id).success;
  return {
    async hash(password) {
      return argon2.hash(password, options).encoded;
    },
    async verify(encoded, password) {
      const made = argon2idParamsOf(encoded);
      if (!made) return { valid: false, needsRehash: false };
      const valid = verify(encoded, password);
      const weaker =
        made.memoryCost < params.memoryCost ||
        made.timeCost < params.timeCost ||
        made.parallelism !== params.parallelism;
      return { valid, needsRehash: valid && weaker };
    },
    async verifyDummy(password) {
      dummy ??= argon2.hash(crypto.randomUUID(), options).encoded;
      verify(dummy, password);
    },
  };
}
