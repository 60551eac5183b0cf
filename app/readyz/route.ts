import { RETRY_AFTER_SECONDS } from "@/server/errors";
import { readiness } from "@/server/health";

export const dynamic = "force-dynamic";

/** Readiness for load balancers and orchestrators: 200 when the database answers and is migrated. */
export async function GET() {
  const state = await readiness();
  return Response.json(state, {
    status: state.ready ? 200 : 503,
    headers: state.ready ? {} : { "Retry-After": String(RETRY_AFTER_SECONDS) },
  });
}
