// One test per bad scenario: checking it must fail, and its formatted diagnostics must match a
// golden file. Shared by the golden-error suites of the language, the loop, stocks and outputs.
import { expect, it } from "vitest";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import { formatDiagnostics } from "../../src/scenario/formatDiagnostics.js";

/**
 * Registers `reports <name>` for each case: `golden(name)` is the golden file's path, relative to
 * the calling test file.
 */
export function reportsGoldenErrors(
  cases: Readonly<Record<string, string>>,
  golden: (name: string) => string,
): void {
  for (const [name, text] of Object.entries(cases)) {
    it(`reports ${name}`, async () => {
      const result = checkScenario(text);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      await expect(
        `${formatDiagnostics(`${name}.yaml`, text, result.diagnostics)}\n`,
      ).toMatchFileSnapshot(golden(name));
    });
  }
}
