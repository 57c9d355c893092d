// The headline numbers: each company's cash at the end and default quarter in the point run, and
// its probability of default in the Monte Carlo.

import { money, percent } from "./format.js";
import type { MonteCarloView, PointView } from "./messages.js";

/** Props of Headline. */
export interface HeadlineProps {
  /** The point run. */
  readonly point: PointView;
  /** The Monte Carlo of the same text, or null while it runs or when it failed. */
  readonly monteCarlo: MonteCarloView | null;
  /** True while a Monte Carlo runs. */
  readonly running: boolean;
}

/** One card per company. */
export function Headline({ point, monteCarlo, running }: HeadlineProps) {
  const last = point.quarters.at(-1) ?? "";
  return (
    <div class="cards">
      {point.entities.map((e) => {
        const mc = monteCarlo?.entities.find((m) => m.id === e.id);
        return (
          <div class="card" key={e.id} data-testid={`card-${e.id}`}>
            <h3>{e.name}</h3>
            <div class="big" data-testid={`cash-${e.id}`}>
              {money(e.cashEnd)}
            </div>
            <div class="muted">cash at the end of {last}</div>
            <div data-testid={`default-${e.id}`}>
              {e.defaultedAt === null ? "never defaults" : `defaults in ${e.defaultedAt}`} (point
              run)
            </div>
            <div data-testid={`pdefault-${e.id}`}>
              {mc === undefined
                ? `P(default): ${running ? "running…" : "–"}`
                : `P(default) ${percent(mc.pDefault)}${mc.likeliestDefault ? `, most often ${mc.likeliestDefault.quarter}` : ""}`}
            </div>
          </div>
        );
      })}
    </div>
  );
}
