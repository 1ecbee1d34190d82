// Counts in page text: "1 finding", "2 findings", never "finding(s)" or "1 strengths".

/** "1 finding", "3 findings"; pass the plural when adding "s" is wrong ("1 child", "2 children"). */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
