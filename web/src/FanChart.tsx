// A company's cash over the quarters as an SVG fan chart: the Monte Carlo's 5–95% and 25–75%
// bands and median when there is one, and the point run's line.

import { money } from "./format.js";
import type { Band } from "./messages.js";

const W = 520;
const H = 200;
const LEFT = 64;
const RIGHT = 8;
const TOP = 10;
const BOTTOM = 24;

/** Props of FanChart. */
export interface FanChartProps {
  /** What is charted, for the chart's label. */
  readonly title: string;
  /** Quarter labels. */
  readonly quarters: readonly string[];
  /** The point run's values per quarter. */
  readonly line: readonly number[];
  /** The Monte Carlo's bands per quarter, when there is a run for this text. */
  readonly bands: readonly Band[] | null;
}

/** Nice tick values covering [lo, hi]. */
function ticks(lo: number, hi: number): number[] {
  const raw = (hi - lo) / 4 || 1;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step / 1e6; v += step) out.push(v);
  return out;
}

/** The fan chart. */
export function FanChart({ title, quarters, line, bands }: FanChartProps) {
  const values = [...line, ...(bands ?? []).flatMap((b) => [b.p5, b.p95])].filter(Number.isFinite);
  const lo = Math.min(0, ...values);
  const hi = Math.max(1, ...values);
  const n = Math.max(1, quarters.length - 1);
  const x = (i: number) => LEFT + (i / n) * (W - LEFT - RIGHT);
  const y = (v: number) => TOP + (1 - (v - lo) / (hi - lo)) * (H - TOP - BOTTOM);
  const path = (vs: readonly number[]) =>
    vs.map((v, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join("");
  const area = (a: readonly number[], b: readonly number[]) =>
    `${path(a)}${[...b]
      .map((v, i) => [v, i] as const)
      .reverse()
      .map(([v, i]) => `L${x(i).toFixed(1)},${y(v).toFixed(1)}`)
      .join("")}Z`;
  const yearTicks = quarters.flatMap((q, i) =>
    q.endsWith("Q1") ? [{ i, label: q.slice(0, 4) }] : [],
  );
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
      {ticks(lo, hi).map((v) => (
        <g key={v}>
          <line class="grid" x1={LEFT} x2={W - RIGHT} y1={y(v)} y2={y(v)} />
          <text class="axis" x={LEFT - 6} y={y(v) + 4} text-anchor="end">
            {money(v)}
          </text>
        </g>
      ))}
      {yearTicks.map(({ i, label }) => (
        <text key={label} class="axis" x={x(i)} y={H - 6} text-anchor="middle">
          {label}
        </text>
      ))}
      {bands !== null && bands.length === quarters.length && (
        <g>
          <path
            class="band90"
            d={area(
              bands.map((b) => b.p5),
              bands.map((b) => b.p95),
            )}
          />
          <path
            class="band50"
            d={area(
              bands.map((b) => b.p25),
              bands.map((b) => b.p75),
            )}
          />
          <path class="median" d={path(bands.map((b) => b.p50))} />
        </g>
      )}
      <path class="point" d={path(line)} />
    </svg>
  );
}
