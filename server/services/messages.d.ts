import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db, Queryable } from "@/db/client";
import { type MessageRow, type SessionRow } from "@/db/schema";
import { type ListMessagesInput, type Message, type MessagePageInput, type UpdateMessageInput } from "../schemas/messages";
import { type Actor } from "./metadata";
export declare function toMessage(row: MessageRow): Message;
/** The live messages of a session: by its key, or by a session column of the enclosing query. */
export declare const liveMessages: (sessionPk: number | AnyPgColumn) => import("drizzle-orm").SQL<unknown> | undefined;
interface MessageRange {
    /** Positions after (forward) or before (backward) this one. */
    cursor?: number;
    forward: boolean;
    limit: number;
    offset?: number;
}
/**
 * The live session `sessionId` with a page of its live messages, in one statement. Undefined when
 * the session does not exist.
 */
export declare function sessionWithMessages(db: Queryable, sessionId: string, range: MessageRange): Promise<{
    session: SessionRow;
    messages: MessageRow[];
} | undefined>;
/** A session's messages in order, a page at a time (keyset on position), either direction. */
export declare function listMessages(db: Queryable, sessionId: string, rawInput?: ListMessagesInput): Promise<{
    messages: {
        uuid: string;
        created_at: string;
        updated_at: string;
        role: string;
        role_type: "assistant" | "function" | "norole" | "system" | "tool" | "user";
        content: string;
        metadata: Record<string, unknown>;
        token_count: number;
        position: number;
    }[];
    next_cursor: number | null;
}>;
/** Zep's paging: a 1-based page number, with the session's total message count. */
export declare function listMessagePage(db: Queryable, sessionId: string, rawInput?: MessagePageInput): Promise<{
    messages: {
        uuid: string;
        created_at: string;
        updated_at: string;
        role: string;
        role_type: "assistant" | "function" | "norole" | "system" | "tool" | "user";
        content: string;
        metadata: Record<string, unknown>;
        token_count: number;
    }[];
    total_count: number;
    row_count: number;
}>;
export declare function getMessage(db: Queryable, sessionId: string, messageUuid: string): Promise<Message>;
/** Merges metadata into a message; content and token count stay as they are. */
export declare function updateMessage(db: Db, sessionId: string, messageUuid: string, rawInput: UpdateMessageInput, actor: Actor): Promise<Message>;
export {};
