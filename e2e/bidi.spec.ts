import type { Locator } from "@playwright/test";
import { api, expect, test, unique } from "./support/fixtures";

/** Text the page cannot know the direction of: the element decides from its content (dir=auto), and Arabic or Hebrew reads right to left. */
async function expectRtl(element: Locator) {
  await expect(element).toHaveAttribute("dir", "auto");
  await expect(element).toHaveCSS("direction", "rtl");
  expect(await element.evaluate((node) => node.matches(":dir(rtl)"))).toBe(true);
}

test("user-provided Arabic and Hebrew text reads right to left in lists, user and session pages", async ({
  page,
}) => {
  const userId = unique("مستخدم");
  const sessionId = unique("שיחה");
  await api.users.create.mutate({
    user_id: userId,
    first_name: "ليلى",
    last_name: "حداد",
    email: `${userId}@example.com`,
    metadata: { city: "القاهرة" },
  });
  const { message_uuids: uuids } = await api.memory.add.mutate({
    sessionId,
    messages: [
      { role: "ليلى", role_type: "user", content: "مرحبا، أريد استرداد المبلغ" },
      { role: "Bot", role_type: "assistant", content: "בוודאי, מה מספר ההזמנה?" },
    ],
  });
  await api.sessions.update.mutate({ sessionId, patch: { metadata: { note: "לקוחה חוזרת" } } });
  await api.sessions.create.mutate({ session_id: unique("bidi-owned"), user_id: userId });
  await api.messages.update.mutate({
    sessionId,
    uuid: uuids[0]!,
    patch: { metadata: { note: "عميلة مهمة" } },
  });
  await api.memory.addSummary.mutate({
    sessionId,
    content: "ليلى طلبت استرداد المبلغ",
    recent_message_uuid: uuids[1]!,
  });
  await api.facts.addForUser.mutate({ userId, fact: "ليلى تسكن في القاهرة", rating: 0.8 });

  // Sessions list: the id, and the metadata chip.
  await page.goto(`/sessions?q=${encodeURIComponent(sessionId)}`);
  const sessionRow = page.getByRole("row").filter({ hasText: sessionId });
  await expectRtl(sessionRow.getByRole("link", { name: sessionId }));
  await expectRtl(sessionRow.getByTestId("metadata-chip").locator("bdi"));

  // Users list: the name, and the metadata chip.
  await page.goto(`/users?user=${encodeURIComponent(userId)}`);
  const userRow = page.getByRole("row").filter({ hasText: userId });
  await expectRtl(userRow.getByRole("link", { name: "ليلى حداد" }));
  await expectRtl(userRow.getByText(userId, { exact: true }));
  await expectRtl(userRow.getByTestId("metadata-chip").locator("bdi"));

  // User page: name, id, fact.
  await userRow.getByRole("link", { name: "ليلى حداد" }).click();
  await expectRtl(page.getByRole("heading", { name: "ليلى حداد" }).locator("span"));
  await expectRtl(page.getByTestId("user-id"));
  await expectRtl(page.getByTestId("fact-text").filter({ hasText: "ليلى تسكن في القاهرة" }));

  // Session page: title, speaker, summary, annotation, search results.
  await page.goto(`/sessions/${encodeURIComponent(sessionId)}`);
  await expectRtl(page.getByRole("heading", { name: sessionId }).locator("span"));
  await expectRtl(page.getByTestId("summary").getByText("ليلى طلبت استرداد المبلغ"));
  const first = page.locator(`[id="${uuids[0]}"]`);
  await expectRtl(first.locator("header").getByText("ليلى", { exact: true }));
  await expectRtl(page.getByText("לקוחה חוזרת", { exact: true }));
  await page.getByLabel("Search this transcript").fill("استرداد");
  await expectRtl(page.getByTestId("search-snippet"));
});
