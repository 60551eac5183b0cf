import type { Subquery } from "drizzle-orm";
import type { Queryable } from "@/db/client";

const statements = new WeakMap<Queryable, Map<string, unknown>>();

/**
 * The statement `name`, built and prepared once per database handle, then only executed: building
 * a Drizzle query costs more CPU than the database spends running a simple one.
 */
export function preparedStatement<T>(db: Queryable, name: string, prepare: () => T): T {
  let known = statements.get(db);
  if (!known) {
    known = new Map();
    statements.set(db, known);
  }
  let statement = known.get(name) as T | undefined;
  if (statement === undefined) {
    statement = prepare();
    known.set(name, statement);
  }
  return statement;
}

/** A subquery's columns as a nested selection, so that each joined row reads back as one object. */
export function fieldsOf<F extends Record<string, unknown>>(subquery: Subquery<string, F>): F {
  const columns = subquery as unknown as F;
  return Object.fromEntries(Object.keys(subquery._.selectedFields).map((name) => [name, columns[name]])) as F;
}
