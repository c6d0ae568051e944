import type Argon2 from '@phi-ag/argon2';
import initialize from '@phi-ag/argon2/node';

let loading: Promise<Argon2> | undefined;

/** The argon2 WebAssembly module in Node (scripts, tests): read from the package and instantiated once. */
export function loadArgon2(): Promise<Argon2> {
  loading ??= initialize();
  return loading;
}
