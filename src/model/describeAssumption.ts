// Says in words what an assumption means: "lognormal, 90% in [2%, 4%], median 2.83%".

import type { Distribution } from "../dist/distribution.js";
import { quantile } from "../dist/index.js";
import { formatQuantity } from "../units/formatQuantity.js";
import type { Unit } from "../units/unit.js";
import type { CompiledAssumption } from "./model.js";

function head(d: Distribution, f: (x: number) => string): string {
  switch (d.kind) {
    case "constant":
      return `fixed ${f(d.value)}`;
    case "normal":
      return `normal, mean ${f(d.mean)}, sd ${f(d.sd)}`;
    case "lognormal":
      return `lognormal, sigma ${Number(d.sigma.toPrecision(3))}`;
    case "uniform":
      return `uniform on [${f(d.min)}, ${f(d.max)}]`;
    case "triangular":
    case "pert":
      return `${d.kind} on [${f(d.min)}, ${f(d.max)}], mode ${f(d.mode)}`;
    case "beta":
      return `beta(${d.alpha}, ${d.beta})`;
    case "bernoulli":
      return `1 with probability ${Number((d.p * 100).toPrecision(3))}%, else 0`;
    case "discrete":
      return `one of ${d.values.map((v, i) => `${f(v)} (${Number(((d.weights[i] as number) * 100).toPrecision(3))}%)`).join(", ")}`;
    case "mixture":
      return `mixture of ${d.components.map((c) => head(c, f)).join(" | ")}`;
    case "truncated":
      return `${head(d.base, f)}, truncated to [${f(d.min)}, ${f(d.max)}]`;
    default:
      return d satisfies never;
  }
}

/**
 * A one-line description of a distribution with its 90% interval and median (for kinds where
 * those say more than the parameters).
 *
 * @example describeDistribution({ kind: "lognormal", mu: -3.565, sigma: 0.2107 }, PERCENT)
 *   // "lognormal, 90% in [2%, 4%], median 2.83%"
 */
export function describeDistribution(d: Distribution, unit: Unit): string {
  const f = (x: number) => formatQuantity(x, unit);
  if (d.kind === "constant" || d.kind === "bernoulli" || d.kind === "discrete") return head(d, f);
  const range = `90% in [${f(quantile(d, 0.05))}, ${f(quantile(d, 0.95))}], median ${f(quantile(d, 0.5))}`;
  if (d.kind === "lognormal") return `lognormal, ${range}`;
  return `${head(d, f)}; ${range}`;
}

/** What an assumption means, in words. */
export function describeAssumption(a: CompiledAssumption): string {
  switch (a.kind) {
    case "fixed":
      return `fixed ${formatQuantity(a.node.k === "const" ? a.node.value : 0, a.unit)}`;
    case "schedule":
      return `schedule ${a.text}`;
    case "formula":
      return `= ${a.text}`;
    case "uncertain":
      return a.distribution ? describeDistribution(a.distribution, a.unit) : `= ${a.text}`;
    case "stock": {
      const start =
        a.node.k === "const"
          ? formatQuantity(a.node.value, a.unit)
          : a.node.k === "random"
            ? describeDistribution(a.node.dist, a.unit)
            : `= ${a.text}`;
      return `stock starting at ${start}; + ${a.name}.flow each quarter`;
    }
    default:
      return a satisfies never;
  }
}
