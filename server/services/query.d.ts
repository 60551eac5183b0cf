import type { Subquery } from "drizzle-orm";
import type { Queryable } from "@/db/client";
/**
 * The statement `name`, built and prepared once per database handle, then only executed: building
 * a Drizzle query costs more CPU than the database spends running a simple one.
 */
export declare function preparedStatement<T>(db: Queryable, name: string, prepare: () => T): T;
/** A subquery's columns as a nested selection, so that each joined row reads back as one object. */
export declare function fieldsOf<F extends Record<string, unknown>>(subquery: Subquery<string, F>): F;
