import { z } from "zod";
import {
  limitSchema,
  metadataPatchInput,
  metadataSchema,
  storableText,
  timestampSchema,
  userIdSchema,
  uuidSchema,
} from "./common";

const name = (label: string) => storableText(label).pipe(z.string().max(256, `${label} is too long`));

export const userSchema = z.object({
  uuid: uuidSchema,
  id: z.number().int(),
  user_id: z.string(),
  email: z.string().nullable(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type User = z.infer<typeof userSchema>;

export const createUserInput = z.object({
  user_id: userIdSchema,
  email: name("email").nullish(),
  first_name: name("first_name").nullish(),
  last_name: name("last_name").nullish(),
  metadata: metadataSchema.nullish(),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = createUserInput.omit({ user_id: true }).extend(metadataPatchInput.shape);
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const listUsersInput = z.object({
  limit: limitSchema.default(100),
  /** Keyset cursor: the `id` of the last user of the previous page. */
  cursor: z.coerce.number().int().min(0, "cursor must not be negative").default(0),
});
export type ListUsersInput = z.input<typeof listUsersInput>;
