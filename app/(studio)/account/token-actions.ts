"use server";

import { z } from "zod";
import { action } from "@/app/_server/action";
import { createPersonalToken, createPersonalTokenInput, idInput, listPersonalTokens, revokePersonalToken } from "@/lib/auth";

export const listPersonalTokensAction = action({ name: "account.tokens.list", operation: "studio.use", input: z.undefined() }, (_, { db, principal }) =>
  listPersonalTokens(db, principal),
);

export const createPersonalTokenAction = action({ name: "account.tokens.create", operation: "studio.use", input: createPersonalTokenInput }, (input, { db, principal }) =>
  createPersonalToken(db, principal, input),
);

export const revokePersonalTokenAction = action({ name: "account.tokens.revoke", operation: "studio.use", input: idInput }, ({ id }, { db, principal }) =>
  revokePersonalToken(db, principal, id),
);
