import AxeBuilder from "@axe-core/playwright";
import { api, expect, snapshot, test, unique } from "./support/fixtures";

for (const theme of ["light", "dark"] as const) {
  test(`main pages have no serious or critical accessibility violations in ${theme} mode`, async ({
    page,
  }) => {
    // Six pages, each loaded, photographed and checked by axe: more than one test's usual minute on busy cores.
    test.setTimeout(180_000);
    await page.addInitScript((value) => localStorage.setItem("engram-theme", value), theme);
    const userId = unique("axe-user");
    const sessionId = unique("axe");
    await api.users.create.mutate({ user_id: userId, first_name: "Ana", metadata: { plan: "pro" } });
    await api.memory.add.mutate({
      sessionId,
      messages: [
        { role: "Ana", role_type: "user", content: "How do I **export** my data?" },
        {
          role: "Bot",
          role_type: "assistant",
          content:
            "Use the API:\n\n```ts\nconst data = await client.export();\n```\n\n| Format | Size |\n| --- | --- |\n| JSON | 2 MB |",
          metadata: { source: { kb: "export", score: 0.92 } },
        },
      ],
    });
    await api.sessions.update.mutate({ sessionId, patch: { metadata: { channel: "web", tags: ["vip"] } } });

    const pages = [
      ["overview", "/"],
      ["sessions", "/sessions"],
      ["session", `/sessions/${encodeURIComponent(sessionId)}`],
      ["users", "/users"],
      ["user", `/users/${encodeURIComponent(userId)}`],
      ["settings", "/settings"],
    ] as const;
    for (const [name, path] of pages) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveClass(theme === "dark" ? /dark/ : /^(?!.*dark)/);
      await snapshot(page, `a11y-${name}-${theme}`);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
      const serious = results.violations
        .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
        .map((violation) => ({
          page: name,
          rule: violation.id,
          nodes: violation.nodes
            .slice(0, 3)
            .map((node) => `${node.target.join(" ")}: ${node.failureSummary}`),
        }));
      expect(serious, `${name} in ${theme} mode`).toEqual([]);
    }
  });
}
