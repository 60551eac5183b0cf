import { api, expect, test, unique } from "./support/fixtures";

test("annotated messages stand out, filter, appear in the session's history; the transcript is searchable", async ({
  page,
}) => {
  const sessionId = unique("flagged");
  const { message_uuids: uuids } = await api.memory.add.mutate({
    sessionId,
    messages: [
      { role: "Lu", role_type: "user", content: "I want a refund for order 77" },
      { role: "Bot", role_type: "assistant", content: "Refunds take five days." },
      { role: "Lu", role_type: "user", content: "Thanks, bye" },
    ],
  });
  await api.messages.update.mutate({
    sessionId,
    uuid: uuids[1]!,
    patch: { metadata: { flag: "wrong policy" } },
  });

  await page.goto(`/sessions/${encodeURIComponent(sessionId)}`);
  const messages = page.getByTestId("message");
  await expect(messages).toHaveCount(3);
  await expect(messages.nth(1).getByText("Annotated", { exact: true })).toBeVisible();
  await expect(messages.nth(0).getByText("Annotated", { exact: true })).toHaveCount(0);

  await page.getByLabel("Annotated only (1)").check();
  await expect(messages).toHaveCount(1);
  await expect(messages.first()).toHaveAttribute("data-message-uuid", uuids[1]!);
  await expect(page.getByTestId("transcript-filter-note")).toHaveText("1 of 3 loaded messages");
  await page.getByLabel("Annotated only (1)").uncheck();

  await page.getByLabel("Search this transcript").fill("REFUND");
  await expect(page.getByTestId("search-result")).toHaveCount(2);
  await page.getByLabel("Search this transcript").fill("");
  await expect(messages).toHaveCount(3);

  const history = page.getByRole("list", { name: "Metadata history" }).first();
  await expect(history).toContainText("flag");
  await expect(history.getByRole("link", { name: "on a message" })).toHaveAttribute("href", `#${uuids[1]}`);
});
