// The views of a run: overview (headline numbers and cash fan charts), yearly tables, events, and
// the HTML report's sections.

import { FanChart } from "./FanChart.js";
import { money } from "./format.js";
import { Headline } from "./Headline.js";
import type { MonteCarloView, PointView } from "./messages.js";
import { ReportView } from "./ReportView.js";
import type { ReportState } from "./useReport.js";

/** The views, in tab order. */
export const VIEWS = ["overview", "tables", "events", "report"] as const;

/** A view's name. */
export type ViewName = (typeof VIEWS)[number];

/** True when `name` is a view. */
export function isView(name: string | null): name is ViewName {
  return (VIEWS as readonly string[]).includes(name ?? "");
}

/** Props of Views. */
export interface ViewsProps {
  /** The view shown. */
  readonly view: ViewName;
  /** The point run. */
  readonly point: PointView;
  /** The Monte Carlo of the same text, or null while it runs or when it failed. */
  readonly monteCarlo: MonteCarloView | null;
  /** True while a Monte Carlo runs. */
  readonly running: boolean;
  /** The report's sections, made while the report view is open. */
  readonly report: ReportState;
}

/** Overview: headline numbers, declared outputs and a cash fan chart per company. */
function Overview({ point, monteCarlo, running }: Omit<ViewsProps, "view" | "report">) {
  return (
    <div>
      <Headline point={point} monteCarlo={monteCarlo} running={running} />
      {point.outputs.length > 0 && (
        <table class="outputs" data-testid="outputs">
          <thead>
            <tr>
              <th>output</th>
              <th>point run</th>
              <th>Monte Carlo</th>
            </tr>
          </thead>
          <tbody>
            {point.outputs.map((o) => (
              <tr key={o.name}>
                <td>{o.name}</td>
                <td>{o.value}</td>
                <td>
                  {monteCarlo?.outputs.find((m) => m.name === o.name)?.value ??
                    (running ? "…" : "–")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="charts">
        {point.entities.map((e) => (
          <figure key={e.id}>
            <figcaption>
              {e.name}: cash{monteCarlo ? " (5–95%, 25–75%, median; line: point run)" : ""}
            </figcaption>
            <FanChart
              title={`${e.name} cash`}
              quarters={point.quarters}
              line={e.cash}
              bands={monteCarlo?.entities.find((m) => m.id === e.id)?.cash ?? null}
            />
          </figure>
        ))}
      </div>
    </div>
  );
}

/** Yearly tables of the point run. */
function Tables({ point }: { readonly point: PointView }) {
  return (
    <div>
      {point.entities.map((e) => (
        <table class="yearly" key={e.id}>
          <caption>{e.name} (point run)</caption>
          <thead>
            <tr>
              <th />
              {point.years.map((y) => (
                <th key={y}>{y}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {e.yearly.map((row) => (
              <tr key={row.label}>
                <th>{row.label}</th>
                {row.values.map((v, i) => (
                  <td key={point.years[i]}>{money(v)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}

/** The point run's events. */
function Events({ point }: { readonly point: PointView }) {
  return (
    <ol class="events">
      {point.events.map((e, i) => (
        <li key={`${i}-${e.quarter}`}>
          <span class="muted">{e.quarter}</span> {e.message}
        </li>
      ))}
    </ol>
  );
}

/** The view chosen. */
export function Views({ view, point, monteCarlo, running, report }: ViewsProps) {
  switch (view) {
    case "overview":
      return <Overview point={point} monteCarlo={monteCarlo} running={running} />;
    case "tables":
      return <Tables point={point} />;
    case "events":
      return <Events point={point} />;
    case "report":
      return <ReportView report={report} />;
    default:
      return view satisfies never;
  }
}
