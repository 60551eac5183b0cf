import { createCallerFactory, router } from "./init";
import { accountsRouter } from "./routers/accounts";
import { apiKeysRouter } from "./routers/apiKeys";
import { auditRouter } from "./routers/audit";
import { collectionsRouter } from "./routers/collections";
import { dashboardRouter } from "./routers/dashboard";
import { enrichmentRouter } from "./routers/enrichment";
import { factsRouter } from "./routers/facts";
import { memoryRouter } from "./routers/memory";
import { messagesRouter } from "./routers/messages";
import { searchRouter } from "./routers/search";
import { sessionsRouter } from "./routers/sessions";
import { usersRouter } from "./routers/users";

export const appRouter = router({
  users: usersRouter,
  sessions: sessionsRouter,
  memory: memoryRouter,
  messages: messagesRouter,
  search: searchRouter,
  apiKeys: apiKeysRouter,
  enrichment: enrichmentRouter,
  facts: factsRouter,
  accounts: accountsRouter,
  dashboard: dashboardRouter,
  audit: auditRouter,
  collections: collectionsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
