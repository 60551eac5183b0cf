// Engram's own tests and scripts use the client package from its source.
export {
  type AppRouter,
  createEngramClient,
  EngramClientError,
  type EngramClientOptions,
} from "../../client/src/index";
