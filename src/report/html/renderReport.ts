// The whole HTML report as one self-contained page: inline CSS, inline SVG charts, no scripts, no
// clock, so the same data always gives the same bytes.

import { escapeHtml, paragraph } from "./markup.js";
import { reportCss } from "./reportCss.js";
import { count, money } from "./reportFormat.js";
import type { ReportData } from "./reportTypes.js";
import { renderSections } from "./sections.js";

/** The page header: the scenario, the run and a table of contents. */
function header(data: ReportData, toc: readonly { id: string; title: string }[]): string {
  const quarters = data.scenario.quarters;
  const run = `${quarters[0]} to ${quarters.at(-1)} (${quarters.length} quarters); ${count(data.samples)} Monte Carlo samples, seed ${data.seed}; the point run takes every uncertain value at its median. Money conserved in every sample and quarter (largest error ${money(data.monteCarlo.checks.conservation.maxAbsError)}).`;
  const links = toc
    .map((s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a></li>`)
    .join("");
  return `<header class="report-header"><h1>${escapeHtml(data.scenario.name)}</h1>${data.scenario.description === undefined ? "" : paragraph(data.scenario.description)}<p class="meta">${escapeHtml(run)}</p><nav class="toc" aria-label="Contents"><ol>${links}</ol></nav></header>`;
}

/**
 * The report of `data` as one HTML document: a header with the scenario, the run and a table of
 * contents, then every section (see renderSections). Needs no network and no script to read.
 */
export function renderReportHtml(data: ReportData): string {
  const sections = renderSections(data);
  const body = sections
    .map(
      (s) =>
        `<section id="${escapeHtml(s.id)}"><h2>${escapeHtml(s.title)}</h2>\n${s.html}\n</section>`,
    )
    .join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="perpetuum report">
<title>${escapeHtml(`${data.scenario.name}: perpetuum report`)}</title>
<style>
${reportCss(data.trace.years.length)}</style>
</head>
<body>
${header(data, sections)}
<main>
${body}
</main>
</body>
</html>
`;
}
