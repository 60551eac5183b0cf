import { readFile } from "node:fs/promises";
import { admin, e2eApiKey } from "./support/env";
import { api, expect, pageSignedInAs, snapshot, test, trpcFromPage, unique } from "./support/fixtures";

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("every page redirects to sign-in and the API refuses the dashboard's calls", async ({
    page,
    request,
  }) => {
    const sessionId = unique("private");
    await api.memory.add.mutate({ sessionId, messages: [{ role: "Jane", content: "secret plans" }] });
    for (const path of ["/", "/sessions", `/sessions/${sessionId}`, "/users", "/settings"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/sign-in/);
      await expect(page.getByText("secret plans")).toHaveCount(0);
    }
    const response = await request.get(
      `/api/trpc/sessions.get?input=${encodeURIComponent(JSON.stringify({ sessionId }))}`,
      {
        headers: { "x-engram-csrf": "1" },
      },
    );
    expect(response.status()).toBe(401);
  });

  test("a sign-in cookie without the CSRF header is not accepted", async ({ browser, request }) => {
    const page = await pageSignedInAs(browser, admin.email, admin.password);
    const cookie = (await page.context().cookies()).find((c) => c.name === "engram_session")!;
    const withoutHeader = await request.post("/api/trpc/memory.delete", {
      headers: { cookie: `engram_session=${cookie.value}` },
      data: { sessionId: "anything" },
    });
    expect(withoutHeader.status()).toBe(401);
    await page.context().close();
  });
});

test("create a session for a new user with user and session metadata", async ({ page }) => {
  const sessionId = unique("created");
  const userId = unique("user");
  await page.goto("/sessions");
  await page.getByRole("button", { name: "New session" }).first().click();
  const dialog = page.getByRole("dialog", { name: "New session" });
  await dialog.getByLabel("Session id").fill(sessionId);
  await dialog.getByLabel("User id").fill(userId);
  await dialog.getByLabel("Email").fill(`${userId}@example.com`);
  await dialog.getByLabel("First name").fill("Grace");
  await dialog.getByLabel("User metadata").fill('{"plan": "pro",}');
  await dialog.getByLabel("Session metadata").fill('{"channel": "web", "tags": ["vip"]}');
  await dialog.getByRole("button", { name: "Create session" }).click();
  await expect(dialog.getByText(/Not valid JSON/)).toBeVisible();

  await dialog.getByLabel("User metadata").fill('{"plan": "pro", "seats": 3}');
  await dialog.getByRole("button", { name: "Create session" }).click();
  await expect(page).toHaveURL(new RegExp(`/sessions/${sessionId}$`));
  await expect(page.getByRole("heading", { name: sessionId })).toBeVisible();

  const user = await api.users.get.query({ userId });
  expect(user).toMatchObject({
    email: `${userId}@example.com`,
    first_name: "Grace",
    metadata: { plan: "pro", seats: 3 },
  });
  const session = await api.sessions.get.query({ sessionId });
  expect(session).toMatchObject({ user_id: userId, metadata: { channel: "web", tags: ["vip"] } });
});

test("messages added through the API appear live in the open transcript", async ({ page }) => {
  const sessionId = unique("live");
  await api.memory.add.mutate({
    sessionId,
    messages: [
      { role: "Jane", role_type: "user", content: "Hello, I need help with my order" },
      { role: "Bot", role_type: "assistant", content: "Of course. What is the order number?" },
    ],
  });
  await page.goto(`/sessions/${encodeURIComponent(sessionId)}`);
  const transcript = page.getByRole("list", { name: "Transcript" });
  await expect(transcript.getByTestId("message")).toHaveCount(2);
  await expect(transcript.getByTestId("message").first()).toContainText("Jane");
  await expect(transcript.getByTestId("message").first()).toContainText("user");
  await expect(transcript.getByTestId("message").first()).toContainText("tokens");

  // Another app keeps the conversation going while the operator watches.
  const response = await page.request.post(`/api/v2/sessions/${encodeURIComponent(sessionId)}/memory`, {
    headers: {
      authorization: `Bearer ${e2eApiKey}`,
    },
    data: { messages: [{ role: "Jane", role_type: "user", content: "It is order 4711, thanks!" }] },
  });
  expect(response.ok()).toBe(true);
  await expect(transcript.getByTestId("message")).toHaveCount(3);
  await expect(transcript.getByTestId("message").last()).toContainText("It is order 4711, thanks!");
  await expect(page.getByTestId("stat-Messages")).toHaveText("3");
  await snapshot(page, "session-transcript");
});

