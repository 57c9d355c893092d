// The accelerators perpetuum knows by name: thermal design power (TDP) per GPU and where it comes
// from. Rack-scale systems (GB200 NVL72, GB300 NVL72) are counted per GPU, as Epoch AI does.

/** One accelerator and its power. */
export interface Chip {
  /** Name as typed on the command line (`H100`, `GB200`). */
  readonly name: string;
  /** What the name stands for. */
  readonly description: string;
  /** Thermal design power per GPU, in watts. */
  readonly tdpWatts: number;
  /** Where the figure comes from: a `public:` key or a vendor document. */
  readonly source: string;
}

/**
 * The chip table. H100, B200, GB200 and GB300 are Epoch AI's figures (`public:chip-tdp`); GB200
 * and GB300 are per GPU of the rack-scale system (a Grace–Blackwell superchip is one Grace CPU
 * and two Blackwell GPUs; its share of the CPU is inside the per-GPU figure).
 */
export const CHIPS: readonly Chip[] = [
  {
    name: "H100",
    description: "Nvidia H100 SXM",
    tdpWatts: 700,
    source: "public:chip-tdp (Epoch AI cluster data); Nvidia H100 Tensor Core GPU datasheet",
  },
  {
    name: "H200",
    description: "Nvidia H200 SXM",
    tdpWatts: 700,
    source: "Nvidia H200 Tensor Core GPU datasheet (up to 700 W, SXM)",
  },
  {
    name: "B200",
    description: "Nvidia B200 (HGX B200)",
    tdpWatts: 1000,
    source: "public:chip-tdp (Epoch AI cluster data)",
  },
  {
    name: "GB200",
    description: "Nvidia GB200 NVL72, per Blackwell GPU",
    tdpWatts: 1200,
    source: "public:chip-tdp (Epoch AI cluster data, per GPU)",
  },
  {
    name: "GB300",
    description: "Nvidia GB300 NVL72, per Blackwell Ultra GPU",
    tdpWatts: 1400,
    source: "public:chip-tdp (Epoch AI cluster data, per GPU)",
  },
  {
    name: "MI300X",
    description: "AMD Instinct MI300X",
    tdpWatts: 750,
    source: "AMD Instinct MI300X accelerator datasheet (750 W peak board power)",
  },
];

/**
 * The chip called `name` (case-insensitive), or `undefined`.
 *
 * @example findChip("h100")?.tdpWatts // 700
 */
export function findChip(name: string): Chip | undefined {
  const key = name.toUpperCase();
  return CHIPS.find((c) => c.name === key);
}
