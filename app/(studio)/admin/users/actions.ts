"use server";

import { z } from "zod";
import { action } from "@/app/_server/action";
import { createUser, createUserInput, listGroups, listUsers, resetPasswordInput, resetUserPassword, setDisabledInput, setRoleInput, setUserDisabled, setUserRole } from "@/lib/auth";

export const listUsersAction = action({ name: "admin.users.list", operation: "admin.users.read", input: z.undefined() }, (_, { db, principal }) =>
  listUsers(db, principal),
);

export const listGroupChoicesAction = action({ name: "admin.groups.choices", operation: "admin.users.read", input: z.undefined() }, async (_, { db, principal }) =>
  (await listGroups(db, principal)).map((g) => ({ id: g.id, name: g.name })),
);

export const createUserAction = action({ name: "admin.users.create", operation: "admin.users.manage", input: createUserInput }, (input, { db, principal }) =>
  createUser(db, principal, input),
);

export const setUserDisabledAction = action({ name: "admin.users.setDisabled", operation: "admin.users.manage", input: setDisabledInput }, (input, { db, principal }) =>
  setUserDisabled(db, principal, input),
);

export const resetUserPasswordAction = action({ name: "admin.users.resetPassword", operation: "admin.users.manage", input: resetPasswordInput }, (input, { db, principal }) =>
  resetUserPassword(db, principal, input),
);

export const setUserRoleAction = action({ name: "admin.users.setRole", operation: "admin.users.manage", input: setRoleInput }, (input, { db, principal }) =>
  setUserRole(db, principal, input),
);
