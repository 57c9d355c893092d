// The step's working memory, allocated once per run (or per thread): the per-sample parts hold a
// batch of samples, so that each stage of the quarter runs over the whole batch before the next
// starts, and the clearing and valuation parts hold one sample's network.

import { ClearingWork } from "./clearQuarter.js";
import type { CompiledSystem } from "./compiledSystem.js";
import { CrossWork } from "./crossWork.js";
import type { ObligationSlots } from "./obligationSlots.js";
import { SERIES } from "./result.js";

/** Samples a step takes through each stage together: its batch (the last may be smaller). */
export const STEP_BATCH = 256;

const M = SERIES.length;

/**
 * Working memory of the step. A class, not an object literal, so that a second run in the same
 * process keeps the step's compiled code (see Ctx).
 */
export class StepScratch {
  /** Samples per batch. */
  readonly batch: number;
  /** Amount owed per slot, and what remains due after optional purchases are cut: [b · slots + j]. */
  readonly amount: Float64Array;
  readonly due: Float64Array;
  /**
   * The quarter's series, [(entity · SERIES.length + series) · batch + b]: each series of the
   * batch together, as the output columns hold them.
   */
  readonly row: Float64Array;
  /** GW built and GPUs put in service per capacity this quarter: [b · K + k]. */
  readonly gwAdded: Float64Array;
  readonly gpusAdded: Float64Array;
  /** Principal paid out by outside lenders per contract this quarter (−1: none): [b · C + c]. */
  readonly outsideLoan: Float64Array;
  /** What each entity owes and expects to receive this quarter: [b · E + entity]. */
  readonly owes: Float64Array;
  readonly expects: Float64Array;
  /** 1 for a batch sample in which everyone pays in full (seen at once, or found by clearing). */
  readonly inFull: Uint8Array;
  /** All entities' cash at the start of the quarter, and the outside sectors' net flow to them. */
  readonly before: Float64Array;
  readonly external: Float64Array;
  /** Cash of each entity, and what is due per slot, of the sample being cleared. */
  readonly cash: Float64Array;
  readonly sampleDue: Float64Array;
  /**
   * Clearing: the fraction each entity pays, what it owes and what it receives (owed and inflow
   * also serve the check that lets a sample skip clearing).
   */
  readonly f: Float64Array;
  readonly owed: Float64Array;
  readonly inflow: Float64Array;
  /** The size of the terms summed into `inflow` (bounds the sum's rounding). */
  readonly size: Float64Array;
  /** Exact clearing's working memory (rounds, the default set's linear system). */
  readonly clearing: ClearingWork;
  /** Cross-ownership valuation's working memory. */
  readonly cross: CrossWork;

  /**
   * The scratch for `system`, for batches of `batch` samples (fewer when there are only
   * `samples`). The batch changes the order of work, never a result.
   */
  constructor(
    system: CompiledSystem,
    slots: ObligationSlots,
    samples: number,
    batch: number = STEP_BATCH,
  ) {
    const E = system.entities.length;
    const B = Math.max(1, Math.min(samples, batch));
    this.batch = B;
    this.amount = new Float64Array(B * slots.count);
    this.due = new Float64Array(B * slots.count);
    this.row = new Float64Array(B * E * M);
    this.gwAdded = new Float64Array(B * system.capacity.length);
    this.gpusAdded = new Float64Array(B * system.capacity.length);
    this.outsideLoan = new Float64Array(B * system.contracts.length);
    this.owes = new Float64Array(B * E);
    this.expects = new Float64Array(B * E);
    this.inFull = new Uint8Array(B);
    this.before = new Float64Array(B);
    this.external = new Float64Array(B);
    this.cash = new Float64Array(E);
    this.sampleDue = new Float64Array(slots.count);
    this.f = new Float64Array(E);
    this.owed = new Float64Array(E);
    this.inflow = new Float64Array(E);
    this.size = new Float64Array(E);
    this.clearing = new ClearingWork(E);
    this.cross = new CrossWork(E);
  }
}
