// Every assumption for the reader to audit: name, value as written, what it means, unit, source
// (a link when it is a URL) and note.

import { type Cell, escapeHtml, htmlTable, paragraph, sourceHtml } from "./markup.js";
import type { ReportData } from "./reportTypes.js";
import type { ReportSection } from "./section.js";

/** The assumptions section. */
export function assumptionsSection(data: ReportData): ReportSection {
  const rows: Cell[][] = data.assumptions.map((a) => [
    { html: `<code>${escapeHtml(a.name)}</code>` },
    { html: `<code>${escapeHtml(a.text)}</code>` },
    a.interpretation,
    a.unit,
    a.source === undefined ? "" : { html: sourceHtml(a.source) },
    a.note ?? "",
  ]);
  return {
    id: "assumptions",
    title: "Assumptions",
    html: `${paragraph("Every value of the scenario: the assumptions as written and the numbers of its companies, contracts and capacity (named company.field). seed: and public: sources are keys of the project's figure lists.")}${htmlTable(["name", "value as written", "what it means", "unit", "source", "note"], rows)}`,
  };
}
