import { randomBytes } from "node:crypto";
import { type Browser, test as base, expect, type Page } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { createEngramClient } from "../../server/trpc/client";
import { e2eApiKey } from "./env";

export const adminStorage = "e2e/artifacts/.auth/admin.json";

/** Engram's typed client with the bootstrap API key: how the tests seed data, as an app would. */
export const api = createEngramClient({ url: baseURL, apiKey: e2eApiKey });

/** A name no other test (or earlier run on the same database) uses. */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
}

/** A page in a fresh browser context signed in as the given account. */
export async function pageSignedInAs(browser: Browser, email: string, password: string) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, email, password);
  return page;
}

/** Saves a screenshot of a main page for review, once its data has loaded. */
export async function snapshot(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await expect(page.locator('[role="status"]:has-text("Loading"), [aria-label="Loading"]')).toHaveCount(0);
  await page.screenshot({ path: `e2e/artifacts/${name}.png`, fullPage: true });
  await page.screenshot({ path: `e2e/artifacts/${name}-viewport.png` });
}

/** Calls a tRPC procedure from inside the page, as the signed-in browser would. */
export async function trpcFromPage(page: Page, path: string, input: unknown, kind: "query" | "mutation") {
  return page.evaluate(
    async ({ path, input, kind }) => {
      const url =
        kind === "query"
          ? `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`
          : `/api/trpc/${path}`;
      const response = await fetch(url, {
        method: kind === "query" ? "GET" : "POST",
        headers: { "content-type": "application/json", "x-engram-csrf": "1" },
        body: kind === "mutation" ? JSON.stringify(input) : undefined,
      });
      return { status: response.status, body: await response.json() };
    },
    { path, input, kind },
  );
}

export const test = base.extend<{ noPageErrors: undefined }>({
  storageState: adminStorage,
  /** Fails a test whose page threw or logged an error (a hydration mismatch, a crash in a component). */
  noPageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => {
        // Refused requests are logged by the browser itself; the tests assert on those directly.
        if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
          errors.push(message.text());
        }
      });
      await use(undefined);
      expect(errors).toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };
