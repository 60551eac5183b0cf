import { api, expect, pageSignedInAs, snapshot, test, trpcFromPage, unique } from "./support/fixtures";

test("a support account corrects a fact, pins another, and sees what Engram knew before", async ({
  page,
  browser,
}) => {
  const email = `${unique("facts-support")}@engram.test`;
  const password = "support-password-1";
  await page.goto("/");
  const created = await trpcFromPage(
    page,
    "accounts.create",
    { email, password, role: "support" },
    "mutation",
  );
  expect(created.status).toBe(200);

  const userId = unique("jane");
  const sessionId = unique("facts-session");
  await api.users.create.mutate({ user_id: userId, first_name: "Jane" });
  await api.sessions.create.mutate({ session_id: sessionId, user_id: userId });
  const added = await api.memory.add.mutate({
    sessionId,
    messages: [{ role: "Jane", role_type: "user", content: "I live in Porto and I love hiking." }],
  });
  const portoFact = await api.facts.addForUser.mutate({
    userId,
    fact: "Jane lives in Porto.",
    rating: 0.8,
    source_message_uuids: [added.message_uuids[0]!],
  });
  await api.facts.addForUser.mutate({ userId, fact: "Jane loves hiking.", rating: 0.4 });

  const support = await pageSignedInAs(browser, email, password);
  await support.goto(`/users/${encodeURIComponent(userId)}`);
  await expect(support.getByRole("heading", { name: "What Engram knows" })).toBeVisible();
  await expect(support.getByText(/Fact extraction off/)).toBeVisible();
  const porto = support.locator(`[data-fact-uuid="${portoFact.uuid}"]`);
  await expect(porto).toBeVisible();

  // Where the fact came from: the message, linking to its session.
  await porto.getByRole("button", { name: /Sources/ }).click();
  await expect(porto.getByTestId("fact-sources")).toContainText("I live in Porto and I love hiking.");
  await expect(porto.getByRole("link", { name: sessionId })).toHaveAttribute(
    "href",
    `/sessions/${encodeURIComponent(sessionId)}`,
  );

  // The correction.
  await porto.getByRole("button", { name: "Correct" }).click();
  await porto.getByLabel("Fact").fill("Jane lives in Lisbon.");
  await porto.getByRole("button", { name: "Save" }).click();
  const lisbon = support.getByTestId("fact").filter({ hasText: "Jane lives in Lisbon." });
  await expect(lisbon).toBeVisible();
  await expect(support.getByTestId("fact").filter({ hasText: "Jane lives in Porto." })).toHaveCount(0);

  // Pinning another: the model may not invalidate it.
  const hiking = support.getByTestId("fact").filter({ hasText: "Jane loves hiking." });
  await hiking.getByRole("button", { name: "Pin" }).click();
  await expect(hiking.getByText("pinned", { exact: true })).toBeVisible();

  // The history: the old fact, why it ended, who changed it.
  await support.getByRole("button", { name: /Show facts that are no longer true \(1\)/ }).click();
  const past = support.getByTestId("past-fact").filter({ hasText: "Jane lives in Porto." });
  await expect(past.getByTestId("fact-ending")).toContainText("corrected · now “Jane lives in Lisbon.”");
  await past.getByRole("button", { name: "History" }).click();
  await expect(past.getByTestId("fact-history")).toContainText(`Corrected by account:${email}`);
  await lisbon.getByRole("button", { name: "History" }).click();
  await expect(lisbon.getByTestId("fact-history")).toContainText("(was “Jane lives in Porto.”)");
  await snapshot(support, "user-facts");

  // What the app gets now.
  const memory = await api.memory.get.query({ sessionId });
  expect(memory.relevant_facts.map((fact) => fact.fact).sort()).toEqual([
    "Jane lives in Lisbon.",
    "Jane loves hiking.",
  ]);
  await support.context().close();
});

test("the memory tab lists the facts memory.get hands the model, in its order", async ({ page }) => {
  const userId = unique("memory-facts");
  const sessionId = unique("memory-facts-session");
  await api.users.create.mutate({ user_id: userId });
  await api.sessions.create.mutate({ session_id: sessionId, user_id: userId });
  await api.memory.add.mutate({
    sessionId,
    messages: [{ role: "Jane", role_type: "user", content: "My peanut allergy is serious." }],
  });
  await api.facts.addForUser.mutate({
    userId,
    fact: "Jane is allergic to peanuts.",
    rating: 0.9,
    pinned: true,
  });
  await api.facts.addForUser.mutate({ userId, fact: "Jane's brother is Tom.", rating: 0.3 });
  const rejected = await api.facts.addForUser.mutate({ userId, fact: "Jane lives in Porto.", rating: 0.5 });
  await api.facts.reject.mutate({ uuid: rejected.uuid });

  await page.goto(`/sessions/${encodeURIComponent(sessionId)}`);
  await page.getByRole("tab", { name: /Memory/ }).click();
  const facts = page.getByRole("list", { name: "Relevant facts" });
  const expected = (await api.memory.get.query({ sessionId })).relevant_facts.map((fact) => fact.fact);
  expect(expected).toHaveLength(2);
  await expect(facts.getByTestId("memory-fact")).toHaveText(
    expected.map((fact) => new RegExp(fact.replace(".", "\\."))),
  );
  await expect(facts.getByTestId("memory-fact").filter({ hasText: "peanuts" })).toContainText("pinned");
  await expect(facts).not.toContainText("Porto");
  await expect(page.getByRole("heading", { name: "Relevant facts (2)" })).toBeVisible();
  await expect(page.getByTestId("memory-totals")).toContainText("+ 2 facts");
});
