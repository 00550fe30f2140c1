/**
 * Prisma's CLI downloads native engines unless these variables name an existing file.
 * Tarn runs Prisma with its JavaScript/WASM engines and driver adapters, so a stub is
 * enough (see ../shared/STACK.md).
 */
import path from "node:path";

export function prismaCliEnv(): NodeJS.ProcessEnv {
  const stub = path.resolve(import.meta.dirname, "prisma-engine-stub.sh");
  return {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: stub,
    PRISMA_QUERY_ENGINE_LIBRARY: stub,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    DATABASE_URL: process.env.DATABASE_URL ?? "file:./unused.db",
  };
}
