import { z } from 'zod';
import {
  hasFrameworkCodes,
  listCodes as queryCodes,
  type Code,
} from '../../data/repositories/codes.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { ensureCodebook } from '../shared/codebook.js';

export const ListCodesInput = z.object({
  activityId: z.string(),
  /** Include merged codes (tombstones pointing at the code they were merged into). */
  includeMerged: z.boolean().default(false),
});
export type ListCodesInput = z.input<typeof ListCodesInput>;

export interface CodeNode extends Code {
  /** 0 for top-level codes and folders. */
  depth: number;
  /** Names from the top down to this code: ["Help and protection", "Front door"]. */
  path: string[];
}

export interface Codebook {
  codes: CodeNode[];
  /** Whether the framework's criteria are in the codebook. */
  seeded: boolean;
  canWrite: boolean;
}

/**
 * The codebook in tree order. The first time someone on the team opens it, it is seeded from the
 * framework (a recorded change), so there is always a framework codebook to code against.
 */
export async function listCodes(ctx: UseCaseContext, raw: ListCodesInput): Promise<Codebook> {
  const input = ListCodesInput.parse(raw);
  const { activity, canWrite } = await evidenceScope(ctx, input.activityId, 'read');
  let codes = await queryCodes(ctx.db, activity.id, { includeMerged: input.includeMerged });
  // A listed framework code means the codebook is seeded; only otherwise ask (one round trip
  // fewer on every ordinary open).
  let seeded =
    codes.some((c) => c.source === 'framework') || (await hasFrameworkCodes(ctx.db, activity.id));
  if (!seeded && canWrite) {
    await ctx.db.transaction().execute((trx) => ensureCodebook(trx, ctx.actor, activity));
    seeded = true;
    codes = await queryCodes(ctx.db, activity.id, { includeMerged: input.includeMerged });
  }
  const byId = new Map(codes.map((c) => [c.id, c]));
  const pathOf = (c: Code): string[] => {
    const out: string[] = [];
    const seen = new Set<string>();
    for (
      let p: Code | undefined = c;
      p && !seen.has(p.id);
      p = p.parentId ? byId.get(p.parentId) : undefined
    ) {
      seen.add(p.id);
      out.unshift(p.name);
    }
    return out;
  };
  return {
    codes: codes.map((c) => {
      const path = pathOf(c);
      return { ...c, depth: path.length - 1, path };
    }),
    seeded,
    canWrite,
  };
}
