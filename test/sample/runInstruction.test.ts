// runInstruction's column loops agree with applyOp's scalar definitions, operation by operation.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyOp } from "../../src/model/applyOp.js";
import type { OpCode } from "../../src/model/ir.js";
import { runInstruction } from "../../src/sample/runInstruction.js";

const OPS: readonly OpCode[] = [
  "add",
  "sub",
  "mul",
  "div",
  "pow",
  "neg",
  "lt",
  "le",
  "gt",
  "ge",
  "eq",
  "ne",
  "min",
  "max",
  "abs",
  "exp",
  "log",
  "sqrt",
  "clamp",
  "if",
];
const value = fc.oneof(
  fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
  fc.constantFrom(0, 1, -1, 0.5),
);

describe("runInstruction", () => {
  for (const op of OPS) {
    it(`computes ${op} exactly as applyOp does, at any offsets`, () => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(value, value, value), { minLength: 1, maxLength: 20 }),
          fc.nat(5),
          (rows, off) => {
            const n = rows.length;
            const col = (k: number) => {
              const a = new Float64Array(n + off);
              rows.forEach((r, i) => {
                a[off + i] = r[k] as number;
              });
              return { arr: a, off };
            };
            const d = new Float64Array(n);
            runInstruction(op, d, col(0), col(1), col(2), n);
            rows.forEach((r, i) => {
              expect(
                Object.is(d[i], applyOp(op, r[0], r[1], r[2])) ||
                  (Number.isNaN(d[i]) && Number.isNaN(applyOp(op, r[0], r[1], r[2]))),
              ).toBe(true);
            });
          },
        ),
        { numRuns: 200 },
      );
    });
  }
});
