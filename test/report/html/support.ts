// Shared by the HTML report's tests: the built-in ono scenario checked, one section of a page, and
// the sections' order.
import { readFileSync } from "node:fs";
import type { CheckedScenario } from "../../../src/scenario/checkScenario.js";
import { checkScenario } from "../../../src/scenario/checkScenario.js";

/** The text of the built-in ono scenario. */
export const ONO = readFileSync("scenarios/ono.yaml", "utf8");

/** `text` checked; throws with the diagnostics when it does not check. */
export function checked(text: string): CheckedScenario {
  const r = checkScenario(text);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join("; "));
  return r.value;
}

/** The markup of `<section id="ID">` in `html`, from its opening tag to its closing one. */
export function sectionOf(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}">`);
  if (start < 0) throw new Error(`no section ${id}`);
  return html.slice(start, html.indexOf("</section>", start) + "</section>".length);
}

/** How many times `needle` occurs in `text`. */
export function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/** The report's sections of a run without --shock or --reserve, in page order. */
export const SECTIONS = [
  "loop",
  "origins",
  "fans",
  "events",
  "distributions",
  "sensitivity",
  "gap",
  "assumptions",
];
