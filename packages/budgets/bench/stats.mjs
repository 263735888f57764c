// Small statistics over repeated runs.

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** A value over the baseline's; undefined when either is missing. */
export const ratio = (value, base) =>
  value === undefined || base === undefined
    ? undefined
    : base === 0
      ? value === 0
        ? 1
        : Infinity
      : value / base;
