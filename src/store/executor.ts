import type { ResultSet } from "@libsql/client";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";

/**
 * The database or an open transaction: both run the same drizzle queries. Typed as the SQLite
 * builder, the reference dialect the shared queries are written against (see ./tables.ts).
 */
export type Executor = BaseSQLiteDatabase<"async", ResultSet>;
