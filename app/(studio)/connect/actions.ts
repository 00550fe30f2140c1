"use server";

import { z } from "zod";
import { action } from "@/app/_server/action";
import { runSelfTest } from "./_server/self-test";

const credentials = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("client"), clientId: z.string().trim().min(1, "Enter the client id.").max(200), clientSecret: z.string().trim().min(1, "Enter the client secret.").max(500) }),
  z.object({ kind: z.literal("token"), token: z.string().trim().min(1, "Paste an access token.").max(500) }),
]);

const selfTestInput = z.object({ warehouse: z.string().trim().min(1, "Choose a catalog.").max(2000), credentials });

export const selfTestAction = action({ name: "connect.selfTest", operation: "studio.use", input: selfTestInput }, ({ warehouse, credentials }) => runSelfTest(warehouse, credentials));
