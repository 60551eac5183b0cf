import type { Page } from "@playwright/test";
import { admin } from "./support/env";
import { expect, pageSignedInAs, test, trpcFromPage, unique } from "./support/fixtures";

/** Creates a dashboard account through the admin's signed-in page. */
async function createAccount(page: Page, role: "operator" | "support", password: string) {
  const email = `${unique(role)}@engram.test`;
  await page.goto("/settings");
  const created = await trpcFromPage(page, "accounts.create", { email, password, role }, "mutation");
  expect(created.status).toBe(200);
  return email;
}

/** Whether the page's sign-in still holds: a signed-out page is sent to /sign-in. */
async function expectSignedOut(page: Page) {
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in/);
}

test("an account changes its own password: the current one is checked, its other sign-ins end, this one stays", async ({
  page,
  browser,
}) => {
  const oldPassword = "operator-password-1";
  const newPassword = "operator-password-2";
  const email = await createAccount(page, "operator", oldPassword);
  const here = await pageSignedInAs(browser, email, oldPassword);
  const elsewhere = await pageSignedInAs(browser, email, oldPassword);

  await here.goto("/settings");
  await expect(here.getByText(`Signed in as ${email}`)).toBeVisible();
  await here.getByRole("button", { name: "Change password" }).click();
  const form = here.getByRole("form", { name: "Change password" });
  await expect(form.getByLabel("Current password")).toBeFocused();

  // A wrong current password: a clear error, nothing changes.
  await form.getByLabel("Current password").fill("not my password at all");
  await form.getByLabel(/^New password/).fill(newPassword);
  await form.getByLabel("Confirm new password").fill(newPassword);
  await form.getByRole("button", { name: "Save new password" }).click();
  await expect(form.getByRole("alert")).toHaveText("the current password is wrong");

  // A confirmation that differs is caught before anything is sent.
  await form.getByLabel("Current password").fill(oldPassword);
  await form.getByLabel("Confirm new password").fill("operator-password-3");
  await expect(form.getByRole("alert")).toHaveText("The new password and its confirmation differ.");
  await expect(form.getByRole("button", { name: "Save new password" })).toBeDisabled();

  await form.getByLabel("Confirm new password").fill(newPassword);
  await form.getByRole("button", { name: "Save new password" }).click();
  await expect(here.getByText("Password changed. Your other sign-ins have been signed out.")).toBeVisible();
  await expect(form).toHaveCount(0);

  // This sign-in stays; the other one is over; the old password no longer works, the new one does.
  await here.reload();
  await expect(here.getByRole("heading", { name: "Settings" })).toBeVisible();
  await expectSignedOut(elsewhere);
  await elsewhere.getByLabel("Email").fill(email);
  await elsewhere.getByLabel("Password").fill(oldPassword);
  await elsewhere.getByRole("button", { name: "Sign in" }).click();
  await expect(elsewhere.getByText("wrong email or password")).toBeVisible();
  await elsewhere.getByLabel("Password").fill(newPassword);
  await elsewhere.getByRole("button", { name: "Sign in" }).click();
  // Back where it was sent from.
  await expect(elsewhere.getByRole("heading", { name: "Settings" })).toBeVisible();

  // The account history records it, without the admin's help.
  const history = await trpcFromPage(page, "accounts.history", { limit: 5 }, "query");
  expect(JSON.stringify(history.body)).toContain(`"account_email":"${email}","action":"password_changed"`);
  for (const other of [here, elsewhere]) await other.context().close();
});

test("an admin resets another account's password, signing it out; support staff cannot", async ({
  page,
  browser,
}) => {
  const password = "support-password-9";
  const resetTo = "support-password-10";
  const email = await createAccount(page, "support", password);
  const support = await pageSignedInAs(browser, email, password);

  // Support staff manage no accounts: no reset in the page, and the server refuses it.
  await support.goto("/settings");
  await expect(support.getByText("managed by admins")).toBeVisible();
  await expect(support.getByRole("button", { name: /Reset password/ })).toHaveCount(0);
  const list = await trpcFromPage(support, "accounts.list", undefined, "query");
  expect(list.status).toBe(403);
  const refused = await trpcFromPage(
    support,
    "accounts.resetPassword",
    { id: 1, new_password: resetTo },
    "mutation",
  );
  expect(refused.status).toBe(403);
  await expect(support.getByRole("button", { name: "Change password" })).toBeVisible();

  await page.goto("/settings");
  const row = page.getByRole("row").filter({ hasText: email });
  await row.getByRole("button", { name: `Reset password of ${email}` }).click();
  const dialog = page.getByRole("dialog", { name: "Reset password" });
  await expect(dialog).toContainText(`${email} will be signed out everywhere`);
  await dialog.getByLabel("New password").fill(resetTo);
  await dialog.getByRole("button", { name: "Reset password" }).click();
  await expect(dialog.getByRole("status")).toContainText(`The password of ${email} was reset`);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();

  await expectSignedOut(support);
  const signedInAgain = await pageSignedInAs(browser, email, resetTo);
  await expect(signedInAgain.getByRole("heading", { name: "Overview" })).toBeVisible();

  // An admin's own password is changed with the current one, not reset.
  const me = page.getByRole("row").filter({ hasText: admin.email });
  await expect(me.getByRole("button", { name: /Reset password/ })).toHaveCount(0);

  await page.getByRole("button", { name: "Show change history" }).click();
  const history = page.getByRole("list", { name: "Account change history" });
  const reset = history.getByTestId("account-change").filter({ hasText: email }).first();
  await expect(reset).toContainText("Password reset by an admin");
  await expect(reset).toContainText(`by ${admin.name}`);
  await expect(history.getByTestId("account-change").filter({ hasText: email }).last()).toContainText(
    "Account created",
  );
  await support.context().close();
  await signedInAgain.context().close();
});

test("configuration shows no model name for a provider that is not configured", async ({ page }) => {
  // The e2e server runs with the extractive summarizer, no embeddings and no fact extraction.
  await page.goto("/settings");
  const configuration = page.getByRole("table").filter({ hasText: "ENGRAM_MEMORY_WINDOW" });
  const shownValue = (name: string) =>
    configuration.getByRole("row").filter({ hasText: name }).getByRole("cell").nth(1);
  await expect(shownValue("ENGRAM_SUMMARIZER_MODEL")).toHaveText(
    "not in use: the summarizer is the built-in extractive one",
  );
  await expect(shownValue("ENGRAM_EMBEDDINGS_MODEL")).toHaveText(
    "not in use: no embeddings provider is configured",
  );
  await expect(shownValue("ENGRAM_FACTS_MODEL")).toContainText("not in use: fact extraction is off");
  await expect(configuration).not.toContainText("gpt-4o-mini");
  await expect(configuration).not.toContainText("text-embedding-3-small");
  await expect(shownValue("ENGRAM_MEMORY_WINDOW")).toHaveText("12");
});
