import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
    // The integration tests start their own anvil and run the real scripts.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
