import { api, expect, snapshot, test, unique } from "./support/fixtures";

const markdownAnswer = [
  "## Your options",
  "",
  "You can **cancel** or *pause* — see [the docs](https://example.com/help).",
  "",
  "| Plan | Price |",
  "| --- | --- |",
  "| Pro | 10 € |",
  "",
  "```ts",
  "const total = items.reduce((sum, item) => sum + item.price, 0);",
  "```",
  "",
  '<img src="x" onerror="window.__pwned = true"><script>window.__pwned = true</script>',
].join("\n");

test("markdown and code render as elements, safely, with copy, raw toggle and collapse", async ({ page }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const sessionId = unique("markdown");
  await api.memory.add.mutate({
    sessionId,
    messages: [
      { role: "Jo", role_type: "user", content: "How do I cancel?" },
      { role: "Bot", role_type: "assistant", content: markdownAnswer },
      {
        role: "Bot",
        role_type: "assistant",
        content: Array.from({ length: 60 }, (_, index) => `Line ${index + 1} of a long answer`).join("\n\n"),
      },
    ],
  });
  await page.goto(`/sessions/${encodeURIComponent(sessionId)}`);
  const answer = page.getByTestId("message").nth(1);
  const content = answer.getByTestId("message-content");

  await expect(content.getByRole("heading", { level: 2, name: "Your options" })).toBeVisible();
  await expect(content.locator("strong")).toHaveText("cancel");
  await expect(content.locator("em")).toHaveText("pause");
  await expect(content.getByRole("table")).toBeVisible();
  await expect(content.getByRole("cell", { name: "10 €" })).toBeVisible();
  const link = content.getByRole("link", { name: "the docs" });
  await expect(link).toHaveAttribute("href", "https://example.com/help");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(content.locator("img, script")).toHaveCount(0);
  await expect(content).not.toContainText("**");
  expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined();

  const code = content.locator("pre code.language-ts");
  await expect(code).toContainText("const total = items.reduce");
  await expect(code.locator(".hljs-keyword").first()).toHaveText("const");
  await content.getByRole("button", { name: "Copy" }).click();
  await expect(content.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    "const total = items.reduce((sum, item) => sum + item.price, 0);\n",
  );

  await snapshot(page, "session-markdown");

  await answer.getByRole("button", { name: "Raw text" }).click();
  await expect(content).toContainText("## Your options");
  await expect(content).toContainText("**cancel**");
  await answer.getByRole("button", { name: "Rendered" }).click();
  await expect(content.locator("strong")).toHaveText("cancel");

  const long = page.getByTestId("message").nth(2);
  await expect(long.getByText("Line 60 of a long answer")).not.toBeInViewport();
  const expand = long.getByRole("button", { name: "Show all (119 lines)" });
  await expect(expand).toHaveAttribute("aria-expanded", "false");
  await expand.click();
  await long.getByText("Line 60 of a long answer").scrollIntoViewIfNeeded();
  await expect(long.getByText("Line 60 of a long answer")).toBeInViewport();
});

test("tool calls and their results are structured and linked to each other", async ({ page }) => {
  const sessionId = unique("tools");
  await api.memory.add.mutate({
    sessionId,
    messages: [
      { role: "Jo", role_type: "user", content: "Weather in Lisbon?" },
      {
        role: "Bot",
        role_type: "assistant",
        content: "Let me check.",
        metadata: {
          tool_calls: [
            {
              id: "call_42",
              type: "function",
              function: { name: "get_weather", arguments: '{"city":"Lisbon","unit":"C"}' },
            },
          ],
        },
      },
      {
        role: "get_weather",
        role_type: "tool",
        content: '{"temperature":21,"sky":"clear"}',
        metadata: { tool_call_id: "call_42" },
      },
    ],
  });
  await page.goto(`/sessions/${encodeURIComponent(sessionId)}`);
  const call = page.getByTestId("tool-call");
  await expect(call).toContainText("get_weather");
  await expect(call.getByRole("region", { name: "Arguments of get_weather" })).toHaveText(
    JSON.stringify({ city: "Lisbon", unit: "C" }, null, 2),
  );
  const result = page.getByTestId("tool-result");
  await expect(result.getByRole("region", { name: "Result of get_weather" })).toHaveText(
    JSON.stringify({ temperature: 21, sky: "clear" }, null, 2),
  );

  const [callMessage, resultMessage] = await Promise.all([
    page.getByTestId("message").nth(1).getAttribute("data-message-uuid"),
    page.getByTestId("message").nth(2).getAttribute("data-message-uuid"),
  ]);
  await expect(call.getByRole("link", { name: "Result ↓" })).toHaveAttribute("href", `#${resultMessage}`);
  await result.getByRole("link", { name: "↑ Call" }).click();
  await expect(page).toHaveURL(new RegExp(`#${callMessage}$`));
  await expect(page.getByTestId("message").nth(1)).toHaveAttribute("data-highlighted", "true");
});
