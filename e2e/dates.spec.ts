import { api, expect, test, unique } from "./support/fixtures";

// A browser far from the server's timezone and language: dates must not make hydration fail
// (the fixture fails the test on any console error, React's #418 included).
test.use({ timezoneId: "America/Los_Angeles", locale: "de-DE" });

const losAngelesHover = /\d{4} um \d{2}:\d{2}:\d{2} GMT-[78]$/;

test("dates use the browser's timezone and locale, relative times the page's language, with no hydration error", async ({
  page,
}) => {
  const sessionId = unique("dates");
  await api.memory.add.mutate({
    sessionId,
    messages: [
      { role: "Lena", role_type: "user", content: "Wann kommt mein Paket?" },
      { role: "Bot", role_type: "assistant", content: "Morgen zwischen 9 und 12 Uhr." },
    ],
  });
  const session = await api.sessions.get.query({ sessionId });
  // What a German browser in Los Angeles writes for the creation time, e.g. "30.11.2026, 05:33".
  const created = new Intl.DateTimeFormat("de-DE", {
    timeZone: "America/Los_Angeles",
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(session.created_at));

  await page.goto("/");
  const recent = page.getByRole("row").filter({ hasText: sessionId });
  await expect(recent.locator("time")).toHaveText(/^(just now|\d+ minutes? ago)$/);
  await expect(recent.locator("time")).toHaveAttribute("title", losAngelesHover);

  await page.goto(`/sessions?q=${encodeURIComponent(sessionId)}`);
  const row = page.getByRole("row").filter({ hasText: sessionId });
  await expect(row.locator("time").first()).toHaveText(/^(just now|\d+ minutes? ago)$/);
  await expect(row.locator(`time[datetime="${session.created_at}"]`).last()).toHaveText(created);

  await page.goto(`/sessions/${encodeURIComponent(sessionId)}`);
  await expect(page.getByTestId("message")).toHaveCount(2);
  const messageTime = page.getByTestId("message").first().locator("time");
  await expect(messageTime).toHaveText(/^\d{2}:\d{2}:\d{2}$/);
  await expect(messageTime).toHaveAttribute("title", losAngelesHover);
  await expect(page.locator(`time[datetime="${session.created_at}"]`).first()).toHaveText(created);
  await expect(page.getByTestId("stat-Last activity")).toHaveText(/^(just now|\d+ minutes? ago)$/);
  await page.waitForLoadState("networkidle");
});
