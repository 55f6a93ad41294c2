import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // Leaving a key out by destructuring it away (`{ id: _id, ...rest }`) is the idiom; tsc allows it too.
      "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true }],
    },
  },
  {
    // The browser's bundle takes zod/mini (functional API, a fraction of the size); full zod would ship beside it.
    files: ["app/**", "components/**", "lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { name: "zod", message: 'Import { z } from "zod/mini".' },
        { name: "zod/v4", message: 'Import { z } from "zod/mini".' },
      ],
    },
  },
  {
    // Playwright fixtures hand their value on with a function named `use`: not React's hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // CommonJS files can only load modules with require().
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  globalIgnores([
    // Generated or built: not written by hand.
    "lib/contracts/abis.generated.ts",
    "next-env.d.ts",
    ".next*/**",
    "out/**",
    "build/**",
    "contracts/out/**",
    "contracts/cache/**",
    "indexer/generated/**",
    "**/.ponder/**",
    // Local caches and reports.
    ".cache/**",
    ".scratch/**",
    "test-results/**",
    "playwright-report/**",
  ]),
]);
