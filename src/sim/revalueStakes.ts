// Values the companies' equity stakes in each other at the end of a quarter by cross-ownership
// (Suzuki 2002; Fischer 2014): a company's equity is worth its own business plus what its stakes
// and loans in the loop are worth, less its debts, all at once. A defaulter's business is worth
// only its cash and plant, so its holders' stakes fall with it; a holder valued at book whose
// write-down leaves its assets below its debts defaults in turn.

import type { CompiledSystem, SimLoan } from "./compiledSystem.js";
import type { CrossWork } from "./crossWork.js";
import { alive, CASH, type Ctx, DEBT, PPE, read, rowAt, STAKES } from "./stepContext.js";

/** Iterations of the fixed point at most; it converges geometrically, far sooner. */
const MAX_ITERATIONS = 500;

/**
 * Solves r = a + Mˢs + Mᵈb, s = max(0, r − d), b = min(d, r) by Gauss–Seidel sweeps from
 * s = b = 0, each company's values updated in place (the map is monotone, so the iterates rise to
 * the solution, unique when every company is partly held outside the loop; when the holdings have
 * no cycle, two sweeps suffice). Returns nothing; the values are in `w`.
 */
function solveCrossOwnership(w: CrossWork, E: number): void {
  const { a, d, r, s, b, ms, md } = w;
  for (let j = 0; j < E; j++) {
    s[j] = 0;
    b[j] = 0;
  }
  let scale = 1;
  for (let j = 0; j < E; j++) scale = Math.max(scale, Math.abs(a[j] as number), d[j] as number);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let change = 0;
    for (let i = 0; i < E; i++) {
      let value = a[i] as number;
      for (let j = 0; j < E; j++) {
        const x = ms[i * E + j] as number;
        const y = md[i * E + j] as number;
        if (x > 0) value += x * (s[j] as number);
        if (y > 0) value += y * (b[j] as number);
      }
      r[i] = value;
      const di = d[i] as number;
      const si = Math.max(0, value - di);
      const bi = Math.max(0, Math.min(di, value));
      change = Math.max(change, Math.abs(si - (s[i] as number)), Math.abs(bi - (b[i] as number)));
      s[i] = si;
      b[i] = bi;
    }
    if (change <= 1e-12 * scale) return;
  }
}

/**
 * Writes each company's stakes at their cross-ownership value into the quarter's row of batch
 * sample `b` (the
 * `stakesValue` series), and returns the first company, if any, that this quarter's write-down
 * pushes into default: one valued at book (no valuation given) that holds stakes, whose firm value
 * falls below its debts although it would not have without the fall in its stakes. Companies with
 * a valuation are worth it plus their stakes and loans in the loop; companies without one, and
 * every defaulter, are worth their cash and plant. Debts are the `debt` series.
 */
export function revalueStakes(ctx: Ctx, i: number, sa: number, b: number, w: CrossWork): number {
  const { system, slots, state, columns, scratch } = ctx;
  const E = system.entities.length;
  const row = scratch.row;
  const { a, d, r, s, ms, md } = w;
  for (let j = 0; j < E * E; j++) {
    ms[j] = 0;
    md[j] = 0;
  }
  for (let e = 0; e < E; e++) {
    const entity = system.entities[e] as CompiledSystem["entities"][number];
    const debt = row[rowAt(scratch, b, e, DEBT)] as number;
    d[e] = debt;
    const book = Math.max(
      0,
      (row[rowAt(scratch, b, e, CASH)] as number) + (row[rowAt(scratch, b, e, PPE)] as number),
    );
    const valuation = entity.valuation < 0 ? -1 : read(columns, entity.valuation, sa);
    a[e] = alive(state, e, i) && valuation > 0 ? valuation + debt : book;
    const shares = state.shares[i * E + e] as number;
    for (let h = 0; h < E; h++) {
      const held = state.holdings[(i * E + h) * E + e] as number;
      if (held > 0 && shares > 0) ms[h * E + e] = held / shares;
    }
  }
  for (let n = 0; n < slots.loans.length; n++) {
    const c = slots.loans[n] as number;
    const contract = system.contracts[c] as SimLoan;
    if (contract.from < 0 || contract.to < 0) continue;
    const owed = d[contract.to] as number;
    const out = state.outstanding[i * state.contracts + c] as number;
    if (owed > 0 && out > 0)
      md[contract.from * E + contract.to] =
        (md[contract.from * E + contract.to] as number) + out / owed;
  }
  solveCrossOwnership(w, E);
  let pushed = -1;
  for (let h = 0; h < E; h++) {
    let stakes = 0;
    for (let e = 0; e < E; e++) stakes += (ms[h * E + e] as number) * (s[e] as number);
    const before = state.stakes[i * E + h] as number;
    state.stakes[i * E + h] = stakes;
    row[rowAt(scratch, b, h, STAKES)] = stakes;
    const entity = system.entities[h] as CompiledSystem["entities"][number];
    const fall = before - stakes;
    w.fall[h] = (w.fall[h] as number) + Math.max(0, fall);
    if (
      pushed < 0 &&
      fall > 0 &&
      entity.valuation < 0 &&
      alive(state, h, i) &&
      (r[h] as number) < (d[h] as number) &&
      (r[h] as number) + fall >= (d[h] as number)
    )
      pushed = h;
  }
  return pushed;
}
