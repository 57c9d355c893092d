// The report page's inline stylesheet: light and dark colours (the charts' transparent SVGs are
// recoloured through their class hooks), print rules, and the year tabs that work without scripts.

/** Rules that show the panel of the checked year: one per year, by position. */
function yearTabRules(years: number): string {
  return Array.from(
    { length: years },
    (_, k) =>
      `.year-tabs>input:nth-of-type(${k + 1}):checked~.year-panels>.year-panel:nth-of-type(${k + 1})`,
  ).join(",\n");
}

/** The stylesheet of a report with `years` years in its loop selector. */
export function reportCss(years: number): string {
  return `:root{color-scheme:light dark;--fg:#1b1d21;--bg:#ffffff;--muted:#5b616b;--rule:#d8dbe0;--panel:#f4f5f7;--accent:#1d4ed8;--critical:#b91c1c}
@media (prefers-color-scheme:dark){:root{--fg:#e4e6ea;--bg:#121418;--muted:#a3a9b3;--rule:#343841;--panel:#1c1f25;--accent:#7aa2ff;--critical:#f87171}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main,header.report-header{max-width:1120px;margin:0 auto;padding:0 20px}
header.report-header{padding-top:24px}
h1{font-size:1.8em;margin:0 0 .3em}
h2{font-size:1.4em;margin:1.6em 0 .5em;padding-bottom:.2em;border-bottom:1px solid var(--rule)}
h3{font-size:1.12em;margin:1.3em 0 .4em}
p,li{max-width:80ch}
a{color:var(--accent)}
code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.meta{color:var(--muted)}
nav.toc ol{display:flex;flex-wrap:wrap;gap:4px 22px;padding:0;margin:.4em 0;list-style-position:inside}
figure{margin:12px 0}
figcaption{color:var(--muted);font-size:.9em}
svg.chart{display:block;max-width:100%;height:auto;background:transparent}
svg.chart text.chart-title,svg.chart text.chart-text,svg.chart text.chart-axis{fill:var(--fg)}
svg.chart path.chart-axis,svg.chart line.chart-axis{stroke:var(--muted)}
svg.chart path.chart-grid,svg.chart line.chart-grid{stroke:var(--rule)}
.fan-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(480px,1fr));gap:8px 16px}
.table-wrap{overflow-x:auto;margin:8px 0 16px}
table{border-collapse:collapse;font-size:13px;font-variant-numeric:tabular-nums}
th,td{padding:3px 8px;border-bottom:1px solid var(--rule);text-align:left;vertical-align:top}
th{background:var(--panel)}
.num{text-align:right;white-space:nowrap}
.critical{color:var(--critical)}
.side-by-side{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:0 20px}
.year-tabs>input{position:absolute;opacity:0;width:1px;height:1px}
.year-tabs>label{display:inline-block;padding:3px 12px;margin:0 4px 4px 0;border:1px solid var(--rule);border-radius:4px;cursor:pointer;background:var(--panel)}
.year-tabs>input:checked+label{border-color:var(--accent);color:var(--accent);font-weight:600}
.year-tabs>input:focus-visible+label{outline:2px solid var(--accent)}
.year-panel{display:none}
${yearTabRules(years)}{display:block}
@media print{
:root{--fg:#000;--bg:#fff;--muted:#444;--rule:#bbb;--panel:#eee;--accent:#000}
body{font-size:11pt}
nav.toc,.screen-only,.year-tabs>input,.year-tabs>label{display:none}
h2{break-after:avoid}
figure,tr{break-inside:avoid}
.fan-grid{grid-template-columns:1fr 1fr}
a{text-decoration:none}
}
`;
}
