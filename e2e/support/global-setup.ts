import { baseURL } from "../../playwright.config";
import { e2eApiKey } from "./env";

/** Fails fast, with a clear message, when the server is up but its database or API key is not. */
export default async function globalSetup() {
  const response = await fetch(`${baseURL}/api/trpc/accounts.status`);
  if (!response.ok) throw new Error(`Engram is not ready: accounts.status answered ${response.status}`);
  const keyCheck = await fetch(`${baseURL}/api/trpc/apiKeys.list`, {
    headers: { authorization: `Bearer ${e2eApiKey}` },
  });
  if (!keyCheck.ok) throw new Error(`the bootstrap API key was refused (${keyCheck.status})`);
}