test("the memory-type toggle shows the same messages and summary as memory.get", async ({ page }) => {
  const sessionId = unique("memory");
  const added = await api.memory.add.mutate({
    sessionId,
    messages: Array.from({ length: 6 }, (_, index) => ({
      role: index % 2 ? "Bot" : "Ann",
      role_type: index % 2 ? ("assistant" as const) : ("user" as const),
      content: `turn ${index + 1} about ${index < 3 ? "shipping" : "refunds"}`,
    })),
  });
  await api.memory.addSummary.mutate({
    sessionId,
    content: "Ann asked about shipping and the bot explained the options.",
    recent_message_uuid: added.message_uuids[2]!,
  });

  await page.goto(`/sessions/${encodeURIComponent(sessionId)}`);
  await expect(page.getByTestId("summary")).toContainText("Ann asked about shipping");
  await page.getByRole("tab", { name: /Memory/ }).click();

  const cases = [
    { memoryType: "message_window", label: "Message window" },
    { memoryType: "perpetual", label: "Perpetual" },
    { memoryType: "summary_retriever", label: "Summary retriever" },
    { memoryType: "perpetual", label: "Perpetual", lastn: 2 },
    { memoryType: "message_window", label: "Message window", lastn: 4 },
  ] as const;
  const view = page.getByTestId("memory-view");
  for (const option of cases) {
    await page.getByRole("button", { name: option.label, exact: true }).click();
    await page.getByLabel("lastn").fill("lastn" in option ? String(option.lastn) : "");
    const expected = await api.memory.get.query({
      sessionId,
      memoryType: option.memoryType,
      lastn: "lastn" in option ? option.lastn : undefined,
    });
    await expect(view.getByTestId("message-content")).toHaveText(
      expected.messages.map((message) => message.content),
    );
    if (expected.summary)
      await expect(view.getByTestId("summary").first()).toContainText(expected.summary.content);
    else await expect(view.getByTestId("summary")).toHaveCount(0);
  }

  // The raw view is memory.get's reply itself.
  await page.getByRole("button", { name: "Perpetual", exact: true }).click();
  await page.getByLabel("lastn").fill("");
  await page.getByRole("button", { name: "Raw JSON" }).click();
  const expected = await api.memory.get.query({ sessionId, memoryType: "perpetual" });
  await expect(page.getByTestId("memory-json")).toHaveText(JSON.stringify(expected, null, 2));
  await page.getByRole("button", { name: "Formatted" }).click();

  await page.getByRole("button", { name: "Make session default" }).click();
  await expect(page.getByText("Session default", { exact: true })).toBeVisible();
  expect((await api.sessions.get.query({ sessionId })).memory_type).toBe("perpetual");
  expect((await api.memory.get.query({ sessionId })).memory_type).toBe("perpetual");
  await snapshot(page, "session-memory");
});

