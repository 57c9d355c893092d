// Random scenarios for the evaluators' agreement tests: draws, constants, formulas over every
// operation (some failing in some samples) and stocks, each reading the assumptions before it.
import fc from "fast-check";
import { BLOCK_SIZE } from "../../src/rng/index.js";

/** The head of every random scenario: six quarters from 2025Q1. */
export const HEAD = "name: k\nstart: 2025Q1\nquarters: 6\nassumptions:\n";

/** Samples evaluated: one whole block and part of a second. */
export const SAMPLES = BLOCK_SIZE + 300;

const BINARY = ["+", "-", "*", "/", "^", "<", "<=", ">", ">=", "==", "!="];
const CALL2 = ["min", "max"];
const CALL1 = ["log", "sqrt", "exp", "abs"];
const VALUES = ["0.5", "2", "-3", "1e300", "t", "year"];

/** A random formula over the names before it; `draws` lets it draw inside (`(1 to 2)`). */
function formula(names: readonly string[], draws: boolean): fc.Arbitrary<string> {
  const leaf = fc.constantFrom(...VALUES, ...(draws ? ["(1 to 2)", "normal(0, 1)"] : []), ...names);
  return fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc
        .tuple(tie("node"), fc.constantFrom(...BINARY), tie("node"))
        .map(([a, o, b]) => `(${a} ${o} ${b})`),
      fc
        .tuple(fc.constantFrom(...CALL2), tie("node"), tie("node"))
        .map(([f, a, b]) => `${f}(${a}, ${b})`),
      fc.tuple(fc.constantFrom(...CALL1), tie("node")).map(([f, a]) => `${f}(${a})`),
      tie("node").map((a) => `-(${a})`),
      fc.tuple(tie("node"), tie("node"), tie("node")).map(([c, a, b]) => `if(${c}, ${a}, ${b})`),
      fc.tuple(tie("node"), tie("node"), tie("node")).map(([x, a, b]) => `clamp(${x}, ${a}, ${b})`),
    ),
  })).node;
}

/**
 * A random scenario: draws, constants, formulas and stocks, each reading those before it;
 * formulas draw inside only when `draws`, and stocks start from a draw only when `drawnStarts`.
 */
export function randomScenario(draws = true, drawnStarts = true): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom("draw", "constant", "formula", "stock", "copy"), {
      minLength: 2,
      maxLength: 7,
    })
    .chain((kinds) =>
      fc.tuple(
        ...kinds.map((kind, i) => {
          const names = Array.from({ length: i }, (_, k) => `a${k}`);
          const name = `a${i}`;
          switch (kind) {
            case "draw":
              return fc
                .constantFrom("-1 to 1", "uniform(-1, 1)", "1 to 3", "lognormal(1e300, 5)")
                .map((d) => `${name}: ${d}`);
            case "constant":
              return fc.constantFrom("5", "0", "-2").map((c) => `${name}: ${c}`);
            case "copy":
              return names.length === 0
                ? fc.constant(`${name}: 1`)
                : fc.constantFrom(...names).map((n) => `${name}: = ${n}`);
            case "stock":
              return fc
                .tuple(
                  fc.constantFrom("1", drawnStarts ? "0.5 to 2" : "-0.5"),
                  formula([...names, name], draws),
                )
                .map(([start, flow]) => `${name}: { stock: ${start}, flow: = ${flow} }`);
            default:
              return formula(names, draws).map((f) => `${name}: = ${f}`);
          }
        }),
      ),
    )
    .map((lines) => `${HEAD}${lines.map((l) => `  ${l}`).join("\n")}\n`);
}
