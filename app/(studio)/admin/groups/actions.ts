"use server";

import { z } from "zod";
import { action } from "@/app/_server/action";
import { addGroupMember, createGroup, createGroupInput, deleteGroup, idInput, listGroups, membershipInput, removeGroupMember } from "@/lib/auth";

export const listGroupsAction = action({ name: "admin.groups.list", operation: "admin.users.read", input: z.undefined() }, (_, { db, principal }) =>
  listGroups(db, principal),
);

export const createGroupAction = action({ name: "admin.groups.create", operation: "admin.groups.manage", input: createGroupInput }, (input, { db, principal }) =>
  createGroup(db, principal, input),
);

export const deleteGroupAction = action({ name: "admin.groups.delete", operation: "admin.groups.manage", input: idInput }, (input, { db, principal }) =>
  deleteGroup(db, principal, input),
);

export const addGroupMemberAction = action({ name: "admin.groups.addMember", operation: "admin.groups.manage", input: membershipInput }, (input, { db, principal }) =>
  addGroupMember(db, principal, input),
);

export const removeGroupMemberAction = action({ name: "admin.groups.removeMember", operation: "admin.groups.manage", input: membershipInput }, (input, { db, principal }) =>
  removeGroupMember(db, principal, input),
);
