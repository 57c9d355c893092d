// The probabilities of the quantiles a summary reports. A module of its own because both the
// summary (summarize.ts) and the size of the order statistics' working memory (orderStatistics.ts)
// depend on it, and summarize.ts imports orderStatistics.ts.

/** Probabilities of the reported quantiles, ascending. */
export const SUMMARY_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;