test("annotate a message and see its history", async ({ page }) => {
  const sessionId = unique("annotate");
  const added = await api.memory.add.mutate({
    sessionId,
    messages: [
      { role: "Jane", role_type: "user", content: "My parcel never arrived", metadata: { source: "email" } },
    ],
  });
  const uuid = added.message_uuids[0]!;
  await page.goto(`/sessions/${encodeURIComponent(sessionId)}`);
  const message = page.locator(`[data-message-uuid="${uuid}"]`);
  await message.getByRole("button", { name: /Metadata/ }).click();
  await message.getByLabel("New key").fill("priority");
  await message.getByLabel("New value").fill("high");
  await message.getByRole("button", { name: "Add key" }).click();
  await message.getByLabel("Add tag").fill("escalated");
  await message.getByLabel("Add tag").press("Enter");

  // Newest change first: the tag, then the key.
  const changes = message.getByTestId("metadata-change");
  await expect(changes).toHaveCount(2);
  await expect(changes.last()).toContainText(admin.name);
  await expect(changes.last()).not.toContainText("account:");
  await expect(changes.last()).toContainText("priority");
  await expect(changes.last()).toContainText('"high"');
  await expect(changes.first()).toContainText('["escalated"]');

  await message.getByRole("button", { name: "Remove priority" }).click();
  await expect(changes).toHaveCount(3);
  await expect(changes.first()).toContainText('"high"');
  await expect(changes.first()).toContainText("removed");

  // Enrichment may have added its own `system` key meanwhile; the rest is what the operator wrote.
  const { system: _system, ...stored } = (await api.messages.get.query({ sessionId, uuid })).metadata;
  expect(stored).toEqual({ source: "email", tags: ["escalated"] });
  await snapshot(page, "message-annotation");
});

test("a support account can annotate but cannot delete or see API keys", async ({ page, browser }) => {
  const email = `${unique("support")}@engram.test`;
  const password = "support-password-1";
  await page.goto("/settings");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Role", { exact: true }).selectOption("support");
  await page.getByRole("button", { name: "Add account" }).click();
  await expect(page.getByRole("cell", { name: email, exact: true })).toBeVisible();

  const sessionId = unique("support-view");
  await api.memory.add.mutate({ sessionId, messages: [{ role: "Jane", content: "Please call me back" }] });

  const support = await pageSignedInAs(browser, email, password);
  await support.goto(`/sessions/${encodeURIComponent(sessionId)}`);
  await expect(support.getByText("Please call me back")).toBeVisible();
  await expect(support.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await support.getByLabel("New key").first().fill("follow_up");
  await support.getByLabel("New value").first().fill("tomorrow");
  await support.getByRole("button", { name: "Add key" }).first().click();
  // An account without a name shows as its email.
  await expect(support.getByRole("list", { name: "Metadata history" }).first()).toContainText(email);
  expect((await api.sessions.get.query({ sessionId })).metadata).toEqual({ follow_up: "tomorrow" });

  await support.goto("/settings");
  await expect(support.getByRole("heading", { name: "API keys" })).toHaveCount(0);
  await expect(support.getByText("managed by admins")).toBeVisible();
  await snapshot(support, "settings-support");

  // The server refuses too, whatever the page shows.
  const deletion = await trpcFromPage(support, "memory.delete", { sessionId }, "mutation");
  expect(deletion.status).toBe(403);
  const keys = await trpcFromPage(support, "apiKeys.list", undefined, "query");
  expect(keys.status).toBe(403);
  const accounts = await trpcFromPage(
    support,
    "accounts.create",
    { email: "x@engram.test", password, role: "admin" },
    "mutation",
  );
  expect(accounts.status).toBe(403);
  expect((await api.sessions.get.query({ sessionId })).session_id).toBe(sessionId);
  await support.context().close();
});

test("an admin creates an API key, sees it once, and revokes it", async ({ page, request }) => {
  const name = unique("key");
  await page.goto("/settings");
  await page.getByLabel("New key name").fill(name);
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())!;
  expect(key).toMatch(/^engram_/);
  const works = await request.get("/api/trpc/dashboard.overview?input=%7B%7D", {
    headers: { authorization: `Bearer ${key}` },
  });
  expect(works.status()).toBe(200);

  await page.getByRole("button", { name: "Done" }).click();
  await page.reload();
  await expect(page.getByText(key)).toHaveCount(0);
  await snapshot(page, "settings");
  const row = page.getByRole("row").filter({ hasText: name });
  await row.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(row.getByText("Revoked")).toBeVisible();
  const refused = await request.get("/api/trpc/dashboard.overview?input=%7B%7D", {
    headers: { authorization: `Bearer ${key}` },
  });
  expect(refused.status()).toBe(401);
});

