// An LA's intelligence log, newest first, a page at a time (keyset paging), filtered by kind and
// date. Inspection and visit outcomes from the history appear as entries. LA users see only
// entries shared with them; they never reach confidential entries or risk ratings, and nor does
// an inspection team (whistle-blowing, complaints and confidential entries stay with the region).
import { z } from 'zod';
import { listIntelligence, type IntelligenceEntry } from '../../data/repositories/intelligence.js';
import { policies } from '../../domain/access/policies.js';
import { activityTypeLabels, gradeLabels, type GradeKey } from '../../domain/history/types.js';
import type { HistoryActivityType } from '../../domain/history/types.js';
import { decodeCursor, encodeCursor, type PageInfo } from '../../domain/paging/cursor.js';
import { intelligenceKinds, neverSharedKinds } from '../../domain/risk/intelligence.js';
import { riskModel } from '../../domain/risk/installed.js';
import type { RiskModel } from '../../domain/risk/model.js';
import { todayInEngland } from '../../clock.js';
import type { LocalAuthority } from '../../data/repositories/local-authorities.js';
import type { UseCaseContext } from '../context.js';
import { riskScope, validationError } from './risk-scope.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date as YYYY-MM-DD');

export const ListIntelligenceInput = z.object({
  laId: z.string().trim().min(1).max(200),
  kinds: z.array(z.enum(intelligenceKinds)).max(20).default([]),
  from: isoDate.optional(),
  to: isoDate.optional(),
  after: z.string().max(500).optional(),
  limit: z.number().int().min(1).max(200).default(25),
});
export type ListIntelligenceInput = z.input<typeof ListIntelligenceInput>;

export interface IntelligenceItem extends IntelligenceEntry {
  domains: { key: string; title: string }[];
}

export interface IntelligencePage {
  la: Pick<LocalAuthority, 'id' | 'name' | 'ofstedRegion'>;
  entries: IntelligenceItem[];
  page: PageInfo;
  canWrite: boolean;
  /** The actor sees only what is shared with the LA. */
  sharedOnly: boolean;
}

/** Titles for history outcomes; domains for every entry (history by the model's kinds). */
export function presentEntry(model: RiskModel, e: IntelligenceEntry): IntelligenceItem {
  const keys =
    e.origin === 'history'
      ? model.domains.filter((d) => d.kinds.includes(e.kind)).map((d) => d.key)
      : e.domainKeys;
  let title = e.title;
  if (e.history) {
    const label = activityTypeLabels[e.history.activityType as HistoryActivityType] ?? title;
    const overall = e.history.grades.overall_effectiveness as GradeKey | undefined;
    title = `${label}${e.history.theme ? `: ${e.history.theme}` : ''}${
      overall ? ` (overall effectiveness: ${gradeLabels[overall]})` : ''
    }`;
  }
  return {
    ...e,
    title,
    domainKeys: keys,
    domains: keys.map((k) => ({
      key: k,
      title: model.domains.find((d) => d.key === k)?.title ?? k,
    })),
  };
}

export async function listIntelligenceLog(
  ctx: UseCaseContext,
  raw: ListIntelligenceInput,
): Promise<IntelligencePage> {
  const parsed = ListIntelligenceInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const input = parsed.data;
  const scope = await riskScope(ctx, input.laId, { allowShared: true });
  const cursor = input.after ? decodeCursor(input.after, 2) : null;
  const { entries, total } = await listIntelligence(
    ctx.db,
    {
      laId: scope.la.id,
      kinds: input.kinds,
      from: input.from,
      to: input.to,
      laView: scope.sharedOnly ? { neverShared: [...neverSharedKinds] } : undefined,
      // An inspection team reads the picture, not what the region holds in confidence.
      standardOnly: !policies.viewConfidentialIntelligence(ctx.actor, scope.facts),
      after: cursor?.key,
      limit: input.limit + 1,
    },
    cursor === null,
  );
  const more = entries.length > input.limit;
  const shown = entries.slice(0, input.limit);
  const last = shown.at(-1);
  const all = total ?? cursor?.total ?? 0;
  const model = riskModel({ onDate: todayInEngland() });
  return {
    la: { id: scope.la.id, name: scope.la.name, ofstedRegion: scope.la.ofstedRegion },
    entries: shown.map((e) => presentEntry(model, e)),
    page: {
      total: all,
      returned: shown.length,
      next: more && last ? encodeCursor({ key: [last.receivedOn, last.id], total: all }) : null,
    },
    canWrite: scope.canWrite,
    sharedOnly: scope.sharedOnly,
  };
}
