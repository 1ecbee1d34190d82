// Loads what a programme needs from the database: the region's current LAs, each one's last
// judgement and timeline (published history and recorded activities), its risk level, and the
// framework version in force at the start. Inspectors come from the caller (a JSON roster, a
// synthetic one) or, when it gives none, from the inspectors' profiles (roster.ts: the team inspectors).
import { listLaActivityDates } from '../../data/repositories/activities.js';
import { listProgrammePlannedActivityIds } from '../../data/repositories/programme.js';
import { latestJudgements, listHistoryForLas } from '../../data/repositories/inspection-history.js';
import { listLocalAuthorities } from '../../data/repositories/local-authorities.js';
import { currentRiskAssessments } from '../../data/repositories/risk-assessments.js';
import { frameworkRegistry } from '../../domain/frameworks/installed.js';
import { isCurrent } from '../../domain/las/la.js';
import type {
  InspectorInput,
  Pin,
  ProgrammeLa,
  ProgrammeSettings,
} from '../../domain/programme/instance.js';
import { programmeRulesOf } from '../../domain/programme/rules.js';
import type { TimelineItem } from '../../domain/scheduling/check-rules.js';
import { AppError } from '../../errors.js';
import type { ProgrammeInstance } from '../../domain/programme/instance.js';
import type { UseCaseContext } from '../context.js';
import { loadRoster } from './roster.js';

export async function loadProgrammeInstance(
  ctx: UseCaseContext,
  p: {
    region: string | null;
    start: string;
    weeks: number;
    /** The roster; null: the inspectors' profiles in the database. */
    inspectors: InspectorInput[] | null;
    settings: ProgrammeSettings;
    pins: Pin[];
  },
): Promise<ProgrammeInstance> {
  const fw = frameworkRegistry().forDate(p.start, 'short_inspection');
  const rules = fw ? programmeRulesOf(fw) : null;
  if (!fw || !rules)
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: 'from',
          value: p.start,
          reason: 'No framework with activity rules is in force then',
        },
      ],
    });
  const las = (await listLocalAuthorities(ctx.db, p.region ? { region: p.region } : {})).filter(
    (l) => isCurrent(l) && l.ofstedRegion,
  );
  const ids = las.map((l) => l.id);
  const [latest, history, risk, fromProgramme] = await Promise.all([
    latestJudgements(ctx.db, { laIds: ids, asAt: p.start }),
    listHistoryForLas(ctx.db, ids),
    currentRiskAssessments(ctx.db, ids),
    // Activities a published programme created and not yet started: the new plan replaces them.
    listProgrammePlannedActivityIds(ctx.db, ids),
  ]);
  const out: ProgrammeLa[] = [];
  for (const la of las) {
    const last = latest.get(la.id) ?? null;
    const grades = (last?.grades ?? {}) as Record<string, string>;
    const overall = rules.rules.overallFrom.map((k) => grades[k]).find(Boolean) ?? null;
    const timeline: TimelineItem[] = (await listLaActivityDates(ctx.db, la.id))
      .filter((a) => !fromProgramme.has(a.id))
      .map((a) => ({
        activityType: a.activityType,
        start: a.start,
        end: a.end,
        label: `${a.title} (${a.start})`,
      }));
    const recorded = new Set(timeline.map((t) => `${t.activityType}|${t.start}`));
    for (const h of history)
      if (h.laId === la.id && !recorded.has(`${h.activityType}|${h.startDate}`))
        timeline.push({
          activityType: h.activityType,
          start: h.startDate,
          end: h.endDate ?? null,
          label: `${rules.typeLabels[h.activityType] ?? h.activityType} (${h.startDate})`,
        });
    out.push({
      id: la.id,
      name: la.name,
      region: la.ofstedRegion ?? '',
      lastJudgement: last ? { start: last.startDate, overall, grades } : null,
      lastJudgementType: last?.activityType ?? null,
      riskLevel: risk.get(la.id)?.current.overallLevel ?? null,
      timeline,
    });
  }
  return {
    start: p.start,
    weeks: p.weeks,
    las: out,
    inspectors:
      p.inspectors ??
      (await loadRoster(ctx, {
        region: p.settings.crossRegion ? null : p.region,
        start: p.start,
        weeks: p.weeks,
        members: 'team-inspectors',
        workingDays: true,
      })),
    rules,
    settings: p.settings,
    pins: p.pins,
    previous: null,
  };
}
