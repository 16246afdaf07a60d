import "server-only";
import { randomBytes } from "node:crypto";
import { hash, verify, type Options } from "@node-rs/argon2";

// OWASP Password Storage Cheat Sheet: argon2id, 19 MiB, 2 passes, 1 lane.
const ARGON2ID = 2; // Algorithm.Argon2id; the package's const enum cannot be read under isolatedModules.
const OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

let dummyHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/**
 * True when `password` matches `hash`. Without a hash (unknown user, SSO-only account) it still
 * spends one full verification, so response time does not reveal which emails exist.
 */
export async function verifyPassword(options: { hash: string | null; password: string }): Promise<boolean> {
  if (!options.hash) {
    dummyHash ??= hashPassword(randomBytes(32).toString("base64url"));
    await verify(await dummyHash, options.password).catch(() => false);
    return false;
  }
  return verify(options.hash, options.password).catch(() => false);
}
