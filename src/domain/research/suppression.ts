// Small-number suppression for cross-inspection counts: a count of 1 to threshold - 1 could point
// at a handful of children or one team, so it is shown as "fewer than N" and its passages are not
// opened. Zero is not disclosive (nothing is there) and stays 0.

export interface SuppressedCount {
  /** The count, or null when suppressed. */
  value: number | null;
  suppressed: boolean;
  /** What a person reads: "12", "0" or "<5". */
  display: string;
}

export function suppressCount(count: number, threshold: number): SuppressedCount {
  if (count > 0 && count < threshold)
    return { value: null, suppressed: true, display: `<${threshold}` };
  return { value: count, suppressed: false, display: String(count) };
}

/** Whether a cell's passages may be opened: only an unsuppressed, non-empty cell. */
export function mayOpenCell(count: number, threshold: number): boolean {
  return count >= threshold;
}

/** One cell of a coding query or matrix: its counts suppressed, and whether it may be opened. */
export interface CountCell {
  column: string;
  columnLabel: string;
  records: SuppressedCount;
  references: SuppressedCount;
  open: boolean;
}

export function countCell(
  column: string,
  columnLabel: string,
  records: number,
  references: number,
  threshold: number,
): CountCell {
  const rec = suppressCount(records, threshold);
  return {
    column,
    columnLabel,
    records: rec,
    // The references of a suppressed cell would tell its size: suppressed with it.
    references: rec.suppressed ? rec : suppressCount(references, threshold),
    open: mayOpenCell(records, threshold),
  };
}
