// The LA's reform and improvement programmes, each with the sentences of its published reports
// that name it or its keywords (where the inspection took it into account).
import { z } from 'zod';
import { listPublishedInspections } from '../../data/repositories/action-plans.js';
import { listReformProgrammes as listProgrammes } from '../../data/repositories/reform-programmes.js';
import {
  findMentions,
  type ReformProgramme,
  type ReportMention,
} from '../../domain/action-plans/reform-programme.js';
import type { UseCaseContext } from '../context.js';
import { laScope, parseInput } from './scope.js';

export const ListReformProgrammesInput = z.object({ laId: z.string().max(200) });

export async function listReformProgrammes(
  ctx: UseCaseContext,
  raw: z.input<typeof ListReformProgrammesInput>,
): Promise<{
  la: { id: string; name: string };
  programmes: (ReformProgramme & { mentions: ReportMention[] })[];
  reportsSearched: number;
  can: { write: boolean };
}> {
  const input = parseInput(ListReformProgrammesInput, raw);
  const scope = await laScope(ctx, input.laId);
  const [programmes, published] = await Promise.all([
    listProgrammes(ctx.db, scope.la.id),
    listPublishedInspections(ctx.db, scope.la.id),
  ]);
  const texts = published.map((p) => ({
    activityId: p.activityId,
    activityTitle: p.title,
    sections: p.document.sections.map((s) => ({ heading: s.heading, paragraphs: s.paragraphs })),
  }));
  return {
    la: { id: scope.la.id, name: scope.la.name },
    programmes: programmes.map((p) => ({ ...p, mentions: findMentions(p, texts) })),
    reportsSearched: texts.length,
    can: { write: scope.can.write },
  };
}
