"use client";

import { cx } from "./ui";

const isContainer = (value: unknown): value is Record<string, unknown> | unknown[] =>
  typeof value === "object" && value !== null;

function sizeOf(value: Record<string, unknown> | unknown[]) {
  if (Array.isArray(value)) return `${value.length} ${value.length === 1 ? "item" : "items"}`;
  const count = Object.keys(value).length;
  return `${count} ${count === 1 ? "key" : "keys"}`;
}

function Scalar({ value }: { value: unknown }) {
  if (typeof value === "string")
    return <span className="text-emerald-800 dark:text-emerald-300">"{value}"</span>;
  if (value === null) return <span className="text-zinc-600 dark:text-zinc-400">null</span>;
  return <span className="text-amber-800 dark:text-amber-300">{String(value)}</span>;
}

/**
 * A JSON value as a tree of native disclosure widgets: objects and arrays collapse, long strings
 * wrap anywhere, so nested metadata never widens the page.
 */
export function JsonValue({
  value,
  open = false,
  className,
}: {
  value: unknown;
  open?: boolean;
  className?: string;
}) {
  if (!isContainer(value)) {
    return (
      <span data-testid="json-value" className={cx("font-mono text-xs break-all", className)}>
        <Scalar value={value} />
      </span>
    );
  }
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  return (
    <details data-testid="json-value" open={open} className={cx("min-w-0 font-mono text-xs", className)}>
      <summary className="cursor-pointer text-zinc-600 select-none hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
        {Array.isArray(value) ? "[…]" : "{…}"} {sizeOf(value)}
      </summary>
      <ul className="mt-0.5 ml-1 space-y-0.5 border-l border-zinc-200 pl-2 dark:border-zinc-700">
        {entries.map(([key, item]) => (
          <li key={key} className="min-w-0 break-all">
            <span className="text-zinc-600 dark:text-zinc-400">{key}: </span>
            {isContainer(item) ? (
              <JsonValue value={item} className="inline-block align-top" />
            ) : (
              <Scalar value={item} />
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
