import { z } from "zod";
import {
  limitSchema,
  metadataPatchInput,
  metadataSchema,
  pageNumberSchema,
  pageSizeSchema,
  storableText,
  timestampSchema,
  userIdSchema,
  userRef,
  uuidSchema,
} from "./common";
import { factRatingInstructionSchema } from "./facts";

const name = (label: string) => storableText(label).pipe(z.string().max(256, `${label} is too long`));

export const userSchema = z.object({
  uuid: uuidSchema,
  id: z.number().int(),
  user_id: z.string(),
  email: z.string().nullable(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  /** Guidance for rating facts about this user; a session's own instruction comes first. */
  fact_rating_instruction: factRatingInstructionSchema.nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type User = z.infer<typeof userSchema>;
export const usersSchema = z.array(userSchema);

export const createUserInput = z.object({
  user_id: userIdSchema,
  email: name("email").nullish(),
  first_name: name("first_name").nullish(),
  last_name: name("last_name").nullish(),
  metadata: metadataSchema.nullish(),
  fact_rating_instruction: factRatingInstructionSchema.nullish(),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = createUserInput.omit({ user_id: true }).extend(metadataPatchInput.shape);
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const listUsersInput = z.object({
  limit: limitSchema.default(100),
  /** Keyset cursor: the `id` of the last user of the previous page. */
  cursor: z.coerce.number().int().min(0, "cursor must not be negative").default(0),
});
export type ListUsersInput = z.output<typeof listUsersInput>;

/** Zep CE's `users-ordered`: numbered pages in creation order. */
export const listUsersOrderedInput = z.object({
  page_number: pageNumberSchema.default(1),
  page_size: pageSizeSchema.default(100),
});
export type ListUsersOrderedInput = z.output<typeof listUsersOrderedInput>;

export const userListSchema = z.object({
  users: z.array(userSchema),
  /** Live users in all. */
  total_count: z.number().int(),
  /** Users on this page. */
  row_count: z.number().int(),
});
export type UserList = z.infer<typeof userListSchema>;

/** tRPC: a user's update, and its annotation (metadata only, open to support accounts). */
export const updateUserRequest = userRef.extend({ patch: updateUserInput });
export const annotateUserRequest = userRef.extend({ patch: metadataPatchInput });
