import { sessionRef } from "../../schemas/common";
import {
  enrichmentFailuresInput,
  enrichmentFailuresSchema,
  enrichmentOverviewSchema,
  enrichmentStatusSchema,
} from "../../schemas/enrichment";
import * as enrichment from "../../services/enrichment";
import { readProcedure, router, writeProcedure } from "../init";

export const enrichmentRouter = router({
  /** A session's background work: up to date, pending, or failing with the last error. */
  status: readProcedure
    .input(sessionRef)
    .output(enrichmentStatusSchema)
    .query(({ ctx, input }) => enrichment.getEnrichmentStatus(ctx.db, input.sessionId)),
  overview: readProcedure
    .output(enrichmentOverviewSchema)
    .query(({ ctx }) => enrichment.getEnrichmentOverview(ctx.db)),
  failures: readProcedure
    .input(enrichmentFailuresInput)
    .output(enrichmentFailuresSchema)
    .query(({ ctx, input }) => enrichment.listEnrichmentFailures(ctx.db, input)),
  /** Runs a failing session's work again now rather than after its backoff. */
  retry: writeProcedure
    .input(sessionRef)
    .output(enrichmentStatusSchema)
    .mutation(({ ctx, input }) => enrichment.retryEnrichment(ctx.db, input.sessionId)),
});
