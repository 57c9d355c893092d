// The report's sections in order, each a piece of HTML without page-level CSS: the HTML report's
// body and the web app's views.

import { assumptionsSection } from "./assumptionsSection.js";
import { distributionsSection } from "./distributionsSection.js";
import { eventsSection } from "./eventsSection.js";
import { fansSection } from "./fansSection.js";
import { gapSection } from "./gapSection.js";
import { loopSection } from "./loopSection.js";
import { originsSection } from "./originsSection.js";
import type { ReportData } from "./reportTypes.js";
import { reserveSection } from "./reserveSection.js";
import type { ReportSection } from "./section.js";
import { sensitivitySection } from "./sensitivitySection.js";
import { stressSection } from "./stressSection.js";

/**
 * Every section of the report of `data`, in reading order: loop, origins, fans, events, stress
 * (only when `data.stress` is set), distributions, sensitivity, gap, reserve (only when
 * `data.reserve` is set), assumptions.
 */
export function renderSections(data: ReportData): ReportSection[] {
  const reserve = reserveSection(data);
  const stress = stressSection(data);
  return [
    loopSection(data),
    originsSection(data),
    fansSection(data),
    eventsSection(data),
    ...(stress === null ? [] : [stress]),
    distributionsSection(data),
    sensitivitySection(data),
    gapSection(data),
    ...(reserve === null ? [] : [reserve]),
    assumptionsSection(data),
  ];
}
