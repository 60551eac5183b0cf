import { searchInput } from "../../schemas/search";
import * as search from "../../services/search";
import { readProcedure, router } from "../init";

export const searchRouter = router({
  /** One session (`sessionId`), one user's sessions (`userId`), or every session (neither). */
  query: readProcedure
    .input(searchInput)
    // No .output(): the service's return type is the contract (the REST route's schema documents it);
    // checking every answer of this hot read cost more CPU than the read itself.
    .query(({ ctx, input }) => search.search(ctx.db, input)),
});
