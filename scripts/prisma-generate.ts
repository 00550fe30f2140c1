/** Writes the composed schemas and generates one Prisma client per provider (postinstall). */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { prismaCliEnv } from "./prisma-env.ts";
import {
  composedSchemaPath,
  composeSchema,
  GENERATED_DIR,
  PROVIDERS,
  ROOT,
  readModels,
} from "./prisma-schemas.ts";

mkdirSync(GENERATED_DIR, { recursive: true });
const models = readModels();
for (const provider of PROVIDERS) {
  const schemaPath = composedSchemaPath(provider);
  writeFileSync(schemaPath, composeSchema(provider, models));
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules/prisma/build/index.js"), "generate", "--schema", schemaPath],
    { stdio: ["ignore", "ignore", "inherit"], env: prismaCliEnv(), cwd: ROOT },
  );
}
console.log(`Prisma clients generated for ${PROVIDERS.join(" and ")}.`);
