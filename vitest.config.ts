// Test configuration: source-level tests (no build needed), a CI-readable count line at the end.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/support/noStrayOutput.ts"],
    reporters: ["default", "./test/support/countReporter.ts"],
    testTimeout: 60_000,
  },
});
