import type { Page } from "@playwright/test";
import { api, expect, test, unique } from "./support/fixtures";

/** The paths of the router's prefetch requests (React Server Component payloads fetched ahead of a click). */
function prefetchedPaths(page: Page): string[] {
  const paths: string[] = [];
  page.on("request", (request) => {
    const headers = request.headers();
    if (headers["next-router-prefetch"] || headers["next-router-segment-prefetch"]) {
      paths.push(decodeURIComponent(new URL(request.url()).pathname));
    }
  });
  return paths;
}

/** Waits until the page has been idle a while, so late prefetches would have been counted. */
async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(1_500);
}

// The app's own navigation may prefetch its few pages; rows may not.
const navigation = ["/", "/sessions", "/users", "/collections", "/settings"];

/** Only navigation pages were prefetched, each at most twice (its route tree and its content). */
function expectOnlyNavigation(paths: string[]) {
  expect(paths.filter((path) => !navigation.includes(path))).toEqual([]);
  expect(paths.length).toBeLessThanOrEqual(navigation.length * 2);
}

test("the overview prefetches its session links only on intent", async ({ page }) => {
  const prefix = unique("prefetch-overview");
  for (let index = 0; index < 6; index++) {
    await api.memory.add.mutate({
      sessionId: `${prefix}-${index}`,
      messages: [{ role: "Ann", content: `hello ${index}` }],
    });
  }
  const paths = prefetchedPaths(page);
  await page.goto("/");
  const recent = page.getByRole("link", { name: `${prefix}-5` });
  await expect(recent).toBeVisible();
  await settle(page);
  const sessionPrefetches = () => paths.filter((path) => path.startsWith("/sessions/"));
  expect(sessionPrefetches()).toEqual([]);
  expectOnlyNavigation(paths);

  await recent.hover();
  await expect.poll(() => [...new Set(sessionPrefetches())]).toEqual([`/sessions/${prefix}-5`]);
});

test("the users list prefetches its user links only on intent", async ({ page }) => {
  const prefix = unique("prefetch-users");
  for (let index = 0; index < 30; index++) {
    await api.users.create.mutate({ user_id: `${prefix}-${String(index).padStart(2, "0")}` });
  }
  const paths = prefetchedPaths(page);
  await page.goto(`/users?user=${prefix}`);
  await expect(page.getByRole("row")).toHaveCount(26);
  await settle(page);
  const userPrefetches = () => paths.filter((path) => path.startsWith("/users/"));
  expect(userPrefetches()).toEqual([]);
  expectOnlyNavigation(paths);

  const link = page.getByRole("link", { name: `${prefix}-07` });
  await link.focus();
  await expect.poll(() => [...new Set(userPrefetches())]).toEqual([`/users/${prefix}-07`]);
});
