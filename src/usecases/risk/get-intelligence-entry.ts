// One intelligence entry with the files kept beside it, for whoever may read the entry
// (intelligence-entry-scope.ts): its page, the API and the CLI list its files from here.
import { z } from 'zod';
import {
  listIntelligenceAttachments,
  type IntelligenceAttachment,
} from '../../data/repositories/attachments.js';
import { riskModel } from '../../domain/risk/installed.js';
import { todayInEngland } from '../../clock.js';
import type { UseCaseContext } from '../context.js';
import { intelligenceEntryScope } from './intelligence-entry-scope.js';
import { presentEntry, type IntelligenceItem } from './list-intelligence.js';

export const GetIntelligenceEntryInput = z.object({
  laId: z.string().max(200),
  entryId: z.string().max(200),
});

export interface IntelligenceEntryView {
  la: { id: string; name: string };
  entry: IntelligenceItem;
  attachments: IntelligenceAttachment[];
  /** May attach files to the entry. */
  canWrite: boolean;
  /** The actor sees only what is shared with the LA. */
  sharedOnly: boolean;
}

export async function getIntelligenceEntry(
  ctx: UseCaseContext,
  raw: z.input<typeof GetIntelligenceEntryInput>,
): Promise<IntelligenceEntryView> {
  const input = GetIntelligenceEntryInput.parse(raw);
  const scope = await intelligenceEntryScope(ctx, input.laId, input.entryId);
  const model = riskModel({ onDate: todayInEngland() });
  return {
    la: { id: scope.la.id, name: scope.la.name },
    entry: presentEntry(model, scope.entry),
    attachments: await listIntelligenceAttachments(ctx.db, [scope.entry.id]),
    canWrite: scope.canWrite,
    sharedOnly: scope.sharedOnly,
  };
}
