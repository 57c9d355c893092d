// The HTML report's sections for the web app, computed in the worker by the report's own code
// (src/report/html): its point run, Monte Carlo, sensitivity, trace and gap, rendered to HTML.

import { computeReportData, ReportSamplesError } from "../../src/report/html/reportData.js";
import { renderSections } from "../../src/report/html/sections.js";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import { GENERATED_CODE_ALLOWED, problemsOf } from "./engine.js";
import type { ReportReply, ReportRequest } from "./messages.js";

/** The report's sections of the request's text, or why there are none. */
export function runReport(request: ReportRequest): ReportReply {
  const started = performance.now();
  const reply = (rest: Pick<ReportReply, "sections" | "years" | "failure">): ReportReply => ({
    kind: "report",
    id: request.id,
    ms: performance.now() - started,
    ...rest,
  });
  const checked = checkScenario(request.text);
  if (!checked.ok) return reply({ sections: [], years: 0, failure: "the scenario has problems" });
  if (checked.value.scenario.system.entities.length === 0)
    return reply({ sections: [], years: 0, failure: "the scenario has no companies to report on" });
  try {
    const data = computeReportData(checked.value, {
      samples: request.samples,
      seed: request.seed,
      kernels: GENERATED_CODE_ALLOWED,
    });
    return reply({ sections: renderSections(data), years: data.trace.years.length, failure: null });
  } catch (error) {
    const failure =
      error instanceof ReportSamplesError
        ? problemsOf(request.name, request.text, error.diagnostics)
            .map((p) => p.text)
            .join("\n")
        : String(error);
    return reply({ sections: [], years: 0, failure });
  }
}
