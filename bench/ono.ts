// Benchmark of the simulation issue: compiling the built-in ono scenario and its point run.
import { readFileSync } from "node:fs";
import { checkScenario } from "../src/scenario/checkScenario.js";
import { compileSystem } from "../src/sim/compiledSystem.js";
import { simulatePoint } from "../src/sim/simulatePoint.js";
import { best } from "./harness.js";

/** Measures compile (parse, check, compile) and the point run of ono, and prints both. */
export function benchOno(): void {
  const text = readFileSync("scenarios/ono.yaml", "utf8");
  let checked = checkScenario(text);
  const compile = best(20, () => {
    checked = checkScenario(text);
  });
  if (!checked.ok) throw new Error("scenarios/ono.yaml does not check");
  const { scenario, model } = checked.value;
  const system = compileSystem(scenario, model);
  const run = best(200, () => {
    simulatePoint(scenario, model, system);
  });
  console.log("\nono (28 quarters, 3 companies, 3 contracts, 2 capacity blocks)");
  console.log(
    `  compile (YAML → checked model)  ${(compile * 1000).toFixed(2).padStart(8)} ms   (target < 50 ms)`,
  );
  console.log(
    `  point run                       ${(run * 1000).toFixed(3).padStart(8)} ms   (target < 1 ms)`,
  );
}
