import type { Db, Queryable } from "@/db/client";
import { type UserRow } from "@/db/schema";
import { type CreateUserInput, type ListUsersInput, type UpdateUserInput, type User } from "../schemas/users";
import { type Actor } from "./metadata";
export declare function toUser(row: UserRow): User;
export declare function findLiveUser(db: Queryable, userId: string, lock?: boolean): Promise<UserRow | undefined>;
/** Creates a user; a deleted user's id may be taken again, starting afresh. */
export declare function createUser(db: Db, rawInput: CreateUserInput, actor: Actor): Promise<User>;
export declare function getUser(db: Queryable, userId: string): Promise<User>;
export declare function updateUser(db: Db, userId: string, rawInput: UpdateUserInput, actor: Actor): Promise<User>;
/** Soft-deletes a user with all of their sessions, messages and summaries. */
export declare function deleteUser(db: Db, userId: string): Promise<void>;
/** Users in creation order, a page at a time (keyset on `id`). */
export declare function listUsers(db: Queryable, rawInput?: ListUsersInput): Promise<User[]>;
export declare function listUserSessions(db: Queryable, userId: string): Promise<{
    uuid: string;
    id: number;
    session_id: string;
    user_id: string | null;
    metadata: Record<string, unknown>;
    memory_type: "message_window" | "perpetual" | "summary_retriever" | null;
    message_count: number;
    token_count: number;
    last_message_at: string | null;
    created_at: string;
    updated_at: string;
}[]>;
