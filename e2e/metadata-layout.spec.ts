import { api, expect, snapshot, test, unique } from "./support/fixtures";

const nested = {
  customer: { id: "cus_8f2a9c4e1b7d", address: { street: "Rua Augusta 1500", city: "Lisboa" } },
  features: ["priority-support", "early-access", "very-long-feature-flag-name-without-spaces-0123456789"],
  trace: "x".repeat(160),
};

test("object metadata shows as collapsible JSON and never widens a phone page", async ({ page }) => {
  const sessionId = unique("nested");
  await api.memory.add.mutate({
    sessionId,
    messages: [
      { role: "Rui", role_type: "user", content: "Where is my order?", metadata: nested },
      { role: "Bot", role_type: "assistant", content: "It ships tomorrow." },
    ],
  });
  await api.sessions.update.mutate({ sessionId, patch: { metadata: nested } });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/sessions/${encodeURIComponent(sessionId)}`);
  await expect(page.getByTestId("message")).toHaveCount(2);
  const widths = async () =>
    page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(await widths()).toEqual({ page: 390, viewport: 390 });

  // Session metadata: nested values are a tree that opens and closes.
  const customer = page.getByTestId("json-value").filter({ hasText: "cus_8f2a9c4e1b7d" }).first();
  await expect(customer.locator("summary").first()).toContainText("2 keys");
  await expect(customer.getByText("cus_8f2a9c4e1b7d", { exact: false })).toBeHidden();
  await customer.locator("summary").first().click();
  await expect(customer.getByText("cus_8f2a9c4e1b7d", { exact: false })).toBeVisible();
  await expect(customer.getByText("Rua Augusta 1500", { exact: false })).toBeHidden();
  await customer.locator("details > summary").first().click();
  await expect(customer.getByText("Rua Augusta 1500", { exact: false })).toBeVisible();
  expect(await widths()).toEqual({ page: 390, viewport: 390 });

  // A message's metadata shows as key: value, its nested values collapsed.
  const message = page.getByTestId("message").first();
  await expect(message.getByTestId("message-metadata")).toContainText("customer");
  await expect(message.getByTestId("message-metadata")).not.toContainText('{"customer"');
  await snapshot(page, "session-metadata-phone");
  expect(await widths()).toEqual({ page: 390, viewport: 390 });
});
