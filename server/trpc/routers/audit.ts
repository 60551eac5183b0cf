import { metadataHistoryInput, metadataHistorySchema } from "../../schemas/audit";
import * as audit from "../../services/audit";
import { readProcedure, router } from "../init";

export const auditRouter = router({
  metadataHistory: readProcedure
    .input(metadataHistoryInput)
    .output(metadataHistorySchema)
    .query(({ ctx, input }) => audit.listMetadataChanges(ctx.db, input)),
});
