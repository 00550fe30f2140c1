/**
 * Secrets at rest (federated connection settings): AES-256-GCM with a key that never
 * enters the metadata database — so a copy of the database alone reveals no password.
 *
 * The key is `TARN_SECRETS_KEY` (32 bytes, base64 or hex) when set, else the file
 * `<TARN_DATA_DIR>/.secrets-key`, created on first use with mode 600. Sealed text:
 * `tarn-secret:v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url parts); the key id is a
 * hash prefix of the key, so a secret sealed with another key is reported as such.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";

const PREFIX = "tarn-secret:v1";
const KEY_FILE = ".secrets-key";

export interface KeySource {
  env?: Record<string, string | undefined>;
  dataDir?: string;
}

/** The secrets key: from the environment, else the data folder's key file (created when missing). */
export function loadSecretsKey(source: KeySource = {}): Buffer {
  const env = source.env ?? process.env;
  if (env.TARN_SECRETS_KEY) return parseKey(env.TARN_SECRETS_KEY);
  const file = path.join(source.dataDir ?? getConfig().dataDir, KEY_FILE);
  return readKeyFile(file) ?? createKeyFile(file);
}

function parseKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed)
    ? Buffer.from(trimmed, "hex")
    : Buffer.from(trimmed, "base64");
  if (key.length !== 32)
    throw new AppError(
      "internal",
      "TARN_SECRETS_KEY must be 32 bytes, written as base64 (44 characters) or hex (64 characters).",
    );
  return key;
}

function readKeyFile(file: string): Buffer | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return null;
    throw error;
  }
  // The file must stay private: tighten it if someone loosened it.
  if ((statSync(file).mode & 0o077) !== 0) {
    log.warn("secrets.key.permissions", { file, fixed: "mode 600" });
    chmodSync(file, 0o600);
  }
  return parseKey(text);
}

function createKeyFile(file: string): Buffer {
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32);
  try {
    // "wx": never overwrite — two processes starting together keep the first key.
    writeFileSync(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    return key;
  } catch (error) {
    if ((error as { code?: string }).code === "EEXIST") return readKeyFile(file) as Buffer;
    throw error;
  }
}

let cachedKey: Buffer | undefined;

function defaultKey(): Buffer {
  cachedKey ??= loadSecretsKey();
  return cachedKey;
}

function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

export function sealSecret(plain: string, key: Buffer = defaultKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), data].map((b) => b.toString("base64url"));
  return [PREFIX, keyId(key), ...parts].join(":");
}

export function openSecret(sealed: string, key: Buffer = defaultKey()): string {
  const parts = sealed.split(":");
  if (parts.length !== 6 || `${parts[0]}:${parts[1]}` !== PREFIX)
    throw unreadable("it is not in a form Tarn writes");
  if (parts[2] !== keyId(key))
    throw unreadable(
      "it was sealed with another key (did TARN_SECRETS_KEY or the data folder's .secrets-key change?)",
    );
  const [iv, tag, data] = parts.slice(3).map((p) => Buffer.from(p, "base64url"));
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
  } catch (error) {
    throw unreadable("it was altered", error);
  }
}

function unreadable(why: string, cause?: unknown): AppError {
  return new AppError(
    "unavailable",
    `A stored connection secret cannot be decrypted: ${why}. Enter the connection settings again.`,
    { cause },
  );
}
