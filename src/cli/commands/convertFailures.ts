// `perpetuum convert --failures`: a cluster's failure rates from its record (GPUs, days,
// unexpected interruptions): hours between interruptions and interruptions per GPU-year.

import { failureRates } from "../../hardware/failures.js";
import { type ConvertFlags, required } from "./convertFlags.js";
import { type Conversion, count } from "./convertOutput.js";

/** Failure rates from a record. */
export function failures(flags: ConvertFlags): Conversion {
  const gpus = required("--gpus", flags.gpus, null);
  const days = required("--days", flags.days, null);
  const interruptions = required("--interruptions", flags.interruptions, null);
  const r = failureRates(gpus, days, interruptions);
  return {
    lines: [
      `record: ${count(gpus)} GPUs, ${count(days)} days, ${count(interruptions)} unexpected interruptions`,
      `cluster: one interruption every ${count(days)} d × 24 h ÷ ${count(interruptions)} = ${r.clusterHoursBetween.toFixed(2)} h`,
      `per GPU: ${count(interruptions)} ÷ (${count(gpus)} GPUs × ${count(days)} d ÷ 365) = ${r.perGpuYear.toFixed(4)} interruptions per GPU-year, one every ${r.gpuYearsBetween.toFixed(2)} GPU-years`,
    ],
    doc: {
      conversion: "failures",
      inputs: { gpus, days, interruptions },
      result: r,
      sources: ["public:failures-llama3 (for Meta's Llama 3 record)"],
    },
  };
}
