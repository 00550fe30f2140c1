/** Input shapes for users and groups, shared by server actions and forms. */
import { z } from "zod";
import { ROLES } from "@/lib/access";

const RESERVED_NAMES = new Set(["system", "anonymous", "public", "everyone", "root"]);

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "A username needs at least 2 characters.")
  .max(40, "A username can have at most 40 characters.")
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "Use lower-case letters, digits, dot, dash or underscore, starting with a letter or digit.")
  .refine((name) => !RESERVED_NAMES.has(name), { message: "That name is reserved; choose another." });

export const emailSchema = z.string().trim().toLowerCase().max(254, "That e-mail address is too long.").pipe(z.email("Enter a valid e-mail address, like ada@example.com."));

export const passwordSchema = z
  .string()
  .min(10, "A password needs at least 10 characters.")
  .max(200, "A password can have at most 200 characters.");

export const roleSchema = z.enum(ROLES, { message: `The role must be one of ${ROLES.join(", ")}.` });

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can have at most ${max} characters.`)
    .optional()
    .transform((v) => (v ? v : undefined));

export const createUserInput = z.object({
  username: usernameSchema,
  email: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(emailSchema.optional()),
  displayName: optionalText(100, "A display name"),
  role: roleSchema,
  /** Empty: a password is generated and shown once. */
  password: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(passwordSchema.optional()),
  groupIds: z.array(z.string().min(1)).max(100).default([]),
});
export type CreateUserInput = z.input<typeof createUserInput>;

export const groupNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "A group name needs at least 2 characters.")
  .max(64, "A group name can have at most 64 characters.")
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "Use lower-case letters, digits, dot, dash or underscore, starting with a letter or digit.")
  .refine((name) => !RESERVED_NAMES.has(name), { message: "That name is reserved; choose another." });

export const createGroupInput = z.object({
  name: groupNameSchema,
  description: optionalText(500, "A description"),
});
export type CreateGroupInput = z.input<typeof createGroupInput>;

export const idInput = z.object({ id: z.string().min(1, "Missing id.").max(64) });

export const membershipInput = z.object({
  groupId: z.string().min(1).max(64),
  userId: z.string().min(1).max(64),
});

export const resetPasswordInput = z.object({
  id: z.string().min(1).max(64),
  password: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(passwordSchema.optional()),
});

export const setRoleInput = z.object({ id: z.string().min(1).max(64), role: roleSchema });

export const setDisabledInput = z.object({ id: z.string().min(1).max(64), disabled: z.boolean() });

export const changeOwnPasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(200),
  newPassword: passwordSchema,
});
