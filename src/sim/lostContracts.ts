// What the counterparties of a defaulted entity lose: contracts' backlog, capacity no longer
// built, hardware sales that will not happen.

import type { CompiledSystem } from "./compiledSystem.js";
import type { Reader } from "./quarterObligations.js";
import type { SimState } from "./simState.js";

/** Events for the counterparties of an entity that defaulted in quarter `q`: what they lose. */
export function lostContracts(
  system: CompiledSystem,
  state: SimState,
  k: number,
  q: number,
  s: number,
  v: Reader,
  events: Array<[number, string, number, string]>,
  name: (e: number) => string,
): void {
  const { n } = state;
  const now = system.start + q;
  const end = system.start + system.quarters;
  system.contracts.forEach((c, i) => {
    if (c.from !== k && c.to !== k) return;
    const other = c.from === k ? c.to : c.from;
    if (other < 0 || (state.defaultedAt[other * n + s] as number) >= 0) return;
    let backlog = 0;
    if (c.type === "purchase" || c.type === "lease") {
      const last = Math.min(end, c.start + c.quarters);
      const remaining = Math.max(0, last - Math.max(now + 1, c.start));
      backlog = remaining * (c.total >= 0 ? v(c.total) / c.quarters : Math.max(0, v(c.amount)));
    } else if (c.type === "equity") {
      backlog = c.cap >= 0 ? Math.max(0, v(c.cap) - (state.paid[i * n + s] as number)) : 0;
    } else {
      backlog = state.outstanding[i * n + s] as number;
    }
    const message =
      c.type === "equity" && other === c.from
        ? `${name(other)}'s remaining commitment to ${name(k)} (${c.id}) lapses`
        : `${name(other)} loses ${c.id} with ${name(k)}`;
    events.push([other, "contract-lost", backlog, message]);
  });
  system.capacity.forEach((c) => {
    if (c.customer !== k && c.owner !== k) return;
    if (c.owner !== k)
      events.push([
        c.owner,
        "contract-lost",
        0,
        `${name(c.owner)} stops building ${c.id} for ${name(k)}`,
      ]);
    for (const supplier of c.suppliers) {
      if (supplier.entity === k || (state.defaultedAt[supplier.entity * n + s] as number) >= 0)
        continue;
      events.push([
        supplier.entity,
        "contract-lost",
        0,
        `${name(supplier.entity)} loses the hardware sales of ${c.id} still to be built`,
      ]);
    }
  });
}
