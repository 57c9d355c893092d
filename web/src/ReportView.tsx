// The report view: the HTML report's sections as src/report/html renders them, styled for the
// app (the report's own stylesheet is for a whole page).

import type { ReportState } from "./useReport.js";

/** The rules that show the checked year's panel of the loop's year selector. */
function yearRules(years: number): string {
  const panels = Array.from(
    { length: years },
    (_, k) =>
      `.report-sections .year-tabs>input:nth-of-type(${k + 1}):checked~.year-panels>.year-panel:nth-of-type(${k + 1})`,
  );
  return panels.length === 0 ? "" : `${panels.join(",")}{display:block}`;
}

/**
 * The sections: HTML and SVG made by the report's own code, which escapes the scenario's strings;
 * the page's Content-Security-Policy refuses inline scripts in any case.
 */
export function ReportView({ report }: { readonly report: ReportState }) {
  const { reply, running } = report;
  if (reply === null)
    return (
      <p class="muted" data-testid="report-status">
        {running ? "Making the report (a Monte Carlo, sensitivity runs and charts)…" : "No report."}
      </p>
    );
  if (reply.failure !== null)
    return (
      <p class="warn" data-testid="report-status">
        No report: {reply.failure}
      </p>
    );
  return (
    <div class="report-sections" data-testid="report">
      <style>{yearRules(reply.years)}</style>
      <p class="muted" data-testid="report-status">
        Report made in {Math.round(reply.ms)} ms.
      </p>
      {reply.sections.map((s) => (
        <section key={s.id} id={s.id}>
          <h2>{s.title}</h2>
          <div dangerouslySetInnerHTML={{ __html: s.html }} />
        </section>
      ))}
    </div>
  );
}
