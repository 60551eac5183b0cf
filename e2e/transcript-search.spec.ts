import { api, expect, pageSignedInAs, test, trpcFromPage, unique } from "./support/fixtures";

test("transcript search finds messages not loaded yet and opens the transcript at one", async ({ page }) => {
  const sessionId = unique("searched");
  const messages = Array.from({ length: 160 }, (_, index) => ({
    role: index % 2 ? "Bot" : "Ana",
    role_type: index % 2 ? ("assistant" as const) : ("user" as const),
    content:
      index === 4
        ? "My parcel tracking code is ZX-4711, please check it"
        : index === 150
          ? "The tracking code zx-4711 shows it left the depot"
          : `Turn ${index + 1} of the conversation`,
  }));
  const { message_uuids: uuids } = await api.memory.add.mutate({ sessionId, messages });

  await page.goto(`/sessions/${encodeURIComponent(sessionId)}`);
  await expect(page.getByTestId("earlier-count")).toHaveText("60 earlier messages not shown");
  // Message 5 is in none of the loaded pages.
  await expect(page.locator(`[id="${uuids[4]}"]`)).toHaveCount(0);

  await page.getByLabel("Search this transcript").fill("Zx-4711");
  await expect(page.getByTestId("transcript-search-total")).toHaveText(
    "2 messages match in the whole session, newest first",
  );
  const results = page.getByTestId("search-result");
  await expect(results).toHaveCount(2);
  await expect(results.nth(0)).toContainText("Message 151");
  await expect(results.nth(1)).toContainText("Message 5");
  await expect(results.nth(1).locator("mark")).toHaveText("ZX-4711");
  await expect(results.nth(0).locator("mark")).toHaveText("zx-4711");

  await results.nth(1).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`#${uuids[4]}$`));
  const target = page.locator(`[id="${uuids[4]}"]`);
  await expect(target).toHaveAttribute("data-highlighted", "true");
  await expect(target).toBeInViewport();
  await expect(target.getByTestId("message-content")).toHaveText(
    "My parcel tracking code is ZX-4711, please check it",
  );
  await expect(page.getByLabel("Search this transcript")).toHaveValue("");

  // Nothing found says so; the server refuses what the box would not send.
  await page.getByLabel("Search this transcript").fill("no such words anywhere");
  await expect(page.getByText("No message matches")).toBeVisible();
  const tooLong = await trpcFromPage(
    page,
    "messages.searchInSession",
    { sessionId, query: "x".repeat(201) },
    "query",
  );
  expect(tooLong.status).toBe(400);
  expect(JSON.stringify(tooLong.body)).toContain("query must be at most 200 characters");
});

test("support staff search a transcript too", async ({ page, browser }) => {
  const sessionId = unique("support-search");
  await api.memory.add.mutate({
    sessionId,
    messages: [
      { role: "Lu", content: "Where is my invoice?" },
      { role: "Bot", content: "Your invoice was emailed on Monday." },
    ],
  });
  const email = `${unique("search-support")}@engram.test`;
  const password = "support-password-3";
  await page.goto("/");
  const created = await trpcFromPage(
    page,
    "accounts.create",
    { email, password, role: "support" },
    "mutation",
  );
  expect(created.status).toBe(200);

  const support = await pageSignedInAs(browser, email, password);
  await support.goto(`/sessions/${encodeURIComponent(sessionId)}`);
  await support.getByLabel("Search this transcript").fill("INVOICE");
  await expect(support.getByTestId("search-result")).toHaveCount(2);
  await expect(support.getByTestId("transcript-search-total")).toHaveText(
    "2 messages match in the whole session, newest first",
  );
  await support.context().close();
});
