// The unit of random-number streams and of parallel work.

/**
 * Samples are drawn in blocks of BLOCK_SIZE: sample i of a column uses the stream of block
 * floor(i / BLOCK_SIZE), so splitting work on block boundaries (threads, machines) never changes
 * a single bit of the results.
 */
export const BLOCK_SIZE = 4096;
