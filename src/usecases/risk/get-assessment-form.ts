// What the "assess risk" form needs: the model in force (domains, ratings, levels, the rule in
// words), the current ratings to start from, and per domain the recent intelligence to link.
import { z } from 'zod';
import { listIntelligence } from '../../data/repositories/intelligence.js';
import { listRiskAssessments } from '../../data/repositories/risk-assessments.js';
import { riskModel } from '../../domain/risk/installed.js';
import { AppError } from '../../errors.js';
import { todayInEngland } from '../../clock.js';
import type { UseCaseContext } from '../context.js';
import { presentEntry, type IntelligenceItem } from './list-intelligence.js';
import { riskScope, validationError } from './risk-scope.js';

/** How many recent entries the form offers to link, per domain. */
const CANDIDATES = 8;

export interface AssessmentForm {
  la: { id: string; name: string };
  model: {
    id: string;
    ruleDescription: string;
    ratings: { key: string; label: string; description: string | null }[];
    levels: { key: string; label: string }[];
  };
  domains: {
    key: string;
    title: string;
    description: string | null;
    current: { rating: string; justification: string; evidence: string[] } | null;
    candidates: IntelligenceItem[];
  }[];
  currentVersion: number;
  currentLevel: string | null;
}

export async function getAssessmentForm(
  ctx: UseCaseContext,
  raw: { laId: string },
): Promise<AssessmentForm> {
  const parsed = z.object({ laId: z.string().trim().min(1).max(200) }).safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const scope = await riskScope(ctx, parsed.data.laId);
  if (!scope.canWrite) throw new AppError('FORBIDDEN');
  const model = riskModel({ onDate: todayInEngland() });
  const [versions, recent] = await Promise.all([
    listRiskAssessments(ctx.db, scope.la.id),
    listIntelligence(ctx.db, { laId: scope.la.id, limit: 200 }, false),
  ]);
  const latest = versions[0];
  const entries = recent.entries.map((e) => presentEntry(model, e));
  return {
    la: { id: scope.la.id, name: scope.la.name },
    model: {
      id: model.id,
      ruleDescription: model.rule.description,
      ratings: model.ratings.map((r) => ({
        key: r.key,
        label: r.label,
        description: r.description ?? null,
      })),
      levels: model.levels.map((l) => ({ key: l.key, label: l.label })),
    },
    domains: model.domains.map((d) => {
      const cur = latest?.ratings.find((r) => r.domain === d.key) ?? null;
      const linked = new Set(cur?.evidence ?? []);
      const candidates = entries
        .filter((e) => linked.has(e.id) || e.domainKeys.includes(d.key))
        .slice(0, CANDIDATES + linked.size);
      return {
        key: d.key,
        title: d.title,
        description: d.description ?? null,
        current: cur
          ? { rating: cur.rating, justification: cur.justification, evidence: cur.evidence }
          : null,
        candidates,
      };
    }),
    currentVersion: latest?.version ?? 0,
    currentLevel: latest?.overallLevel ?? null,
  };
}
