/**
 * Password hashing with argon2id (memory-hard), stored as a PHC string
 * ($argon2id$v=19$m=…,t=…,p=…$salt$hash) so parameters can change without a migration.
 * hash-wasm runs in WebAssembly: no native build, same result everywhere.
 */
import { randomBytes } from "node:crypto";
import { argon2id, argon2Verify } from "hash-wasm";

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const MEMORY_KIB = 19_456;
const ITERATIONS = 2;

export async function hashPassword(password: string): Promise<string> {
  return argon2id({
    password,
    salt: randomBytes(16),
    parallelism: 1,
    iterations: ITERATIONS,
    memorySize: MEMORY_KIB,
    hashLength: 32,
    outputType: "encoded",
  });
}

export async function verifyPassword(password: string, encoded: string | null): Promise<boolean> {
  if (!encoded) return false;
  try {
    return await argon2Verify({ password, hash: encoded });
  } catch {
    return false;
  }
}

// No 0/O, 1/l/I: generated passwords are read off a terminal and typed.
const ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A random password of `length` characters (about 5.8 bits each). */
export function generatePassword(length = 20): string {
  const bytes = randomBytes(length * 2);
  let out = "";
  for (const byte of bytes) {
    // Rejection sampling keeps every character equally likely.
    if (byte < 256 - (256 % ALPHABET.length)) out += ALPHABET[byte % ALPHABET.length];
    if (out.length === length) break;
  }
  return out.length === length ? out : generatePassword(length);
}

/**
 * Spends about as long as a real verification, so unknown users cannot be told apart by
 * timing. Always false.
 */
let dummyHash: Promise<string> | undefined;
export async function burnVerificationTime(password: string): Promise<false> {
  dummyHash ??= hashPassword("tarn-timing-equaliser");
  await verifyPassword(password, await dummyHash);
  return false;
}
