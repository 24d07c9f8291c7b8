// The coverage figure on its own, for counts aggregated elsewhere (the backlog summary counts in SQL): the same
// rounding as `coverageMatrix` (matrix.ts), so the product page and the matrix never show different numbers.

/** covered / total in percent, rounded down to one decimal (reads 100 only when it is); 0 when total is 0. */
export function coveragePercent(covered: number, total: number): number {
  return total === 0 ? 0 : Math.floor((covered * 1000) / total) / 10;
}
