import { admin } from "./support/env";
import { api, expect, test, unique } from "./support/fixtures";

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a deep link survives sign-in; a foreign next= does not", async ({ page }) => {
    const sessionId = unique("deep link");
    await api.memory.add.mutate({ sessionId, messages: [{ role: "Kim", content: "deep link target" }] });
    const path = `/sessions/${encodeURIComponent(sessionId)}`;
    await page.goto(`${path}?from=mail`);
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    expect(new URL(page.url()).searchParams.get("next")).toBe(`${path}?from=mail`);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("deep link target")).toBeVisible();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(`${path}?from=mail`);

    // Signed in, a next= to another site goes to the overview instead.
    for (const next of ["//example.com/", "/\\example.com/", "https://example.com/"]) {
      await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
      await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
    }
  });

  test("what is typed before the page's script runs is what signs in", async ({ page }) => {
    // Hold the page's script back while the fields are filled in, as on a slow connection.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/_next\/static\/chunks\/.*\.js/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto("/sign-in", { waitUntil: "commit" });
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    release();
    // React has taken the form over once it has attached its props to it.
    await page.waitForFunction(() => {
      const form = document.querySelector("form");
      return form !== null && Object.keys(form).some((key) => key.startsWith("__reactProps"));
    });
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  });
});

test("favicon, the environment's API key, and tabs that follow the arrow keys", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  await page.goto("/");
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", /icon\.svg/);
  const icon = await page.request.get((await page.locator('link[rel="icon"]').getAttribute("href"))!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");

  // The e2e server runs with ENGRAM_API_KEY: it is an active key like the created ones.
  const created = (await api.apiKeys.list.query()).filter((key) => !key.revoked_at).length;
  const stat = page.getByText("Active API keys").locator("..");
  await expect(stat).toContainText(String(created + 1));
  await page.goto("/settings");
  await expect(page.getByTestId("environment-api-key")).toContainText("ENGRAM_API_KEY");
  await expect(page.getByTestId("environment-api-key")).toContainText("From the environment");

  const sessionId = unique("tabs");
  await api.memory.add.mutate({ sessionId, messages: [{ role: "Kim", content: "tab through" }] });
  await page.goto(`/sessions/${encodeURIComponent(sessionId)}`);
  const transcriptTab = page.getByRole("tab", { name: "Transcript" });
  const memoryTab = page.getByRole("tab", { name: /Memory/ });
  await transcriptTab.focus();
  await page.keyboard.press("ArrowRight");
  await expect(memoryTab).toBeFocused();
  await expect(memoryTab).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tabpanel")).toContainText("Memory type");
  await page.keyboard.press("Home");
  await expect(transcriptTab).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tabpanel")).toContainText("tab through");
  expect(missing).toEqual([]);
});

test("with the network down, the memory tab and Add key say what failed and offer a retry", async ({
  page,
}) => {
  const sessionId = unique("offline");
  await api.memory.add.mutate({ sessionId, messages: [{ role: "Kim", content: "still here" }] });
  await page.goto(`/sessions/${encodeURIComponent(sessionId)}`);
  await expect(page.getByText("still here")).toBeVisible();
  await page.context().setOffline(true);
  await page.getByRole("tab", { name: /Memory/ }).click();
  const failure = page.getByRole("tabpanel").getByRole("alert").filter({ hasText: "Something went wrong" });
  await expect(failure).toBeVisible();
  await expect(page.getByText("Loading memory…")).toHaveCount(0);
  await page.context().setOffline(false);
  await failure.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByTestId("memory-view")).toContainText("still here");

  await page.goto(`/sessions/${encodeURIComponent(sessionId)}`);
  await expect(page.getByText("still here")).toBeVisible();
  await page.context().setOffline(true);
  const message = page.getByTestId("message").first();
  await message.getByRole("button", { name: /Metadata/ }).click();
  await message.getByLabel("New key").fill("priority");
  await message.getByLabel("New value").fill("high");
  await message.getByRole("button", { name: "Add key" }).click();
  await expect(message.getByRole("alert").first()).toBeVisible();
  await expect(message.getByRole("button", { name: "Add key" })).toBeEnabled();
  await page.context().setOffline(false);
  await message.getByRole("button", { name: "Add key" }).click();
  await expect(message.getByTestId("metadata-change")).toHaveCount(1);
});

test("a dialog starts on its first field", async ({ page }) => {
  await page.goto("/sessions");
  await page.getByRole("button", { name: "New session" }).first().click();
  await expect(page.getByRole("dialog", { name: "New session" }).getByLabel("Session id")).toBeFocused();
});