test("search, filter and page through sessions; delete one with confirmation", async ({ page }) => {
  const marker = unique("needle");
  const userId = unique("searcher");
  await api.users.create.mutate({ user_id: userId, first_name: "Sam", email: `${userId}@example.com` });
  for (let index = 0; index < 3; index++) {
    await api.sessions.create.mutate({
      session_id: `${marker}-s${index}`,
      user_id: userId,
      metadata: { index },
    });
    await api.memory.add.mutate({
      sessionId: `${marker}-s${index}`,
      messages: [{ role: "Sam", content: index === 1 ? "the zebra crossing was closed" : "nothing special" }],
    });
  }
  await page.goto("/sessions");
  // Keyboard: "/" jumps to the search box (once the page is hydrated and listens for keys).
  await expect(async () => {
    await page.locator("body").press("/");
    await expect(page.getByLabel("Search sessions")).toBeFocused({ timeout: 500 });
  }).toPass();
  await expect(page.getByLabel("Search sessions")).toHaveValue("");
  await page.keyboard.type("zebra crossing");
  await expect(page.getByRole("link", { name: `${marker}-s1` })).toBeVisible();
  await expect(page.getByRole("link", { name: `${marker}-s0` })).toHaveCount(0);

  await page.getByLabel("Search sessions").fill("");
  await page.getByLabel("Filter by user id").fill(userId);
  await page.getByLabel("Filter by user id").press("Enter");
  await expect(page.getByRole("row")).toHaveCount(4);
  await page.getByLabel("Sort by").selectOption("session_id");
  await page.getByRole("button", { name: /Sorted descending/ }).click();
  await expect(page.getByRole("row").nth(1)).toContainText(`${marker}-s0`);
  await snapshot(page, "sessions");

  await page.getByRole("link", { name: `${marker}-s2` }).click();
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete session" }).click();
  await expect(page).toHaveURL(/\/sessions$/);
  await expect(api.sessions.get.query({ sessionId: `${marker}-s2` })).rejects.toThrow(/not found/);
});

test("users list and detail: edit, metadata and sessions", async ({ page }) => {
  const userId = unique("person");
  await api.users.create.mutate({
    user_id: userId,
    first_name: "Lin",
    last_name: "Chen",
    metadata: { tier: "gold" },
  });
  await api.sessions.create.mutate({ session_id: `${userId}-chat`, user_id: userId });
  await page.goto("/users");
  await page.getByLabel("Search users").fill(userId);
  await expect(page.getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("row").nth(1)).toContainText("1");
  await page.getByRole("link", { name: "Lin Chen" }).click();
  await expect(page.getByRole("heading", { name: "Lin Chen" })).toBeVisible();
  await expect(page.getByRole("link", { name: `${userId}-chat` })).toBeVisible();
  await page.getByRole("button", { name: "Edit profile" }).click();
  await page.getByLabel("Email").fill(`${userId}@example.org`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText(`${userId}@example.org`)).toBeVisible();
  await page.getByRole("button", { name: "Edit tier" }).click();
  await page.getByLabel("Value of tier").fill("platinum");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("list", { name: "Metadata history" })).toContainText('"platinum"');
  expect(await api.users.get.query({ userId })).toMatchObject({
    email: `${userId}@example.org`,
    metadata: { tier: "platinum" },
  });
  await snapshot(page, "user-detail");
  await page.goto("/users");
  await snapshot(page, "users");
});

