// Passwords: argon2id hashes and a length-based policy (NCSC advice: length beats composition
// rules).
//
// Parameters: 46 MiB of memory, 1 pass, 1 lane: the first (highest-memory) of the configurations in
// OWASP's Password Storage Cheat Sheet for argon2id (m=19 MiB/t=2 up to m=46 MiB/t=1, all p=1), up
// from the 19 MiB minimum used before. Memory is what makes GPU and ASIC guessing expensive, so it
// is the parameter raised; a second pass would double every sign-in's cost (and the test suite's,
// which signs in hundreds of times) for no gain OWASP counts. One lane, because
// the server answers many people on few cores. The cost (p50/p95) is measured by bench/auth.ts and
// recorded in BENCHMARKS.md. Hashes made with older parameters still verify, and are replaced with
// a new hash at the next successful sign-in (needsRehash).
import argon2 from 'argon2';

export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 47_104, // KiB = 46 MiB
  timeCost: 1,
  parallelism: 1,
} as const;
export const MIN_PASSWORD_LENGTH = 12;

export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 256) return 'must be at most 256 characters';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Whether a stored hash was made with other (older) parameters and should be replaced. */
export function needsRehash(hash: string): boolean {
  try {
    return argon2.needsRehash(hash, ARGON2_OPTIONS);
  } catch {
    return true;
  }
}

// Unknown and disabled accounts are checked against a fixed hash with the current parameters, so
// every sign-in costs one full verification and the response time does not reveal which email
// addresses have accounts, or which accounts are disabled.
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-0000');
  return dummyHash;
}

export async function verifyAgainstDummy(password: string): Promise<void> {
  await verifyPassword(await dummyPasswordHash(), password);
}
