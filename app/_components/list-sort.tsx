import { Button, Select } from "./ui";

/** A list's sort: the column to order by and a button that flips the direction. */
export function ListSort({
  sorts,
  sort,
  order,
  onChange,
}: {
  sorts: readonly { value: string; label: string }[];
  sort: string;
  order: "asc" | "desc" | string;
  onChange: (change: { sort?: string; order?: "asc" | "desc" }) => void;
}) {
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="sort" className="sr-only">
        Sort by
      </label>
      <Select
        id="sort"
        value={sort}
        onChange={(event) => onChange({ sort: event.target.value })}
        className="py-1.5"
      >
        {sorts.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
      <Button
        aria-label={
          order === "desc" ? "Sorted descending; sort ascending" : "Sorted ascending; sort descending"
        }
        onClick={() => onChange({ order: order === "desc" ? "asc" : "desc" })}
      >
        {order === "desc" ? "↓" : "↑"}
      </Button>
    </div>
  );
}
