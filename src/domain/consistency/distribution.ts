// How a provisional grade sits in the national distribution: each authority's latest published
// grade for the same judgement (from the inspection history), counted by grade. Pure wording.

export interface GradeScale {
  key: string;
  label: string;
}

export interface DistributionPosition {
  /** Authorities with a published grade for this judgement. */
  total: number;
  counts: { grade: string; label: string; count: number }[];
  same: number;
  better: number;
  worse: number;
  sentence: string;
}

const pct = (n: number, total: number) => `${Math.round((100 * n) / total)}%`;

/**
 * Where `grade` sits among the latest published grades (the scale is best first). Null grade:
 * counts only. "Good: 62 of 150 authorities (41%) were last judged good; 20 better, 68 worse."
 */
export function distributionPosition(
  scale: readonly GradeScale[],
  published: readonly string[],
  grade: string | null,
): DistributionPosition {
  const counts = scale.map((g) => ({
    grade: g.key,
    label: g.label,
    count: published.filter((p) => p === g.key).length,
  }));
  const total = counts.reduce((s, c) => s + c.count, 0);
  const i = grade ? scale.findIndex((g) => g.key === grade) : -1;
  const sum = (xs: typeof counts) => xs.reduce((s, c) => s + c.count, 0);
  const same = i >= 0 ? counts[i]!.count : 0;
  const better = i >= 0 ? sum(counts.slice(0, i)) : 0;
  const worse = i >= 0 ? sum(counts.slice(i + 1)) : 0;
  let sentence: string;
  if (total === 0) sentence = 'No published grades for this judgement to compare with';
  else if (i < 0)
    sentence = `Not graded yet; nationally: ${counts
      .filter((c) => c.count > 0)
      .map((c) => `${c.count} ${c.label.toLowerCase()}`)
      .join(', ')}`;
  else
    sentence =
      `${scale[i]!.label}: ${same} of ${total} authorities (${pct(same, total)}) were last judged ` +
      `${scale[i]!.label.toLowerCase()}; ${better} better, ${worse} worse`;
  return { total, counts, same, better, worse, sentence };
}
