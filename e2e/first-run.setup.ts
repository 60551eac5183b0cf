import { expect, test } from "@playwright/test";
import { admin } from "./support/env";
import { adminStorage, snapshot } from "./support/fixtures";

test("first run: any page leads to set-up, which creates the first admin and then closes", async ({
  page,
}) => {
  await page.goto("/sessions");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Welcome to Engram" })).toBeVisible();
  await snapshot(page, "setup");

  await page.getByLabel("Name").fill(admin.name);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel(/^Password/).fill(admin.password);
  await page.getByLabel("Confirm password").fill("something else entirely");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByText("The passwords do not match.")).toBeVisible();

  await page.getByLabel("Confirm password").fill(admin.password);
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();

  // The set-up page is gone for good, and a second admin cannot be created through the API either.
  await page.goto("/setup");
  await expect(page).not.toHaveURL(/\/setup$/);
  const second = await page.request.post("/api/trpc/accounts.setup", {
    headers: { "x-engram-csrf": "1" },
    data: { email: "intruder@engram.test", password: "intruder-password" },
  });
  expect(second.status()).toBe(403);

  // Sign out, then sign in through the form.
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/sign-in/);
  await snapshot(page, "sign-in");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill("wrong password, surely");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("wrong email or password")).toBeVisible();
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();

  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name === "engram_session");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  await page.context().storageState({ path: adminStorage });
});
