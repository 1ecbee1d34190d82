// Comparing two versions section by section: which sections changed and, within them, which
// paragraphs are new and which are gone (paragraphs are the unit people edit and comment on).
import type { ReportSection } from './types.js';

export interface SectionChange {
  key: string;
  heading: string | null;
  status: 'same' | 'changed' | 'added' | 'removed';
  removed: string[];
  added: string[];
}

export function compareSections(
  before: readonly ReportSection[],
  after: readonly ReportSection[],
): SectionChange[] {
  const old = new Map(before.map((s) => [s.key, s]));
  const out: SectionChange[] = [];
  for (const s of after) {
    const o = old.get(s.key);
    old.delete(s.key);
    if (!o) {
      out.push({
        key: s.key,
        heading: s.heading,
        status: 'added',
        removed: [],
        added: s.paragraphs,
      });
      continue;
    }
    const was = new Set(o.paragraphs);
    const now = new Set(s.paragraphs);
    const added = s.paragraphs.filter((p) => !was.has(p));
    const removed = o.paragraphs.filter((p) => !now.has(p));
    const same = added.length === 0 && removed.length === 0 && o.heading === s.heading;
    out.push({ key: s.key, heading: s.heading, status: same ? 'same' : 'changed', removed, added });
  }
  for (const o of old.values())
    out.push({
      key: o.key,
      heading: o.heading,
      status: 'removed',
      removed: o.paragraphs,
      added: [],
    });
  return out;
}
