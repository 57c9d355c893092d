// A slider and a number box for each number written in the scenario (two for an interval);
// moving one rewrites that number in the text.

import type { SliderSpec } from "./messages.js";
import type { SliderRange } from "./sliders.js";

/** Props of Sliders. */
export interface SlidersProps {
  /** The sliders of the current text. */
  readonly specs: readonly SliderSpec[];
  /** The range of a slider (kept steady while it moves). */
  readonly rangeOf: (spec: SliderSpec) => SliderRange;
  /** Called with a new value for end `end` of slider `name`. */
  readonly onChange: (name: string, end: number, value: number, step: number) => void;
}

/** The step of the last decimal written in `typed` (0.01 for `2.75`), so no digit typed is lost. */
function stepOf(typed: string): number {
  return 10 ** -(typed.split(".")[1]?.length ?? 0);
}

/** The list of sliders. */
export function Sliders({ specs, rangeOf, onChange }: SlidersProps) {
  if (specs.length === 0) return <p class="muted">No assumption is written as a plain number.</p>;
  return (
    <div class="sliders">
      {specs.map((spec) => {
        const range = rangeOf(spec);
        return (
          <div class="slider" key={spec.name}>
            <div class="slider-name" title={spec.source ?? ""}>
              {spec.name}{" "}
              <span class="muted">
                {spec.ends.map((e) => e.pattern.replace("…", String(e.value))).join(" to ")}
              </span>
            </div>
            {spec.ends.map((end, i) => (
              <div class="slider-row" key={`${spec.name}-${i}`}>
                <input
                  type="range"
                  aria-label={`${spec.name}${spec.ends.length > 1 ? (i === 0 ? " low" : " high") : ""}`}
                  data-testid={`slider-${spec.name}-${i}`}
                  min={range.min}
                  max={range.max}
                  step={range.step}
                  value={end.value}
                  onInput={(e) => onChange(spec.name, i, Number(e.currentTarget.value), range.step)}
                />
                <input
                  type="number"
                  data-testid={`number-${spec.name}-${i}`}
                  step={range.step}
                  value={end.value}
                  onChange={(e) => {
                    const typed = e.currentTarget.value;
                    const v = Number(typed);
                    if (typed !== "" && Number.isFinite(v))
                      onChange(spec.name, i, v, Math.min(range.step, stepOf(typed)));
                  }}
                />
              </div>
            ))}
          </div>
        );
      })}
    </div>
  );
}
