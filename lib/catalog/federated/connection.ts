/** The settings of a federated catalog's database connection, checked on the way in. */
import { z } from "zod";
import { parseInput } from "@/lib/errors";

export const FEDERATED_TYPES = ["postgresql", "mysql"] as const;
/** `mysql` covers MariaDB too. */
export type FederatedType = (typeof FEDERATED_TYPES)[number];

/** libpq's names: `require` encrypts without checking the certificate, `verify-full` checks it. */
export const SSL_MODES = ["disable", "require", "verify-full"] as const;
export type SslMode = (typeof SSL_MODES)[number];

export const DEFAULT_PORTS: Record<FederatedType, number> = { postgresql: 5432, mysql: 3306 };
export const TYPE_LABELS: Record<FederatedType, string> = {
  postgresql: "PostgreSQL",
  mysql: "MySQL/MariaDB",
};

export interface FederatedConnectionInput {
  type: FederatedType;
  host: string;
  /** Defaults to 5432 (PostgreSQL) or 3306 (MySQL/MariaDB). */
  port?: number;
  database: string;
  user: string;
  password?: string;
  ssl?: SslMode;
}

export type FederatedConnection = Required<FederatedConnectionInput>;

const text = (what: string) =>
  z
    .string(`Give the ${what}.`)
    .trim()
    .min(1, `Give the ${what}.`)
    .max(255, `The ${what} can have at most 255 characters.`);

const schema = z.object({
  type: z.enum(FEDERATED_TYPES, "The database type must be postgresql or mysql."),
  host: text("host").regex(
    /^[^\s/]+$/,
    "The host is a name or an address, without spaces or slashes.",
  ),
  port: z
    .number("The port must be a number.")
    .int()
    .min(1, "The port must be from 1 to 65535.")
    .max(65535, "The port must be from 1 to 65535.")
    .optional(),
  database: text("database"),
  user: text("user"),
  password: z
    .string("The password must be text.")
    .max(1024, "The password can have at most 1024 characters.")
    .optional(),
  ssl: z.enum(SSL_MODES, "SSL must be disable, require or verify-full.").optional(),
});

export function parseConnection(raw: unknown): FederatedConnection {
  const input = parseInput(schema, raw);
  return {
    ...input,
    port: input.port ?? DEFAULT_PORTS[input.type],
    password: input.password ?? "",
    ssl: input.ssl ?? "disable",
  };
}

/** What forms may show again: everything but the password. */
export interface FederatedConnectionInfo extends Omit<FederatedConnection, "password"> {
  hasPassword: boolean;
}

export function connectionInfo(connection: FederatedConnection): FederatedConnectionInfo {
  const { password, ...rest } = connection;
  return { ...rest, hasPassword: password !== "" };
}

/** `postgresql://app@db.internal:5432/shop`, never with the password: for messages and the audit log. */
export function describeConnection(c: FederatedConnection): string {
  return `${c.type}://${c.user}@${c.host}:${c.port}/${c.database}`;
}
