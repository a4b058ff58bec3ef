import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Live-judge checks need a real endpoint; they run only when asked for (see README).
    exclude: ["**/node_modules/**", "test/live/**"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
