import { z } from "zod";
import { accountRoles } from "@/db/schema";
import { storableText, timestampSchema } from "./common";

export const accountRoleSchema = z.enum(accountRoles, {
  error: `role must be one of ${accountRoles.join(", ")}`,
});

const emailSchema = storableText("email").pipe(
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "email must be an email address" }).max(256)),
);

/** The one rule for every password an account is given: at set-up, creation, change or reset. */
export const passwordSchema = z
  .string({ error: "password must be a string" })
  .min(10, "password must be at least 10 characters")
  .max(1024, "password is too long");

const nameSchema = storableText("name").pipe(z.string().trim().max(100, "name is too long"));
const accountIdSchema = z.number().int().positive();

export const createAccountInput = z.object({
  email: emailSchema,
  name: nameSchema.default(""),
  password: passwordSchema,
  role: accountRoleSchema,
});
export type CreateAccountInput = z.infer<typeof createAccountInput>;

export const firstAdminInput = createAccountInput.omit({ role: true });
export type FirstAdminInput = z.infer<typeof firstAdminInput>;

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().max(256),
  password: z.string().max(1024),
});
export type SignInInput = z.infer<typeof signInInput>;

export const updateAccountInput = z.object({
  id: accountIdSchema,
  role: accountRoleSchema.optional(),
  disabled: z.boolean().optional(),
});
export type UpdateAccountInput = z.infer<typeof updateAccountInput>;

/** The signed-in account changes its own password: the current one proves it is really them. */
export const changePasswordInput = z
  .object({
    current_password: z.string({ error: "current_password must be a string" }).max(1024),
    new_password: passwordSchema,
    confirm_password: z.string({ error: "confirm_password must be a string" }).max(1024),
  })
  .refine((input) => input.new_password === input.confirm_password, {
    error: "the new password and its confirmation differ",
    path: ["confirm_password"],
  });
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

/** An admin sets a new password for another account. */
export const resetPasswordInput = z.object({ id: accountIdSchema, new_password: passwordSchema });
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;

export const accountSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: accountRoleSchema,
  created_at: z.string(),
  disabled_at: z.string().nullable(),
});
export type Account = z.infer<typeof accountSchema>;
export const accountsSchema = z.array(accountSchema);

/** Whether the first-run page should create the first admin; nothing else. */
export const setupStatusSchema = z.object({ needs_setup: z.boolean() });

export const meSchema = z.object({ id: z.number().int(), email: z.string(), role: accountRoleSchema });

export const accountChangeActions = [
  "created",
  "role_changed",
  "disabled",
  "enabled",
  "password_changed",
  "password_reset",
] as const;
export type AccountChangeAction = (typeof accountChangeActions)[number];

export const accountHistoryInput = z.object({
  limit: z.number().int().min(1).max(200).default(50),
  /** The `id` of the last change of the previous page. */
  cursor: z.number().int().positive().optional(),
});
export type AccountHistoryInput = z.infer<typeof accountHistoryInput>;

export const accountChangeSchema = z.object({
  id: z.number().int(),
  account_id: z.number().int(),
  account_email: z.string(),
  action: z.enum(accountChangeActions),
  actor: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  created_at: timestampSchema,
});
export type AccountChange = z.infer<typeof accountChangeSchema>;

export const accountHistorySchema = z.object({
  changes: z.array(accountChangeSchema),
  next_cursor: z.number().int().nullable(),
});
export type AccountHistory = z.infer<typeof accountHistorySchema>;
