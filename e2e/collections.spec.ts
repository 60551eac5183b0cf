import { randomBytes } from "node:crypto";
import { api, expect, pageSignedInAs, snapshot, test, unique } from "./support/fixtures";

/** Collection names are letters and digits only. */
const collectionName = (prefix: string) =>
  `${prefix}${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;

async function seedCollection(prefix: string) {
  const name = collectionName(prefix);
  await api.collections.create.mutate({
    name,
    embedding_dimensions: 3,
    description: "Fruit and sky",
    metadata: { owner: "search team" },
  });
  await api.collections.addDocuments.mutate({
    name,
    documents: [
      {
        content: "red apples",
        document_id: "apple",
        embedding: [0.9, 0.1, 0.05],
        metadata: { kind: "fruit" },
      },
      {
        content: "green pears",
        document_id: "pear",
        embedding: [0.5, 0.8, 0.1],
        metadata: { kind: "fruit" },
      },
      { content: "blue sky", document_id: "sky", embedding: [0.05, 0.15, 0.95], metadata: { kind: "sky" } },
    ],
  });
  return name;
}

test("an operator browses, searches with scores, creates and deletes collections", async ({ page }) => {
  const name = await seedCollection("ops");
  await page.goto("/");
  await page.getByRole("link", { name: "Collections" }).click();
  await expect(page.getByRole("heading", { name: "Collections" })).toBeVisible();
  await expect(page.getByTestId("vector-engine")).toContainText("exact cosine similarity");
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Fruit and sky");
  await expect(row).toContainText("3");
  await snapshot(page, "collections");

  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText('"owner": "search team"')).toBeVisible();
  const documents = page.getByRole("list", { name: "Documents" });
  await expect(documents.getByRole("listitem")).toHaveCount(3);
  await expect(documents).toContainText("red apples");

  await page.getByLabel("Search query").fill("[0.05, 0.15, 0.95]");
  await page.getByLabel("Search query").press("Enter");
  const results = page.getByRole("list", { name: "Search results" });
  await expect(results.getByRole("listitem").first()).toContainText("blue sky");
  await expect(results.getByRole("listitem").first()).toContainText("score 1.000");
  await page.getByLabel("Metadata filter").fill("$.kind ? (@ == 'fruit')");
  await page.getByLabel("Search query").press("Enter");
  await expect(results.getByRole("listitem")).toHaveCount(2);
  await expect(results.getByRole("listitem").first()).toContainText("green pears");
  await page.getByLabel("Search query").fill("not json");
  await page.getByLabel("Search query").press("Enter");
  await expect(page.getByText("JSON array of numbers")).toBeVisible();
  await snapshot(page, "collection");

  await page.getByRole("button", { name: "Create index" }).click();
  await expect(page.getByText("indexed")).toBeVisible();

  const created = collectionName("made");
  await page.goto("/collections");
  await page.getByRole("button", { name: "New collection" }).first().click();
  await page.getByLabel("Name (3 to 40 letters and digits)").fill(created);
  await page.getByLabel("Embedding dimensions").fill("8");
  await page.getByLabel("Description").fill("made in the browser");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { name: created })).toBeVisible();
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Delete collection" }).click();
  await expect(page.getByRole("heading", { name: "Collections" })).toBeVisible();
  await expect(page.getByRole("link", { name: created })).toHaveCount(0);
  expect((await api.collections.list.query()).map((collection) => collection.name)).not.toContain(created);
});

test("a support account reads and searches collections but cannot change them", async ({ page, browser }) => {
  const name = await seedCollection("sup");
  const email = `${unique("collections-support")}@engram.test`;
  const password = "support-password-2";
  await page.goto("/settings");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Role", { exact: true }).selectOption("support");
  await page.getByRole("button", { name: "Add account" }).click();
  await expect(page.getByRole("cell", { name: email, exact: true })).toBeVisible();

  const support = await pageSignedInAs(browser, email, password);
  await support.goto("/collections");
  await expect(support.getByRole("link", { name })).toBeVisible();
  await expect(support.getByRole("button", { name: "New collection" })).toHaveCount(0);
  await support.getByRole("link", { name }).click();
  await expect(support.getByRole("heading", { name })).toBeVisible();
  await expect(support.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await expect(support.getByRole("button", { name: "Create index" })).toHaveCount(0);
  await support.getByLabel("Search query").fill("[0.9, 0.1, 0.05]");
  await support.getByLabel("Search query").press("Enter");
  await expect(
    support.getByRole("list", { name: "Search results" }).getByRole("listitem").first(),
  ).toContainText("red apples");
});
