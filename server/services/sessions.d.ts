import type { Db, Queryable } from "@/db/client";
import { type SessionRow } from "@/db/schema";
import { type CreateSessionInput, type ListSessionsInput, type Session, type UpdateSessionInput } from "../schemas/sessions";
import { type Actor } from "./metadata";
export declare function toSession(row: SessionRow): Session;
export declare function findLiveSession(db: Queryable, sessionId: string, lock?: boolean): Promise<SessionRow | undefined>;
export declare function requireSession(db: Queryable, sessionId: string, lock?: boolean): Promise<SessionRow>;
/** Creates a session; a deleted session's id may be taken again, starting afresh. */
export declare function createSession(db: Db, rawInput: CreateSessionInput, actor: Actor): Promise<Session>;
export declare function getSession(db: Queryable, sessionId: string): Promise<Session>;
export declare function updateSession(db: Db, sessionId: string, rawInput: UpdateSessionInput, actor: Actor): Promise<Session>;
/** Sessions in creation order, a page at a time (keyset on `id`), optionally one user's. */
export declare function listSessions(db: Queryable, rawInput?: ListSessionsInput): Promise<Session[]>;
/** Soft-deletes a session with its messages and summaries. */
export declare function deleteSession(db: Db, sessionId: string): Promise<void>;
