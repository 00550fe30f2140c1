"use server";

import { z } from "zod";
import { action } from "@/app/_server/action";
import { createApiClient, createApiClientInput, deleteApiClient, idInput, listApiClients, setApiClientDisabled } from "@/lib/auth";

const setDisabledInput = z.object({ id: z.string().min(1).max(64), disabled: z.boolean() });

export const listApiClientsAction = action({ name: "admin.apiClients.list", operation: "admin.apiClients.manage", input: z.undefined() }, (_, { db, principal }) =>
  listApiClients(db, principal),
);

export const createApiClientAction = action({ name: "admin.apiClients.create", operation: "admin.apiClients.manage", input: createApiClientInput }, (input, { db, principal }) =>
  createApiClient(db, principal, input),
);

export const setApiClientDisabledAction = action(
  { name: "admin.apiClients.setDisabled", operation: "admin.apiClients.manage", input: setDisabledInput },
  ({ id, disabled }, { db, principal }) => setApiClientDisabled(db, principal, id, disabled),
);

export const deleteApiClientAction = action({ name: "admin.apiClients.delete", operation: "admin.apiClients.manage", input: idInput }, ({ id }, { db, principal }) =>
  deleteApiClient(db, principal, id),
);
