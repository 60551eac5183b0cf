import { api, expect, test, unique } from "./support/fixtures";

test("summaries show the messages they cover, their history, and what lastn does to memory", async ({
  page,
}) => {
  const sessionId = unique("ranges");
  const { message_uuids: uuids } = await api.memory.add.mutate({
    sessionId,
    messages: Array.from({ length: 10 }, (_, index) => ({ role: "Eva", content: `point ${index + 1}` })),
  });
  await api.memory.addSummary.mutate({
    sessionId,
    content: "Points one to four.",
    recent_message_uuid: uuids[3]!,
  });
  await api.memory.addSummary.mutate({
    sessionId,
    content: "Points one to seven.",
    recent_message_uuid: uuids[6]!,
  });

  await page.goto(`/sessions/${encodeURIComponent(sessionId)}`);
  const cards = page.getByRole("list", { name: "Transcript" }).getByTestId("summary");
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0).getByTestId("summary-range")).toHaveText("Covers messages 1–4");
  await expect(cards.nth(1).getByTestId("summary-range")).toHaveText("Covers messages 1–7 (5–7 new)");
  await expect(cards.nth(1).getByRole("link", { name: "5" })).toHaveAttribute("href", `#${uuids[4]}`);
  await cards.nth(1).getByRole("link", { name: "5" }).click();
  await expect(page.locator(`[id="${uuids[4]}"]`)).toHaveAttribute("data-highlighted", "true");

  const history = page.getByRole("list", { name: "Summary history" }).getByTestId("summary-history-item");
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText("Latest");
  await expect(history.nth(0)).toContainText("Covers messages 1–7 (5–7 new)");
  await expect(history.nth(1)).toContainText("Covers messages 1–4");

  await page.getByRole("tab", { name: /Memory/ }).click();
  await page.getByRole("button", { name: "Perpetual", exact: true }).click();
  await page.getByLabel("lastn").fill("2");
  await expect(page.getByTestId("memory-rule")).toContainText(
    "newest summary that ends before the first of them",
  );
  await expect(page.getByTestId("memory-outcome")).toHaveText(
    "Messages 9–10 and the summary of messages 1–7: message 8 is in neither.",
  );
  await page.getByLabel("lastn").fill("1");
  const perpetualOne = await api.memory.get.query({ sessionId, memoryType: "perpetual", lastn: 1 });
  expect(perpetualOne.summary?.content).toBe("Points one to seven.");

  await page.getByRole("button", { name: "Message window", exact: true }).click();
  await page.getByLabel("lastn").fill("5");
  await expect(page.getByTestId("memory-rule")).toContainText("a large lastn reaches back");
  await expect(page.getByTestId("memory-outcome")).toHaveText(
    "Messages 6–10 and the summary of messages 1–7: messages 6–7 are in both.",
  );

  await page.getByRole("button", { name: "Prompt preview" }).click();
  const expected = await api.memory.get.query({
    sessionId,
    memoryType: "message_window",
    lastn: 5,
    includeContext: true,
  });
  await expect(page.getByTestId("prompt-preview")).toHaveText(expected.context!);
  await expect(page.getByTestId("prompt-tokens")).toHaveText(/^\d+ tokens$/);
  const tokens = Number((await page.getByTestId("prompt-tokens").textContent())!.split(" ")[0]);
  expect(tokens).toBeGreaterThan(10);
});
