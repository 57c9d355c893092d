// What every party owes this quarter, for one sample: capacity coming online, contracts due,
// operating costs and interest. Capacity is built first, since equity tranches follow the GW.

import type { CompiledSystem } from "./compiledSystem.js";
import { LENDERS, type Obligation, SUPPLIERS } from "./ledger.js";
import type { SimState } from "./simState.js";

/** Reads column `c` at sample `s` (0 for an absent field). */
export type Reader = (column: number) => number;

/** Also produced while listing obligations: capacity events and outside loans received. */
export interface QuarterSideEffects {
  /** GW coming online per capacity this quarter. */
  readonly gwAdded: number[];
  /** Loans paid out by outside lenders this quarter: [contract index, amount]. */
  readonly outsideLoans: Array<[number, number]>;
}

/**
 * The obligations of quarter `q` (index from the start) for sample `s`, and capacity built.
 * Defaulted entities owe and are owed nothing new.
 */
export function quarterObligations(
  system: CompiledSystem,
  state: SimState,
  q: number,
  s: number,
  v: Reader,
): { obligations: Obligation[]; effects: QuarterSideEffects } {
  const { n } = state;
  const now = system.start + q;
  const alive = (e: number) => e < 0 || (state.defaultedAt[e * n + s] as number) < 0;
  const obligations: Obligation[] = [];
  const owe = (
    from: number,
    to: number,
    contract: string,
    kind: Obligation["kind"],
    amount: number,
    index = -1,
  ) => {
    if (amount > 0) obligations.push({ from, to, contract, kind, amount, index });
  };
  const Q = system.quarters;
  const gwAdded = system.capacity.map((c, k) => {
    if (!alive(c.owner) || !alive(c.customer)) return 0;
    const target = Math.max(0, v(c.online));
    const added = Math.max(0, target - (state.built[k * n + s] as number));
    if (added === 0) return 0;
    state.built[k * n + s] = target;
    state.gwAdded[(k * Q + q) * n + s] = added;
    state.gpusAdded[(k * Q + q) * n + s] = added / v(c.wattsPerGpu);
    const capex = added * v(c.capexPerGw);
    let rest = capex;
    for (const supplier of c.suppliers) {
      const part = capex * Math.min(1, Math.max(0, v(supplier.share)));
      owe(c.owner, supplier.entity, c.id, "capex", part);
      rest -= part;
    }
    owe(c.owner, SUPPLIERS, c.id, "capex", Math.max(0, rest));
    return added;
  });
  const outsideLoans: Array<[number, number]> = [];
  system.contracts.forEach((c, i) => {
    if (!alive(c.from) || !alive(c.to)) return;
    const at = i * n + s;
    switch (c.type) {
      case "equity": {
        if (now < c.start || now > c.end) return;
        const gw = c.capacity.reduce((sum, k) => sum + (gwAdded[k] ?? 0), 0);
        let amount = Math.max(0, v(c.amount)) + Math.max(0, v(c.perGw)) * gw;
        if (c.cap >= 0)
          amount = Math.min(amount, Math.max(0, v(c.cap) - (state.paid[at] as number)));
        owe(c.from, c.to, c.id, "equity", amount, i);
        return;
      }
      case "purchase":
      case "lease": {
        if (now < c.start || now >= c.start + c.quarters) return;
        const amount = c.total >= 0 ? v(c.total) / c.quarters : v(c.amount);
        owe(c.from, c.to, c.id, c.kind, Math.max(0, amount), i);
        return;
      }
      case "loan": {
        if (now === c.start) {
          const principal = Math.max(0, v(c.principal));
          if (c.from === LENDERS) outsideLoans.push([i, principal]);
          else owe(c.from, c.to, c.id, "loan", principal, i);
          return;
        }
        const outstanding = state.outstanding[at] as number;
        if (now < c.start || outstanding <= 0) return;
        owe(c.to, c.from, c.id, "interest", (outstanding * v(c.rate)) / 4, i);
        const due = now - c.start;
        const repay = c.bullet
          ? due >= c.maturity
            ? outstanding
            : 0
          : Math.min(outstanding, v(c.principal) / c.maturity);
        owe(c.to, c.from, c.id, "principal", repay, i);
        return;
      }
      default:
        c satisfies never;
    }
  });
  system.entities.forEach((e, k) => {
    if (!alive(k)) return;
    owe(k, SUPPLIERS, "operating costs", "costs", Math.max(0, v(e.costs)));
    owe(
      k,
      LENDERS,
      "debt",
      "interest",
      ((state.debt[k * n + s] as number) * Math.max(0, v(e.rate))) / 4,
    );
  });
  return { obligations, effects: { gwAdded, outsideLoans } };
}
