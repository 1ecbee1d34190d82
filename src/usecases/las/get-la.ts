// One authority: its codes and regions, the authorities it replaced and that replaced it, its
// statistical neighbours, and its history newest first, including the history of the
// authorities it replaced (BCP's page shows Bournemouth's 2018 inspection, marked as such).
import { z } from 'zod';
import { latestJudgements, listHistoryForLas } from '../../data/repositories/inspection-history.js';
import { loadLaRegister, type LocalAuthority } from '../../data/repositories/local-authorities.js';
import { policies } from '../../domain/access/policies.js';
import { isCurrent } from '../../domain/las/la.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { toHistoryItem, type HistoryItem } from '../shared/la-summaries.js';

export const GetLaInput = z.object({
  /** The id, or any code or name the register knows (GSS, DfE, URN, name). */
  id: z.string().trim().min(1, 'Give a local authority id, code or name').max(200),
});
export type GetLaInput = z.input<typeof GetLaInput>;

export interface LaRef {
  id: string;
  name: string;
}

export interface LaDetail {
  la: LocalAuthority;
  current: boolean;
  /** Authorities this one directly replaced, with the day it took over. */
  predecessors: (LaRef & { effectiveDate: string })[];
  /** Authorities that directly replaced this one. */
  successors: (LaRef & { effectiveDate: string })[];
  /** For a former authority: the current authorities for its area. */
  currentSuccessors: LaRef[];
  /** Statistical neighbours by DfE code, with the authority where the register knows it. */
  statNeighbours: { dfeCode: string; id: string | null; name: string | null }[];
  /** This authority's own most recent graded inspection. */
  latestJudgement: HistoryItem | null;
  /** Newest first; includes the events of the authorities it replaced. */
  history: HistoryItem[];
}

export async function getLa(ctx: UseCaseContext, raw: GetLaInput): Promise<LaDetail> {
  const parsed = GetLaInput.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', {
      details: parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message })),
    });
  }
  const register = await loadLaRegister(ctx.db);
  const found = register.find(parsed.data.id);
  // Unknown and not-yours look the same from outside.
  if (!found.ok) throw new AppError('NOT_FOUND');
  const la = found.la;
  if (!policies.viewLa(ctx.actor, { id: la.id, region: la.ofstedRegion })) {
    throw new AppError('NOT_FOUND');
  }

  const ancestors = register.ancestorsOf(la.id);
  const names = new Map(register.all.map((l) => [l.id, l]));
  const [events, latest] = await Promise.all([
    listHistoryForLas(ctx.db, [la.id, ...ancestors.map((a) => a.id)]),
    latestJudgements(ctx.db, { laIds: [la.id] }),
  ]);
  const ref = (l: LocalAuthority): LaRef => ({ id: l.id, name: l.name });
  const latestOwn = latest.get(la.id);
  return {
    la,
    current: isCurrent(la),
    predecessors: register
      .predecessorsOf(la.id)
      .map((p) => ({ ...ref(p.la), effectiveDate: p.effectiveDate })),
    successors: register
      .successorsOf(la.id)
      .map((s) => ({ ...ref(s.la), effectiveDate: s.effectiveDate })),
    currentSuccessors: isCurrent(la) ? [] : register.currentSuccessors(la.id).map(ref),
    statNeighbours: la.statNeighbours.map((code) => {
      const n = register.byDfe(code);
      return n.ok
        ? { dfeCode: code, id: n.la.id, name: n.la.name }
        : { dfeCode: code, id: null, name: null };
    }),
    latestJudgement: latestOwn ? toHistoryItem(latestOwn, la, la.id) : null,
    history: events.map((e) => toHistoryItem(e, names.get(e.laId), la.id)),
  };
}
