import { defineConfig } from "drizzle-kit";

// The PostgreSQL migrations, generated from src/store/pg/schema.ts (the libSQL ones: drizzle.config.ts).
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/store/pg/schema.ts",
  out: "./drizzle/pg",
  dbCredentials: { url: process.env.AUTONOMY_GATE_PG ?? "postgres://localhost/postgres" },
});
