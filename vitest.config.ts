import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // The app's `@/` import alias (tsconfig.json), for tests that render components.
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.tsx", "scripts/**/*.test.ts", "indexer/**/*.test.ts"],
    // The integration tests start their own anvil and run the real scripts.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
