import { spawnSync } from "node:child_process";

// `npm run bench`: the API benchmark, then document collections and facts. `--quick` goes to all
// three; every other option is the API benchmark's (see bench/run.ts).
const options = process.argv.slice(2);
const quick = options.includes("--quick") ? ["--quick"] : [];
const runs: [string, string[]][] = [
  ["bench/run.ts", options],
  ["bench/collections-run.ts", quick],
  ["bench/facts.ts", quick],
];
for (const [script, args] of options.includes("--help") ? runs.slice(0, 1) : runs) {
  const { status } = spawnSync(process.execPath, ["--import", "tsx", script, ...args], { stdio: "inherit" });
  if (status !== 0) process.exit(status ?? 1);
}
