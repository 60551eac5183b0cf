import { api, expect, pageSignedInAs, test, trpcFromPage, unique } from "./support/fixtures";

test("an operator attaches a session to an existing user found by id prefix, moves it, and detaches it", async ({
  page,
}) => {
  const prefix = unique("owner");
  const jane = `${prefix}-jane`;
  const bob = `${prefix}-bob`;
  await api.users.create.mutate({ user_id: jane, first_name: "Jane", email: "jane@example.com" });
  await api.users.create.mutate({ user_id: bob, first_name: "Bob" });
  const sessionId = unique("ownerless");
  await api.memory.add.mutate({ sessionId, messages: [{ role: "Jane", content: "whose session is this?" }] });

  await page.goto(`/sessions/${encodeURIComponent(sessionId)}`);
  await expect(page.getByText("No user")).toBeVisible();
  await page.getByRole("button", { name: "Attach to user" }).click();
  const dialog = page.getByRole("dialog", { name: "Session user" });
  await expect(dialog).toContainText("This session belongs to no user.");

  // Typing the start of an id offers the users it names, each with who they are.
  await dialog.getByLabel("Find a user by id").fill(prefix);
  const matches = dialog.getByRole("list", { name: "Matching users" });
  await expect(matches.getByRole("listitem")).toHaveCount(2);
  await dialog.getByLabel("Find a user by id").fill(`${prefix}-j`);
  await expect(matches.getByRole("listitem")).toHaveCount(1);
  await expect(matches).toContainText("Jane · jane@example.com");
  await dialog.getByRole("button", { name: `Attach to ${jane}` }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("link", { name: jane })).toHaveAttribute(
    "href",
    `/users/${encodeURIComponent(jane)}`,
  );
  expect((await api.sessions.get.query({ sessionId })).user_id).toBe(jane);
  const history = page.getByRole("list", { name: "Metadata history" });
  await expect(history.getByTestId("metadata-change").first()).toContainText("Session user changed");
  await expect(history.getByTestId("metadata-change").first()).toContainText(`"${jane}"`);

  // Move it to Bob: the current user is not offered again.
  await page.getByRole("button", { name: "Change user" }).click();
  await expect(dialog).toContainText(`This session belongs to ${jane}.`);
  await dialog.getByLabel("Find a user by id").fill(prefix);
  await expect(matches.getByRole("listitem")).toHaveCount(1);
  await dialog.getByRole("button", { name: `Attach to ${bob}` }).click();
  await expect(page.getByRole("link", { name: bob })).toBeVisible();

  // A search that finds nobody says so.
  await page.getByRole("button", { name: "Change user" }).click();
  await dialog.getByLabel("Find a user by id").fill(unique("nobody"));
  await expect(dialog.getByText(/No other user matches/)).toBeVisible();
  await dialog.getByRole("button", { name: `Detach from ${bob}` }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("No user")).toBeVisible();
  expect((await api.sessions.get.query({ sessionId })).user_id).toBeNull();
  const changes = await api.audit.metadataHistory.query({ entity_type: "session", entity_id: sessionId });
  expect(
    changes.changes.filter((change) => change.field === "user_id").map((change) => change.after),
  ).toEqual([{ user_id: null }, { user_id: bob }, { user_id: jane }]);

  // An unknown user is refused, and nothing changes.
  const unknown = await trpcFromPage(
    page,
    "sessions.setUser",
    { sessionId, user_id: unique("ghost") },
    "mutation",
  );
  expect(unknown.status).toBe(400);
  expect(JSON.stringify(unknown.body)).toContain("does not exist");
  expect((await api.sessions.get.query({ sessionId })).user_id).toBeNull();
});

test("support staff see a session's user but cannot attach or detach it", async ({ page, browser }) => {
  const email = `${unique("owner-support")}@engram.test`;
  const password = "support-password-7";
  await page.goto("/settings");
  const created = await trpcFromPage(
    page,
    "accounts.create",
    { email, password, role: "support" },
    "mutation",
  );
  expect(created.status).toBe(200);
  const userId = unique("owned-by");
  const sessionId = unique("owned");
  await api.users.create.mutate({ user_id: userId });
  await api.sessions.create.mutate({ session_id: sessionId, user_id: userId });

  const support = await pageSignedInAs(browser, email, password);
  await support.goto(`/sessions/${encodeURIComponent(sessionId)}`);
  await expect(support.getByRole("link", { name: userId })).toBeVisible();
  await expect(support.getByRole("button", { name: /Change user|Attach to user/ })).toHaveCount(0);
  const refused = await trpcFromPage(support, "sessions.setUser", { sessionId, user_id: null }, "mutation");
  expect(refused.status).toBe(403);
  expect((await api.sessions.get.query({ sessionId })).user_id).toBe(userId);
  await support.context().close();
});
