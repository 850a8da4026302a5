/**
 * The index of the first item for which `reached` is true, in an array where every item for which it
 * is false comes first (spans sorted by start, tested with `item.start >= offset`); `items.length` when
 * none is. The one binary search the stages share: lookups by offset stay O(log n) per query, which keeps
 * each stage linear in its input.
 */
export function firstIndexWhere<T>(items: readonly T[], reached: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reached(items[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The index of the last item starting at or before `offset` in spans sorted by start; -1 when none does. */
export function lastStartingAtOrBefore(items: readonly { readonly start: number }[], offset: number): number {
  return firstIndexWhere(items, (item) => item.start > offset) - 1;
}
