// Small statistics for the burden reports: medians and the suppression of small groups (a group of
// one or two inspections could name an LA or a person).
export const MIN_GROUP = 3;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const m = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return Math.round(m * 10) / 10;
}

export const round1 = (n: number): number => Math.round(n * 10) / 10;
