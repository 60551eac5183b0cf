import type { z } from "zod";
import { sessionIdSchema } from "./common";
import { listMessagesInput } from "./messages";

/**
 * The dashboard's transcript: always newest first, older pages by cursor. tRPC's infinite queries
 * reserve `direction` for their own paging, so the order is not an input here.
 */
export const transcriptPageInput = listMessagesInput
  .pick({ limit: true, cursor: true })
  .extend({ sessionId: sessionIdSchema });
export type TranscriptPageInput = z.infer<typeof transcriptPageInput>;
