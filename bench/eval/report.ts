import {
  type Budget,
  budgetLabel,
  budgets,
  type EvalRun,
  meanOf,
  memoryTypes,
  pct,
  searchMean,
} from "./recall";

const budgetHeading = (budget: Budget) => (budget === undefined ? "no budget" : `max_tokens ${budget}`);

/** The run as Markdown: per conversation length, recall and tokens of each memory and baseline. */
export function report(run: EvalRun, missed: string[], about: { machine: string; seconds: number }): string {
  const sizes = [...new Set(run.conversations.map((row) => row.size))];
  const lines: string[] = [
    "# Memory quality (`npm run eval`)",
    "",
    `Summarizer: \`${run.summarizer}\`, memory window ${run.window}. Machine: ${about.machine}; ${Math.round(about.seconds)} s.`,
    "Each cell: share of the planted facts present in the memory an LLM would get (`memory.get` with",
    "`includeContext`), and that memory's size in tokens (cl100k). Means over the seeds.",
    "",
  ];
  if (run.llmUsage) {
    lines.push(
      `Tokens spent by the summarizer endpoint: ${run.llmUsage.promptTokens} prompt + ${run.llmUsage.completionTokens} completion in ${run.llmUsage.calls} calls.`,
      "",
    );
  }
  for (const size of sizes) {
    const rows = run.conversations.filter((row) => row.size === size);
    lines.push(
      `## ${size.toLocaleString("en-US")} messages (${rows[0]?.facts ?? 0} facts, seeds ${rows.map((row) => row.seed).join(", ")})`,
      "",
      `| memory | ${budgets.map(budgetHeading).join(" | ")} |`,
      `| --- | ${budgets.map(() => "--:").join(" | ")} |`,
    );
    const row = (label: string, key: (budget: Budget) => string) =>
      `| ${label} | ${budgets
        .map((budget) => {
          const measured = meanOf(run, size, key(budget));
          return `${pct(measured.recall)} · ${measured.tokens}`;
        })
        .join(" | ")} |`;
    lines.push(
      ...memoryTypes.map((memoryType) => row(memoryType, (budget) => `${memoryType}@${budgetLabel(budget)}`)),
      row("baseline: last N messages", (budget) => `last_n@${budgetLabel(budget)}`),
    );
    const whole = meanOf(run, size, "transcript");
    lines.push(
      `| baseline: whole transcript | ${pct(whole.recall)} · ${whole.tokens} (any budget) | | | |`,
      "",
      `Session search, question → fact's message in the top 5: **${pct(searchMean(run, size))}**.`,
    );
    const lost = rows.flatMap((result) => result.lostFacts);
    const missedBySearch = rows.flatMap((result) => result.missedBySearch);
    if (lost.length) lines.push(`Lost by message_window (no budget): ${lost.join(", ")}.`);
    if (missedBySearch.length) lines.push(`Missed by search: ${missedBySearch.join(", ")}.`);
    lines.push("");
  }
  lines.push(
    "## Targets",
    "",
    missed.length === 0 ? "All met." : missed.map((item) => `- missed: ${item}`).join("\n"),
    "",
  );
  return lines.join("\n");
}
