import { defineConfig } from "drizzle-kit";

// `turso` is drizzle-kit's dialect for libSQL (local files and servers alike). Only `generate`
// is needed to maintain the checked-in migrations; the credentials serve `drizzle-kit studio`.
export default defineConfig({
  dialect: "turso",
  schema: "./src/store/schema.ts",
  out: "./drizzle",
  dbCredentials: {
    url: process.env.AUTONOMY_GATE_DB ?? "file:autonomy-gate.db",
    ...(process.env.AUTONOMY_GATE_DB_TOKEN ? { authToken: process.env.AUTONOMY_GATE_DB_TOKEN } : {}),
  },
});
