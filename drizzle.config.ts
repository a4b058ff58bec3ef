import { defineConfig } from "drizzle-kit";

// `turso` is drizzle-kit's dialect for libSQL (local files and servers alike). Only `generate`
// is needed to maintain the checked-in migrations; the credentials serve `drizzle-kit studio`.
// The PostgreSQL migrations have their own config: drizzle.pg.config.ts (`npm run db:generate` runs both).
export default defineConfig({
  dialect: "turso",
  schema: "./src/store/sqlite/schema.ts",
  out: "./drizzle/sqlite",
  dbCredentials: {
    url: process.env.AUTONOMY_GATE_DB ?? "file:autonomy-gate.db",
    ...(process.env.AUTONOMY_GATE_DB_TOKEN ? { authToken: process.env.AUTONOMY_GATE_DB_TOKEN } : {}),
  },
});
