import { api, expect, test, unique } from "./support/fixtures";

test("sessions list: prefix user filter, metadata and annotation filters, chips, totals, state in the URL", async ({
  page,
}) => {
  const prefix = unique("lister");
  for (let index = 0; index < 27; index++) {
    const userId = `${prefix}-${index % 3}`;
    if (index < 3) await api.users.create.mutate({ user_id: userId });
    await api.sessions.create.mutate({
      session_id: `${prefix}-s${String(index).padStart(2, "0")}`,
      user_id: userId,
      metadata: { plan: index % 2 ? "free" : "pro", region: "eu" },
    });
  }
  const flagged = `${prefix}-s04`;
  const added = await api.memory.add.mutate({
    sessionId: flagged,
    messages: [{ role: "Ola", content: "refund?" }],
  });
  await api.messages.update.mutate({
    sessionId: flagged,
    uuid: added.message_uuids[0]!,
    patch: { metadata: { flagged: "refund" } },
  });

  await page.goto("/sessions");
  // Matches as the operator types a prefix, no Enter needed.
  await page.getByLabel("Filter by user id").fill(prefix);
  await expect(page.getByTestId("sessions-total")).toHaveText("27 sessions match");
  await expect(page).toHaveURL(new RegExp(`user=${prefix}`));
  await page.getByLabel("Sort by").selectOption("session_id");
  await page.getByRole("button", { name: /Sorted descending/ }).click();
  await expect(page.getByRole("row").nth(1)).toContainText(`${prefix}-s00`);
  await expect(page.getByRole("row").nth(1).getByTestId("metadata-chip").first()).toHaveText("plan: pro");

  // Page 2 lives in the URL: reload, "← Sessions" and Back all return to it.
  await page.getByRole("button", { name: "Next →" }).click();
  await expect(page.getByRole("row")).toHaveCount(3);
  await expect(page.getByRole("row").nth(1)).toContainText(`${prefix}-s25`);
  await page.reload();
  await expect(page.getByRole("row").nth(1)).toContainText(`${prefix}-s25`);
  await expect(page.getByLabel("Filter by user id")).toHaveValue(prefix);
  await page.getByRole("link", { name: `${prefix}-s26` }).click();
  await expect(page.getByRole("heading", { name: `${prefix}-s26` })).toBeVisible();
  await page.getByRole("link", { name: "← Sessions" }).click();
  await expect(page.getByRole("row").nth(1)).toContainText(`${prefix}-s25`);
  await page.getByRole("link", { name: `${prefix}-s25` }).click();
  await expect(page.getByRole("heading", { name: `${prefix}-s25` })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("row").nth(1)).toContainText(`${prefix}-s25`);
  await page.getByRole("button", { name: "← Previous" }).click();
  await expect(page.getByRole("row").nth(1)).toContainText(`${prefix}-s00`);

  await page.getByLabel("Filter by metadata key=value").fill("plan=pro");
  await expect(page.getByTestId("sessions-total")).toHaveText("14 sessions match");
  await page.getByLabel("Has annotations").click();
  await expect(page.getByLabel("Has annotations")).toBeChecked();
  await expect(page.getByTestId("sessions-total")).toHaveText("1 session match");
  await expect(page.getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("row").nth(1)).toContainText(flagged);
  await page.reload();
  await expect(page.getByLabel("Has annotations")).toBeChecked();
  await expect(page.getByLabel("Filter by metadata key=value")).toHaveValue("plan=pro");
  await expect(page.getByRole("row")).toHaveCount(2);
});
