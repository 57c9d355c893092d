// Formats byte counts for messages: `2 GiB`, `44.7 TiB`.

/**
 * `bytes` in binary units with up to three significant digits.
 *
 * @example formatBytes(2 * 1024 ** 3) // "2 GiB"
 */
export function formatBytes(bytes: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return `${Number(value.toPrecision(3))} ${units[i]}`;
}
