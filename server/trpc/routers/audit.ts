import { z } from "zod";
import * as audit from "../../services/audit";
import { readProcedure, router } from "../init";

export const auditRouter = router({
  metadataHistory: readProcedure
    .input(audit.metadataHistoryInput)
    .output(
      z.object({ changes: z.array(audit.metadataChangeSchema), next_cursor: z.number().int().nullable() }),
    )
    .query(({ ctx, input }) => audit.listMetadataChanges(ctx.db, input)),
});
