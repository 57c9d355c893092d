// What a step records when asked (point runs): every transfer and every event, with the events
// of a default (the missed payment and what each counterparty loses) spelled out.

import type { CompiledSystem } from "./compiledSystem.js";
import type { Obligation } from "./ledger.js";
import type { ObligationSlots } from "./obligationSlots.js";
import type { SimState } from "./simState.js";

/** Transfers and events of one quarter. */
export interface StepRecord {
  /** Every transfer made (index −1: transfers are not tied back to slots). */
  readonly transfers: Obligation[];
  /** Events, [entity, type, amount, message]. */
  readonly events: Array<[number, string, number, string]>;
}

/**
 * Records what the stakes of each holder lost in quarter `q` (`fall`, from the cross-ownership
 * revaluation) when a company it holds shares of defaulted that quarter.
 */
export function recordWriteDowns(
  record: StepRecord,
  system: CompiledSystem,
  state: SimState,
  fall: Float64Array,
  q: number,
  i: number,
): void {
  const E = system.entities.length;
  for (let h = 0; h < E; h++) {
    if ((fall[h] as number) <= 0) continue;
    const fallen = system.entities
      .filter(
        (_, j) =>
          (state.defaultedAt[i * E + j] as number) === q &&
          (state.holdings[(i * E + h) * E + j] as number) > 0,
      )
      .map((e) => e.name);
    if (fallen.length === 0) continue;
    record.events.push([
      h,
      "stake-written-down",
      fall[h] as number,
      `${system.entities[h]?.name ?? ""}'s stakes lose value as ${fallen.join(" and ")} defaulted`,
    ]);
  }
}

/** The `round` of a default caused by the write-down of the defaulter's stakes. */
export const WRITE_DOWN = -2;

/**
 * Records entity `k`'s default in quarter `q`, found short in clearing round `round` (0: not
 * known; −1: forced by a stress shock; WRITE_DOWN: pushed by the write-down of its stakes): the missed payment (it paid `fraction` of `owed`), what
 * each company it owed this quarter is not paid (from the slots and `due`), and, for each counterparty still solvent, the contracts, capacity and hardware sales it loses.
 */
export function recordDefault(
  record: StepRecord,
  system: CompiledSystem,
  state: SimState,
  k: number,
  fraction: number,
  owed: number,
  round: number,
  slots: Pick<ObligationSlots, "count" | "from" | "to">,
  due: Float64Array,
  q: number,
  i: number,
  sa: number,
  columns: readonly Float64Array[],
): void {
  const name = (e: number) => system.entities[e]?.name ?? "";
  const v = (column: number) =>
    column < 0 ? 0 : ((columns[column] as Float64Array)[sa] as number);
  const missed = owed * (1 - fraction);
  const events = record.events;
  if (missed > 0)
    events.push([
      k,
      "missed-payment",
      missed,
      `${name(k)} pays ${(fraction * 100).toFixed(1)}% of what it owes`,
    ]);
  const when =
    round > 0
      ? ` in clearing round ${round}`
      : round === WRITE_DOWN
        ? " (the write-down of its stakes left its assets below its debts)"
        : round < 0
          ? " (forced by a stress shock)"
          : "";
  events.push([k, "default", missed, `${name(k)} defaults${when}: its remaining contracts stop`]);
  const E = system.entities.length;
  const unpaid = new Float64Array(E);
  for (let j = 0; j < slots.count; j++) {
    const to = slots.to[j] as number;
    if (slots.from[j] === k && to >= 0)
      unpaid[to] = (unpaid[to] as number) + (due[j] as number) * (1 - fraction);
  }
  unpaid.forEach((x, e) => {
    if (x > 0) events.push([e, "unpaid", x, `${name(e)} is not paid what ${name(k)} owes it`]);
  });
  const now = system.start + q;
  const end = system.start + system.quarters;
  system.contracts.forEach((c, ci) => {
    if (c.from !== k && c.to !== k) return;
    const other = c.from === k ? c.to : c.from;
    if (other < 0 || (state.defaultedAt[i * state.entities + other] as number) >= 0) return;
    let backlog = 0;
    if (c.type === "purchase" || c.type === "lease") {
      const last = Math.min(end, c.start + c.quarters);
      const remaining = Math.max(0, last - Math.max(now + 1, c.start));
      backlog = remaining * (c.total >= 0 ? v(c.total) / c.quarters : Math.max(0, v(c.amount)));
    } else if (c.type === "equity") {
      backlog =
        c.cap >= 0 ? Math.max(0, v(c.cap) - (state.paid[i * state.contracts + ci] as number)) : 0;
    } else {
      backlog = state.outstanding[i * state.contracts + ci] as number;
    }
    const message =
      c.type === "equity" && other === c.from
        ? `${name(other)}'s remaining commitment to ${name(k)} (${c.id}) lapses`
        : `${name(other)} loses ${c.id} with ${name(k)}`;
    events.push([other, "contract-lost", backlog, message]);
  });
  for (const c of system.capacity) {
    if (c.customer !== k && c.owner !== k) continue;
    if (c.owner !== k)
      events.push([
        c.owner,
        "contract-lost",
        0,
        `${name(c.owner)} stops building ${c.id} for ${name(k)}`,
      ]);
    for (const supplier of c.suppliers) {
      if (
        supplier.entity === k ||
        (state.defaultedAt[i * state.entities + supplier.entity] as number) >= 0
      )
        continue;
      events.push([
        supplier.entity,
        "contract-lost",
        0,
        `${name(supplier.entity)} loses the hardware sales of ${c.id} still to be built`,
      ]);
    }
  }
}