test("overview shows counts and activity; pages work on a phone and in dark mode", async ({ page }) => {
  await api.memory.add.mutate({
    sessionId: unique("activity"),
    messages: [{ role: "Ivo", content: "Good morning" }],
  });
  const counts = (await api.dashboard.overview.query({})).counts;
  await page.goto("/");
  await expect(page.getByText(String(counts.sessions), { exact: true }).first()).toBeVisible();
  await expect(page.getByText("Sessions", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("img", { name: "Messages and new sessions per day" })).toBeVisible();
  await expect(page.locator(".recharts-area").first()).toBeVisible();
  await snapshot(page, "overview");

  await page.getByRole("button", { name: "Switch to dark mode" }).first().click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await snapshot(page, "overview-dark");
  await page.goto("/sessions");
  await snapshot(page, "sessions-dark");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/sessions");
  await page.getByRole("button", { name: "Open menu" }).click();
  await page.getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await page.getByRole("button", { name: "Open menu" }).click();
  await page.getByRole("button", { name: "Switch to light mode" }).click();
  await page.goto("/sessions");
  await snapshot(page, "sessions-phone");
  const sessionId = unique("phone");
  await api.memory.add.mutate({
    sessionId,
    messages: [
      { role: "Mia", role_type: "user", content: "Can I change my delivery address after ordering?" },
      { role: "Bot", role_type: "assistant", content: "Yes, until the parcel ships. Which order is it?" },
    ],
  });
  await page.goto(`/sessions/${encodeURIComponent(sessionId)}`);
  await expect(page.getByTestId("message")).toHaveCount(2);
  await snapshot(page, "session-phone");
});

test("sessions whose ids hold spaces, slashes, percent signs and accents open from the list", async ({
  page,
}) => {
  const sessionId = `${unique("odd")} / ü%41 #1`;
  await api.memory.add.mutate({
    sessionId,
    messages: [{ role: "Zoë", content: "unusual id, usual conversation" }],
  });
  await page.goto(`/sessions?q=${encodeURIComponent(sessionId)}`);
  await page.getByRole("link", { name: sessionId }).click();
  await expect(page.getByRole("heading", { name: sessionId })).toBeVisible();
  await expect(page.getByText("unusual id, usual conversation")).toBeVisible();
});

test("export a session as JSON and as Markdown", async ({ page }) => {
  const sessionId = unique("export");
  const contents = ["How do I reset it?", "Run:\n```\nengram reset\n```", "Thanks 🙏"];
  await api.memory.add.mutate({
    sessionId,
    messages: contents.map((content, index) => ({
      role: index === 1 ? "Bot" : "Ann",
      role_type: index === 1 ? ("assistant" as const) : ("user" as const),
      content,
      metadata: { index },
    })),
  });
  await page.goto(`/sessions/${encodeURIComponent(sessionId)}`);
  await expect(page.getByTestId("message")).toHaveCount(3);

  const [jsonDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export JSON" }).click(),
  ]);
  const exported = JSON.parse(await readFile((await jsonDownload.path())!, "utf8"));
  expect(exported.session.session_id).toBe(sessionId);
  expect(exported.messages.map((message: { content: string }) => message.content)).toEqual(contents);
  expect(exported.messages[1]).toMatchObject({ role: "Bot", role_type: "assistant", metadata: { index: 1 } });

  const [markdownDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export Markdown" }).click(),
  ]);
  expect(markdownDownload.suggestedFilename()).toMatch(/\.md$/);
  const markdown = await readFile((await markdownDownload.path())!, "utf8");
  expect(markdown).toContain(`# Session ${sessionId}`);
  expect(markdown).toMatch(/### Bot · assistant/);
  expect(markdown).toContain("````\nRun:\n```\nengram reset\n```\n````");
  expect(markdown).toContain("Thanks 🙏");
});
