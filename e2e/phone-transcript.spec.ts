import { api, expect, test, unique } from "./support/fixtures";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function seedLongSession(count: number) {
  const sessionId = unique("phone");
  await api.memory.add.mutate({
    sessionId,
    messages: Array.from({ length: count }, (_, index) => ({
      role: index % 2 ? "Bot" : "Ana",
      role_type: index % 2 ? ("assistant" as const) : ("user" as const),
      content: `Phone turn ${index + 1}`,
    })),
  });
  return sessionId;
}

test("on a phone a long session opens with its newest message in view", async ({ page }) => {
  const sessionId = await seedLongSession(150);
  const newest = page.getByTestId("message-content").getByText("Phone turn 150", { exact: true });

  await page.goto(`/sessions/${encodeURIComponent(sessionId)}`);
  await expect(newest).toBeInViewport({ ratio: 1 });
  await expect(
    page.getByTestId("message-content").getByText("Phone turn 51", { exact: true }),
  ).toBeAttached();

  // The same when the session is opened from the list.
  await page.goto(`/sessions?q=${encodeURIComponent(sessionId)}`);
  await page.getByRole("link", { name: sessionId }).click();
  await expect(page.getByRole("heading", { name: sessionId })).toBeVisible();
  await expect(newest).toBeInViewport({ ratio: 1 });
});
