import type { ResultSet } from "@libsql/client";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";

/** The database or an open transaction: both run the same drizzle queries. */
export type Executor = BaseSQLiteDatabase<"async", ResultSet>;
