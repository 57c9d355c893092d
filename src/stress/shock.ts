// A shock of `perpetuum stress` once read and resolved against its scenario (an override of
// assumptions, a forced default or a delay of capacity), and the forms a shock is written in.

/** A resolved shock. Quarters are indices (see quarter.ts). */
export type Shock =
  | {
      /** Override assumptions: set them to `value`, or multiply them by it, from `from` on. */
      readonly kind: "set" | "scale";
      /** Names of the assumptions overridden. */
      readonly targets: readonly string[];
      /** The value (base units) or the factor. */
      readonly value: number;
      /** First quarter of the shock (the scenario's start when not given). */
      readonly from: number;
      /** The shock as written. */
      readonly text: string;
    }
  | {
      /** Force a company to default: it pays nothing from quarter `at`. */
      readonly kind: "default";
      readonly entity: string;
      readonly at: number;
      readonly text: string;
    }
  | {
      /** Delay capacity: every GW comes online `quarters` later. */
      readonly kind: "delay";
      readonly capacity: readonly string[];
      readonly quarters: number;
      readonly text: string;
    };

/** The forms a shock takes, for messages. */
export const SHOCK_FORMS = [
  "NAME = VALUE [from QUARTER]",
  "NAME * FACTOR [from QUARTER]",
  "funding(COMPANY) = VALUE [from QUARTER]",
  "appetite(investors|lenders) * FACTOR [from QUARTER]",
  "default(COMPANY) at QUARTER",
  "delay(capacity(ID or COMPANY), Nq)",
];
