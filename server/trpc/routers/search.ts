import { z } from "zod";
import { searchInput, searchResultSchema } from "../../schemas/search";
import * as search from "../../services/search";
import { readProcedure, router } from "../init";

export const searchRouter = router({
  /** One session (`sessionId`), one user's sessions (`userId`), or every session (neither). */
  query: readProcedure
    .input(searchInput)
    .output(z.array(searchResultSchema))
    .query(({ ctx, input }) => search.search(ctx.db, input)),
});
