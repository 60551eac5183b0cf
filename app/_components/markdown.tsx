"use client";

import { type ComponentProps, useRef, useState } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { cx } from "./ui";

/** A fenced code block, highlighted, with a button that copies its text. */
function CodeBlock({
  children,
  className,
  node: _node,
  ...props
}: ComponentProps<"pre"> & { node?: unknown }) {
  const code = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState<"copied" | "failed" | null>(null);
  function copy() {
    navigator.clipboard
      .writeText(code.current?.textContent ?? "")
      .then(() => setCopied("copied"))
      .catch(() => setCopied("failed"))
      .finally(() => setTimeout(() => setCopied(null), 2_000));
  }
  return (
    <div className="group/code relative my-2">
      <pre
        ref={code}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable block must be reachable by keyboard
        tabIndex={0}
        className={cx(
          "overflow-x-auto rounded-md bg-zinc-100 p-3 font-mono text-xs leading-5 text-zinc-900 ring-1 ring-zinc-200 dark:bg-zinc-950 dark:text-zinc-100 dark:ring-zinc-800",
          className,
        )}
        {...props}
      >
        {children}
      </pre>
      <button
        type="button"
        onClick={copy}
        className="absolute top-1.5 right-1.5 rounded bg-white px-2 py-0.5 text-xs font-medium text-zinc-700 ring-1 ring-zinc-300 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:bg-zinc-800 dark:text-zinc-200 dark:ring-zinc-600"
      >
        {copied === "copied" ? "Copied" : copied === "failed" ? "Copy failed" : "Copy"}
      </button>
    </div>
  );
}

const components: Components = {
  pre: CodeBlock,
  a: ({ node: _node, ...props }) => (
    <a
      {...props}
      target="_blank"
      rel="noopener noreferrer nofollow"
      className="text-indigo-700 underline dark:text-indigo-300"
    />
  ),
  table: ({ node: _node, ...props }) => (
    <div className="my-2 overflow-x-auto">
      <table {...props} className="min-w-full border-collapse text-left text-xs" />
    </div>
  ),
  th: ({ node: _node, ...props }) => (
    <th
      {...props}
      className="border border-zinc-300 bg-zinc-100 px-2 py-1 font-semibold dark:border-zinc-700 dark:bg-zinc-800"
    />
  ),
  td: ({ node: _node, ...props }) => (
    <td {...props} className="border border-zinc-300 px-2 py-1 align-top dark:border-zinc-700" />
  ),
};

/**
 * Markdown as elements: GitHub-flavoured, raw HTML dropped and the rest sanitized before code is
 * highlighted (the sanitizer would strip highlighting classes), links opened without referrer.
 */
export function Markdown({ children, className }: { children: string; className?: string }) {
  return (
    <div className={cx("markdown", className)}>
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[rehypeSanitize, [rehypeHighlight, { detect: false }]]}
        skipHtml
        components={components}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
