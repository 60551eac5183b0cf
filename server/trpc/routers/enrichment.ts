import { z } from "zod";
import { sessionIdSchema } from "../../schemas/common";
import {
  enrichmentFailureSchema,
  enrichmentFailuresInput,
  enrichmentOverviewSchema,
  enrichmentStatusSchema,
} from "../../schemas/enrichment";
import * as enrichment from "../../services/enrichment";
import { readProcedure, router, writeProcedure } from "../init";

const byId = z.object({ sessionId: sessionIdSchema });

export const enrichmentRouter = router({
  /** A session's background work: up to date, pending, or failing with the last error. */
  status: readProcedure
    .input(byId)
    .output(enrichmentStatusSchema)
    .query(({ ctx, input }) => enrichment.getEnrichmentStatus(ctx.db, input.sessionId)),
  overview: readProcedure
    .output(enrichmentOverviewSchema)
    .query(({ ctx }) => enrichment.getEnrichmentOverview(ctx.db)),
  failures: readProcedure
    .input(enrichmentFailuresInput)
    .output(z.array(enrichmentFailureSchema))
    .query(({ ctx, input }) => enrichment.listEnrichmentFailures(ctx.db, input)),
  /** Runs a failing session's work again now rather than after its backoff. */
  retry: writeProcedure
    .input(byId)
    .output(enrichmentStatusSchema)
    .mutation(({ ctx, input }) => enrichment.retryEnrichment(ctx.db, input.sessionId)),
});
