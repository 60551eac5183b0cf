import { e2eApiKey } from "./support/env";
import { api, expect, test, unique } from "./support/fixtures";

test("turns added while the page is open refresh counts, enrichment, summaries and memory, whichever tab is open", async ({
  page,
}) => {
  const sessionId = unique("live-counts");
  await api.memory.add.mutate({
    sessionId,
    messages: [
      { role: "Jane", role_type: "user", content: "Hello, I need help with my order" },
      { role: "Bot", role_type: "assistant", content: "Of course. What is the order number?" },
    ],
  });
  await page.goto(`/sessions/${encodeURIComponent(sessionId)}`);
  await expect(page.getByTestId("stat-Messages")).toHaveText("2");
  const enrichment = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: "Enrichment", exact: true }) });
  await expect(enrichment.getByText("Up to date")).toBeVisible();
  await expect(page.getByText("No summaries yet.")).toBeVisible();
  // A marker that a reload would wipe out.
  await page.evaluate(() => {
    (window as unknown as { stillOpen: boolean }).stillOpen = true;
  });

  // The memory tab and its prompt preview are open: the transcript is not on screen.
  await page.getByRole("tab", { name: /Memory/ }).click();
  await page.getByRole("button", { name: "Prompt preview" }).click();
  await expect(page.getByTestId("prompt-preview")).toContainText("What is the order number?");

  // Another app keeps the conversation going, past the memory window (12), so a summary follows.
  const response = await page.request.post(`/api/v2/sessions/${encodeURIComponent(sessionId)}/memory`, {
    headers: { authorization: `Bearer ${e2eApiKey}` },
    data: {
      messages: Array.from({ length: 14 }, (_, index) => ({
        role: index % 2 ? "Bot" : "Jane",
        role_type: index % 2 ? "assistant" : "user",
        content: `Live turn ${index + 1}: the parcel ${4700 + index} is on its way`,
      })),
    },
  });
  expect(response.ok()).toBe(true);

  await expect(page.getByTestId("stat-Messages")).toHaveText("16");
  const session = await api.sessions.get.query({ sessionId });
  await expect(page.getByTestId("stat-Tokens")).toHaveText(session.token_count.toLocaleString("en"));
  await expect(page.getByTestId("prompt-preview")).toContainText("Live turn 14");
  await expect(page.getByTestId("memory-view").getByTestId("message-content").last()).toHaveText(
    "Live turn 14: the parcel 4713 is on its way",
  );

  // The background summary lands: the enrichment card and the summaries follow it.
  await expect
    .poll(async () => (await api.enrichment.status.query({ sessionId })).state, { timeout: 30_000 })
    .toBe("up_to_date");
  const status = await api.enrichment.status.query({ sessionId });
  expect(status.unsummarized_messages).toBeLessThan(16);
  await expect(enrichment.getByText("Up to date")).toBeVisible();
  await expect(
    enrichment.locator("dd").first(),
    "the card shows the unsummarized count the API gives",
  ).toHaveText(String(status.unsummarized_messages));
  await expect(page.getByTestId("summary-history-item")).toHaveCount(1);

  await page.getByRole("tab", { name: "Transcript" }).click();
  await expect(page.getByTestId("message-content").last()).toHaveText(
    "Live turn 14: the parcel 4713 is on its way",
  );
  expect(await page.evaluate(() => (window as unknown as { stillOpen?: boolean }).stillOpen)).toBe(true);
});
