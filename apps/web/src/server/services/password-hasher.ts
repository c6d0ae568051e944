import 'server-only';
import { createArgon2idHasher, type PasswordHasher } from '@edgecart/auth';
import Argon2 from '@phi-ag/argon2';
// @ts-expect-error: the WebAssembly module's exports, through Turbopack's ESM integration.
import * as argon2Wasm from '@phi-ag/argon2/argon2.wasm';

let instance: PasswordHasher | undefined;

/**
 * argon2id for this runtime. The `.wasm` file is imported as a module, which
 * a Worker allows (it refuses to compile WebAssembly from bytes); next dev
 * loads the same file. See docs/edge.md, "Passwords in a Worker".
 */
function hasher(): PasswordHasher {
  instance ??= createArgon2idHasher(
    new Argon2({ exports: argon2Wasm } as unknown as WebAssembly.Instance),
  );
  return instance;
}

/** Set up on first use, so that requests that hash nothing pay nothing. */
export const passwordHasher: PasswordHasher = {
  hash: (password) => hasher().hash(password),
  verify: (encoded, password) => hasher().verify(encoded, password),
  verifyDummy: (password) => hasher().verifyDummy(password),
};
