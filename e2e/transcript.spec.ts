import { api, expect, test, unique } from "./support/fixtures";

async function seedLongSession(count: number) {
  const sessionId = unique("long");
  const messages = Array.from({ length: count }, (_, index) => ({
    role: index % 2 ? "Bot" : "Ana",
    role_type: index % 2 ? ("assistant" as const) : ("user" as const),
    content: `Turn ${index + 1} of the conversation`,
  }));
  await api.memory.add.mutate({ sessionId, messages });
  return sessionId;
}

const turn = (page: import("@playwright/test").Page, n: number) =>
  page.getByTestId("message-content").getByText(`Turn ${n} of the conversation`, { exact: true });

test("a long transcript opens at the newest message and loads older ones above, keeping its place", async ({
  page,
}) => {
  const sessionId = await seedLongSession(150);
  await page.goto(`/sessions/${encodeURIComponent(sessionId)}`);

  await expect(turn(page, 150)).toBeInViewport();
  await expect(turn(page, 51)).toBeAttached();
  await expect(turn(page, 50)).toHaveCount(0);
  await expect(page.getByTestId("earlier-count")).toHaveText("50 earlier messages not shown");

  // Scroll to the top of what is loaded, then load the rest above it.
  await page.getByTestId("transcript-scroller").evaluate((element) => {
    element.scrollTop = 0;
  });
  await expect(turn(page, 51)).toBeInViewport();
  await page.getByRole("button", { name: "Load 50 earlier" }).click();
  await expect(turn(page, 1)).toBeAttached();
  await expect(page.getByText("Start of the conversation")).toBeAttached();
  await expect(turn(page, 51)).toBeInViewport();
  await expect(turn(page, 1)).not.toBeInViewport();
  const order = await page.getByTestId("message-content").allTextContents();
  expect(order.slice(0, 3)).toEqual([1, 2, 3].map((n) => `Turn ${n} of the conversation`));
  expect(order.at(-1)).toBe("Turn 150 of the conversation");
});

test("a #uuid link opens the transcript at that message, loading back to it", async ({ page }) => {
  const sessionId = await seedLongSession(130);
  const { messages } = await api.messages.list.query({ sessionId, direction: "forward", limit: 3 });
  const third = messages[2]!;

  await page.goto(`/sessions/${encodeURIComponent(sessionId)}#${third.uuid}`);
  const target = page.locator(`[id="${third.uuid}"]`);
  await expect(target).toHaveAttribute("data-highlighted", "true");
  await expect(target).toBeInViewport();
  await expect(target.getByTestId("message-content")).toHaveText("Turn 3 of the conversation");

  // Each message's time is its link.
  const last = page.getByTestId("message").last();
  await last.getByRole("link", { name: /Link to this message/ }).click();
  const lastUuid = await last.getAttribute("data-message-uuid");
  await expect(page).toHaveURL(new RegExp(`#${lastUuid}$`));
  await expect(last).toHaveAttribute("data-highlighted", "true");
});
