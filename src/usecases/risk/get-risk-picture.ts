// One LA's risk picture: the current assessment with each domain's rating, justification and
// evidence, the timeline of every version, whether the review is overdue, recent intelligence.
import { z } from 'zod';
import { findIntelligence, listIntelligence } from '../../data/repositories/intelligence.js';
import {
  listRiskAssessments,
  openReviewRequests,
} from '../../data/repositories/risk-assessments.js';
import { directionOfTravel, type Direction } from '../../domain/risk/combine.js';
import { riskModel } from '../../domain/risk/installed.js';
import { policies } from '../../domain/access/policies.js';
import type { RiskModel } from '../../domain/risk/model.js';
import { todayInEngland } from '../../clock.js';
import type { LocalAuthority } from '../../data/repositories/local-authorities.js';
import type { UseCaseContext } from '../context.js';
import { presentEntry, type IntelligenceItem } from './list-intelligence.js';
import { riskScope, validationError } from './risk-scope.js';

export const GetRiskPictureInput = z.object({ laId: z.string().trim().min(1).max(200) });

export interface Labelled {
  key: string;
  label: string;
  colour: string;
}

export interface RatedDomain {
  key: string;
  title: string;
  description: string | null;
  rating: Labelled;
  justification: string;
  evidence: { id: string; title: string; receivedOn: string | null }[];
}

export interface TimelineItem {
  version: number;
  assessedOn: string;
  author: string;
  level: Labelled;
  computedLevel: Labelled;
  overrideReason: string | null;
  changeReason: string;
  nextReviewOn: string;
  direction: Direction;
  modelId: string;
}

export interface RiskPicture {
  la: Pick<LocalAuthority, 'id' | 'name' | 'ofstedRegion'>;
  model: { id: string; name: string; versionLabel: string; ruleDescription: string };
  current: (TimelineItem & { domains: RatedDomain[] }) | null;
  timeline: TimelineItem[];
  overdue: boolean;
  /** A review asked for by a publication and not yet made. */
  reviewRequested: { on: string; reason: string } | null;
  recentIntelligence: IntelligenceItem[];
  canWrite: boolean;
}

export const labelOf = (
  list: { key: string; label: string; colour: string }[],
  key: string,
): Labelled => {
  const f = list.find((x) => x.key === key);
  return { key, label: f?.label ?? key, colour: f?.colour ?? 'grey' };
};

export async function getRiskPicture(
  ctx: UseCaseContext,
  raw: z.input<typeof GetRiskPictureInput>,
): Promise<RiskPicture> {
  const parsed = GetRiskPictureInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const scope = await riskScope(ctx, parsed.data.laId);
  const today = todayInEngland();
  const inForce = riskModel({ onDate: today });
  const versions = await listRiskAssessments(ctx.db, scope.la.id);
  const timeline: TimelineItem[] = versions.map((a, i) => {
    const m: RiskModel = riskModel({ id: a.modelId });
    return {
      version: a.version,
      assessedOn: a.assessedOn,
      author: a.author.label,
      level: labelOf(m.levels, a.overallLevel),
      computedLevel: labelOf(m.levels, a.computedLevel),
      overrideReason: a.overrideReason,
      changeReason: a.changeReason,
      nextReviewOn: a.nextReviewOn,
      direction: directionOfTravel(m, versions[i + 1]?.overallLevel ?? null, a.overallLevel),
      modelId: a.modelId,
    };
  });
  const latest = versions[0];
  // An inspection team reads the picture, not what the region holds in confidence.
  const seesConfidential = policies.viewConfidentialIntelligence(ctx.actor, scope.facts);
  let current: RiskPicture['current'] = null;
  if (latest && timeline[0]) {
    const m = riskModel({ id: latest.modelId });
    const ids = latest.ratings.flatMap((r) => r.evidence);
    const entries = new Map(
      (await findIntelligence(ctx.db, scope.la.id, ids)).map((e) => [
        e.id,
        seesConfidential || e.sensitivity !== 'confidential'
          ? presentEntry(m, e)
          : { title: 'A confidential entry held by the region', receivedOn: null },
      ]),
    );
    current = {
      ...timeline[0],
      domains: m.domains.map((d) => {
        const r = latest.ratings.find((x) => x.domain === d.key);
        return {
          key: d.key,
          title: d.title,
          description: d.description ?? null,
          rating: labelOf(m.ratings, r?.rating ?? ''),
          justification: r?.justification ?? '',
          evidence: (r?.evidence ?? []).map((id) => ({
            id,
            title: entries.get(id)?.title ?? 'An entry no longer in the log',
            receivedOn: entries.get(id)?.receivedOn ?? null,
          })),
        };
      }),
    };
  }
  const [recent, requests] = await Promise.all([
    listIntelligence(
      ctx.db,
      { laId: scope.la.id, limit: 5, standardOnly: !seesConfidential },
      false,
    ),
    openReviewRequests(ctx.db, [scope.la.id]),
  ]);
  const request = requests.get(scope.la.id);
  return {
    la: { id: scope.la.id, name: scope.la.name, ofstedRegion: scope.la.ofstedRegion },
    model: {
      id: inForce.id,
      name: inForce.name,
      versionLabel: inForce.versionLabel,
      ruleDescription: inForce.rule.description,
    },
    current,
    timeline,
    overdue: request !== undefined || (latest !== undefined && latest.nextReviewOn < today),
    reviewRequested: request ? { on: request.requestedOn, reason: request.reason } : null,
    recentIntelligence: recent.entries.map((e) => presentEntry(inForce, e)),
    canWrite: scope.canWrite,
  };
}
