import { api, expect, test, unique } from "./support/fixtures";

test("users list: id prefix filter as you type, chips, totals, sort and page in the URL", async ({
  page,
}) => {
  const prefix = unique("people");
  for (let index = 0; index < 27; index++) {
    const userId = `${prefix}-${String(index).padStart(2, "0")}`;
    await api.users.create.mutate({
      user_id: userId,
      metadata: { plan: index % 2 ? "free" : "pro", region: "eu" },
    });
  }
  await api.sessions.create.mutate({ session_id: unique("people-session"), user_id: `${prefix}-26` });

  await page.goto("/users");
  await expect(page.getByTestId("users-total")).toHaveText(/^\d[\d,]* users?$/);
  // Matches as the operator types a prefix, no Enter needed.
  await page.getByLabel("Filter by user id").fill(prefix.slice(0, -2));
  await page.getByLabel("Filter by user id").pressSequentially(prefix.slice(-2));
  await expect(page.getByTestId("users-total")).toHaveText("27 users match");
  await expect(page).toHaveURL(new RegExp(`user=${prefix}`));
  // A slow browser: the direction is changed before the URL shows the new sort, and keeps it.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 20 });
  await page.getByLabel("Sort by").selectOption("user_id");
  await page.getByRole("button", { name: /Sorted descending/ }).click();
  await expect(page).toHaveURL(/sort=user_id.*order=asc|order=asc.*sort=user_id/);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  const rows = page.getByRole("row");
  await expect(rows.nth(1)).toContainText(`${prefix}-00`);
  await expect(rows.nth(1).getByTestId("metadata-chip")).toHaveText(["plan: pro", "region: eu"]);
  await expect(rows.nth(2).getByTestId("metadata-chip").first()).toHaveText("plan: free");

  // Page 2 lives in the URL: reload, "← Users" and Back all return to it.
  await page.getByRole("button", { name: "Next →" }).click();
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText(`${prefix}-25`);
  await expect(page.getByText("Page 2 of 2")).toBeVisible();
  await page.reload();
  await expect(rows.nth(1)).toContainText(`${prefix}-25`);
  await expect(page.getByLabel("Filter by user id")).toHaveValue(prefix);
  await expect(page.getByLabel("Sort by")).toHaveValue("user_id");
  await page.getByRole("link", { name: `${prefix}-26` }).click();
  await expect(page.getByRole("heading", { name: `${prefix}-26` })).toBeVisible();
  await expect(page.getByText("1 session", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "← Users" }).click();
  await expect(page).toHaveURL(/\/users\?/);
  await expect(rows.nth(1)).toContainText(`${prefix}-25`);
  await page.getByRole("link", { name: `${prefix}-25` }).click();
  await expect(page.getByRole("heading", { name: `${prefix}-25` })).toBeVisible();
  await page.goBack();
  await expect(rows.nth(1)).toContainText(`${prefix}-25`);
  await page.getByRole("button", { name: "← Previous" }).click();
  await expect(rows.nth(1)).toContainText(`${prefix}-00`);
  await expect(rows).toHaveCount(26);

  // Sorting by sessions puts the one user with a session first.
  await page.getByLabel("Sort by").selectOption("session_count");
  await page.getByRole("button", { name: /Sorted ascending/ }).click();
  await expect(rows.nth(1)).toContainText(`${prefix}-26`);

  await page.getByLabel("Filter by user id").fill(`${prefix}-nobody`);
  await expect(page.getByText("No users match")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page.getByLabel("Filter by user id")).toHaveValue("");
  await expect(page.getByTestId("users-total")).toHaveText(/^\d[\d,]* users?$/);
});
