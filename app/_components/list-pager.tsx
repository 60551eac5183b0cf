import { formatNumber } from "../_lib/format";
import { Button, Spinner } from "./ui";

/** A list's footer: how many rows match over all pages, which page this is, and the way to the others. */
export function ListPager({
  noun,
  total,
  filtered,
  page,
  pageSize,
  fetching,
  nextCursor,
  onPrevious,
  onNext,
}: {
  /** Singular and plural: the count reads "1 session", "27 sessions". */
  noun: readonly [string, string];
  total: number | undefined;
  filtered: boolean;
  /** 1 = the first page. */
  page: number;
  pageSize: number;
  fetching: boolean;
  nextCursor: string | null | undefined;
  onPrevious: () => void;
  onNext: (cursor: string) => void;
}) {
  return (
    <div className="flex items-center justify-between gap-3 border-t border-zinc-200 px-4 py-3 text-sm dark:border-zinc-800">
      <span className="flex items-center gap-2 text-zinc-500 dark:text-zinc-400">
        {fetching && <Spinner />}
        <span data-testid={`${noun[1]}-total`}>
          {total === undefined
            ? null
            : `${formatNumber(total)} ${total === 1 ? noun[0] : noun[1]}${filtered ? " match" : ""}`}
        </span>
        · Page {page}
        {total === undefined ? "" : ` of ${formatNumber(Math.max(1, Math.ceil(total / pageSize)))}`}
      </span>
      <div className="flex gap-2">
        <Button size="sm" disabled={page === 1} onClick={onPrevious}>
          ← Previous
        </Button>
        <Button size="sm" disabled={!nextCursor} onClick={() => nextCursor && onNext(nextCursor)}>
          Next →
        </Button>
      </div>
    </div>
  );
}
