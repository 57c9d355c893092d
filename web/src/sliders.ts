// The numbers of a scenario that sliders move: assumptions written as one literal (`$10B`) or a
// 90% interval (`$35B to $60B`), and the rewriting of one number in the text, units kept.

import type { AssumptionSource } from "../../src/scenario/scenario.js";
import { readLiteral } from "../../src/units/literal.js";
import type { SliderEnd, SliderSpec } from "./messages.js";

/** The digits of a literal, after any `$`: sign, digits, decimals and exponent. */
const DIGITS = /-?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;

/** Reads a whole literal at `pos` of `text`: its digits' end and where the literal ends. */
function literalAt(text: string, pos: number): { end: SliderEnd; stop: number } | null {
  const lit = readLiteral(text, pos);
  if (lit === null || "problem" in lit) return null;
  const written = text.slice(pos, pos + lit.length);
  const digits = DIGITS.exec(written);
  if (digits === null) return null;
  const value = Number(digits[0].replaceAll("_", ""));
  if (!Number.isFinite(value)) return null;
  const pattern = `${written.slice(0, digits.index)}…${written.slice(digits.index + digits[0].length)}`;
  return {
    end: { start: pos + digits.index, length: digits[0].length, value, pattern },
    stop: pos + lit.length,
  };
}

/** The slider of one assumption, with offsets relative to its text, or null when it has none. */
function sliderOf(text: string): SliderEnd[] | null {
  const lo = literalAt(text, 0);
  if (lo === null) return null;
  if (text.slice(lo.stop).trim() === "") return [lo.end];
  const to = /^[ \t]+to[ \t]+/.exec(text.slice(lo.stop));
  if (to === null) return null;
  const hi = literalAt(text, lo.stop + to[0].length);
  if (hi === null || text.slice(hi.stop).trim() !== "") return null;
  return [lo.end, hi.end];
}

/**
 * The sliders of a checked scenario's assumptions, in file order: those written as a literal
 * number or `A to B` whose text stands in the file as written (not quoted or folded).
 */
export function findSliders(
  fileText: string,
  assumptions: readonly AssumptionSource[],
): SliderSpec[] {
  const out: SliderSpec[] = [];
  for (const a of assumptions) {
    if (a.formula || a.schedule !== undefined || a.flowOf !== undefined) continue;
    if (fileText.slice(a.textStart, a.textStart + a.text.length) !== a.text) continue;
    const found = sliderOf(a.text);
    if (found === null) continue;
    const ends = found.map((e) => ({ ...e, start: e.start + a.textStart }));
    out.push({
      name: a.name,
      ends,
      ...(a.source === undefined ? {} : { source: a.source }),
    });
  }
  return out.sort((x, y) => (x.ends[0]?.start ?? 0) - (y.ends[0]?.start ?? 0));
}

/** The range and step of a slider, from the numbers it starts with. */
export interface SliderRange {
  /** Lowest value. */
  readonly min: number;
  /** Highest value. */
  readonly max: number;
  /** Step between values. */
  readonly step: number;
}

/**
 * A range around a slider's numbers: from 0 (or twice the most negative, for money written
 * with a sign) to twice the largest, in steps of about a hundredth of that.
 */
export function sliderRange(spec: SliderSpec): SliderRange {
  const values = spec.ends.map((e) => e.value);
  const span = Math.max(...values.map(Math.abs)) || 1;
  const step = 10 ** Math.floor(Math.log10(span / 50));
  const signed = spec.ends[0]?.pattern.startsWith("$") === true;
  const min = Math.min(...values) < 0 && signed ? -2 * span : 0;
  return { min, max: 2 * span, step };
}

/** `value` written with at most the decimals of `step` (`40`, `2.75`; `1e+21`, still a literal). */
export function writeNumber(value: number, step: number): string {
  const decimals = Math.max(0, Math.min(12, -Math.floor(Math.log10(step))));
  return String(Number(value.toFixed(decimals)));
}

/** A rewritten text and its sliders with their offsets moved to match. */
export interface Rewritten {
  /** The new text. */
  readonly text: string;
  /** Its sliders. */
  readonly sliders: readonly SliderSpec[];
}

/**
 * Writes `value` as the number of end `endIndex` of slider `name` in `text`, keeping every other
 * character, and moves the offsets of the numbers after it. For an interval the value is kept
 * between the other end's, and a number without `$` is kept ≥ 0 (a minus there is not a literal).
 */
export function rewriteEnd(
  text: string,
  sliders: readonly SliderSpec[],
  name: string,
  endIndex: number,
  value: number,
  step: number,
): Rewritten {
  const spec = sliders.find((s) => s.name === name);
  const end = spec?.ends[endIndex];
  if (spec === undefined || end === undefined) return { text, sliders };
  const lower = endIndex > 0 ? spec.ends[endIndex - 1]?.value : undefined;
  const upper = spec.ends[endIndex + 1]?.value;
  const floor = end.pattern.startsWith("$") ? value : Math.max(0, value);
  const kept = Math.min(upper ?? floor, Math.max(lower ?? floor, floor));
  const written = writeNumber(kept, step);
  const shift = written.length - end.length;
  const next = text.slice(0, end.start) + written + text.slice(end.start + end.length);
  const moved = sliders.map((s) => ({
    ...s,
    ends: s.ends.map((e) =>
      e.start === end.start
        ? { ...e, length: written.length, value: Number(written) }
        : e.start > end.start
          ? { ...e, start: e.start + shift }
          : e,
    ),
  }));
  return { text: next, sliders: moved };
}
